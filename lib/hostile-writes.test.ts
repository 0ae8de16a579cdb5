// The real actions (wrapper, schema, data layer, database) fed every hostile value in every field:
// each call must end in a typed result, never an exception (a 500 in the app), and nothing stored
// may be oversized, out of range or shaped wrong.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { contacts, efforts } from '@/db/schema';
import { createUserWithWorkspace } from '@/lib/data/users';
import { hostileValues } from '@/test/hostile';
import { testDatabase } from '@/test/db';
import { MAX_ACCEPTED_STRING, unsafeParts } from '@/test/safety';

const request = vi.hoisted(() => ({ user: null as null | { id: string; name: string; email: string } }));
vi.mock('@/lib/session', () => ({
  getCurrentUser: async () => request.user,
  getSessionClaims: async () => null,
  requireUser: async () => request.user,
}));

const { createContactAction, createInteractionAction } = await import('@/app/w/[workspaceId]/contacts/actions');
const { createEffortAction, addTimeEntryAction } = await import('@/app/w/[workspaceId]/efforts/actions');
const { createOpportunityAction } = await import('@/app/w/[workspaceId]/opportunities/actions');
const { quickLogAction } = await import('@/app/w/[workspaceId]/log/actions');
const { updateWorkspaceSettingsAction } = await import('@/app/w/[workspaceId]/settings/actions');
const { listContacts } = await import('@/lib/data/contacts');
const { listEfforts } = await import('@/lib/data/efforts');
const { listOpportunities } = await import('@/lib/data/opportunities');
const { contactListQuerySchema } = await import('@/lib/schemas/contact');
const { effortFiltersSchema } = await import('@/lib/schemas/effort');
const { opportunityListQuery } = await import('@/lib/schemas/opportunity');

const handle = testDatabase();
let workspaceId: string;
let ctx: { userId: string; workspaceId: string; role: 'owner' };
let effortId: string;
let contactId: string;

beforeAll(async () => {
  const made = (await createUserWithWorkspace({ name: 'Hostile Tester', email: 'hostile@example.com', password: 'a quiet walk by the harbour' }))!;
  request.user = made.user;
  workspaceId = made.workspaceId;
  ctx = { userId: made.user.id, workspaceId, role: 'owner' };
  [{ id: effortId }] = await handle.db
    .insert(efforts)
    .values({ workspaceId, channel: 'events', title: 'Seed mixer', date: '2026-03-01' })
    .returning({ id: efforts.id });
  [{ id: contactId }] = await handle.db
    .insert(contacts)
    .values({ workspaceId, name: 'Seed Contact' })
    .returning({ id: contacts.id });
});

type Action = (workspaceId: string, input: never) => Promise<{ ok: boolean }>;

function cases(): { name: string; action: Action; payload: Record<string, unknown> }[] {
  return [
    {
      name: 'contact',
      action: createContactAction as Action,
      payload: {
        name: 'Dana Wu', email: 'dana@example.com', phone: '+1 555 010 2030', company: 'Harbor Labs', role: 'Founder',
        linkedinUrl: 'https://www.linkedin.com/in/dana', tags: 'founder', notes: 'Likes rowing.', metThroughEffortId: effortId,
        channel: 'events', metOn: '2026-03-02', cadenceDays: '30', nextFollowUpOn: '2026-04-02',
      },
    },
    {
      name: 'effort (events)',
      action: createEffortAction as Action,
      payload: {
        channel: 'events', title: 'Harbor mixer', date: '2026-03-02', hours: '2', moneySpent: '15', notes: 'Met two founders.',
        contactIds: [contactId], venue: 'Dock 4', drinks: '1', conversations: '5', pitches: '0', advances: '0', jobSeekerAsks: '0', usefulContacts: '2',
      },
    },
    {
      name: 'effort (interviews)',
      action: createEffortAction as Action,
      payload: {
        channel: 'interviews', title: 'Coffee with Ana', date: '2026-03-02', hours: '1', moneySpent: '', notes: '', contactIds: [],
        person: 'Ana', company: 'Acme', personRole: 'CTO', questions: 'How?', learned: 'Much', thankYouSent: 'on', followUpOn: '2026-04-01',
      },
    },
    {
      name: 'opportunity',
      action: createOpportunityAction as Action,
      payload: {
        title: 'Brochure rewrite', kind: 'client', contactId, effortId, stage: 'won', expectedValue: '2000', wonValue: '1800',
        openedOn: '2026-03-01', closedOn: '2026-03-20', notes: 'Referred by Dana.',
      },
    },
    {
      name: 'quick log',
      action: quickLogAction as Action,
      payload: {
        channel: 'volunteering', title: 'Food bank', date: '2026-03-02', hours: '3', moneySpent: '', drinks: '', pitches: '', advances: '',
        jobSeekerAsks: '', usefulContacts: '', helped: 'Neighbours', what: 'Sorted cans', contacts: [{ name: 'Eli Ross', company: 'Pantry', email: '' }],
      },
    },
    {
      name: 'interaction',
      action: createInteractionAction as Action,
      payload: { contactId, date: '2026-03-02', kind: 'call', direction: 'outbound', notes: 'Caught up' },
    },
    {
      name: 'time entry',
      action: addTimeEntryAction as Action,
      payload: { effortId, date: '2026-03-02', hours: '0.25', note: 'Prep' },
    },
    {
      name: 'workspace settings',
      action: updateWorkspaceSettingsAction as Action,
      payload: { name: 'Freelance writing', targetNiche: 'biotech', hourlyValue: '60', currency: 'EUR' },
    },
  ];
}

