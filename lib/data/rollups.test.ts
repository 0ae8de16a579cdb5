import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { DbHandle } from '@/db';
import { contacts, efforts, timeEntries, workspaces } from '@/db/schema';
import { addDays } from '@/lib/dates';
import { CHANNEL_KEYS } from '@/lib/payoff';
import { setupTestDatabase } from '@/lib/test/db';
import { createUserWithWorkspace } from './users';

let handle: DbHandle;
let ws: string;

beforeAll(async () => {
  handle = await setupTestDatabase();
  ws = (await createUserWithWorkspace({ name: 'Roll', email: 'roll@example.com', password: 'rollup pass phrase' }))!.workspaceId;
});
afterAll(async () => {
  await handle.close();
});

type Row = Record<string, unknown>;
const FIELDS = ['hours', 'efforts', 'money', 'pitches', 'advances', 'drinks_over_two', 'job_seeker_asks', 'useful_contacts', 'contacts_made'];

async function snapshot(query: ReturnType<typeof sql>): Promise<string[]> {
  const result = (await handle.db.execute(query)) as unknown as { rows: Row[] };
  return result.rows
    .map((r) => [r.channel, String(r.day).slice(0, 10), ...FIELDS.map((f) => Number(r[f]).toFixed(2))].join('|'))
    .filter((line) => !line.split('|').slice(2).every((v) => Number(v) === 0))
    .sort();
}

