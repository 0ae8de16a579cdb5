import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelDays, contacts, effortContacts, efforts, interactions } from '@/db/schema';
import { parseCalendar } from '@/lib/import/calendar';
import { ForbiddenError } from '@/lib/permissions';
import { contactSchema } from '@/lib/schemas/contact';
import { isFailure } from '@/lib/result';
import { testDatabase } from '@/test/db';
import { importCalendar, previewCalendarImport } from './capture';
import { createContact } from './contacts';
import type { WorkspaceCtx } from './context';
import { listInteractions } from './interactions';
import { createUserWithWorkspace } from './users';

const handle = testDatabase();
let ana: WorkspaceCtx;
const TODAY = '2026-03-01';
const ids: Record<string, string> = {};

const calendar = () => {
  const r = parseCalendar(new Uint8Array(readFileSync(path.join(__dirname, '../../e2e/fixtures/calendar.ics'))), { today: TODAY });
  if (!r.ok) throw new Error(r.error);
  return r;
};

async function contact(ctx: WorkspaceCtx, name: string, email: string, extra: Record<string, unknown> = {}) {
  const made = await createContact(ctx, contactSchema.parse({ name, email, phone: '', company: '', role: '', linkedinUrl: '', notes: '', channel: 'organizations', metOn: '2026-01-10', ...extra }));
  if (isFailure(made)) throw new Error(made.formError);
  return made.id;
}

beforeAll(async () => {
  // Signed up with another address than the calendar's: the file says whose calendar it is.
  const a = (await createUserWithWorkspace({ name: 'Ana Lima', email: 'ana@example.com', password: 'ana pass phrase 1' }))!;
  ana = { userId: a.user.id, workspaceId: a.workspaceId, role: 'owner' };
  ids.zoe = await contact(ana, 'Zoë Ødegård', 'Zoe.Odegard@acme.example');
  ids.jose = await contact(ana, 'José García', 'jose@example.com');
});