describe('hostile values through the real actions', () => {
  it('every valid payload is accepted, so the hostile runs below start from a write that works', async () => {
    for (const c of cases()) {
      const result = await c.action(workspaceId, c.payload as never);
      expect(result, c.name).toMatchObject({ ok: true });
    }
  });

  it('ends every call in a typed result, one field replaced at a time', async () => {
    const thrown: string[] = [];
    let accepted = 0;
    let calls = 0;
    for (const c of cases()) {
      const fields = [...Object.keys(c.payload), ...(Array.isArray(c.payload.contacts) ? ['contacts.0.name', 'contacts.0.email'] : [])];
      for (const field of fields) {
        for (const hostile of hostileValues()) {
          const input = structuredClone(c.payload);
          if (field.startsWith('contacts.0.')) (input.contacts as Record<string, unknown>[])[0][field.slice(11)] = hostile.value;
          else Object.defineProperty(input, field, { value: hostile.value, enumerable: true, writable: true, configurable: true });
          calls += 1;
          try {
            const result = await c.action(workspaceId, input as never);
            if (typeof result?.ok !== 'boolean') thrown.push(`${c.name}.${field} ← ${hostile.name}: no typed result`);
            if (result?.ok) accepted += 1;
          } catch (err) {
            thrown.push(`${c.name}.${field} ← ${hostile.name}: threw ${(err as Error).message.slice(0, 120)}`);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(3000);
    // Some hostile values are legitimately accepted (markup, emoji, numbers with padding), so writes really happened.
    expect(accepted).toBeGreaterThan(100);
    expect(thrown).toEqual([]);
  }, 300_000);

  it('stored nothing oversized, out of range or shaped wrong', async () => {
    const tables = ['efforts', 'time_entries', 'contacts', 'effort_contacts', 'interactions', 'opportunities', 'workspaces'];
    const dateColumn = (path: string) => /\.(date|met_on|next_follow_up_on|last_touch_on|opened_on|closed_on)$/.test(path);
    const problems: string[] = [];
    let rows = 0;
    for (const table of tables) {
      const column = table === 'workspaces' ? 'id' : 'workspace_id';
      const result = await handle.db.execute(
        sql`select row_to_json(t) as row from ${sql.identifier(table)} t where ${sql.identifier(column)} = ${workspaceId}`,
      );
      const list = (Array.isArray(result) ? result : (result as { rows: { row: unknown }[] }).rows) as { row: unknown }[];
      for (const { row } of list) {
        rows += 1;
        const r = typeof row === 'string' ? JSON.parse(row) : row;
        for (const p of unsafeParts(r, table, [], { isDatePath: dateColumn })) {
          // Creation times are timestamps, not user dates; versions and ids are already covered by the checks.
          problems.push(p);
        }
      }
    }
    expect(rows).toBeGreaterThan(100);
    expect(problems).toEqual([]);
    const [{ longest }] = (await handle.db.execute(
      sql`select max(greatest(length(title), length(notes))) as longest from efforts where workspace_id = ${workspaceId}`,
    ).then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows))) as { longest: number }[];
    expect(Number(longest)).toBeLessThanOrEqual(MAX_ACCEPTED_STRING);
  });

  it('list pages take any query string the way the pages parse it, without failing', async () => {
    const failures: string[] = [];
    for (const hostile of hostileValues()) {
      const v = hostile.value;
      if (typeof v !== 'string' && !Array.isArray(v)) continue;
      const params = { q: v, tag: v, after: v, before: v, from: v, to: v, channel: v, stage: v, cold: v, view: v } as Record<string, string>;
      for (const [name, run] of [
        ['contacts', () => {
          const query = contactListQuerySchema.parse(params);
          return listContacts(ctx, { q: query.q, tag: query.tag, goingCold: query.cold, after: query.after, before: query.before });
        }],
        ['efforts', () => listEfforts(ctx, { ...effortFiltersSchema.parse(params), limit: 25 })],
        ['opportunities', () => {
          const query = opportunityListQuery.parse(params);
          return listOpportunities(ctx, { stage: query.stage, q: query.q, limit: 25 });
        }],
      ] as const) {
        try {
          await run();
        } catch (err) {
          failures.push(`${name} ← ${hostile.name}: ${(err as Error).message.slice(0, 60)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