/** The rollup as kept by the triggers, against a recomputation from the raw rows. */
async function compare(workspaceId: string) {
  const kept = await snapshot(sql`select * from channel_days where workspace_id = ${workspaceId}`);
  const raw = await snapshot(sql`
    select channel, day, sum(hours) as hours, sum(efforts) as efforts, sum(money) as money, sum(pitches) as pitches,
      sum(advances) as advances, sum(drinks_over_two) as drinks_over_two, sum(job_seeker_asks) as job_seeker_asks,
      sum(useful_contacts) as useful_contacts, sum(contacts_made) as contacts_made
    from (
      select e.channel, t.date as day, t.hours, 0 as efforts, 0 as money, 0 as pitches, 0 as advances, 0 as drinks_over_two,
        0 as job_seeker_asks, 0 as useful_contacts, 0 as contacts_made
        from time_entries t join efforts e on e.id = t.effort_id where t.workspace_id = ${workspaceId}
      union all
      select channel, date, 0, 1, money_spent, coalesce(pitches, 0), coalesce(advances, 0), greatest(coalesce(drinks, 0) - 2, 0),
        coalesce(job_seeker_asks, 0), coalesce(useful_contacts, 0), 0 from efforts where workspace_id = ${workspaceId}
      union all
      select channel, met_on, 0, 0, 0, 0, 0, 0, 0, 0, 1 from contacts
        where workspace_id = ${workspaceId} and channel is not null and met_on is not null
    ) x group by channel, day`);
  return { kept, raw };
}

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('per-day channel rollups', () => {
  it('equal a recomputation from raw rows after inserts, edits and deletes', async () => {
    const r = rng(99);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    const ids: string[] = [];
    const contactIds: string[] = [];
    for (let step = 0; step < 250; step++) {
      const op = r();
      if (op < 0.3 || ids.length < 5) {
        const [e] = await handle.db
          .insert(efforts)
          .values({
            workspaceId: ws, channel: pick(CHANNEL_KEYS), title: `E${step}`, date: addDays('2026-01-01', Math.floor(r() * 90)),
            moneySpent: Math.floor(r() * 50), drinks: Math.floor(r() * 5), pitches: Math.floor(r() * 3), advances: Math.floor(r() * 2),
            jobSeekerAsks: Math.floor(r() * 2), usefulContacts: Math.floor(r() * 2),
          })
          .returning({ id: efforts.id });
        ids.push(e.id);
      } else if (op < 0.55) {
        await handle.db.insert(timeEntries).values({ workspaceId: ws, effortId: pick(ids), date: addDays('2026-01-01', Math.floor(r() * 120)), hours: Math.round(r() * 16) / 4 });
      } else if (op < 0.65) {
        // Edits: channel (moves its hours), date, drinks and money.
        await handle.db
          .update(efforts)
          .set({ channel: pick(CHANNEL_KEYS), date: addDays('2026-01-01', Math.floor(r() * 90)), drinks: Math.floor(r() * 6), moneySpent: Math.floor(r() * 80) })
          .where(eq(efforts.id, pick(ids)));
      } else if (op < 0.72) {
        const [entry] = await handle.db.select({ id: timeEntries.id }).from(timeEntries).where(eq(timeEntries.workspaceId, ws)).limit(1).offset(Math.floor(r() * 5));
        if (entry) await handle.db.update(timeEntries).set({ hours: Math.round(r() * 20) / 4, date: addDays('2026-02-01', Math.floor(r() * 30)) }).where(eq(timeEntries.id, entry.id));
      } else if (op < 0.78) {
        const [entry] = await handle.db.select({ id: timeEntries.id }).from(timeEntries).where(eq(timeEntries.workspaceId, ws)).limit(1);
        if (entry) await handle.db.delete(timeEntries).where(eq(timeEntries.id, entry.id));
      } else if (op < 0.84) {
        // Deleting an effort takes its time entries with it.
        const id = ids.splice(Math.floor(r() * ids.length), 1)[0];
        await handle.db.delete(efforts).where(eq(efforts.id, id));
      } else if (op < 0.93) {
        const [c] = await handle.db
          .insert(contacts)
          .values({ workspaceId: ws, name: `C${step}`, channel: r() < 0.8 ? pick(CHANNEL_KEYS) : null, metOn: r() < 0.9 ? addDays('2026-01-01', Math.floor(r() * 90)) : null })
          .returning({ id: contacts.id });
        contactIds.push(c.id);
      } else if (contactIds.length) {
        const id = pick(contactIds);
        if (r() < 0.5) await handle.db.update(contacts).set({ channel: pick(CHANNEL_KEYS), metOn: addDays('2026-03-01', Math.floor(r() * 20)) }).where(eq(contacts.id, id));
        else {
          await handle.db.delete(contacts).where(eq(contacts.id, id));
          contactIds.splice(contactIds.indexOf(id), 1);
        }
      }
    }
    const { kept, raw } = await compare(ws);
    expect(raw.length).toBeGreaterThan(20);
    expect(kept).toEqual(raw);
  });

  it('a write that fails leaves the rollup untouched', async () => {
    const before = await compare(ws);
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.insert(efforts).values({ workspaceId: ws, channel: 'events', title: 'Rolled back', date: '2026-01-05', moneySpent: 999 });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await compare(ws)).kept).toEqual(before.kept);
  });

  it('rebuild_channel_days restores a damaged rollup from the raw rows', async () => {
    await handle.db.execute(sql`update channel_days set hours = hours + 5 where workspace_id = ${ws}`);
    const damaged = await compare(ws);
    expect(damaged.kept).not.toEqual(damaged.raw);
    await handle.db.execute(sql`select rebuild_channel_days(${ws}::uuid)`);
    const repaired = await compare(ws);
    expect(repaired.kept).toEqual(repaired.raw);
  });

  it('deleting a workspace removes its rollup rows without errors', async () => {
    const other = (await createUserWithWorkspace({ name: 'Gone', email: 'gone@example.com', password: 'rollup pass phrase' }))!.workspaceId;
    const [e] = await handle.db.insert(efforts).values({ workspaceId: other, channel: 'events', title: 'x', date: '2026-01-01' }).returning();
    await handle.db.insert(timeEntries).values({ workspaceId: other, effortId: e.id, date: '2026-01-01', hours: 2 });
    await handle.db.insert(contacts).values({ workspaceId: other, name: 'y', channel: 'events', metOn: '2026-01-01' });
    await handle.db.delete(workspaces).where(eq(workspaces.id, other));
    const left = (await handle.db.execute(sql`select count(*)::int as n from channel_days where workspace_id = ${other}`)) as unknown as { rows: Row[] };
    expect(Number(left.rows[0].n)).toBe(0);
  });
});