describe('calendar upload', () => {
  it('previews meetings with contacts and one-to-ones with new people, and says why the rest are left out', async () => {
    const file = calendar();
    const plan = await previewCalendarImport(ana, file.occurrences, file.owner, { today: TODAY });
    expect(plan).toMatchObject({ meetingCount: 4, interactionCount: 5, interviewCount: 1, skippedCount: 3 });
    expect(plan.items.map((i) => [i.date, i.status, i.contacts.map((c) => `${c.name}:${c.direction}`), i.person?.name])).toEqual([
      ['2026-01-15', 'meeting', ['Zoë Ødegård:inbound', 'José García:mutual'], undefined],
      ['2026-02-03', 'meeting', ['José García:outbound'], undefined],
      ['2026-02-10', 'interview', [], 'Rosa Brandt'],
      ['2026-02-11', 'meeting', ['José García:outbound'], undefined],
      ['2026-02-17', 'meeting', ['José García:outbound'], undefined],
    ]);
    expect(plan.skipped).toEqual([
      { date: '2026-01-20', summary: 'Call with Zoë', reason: 'Cancelled' },
      { date: '2026-02-05', summary: 'Vendor webinar', reason: 'None of the guests is one of your contacts' },
      { date: '2099-01-20', summary: 'Planning with Zoë', reason: 'Not yet happened' },
    ]);
    expect(await listInteractions(ana, ids.zoe)).toEqual([]);
  });

  it('records the meetings in the timelines, makes the chosen one-to-one an interview, and the inviter counts as remembered', async () => {
    const file = calendar();
    const plan = await previewCalendarImport(ana, file.occurrences, file.owner, { today: TODAY });
    const rosa = plan.items.find((i) => i.status === 'interview')!;
    const done = await importCalendar(ana, file.occurrences, file.owner, { interviews: [rosa.index], today: TODAY });
    expect(done).toMatchObject({ interactionCount: 5, interviewsLogged: 1 });

    expect((await listInteractions(ana, ids.zoe)).map((i) => [i.date, i.kind, i.direction, i.notes])).toEqual([
      ['2026-01-15', 'meeting', 'inbound', "From your calendar: Biotech writers' lunch"],
    ]);
    expect((await listInteractions(ana, ids.jose)).map((i) => [i.date, i.direction])).toEqual([
      ['2026-02-17', 'outbound'],
      ['2026-02-11', 'outbound'],
      ['2026-02-03', 'outbound'],
      ['2026-01-15', 'mutual'],
    ]);
    const people = await handle.db
      .select({ name: contacts.name, remembered: contacts.remembered, lastTouchOn: contacts.lastTouchOn, channel: contacts.channel, metOn: contacts.metOn, email: contacts.email })
      .from(contacts)
      .where(eq(contacts.workspaceId, ana.workspaceId))
      .orderBy(contacts.name);
    expect(people).toEqual([
      { name: 'José García', remembered: false, lastTouchOn: '2026-02-17', channel: 'organizations', metOn: '2026-01-10', email: 'jose@example.com' },
      { name: 'Rosa Brandt', remembered: false, lastTouchOn: '2026-02-10', channel: 'interviews', metOn: '2026-02-10', email: 'rosa.brandt@studio.example' },
      { name: 'Zoë Ødegård', remembered: true, lastTouchOn: '2026-01-15', channel: 'organizations', metOn: '2026-01-10', email: 'zoe.odegard@acme.example' },
    ]);
    // The dashboard's per-day rollup counts Zoë as remembered, for the channel where you met her.
    const [rollup] = await handle.db
      .select({ made: sql<number>`sum(${channelDays.contactsMade})`.mapWith(Number), remembered: sql<number>`sum(${channelDays.contactsRemembered})`.mapWith(Number) })
      .from(channelDays)
      .where(and(eq(channelDays.workspaceId, ana.workspaceId), eq(channelDays.channel, 'organizations')));
    expect(rollup).toEqual({ made: 2, remembered: 1 });

    const [interview] = await handle.db.select().from(efforts).where(and(eq(efforts.workspaceId, ana.workspaceId), eq(efforts.channel, 'interviews')));
    expect([interview.title, interview.date, interview.hours, (interview.details as Record<string, unknown>).person]).toEqual(['Coffee with Rosa Brandt', '2026-02-10', 0.5, 'Rosa Brandt']);
    expect(await handle.db.select().from(effortContacts).where(eq(effortContacts.effortId, interview.id))).toHaveLength(1);
  });

  it('uploading the same calendar again records nothing twice', async () => {
    const file = calendar();
    const again = await importCalendar(ana, file.occurrences, file.owner, { interviews: [0, 1, 2, 3, 4, 5, 6, 7], today: TODAY });
    expect(again).toMatchObject({ meetingCount: 0, interactionCount: 0, interviewCount: 0, interviewsLogged: 0 });
    expect(again.skipped.filter((s) => s.reason === 'Already recorded')).toHaveLength(5);
    const [{ n }] = await handle.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(interactions)
      .where(eq(interactions.workspaceId, ana.workspaceId));
    expect(n).toBe(5);
  });

  it('writes nothing in another workspace, and refuses coaches and viewers', async () => {
    const b = (await createUserWithWorkspace({ name: 'Ben Ode', email: 'ben@example.com', password: 'ben pass phrase 1' }))!;
    const ben: WorkspaceCtx = { userId: b.user.id, workspaceId: b.workspaceId, role: 'owner' };
    const file = calendar();
    // Ben's workspace has no contacts with these addresses: Ana's are not matched.
    const plan = await importCalendar(ben, file.occurrences, file.owner, { today: TODAY });
    expect(plan).toMatchObject({ meetingCount: 0, interviewCount: 4, interviewsLogged: 0 });
    for (const role of ['coach', 'viewer'] as const) {
      await expect(importCalendar({ ...ana, role }, file.occurrences, file.owner, { today: TODAY })).rejects.toThrow(ForbiddenError);
      await expect(previewCalendarImport({ ...ana, role }, file.occurrences, file.owner, { today: TODAY })).rejects.toThrow(ForbiddenError);
    }
  });
});
