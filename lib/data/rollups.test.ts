import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { contacts, effortContacts, efforts, interactions, opportunities, timeEntries, workspaces } from '@/db/schema';
import { addDays } from '@/lib/dates';
import { CHANNEL_KEYS } from '@/lib/payoff';
import { testDatabase } from '@/test/db';
import { createUserWithWorkspace } from './users';

const handle = testDatabase();
let ws: string;

beforeAll(async () => {
  ws = (await createUserWithWorkspace({ name: 'Roll', email: 'roll@example.com', password: 'rollup pass phrase' }))!.workspaceId;
});

type Row = Record<string, unknown>;
const FIELDS = ['hours', 'efforts', 'money', 'pitches', 'advances', 'drinks_over_two', 'job_seeker_asks', 'useful_contacts', 'contacts_made', 'contacts_remembered'];

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
      sum(useful_contacts) as useful_contacts, sum(contacts_made) as contacts_made, sum(contacts_remembered) as contacts_remembered
    from (
      select e.channel, t.date as day, t.hours, 0 as efforts, 0 as money, 0 as pitches, 0 as advances, 0 as drinks_over_two,
        0 as job_seeker_asks, 0 as useful_contacts, 0 as contacts_made, 0 as contacts_remembered
        from time_entries t join efforts e on e.id = t.effort_id where t.workspace_id = ${workspaceId}
      union all
      select channel, date, 0, 1, money_spent, coalesce(pitches, 0), coalesce(advances, 0), greatest(coalesce(drinks, 0) - 2, 0),
        coalesce(job_seeker_asks, 0), coalesce(useful_contacts, 0), 0, 0 from efforts where workspace_id = ${workspaceId}
      union all
      -- Remembered: an inbound interaction on or after meeting, or an opportunity through them.
      select c.channel, c.met_on, 0, 0, 0, 0, 0, 0, 0, 0, 1,
        case when exists (select 1 from interactions i where i.contact_id = c.id and i.direction = 'inbound'
                            and (c.met_on is null or i.date >= c.met_on))
               or exists (select 1 from opportunities o where o.contact_id = c.id) then 1 else 0 end
        from contacts c
        where c.workspace_id = ${workspaceId} and c.channel is not null and c.met_on is not null
    ) x group by channel, day`);
  return { kept, raw };
}

/** What each opportunity credits as copied onto it, against the same read from the raw rows. */
async function compareCredit(workspaceId: string) {
  const lines = async (query: ReturnType<typeof sql>) =>
    ((await handle.db.execute(query)) as unknown as { rows: Row[] }).rows.map((r) => Object.values(r).map(String).join('|')).sort();
  const kept = await lines(sql`
    select id, effort_channel, met_channel, contact_met_on, array_to_string(touch_channels, ',') as touches
    from opportunities where workspace_id = ${workspaceId}`);
  const raw = await lines(sql`
    select o.id, ef.channel as effort_channel, c.channel as met_channel, c.met_on,
      array_to_string(array_remove(array[c.channel], null) || coalesce((
        select array_agg(e.channel order by e.date, e.id)
        from effort_contacts ec join efforts e on e.id = ec.effort_id
        where ec.contact_id = o.contact_id and e.date <= o.opened_on and e.id is distinct from c.met_through_effort_id
      ), '{}'), ',') as touches
    from opportunities o
      left join contacts c on c.id = o.contact_id
      left join efforts ef on ef.id = o.effort_id
    where o.workspace_id = ${workspaceId}`);
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

  it('"remembered" and what opportunities credit follow interactions, links, edits and deletes', async () => {
    const r = rng(7);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    const day = (n: number) => addDays('2026-01-01', Math.floor(r() * n));
    const effortIds: string[] = [];
    const contactIds: string[] = [];
    const opportunityIds: string[] = [];
    const ops = { interactions: 0, links: 0, opportunities: 0 };
    for (let step = 0; step < 400; step++) {
      const op = r();
      if (op < 0.12 || effortIds.length < 4) {
        const [e] = await handle.db.insert(efforts).values({ workspaceId: ws, channel: pick(CHANNEL_KEYS), title: `R${step}`, date: day(90) }).returning({ id: efforts.id });
        effortIds.push(e.id);
      } else if (op < 0.24 || contactIds.length < 4) {
        const through = r() < 0.6 ? pick(effortIds) : null;
        const [c] = await handle.db
          .insert(contacts)
          .values({ workspaceId: ws, name: `P${step}`, channel: r() < 0.85 ? pick(CHANNEL_KEYS) : null, metOn: r() < 0.9 ? day(90) : null, metThroughEffortId: through })
          .returning({ id: contacts.id });
        contactIds.push(c.id);
        if (through) await handle.db.insert(effortContacts).values({ workspaceId: ws, effortId: through, contactId: c.id }).onConflictDoNothing();
      } else if (op < 0.42) {
        ops.interactions++;
        await handle.db.insert(interactions).values({ workspaceId: ws, contactId: pick(contactIds), date: day(120), kind: 'email', direction: pick(['inbound', 'outbound', 'mutual'] as const) });
      } else if (op < 0.5) {
        const [i] = await handle.db.select({ id: interactions.id }).from(interactions).where(eq(interactions.workspaceId, ws)).limit(1).offset(Math.floor(r() * 8));
        if (i) {
          if (r() < 0.5) await handle.db.delete(interactions).where(eq(interactions.id, i.id));
          else await handle.db.update(interactions).set({ date: day(120), direction: pick(['inbound', 'outbound'] as const) }).where(eq(interactions.id, i.id));
        }
      } else if (op < 0.62) {
        ops.links++;
        await handle.db.insert(effortContacts).values({ workspaceId: ws, effortId: pick(effortIds), contactId: pick(contactIds) }).onConflictDoNothing();
      } else if (op < 0.66) {
        const [l] = await handle.db.select().from(effortContacts).where(eq(effortContacts.workspaceId, ws)).limit(1).offset(Math.floor(r() * 6));
        if (l) await handle.db.delete(effortContacts).where(sql`${effortContacts.effortId} = ${l.effortId} and ${effortContacts.contactId} = ${l.contactId}`);
      } else if (op < 0.78) {
        ops.opportunities++;
        const [o] = await handle.db
          .insert(opportunities)
          .values({ workspaceId: ws, title: `O${step}`, kind: 'job', contactId: r() < 0.85 ? pick(contactIds) : null, effortId: r() < 0.25 ? pick(effortIds) : null, openedOn: day(120) })
          .returning({ id: opportunities.id });
        opportunityIds.push(o.id);
      } else if (op < 0.83 && opportunityIds.length) {
        const id = pick(opportunityIds);
        if (r() < 0.5) await handle.db.update(opportunities).set({ contactId: pick(contactIds), openedOn: day(120) }).where(eq(opportunities.id, id));
        else {
          await handle.db.delete(opportunities).where(eq(opportunities.id, id));
          opportunityIds.splice(opportunityIds.indexOf(id), 1);
        }
      } else if (op < 0.9) {
        // An effort moves in time or changes channel; its contacts' opportunities are credited again.
        await handle.db.update(efforts).set({ date: day(90), channel: pick(CHANNEL_KEYS) }).where(eq(efforts.id, pick(effortIds)));
      } else if (op < 0.94) {
        await handle.db.update(contacts).set({ metOn: r() < 0.9 ? day(90) : null, channel: pick(CHANNEL_KEYS) }).where(eq(contacts.id, pick(contactIds)));
      } else if (op < 0.97 && effortIds.length > 4) {
        const id = effortIds.splice(Math.floor(r() * effortIds.length), 1)[0];
        await handle.db.delete(efforts).where(eq(efforts.id, id));
      } else if (contactIds.length > 4) {
        const id = contactIds.splice(Math.floor(r() * contactIds.length), 1)[0];
        await handle.db.delete(contacts).where(eq(contacts.id, id));
      }
    }
    expect(ops.interactions).toBeGreaterThan(30);
    const { kept, raw } = await compare(ws);
    expect(raw.some((line) => Number(line.split('|').at(-1)) > 0)).toBe(true);
    expect(kept).toEqual(raw);
    const credit = await compareCredit(ws);
    expect(credit.raw.filter((line) => line.split('|').at(-1)!.includes(',')).length).toBeGreaterThan(5);
    expect(credit.kept).toEqual(credit.raw);
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

  it('rebuild_channel_days restores a damaged rollup and copied credit from the raw rows', async () => {
    await handle.db.execute(sql`update channel_days set hours = hours + 5 where workspace_id = ${ws}`);
    // Damage the copies too, with the triggers that keep them switched off.
    await handle.db.execute(sql`alter table opportunities disable trigger user`);
    await handle.db.execute(sql`update opportunities set touch_channels = '{}', met_channel = null where workspace_id = ${ws}`);
    await handle.db.execute(sql`alter table opportunities enable trigger user`);
    const damaged = await compare(ws);
    expect(damaged.kept).not.toEqual(damaged.raw);
    expect((await compareCredit(ws)).kept).not.toEqual((await compareCredit(ws)).raw);
    await handle.db.execute(sql`select rebuild_channel_days(${ws}::uuid)`);
    const repaired = await compare(ws);
    expect(repaired.kept).toEqual(repaired.raw);
    const credit = await compareCredit(ws);
    expect(credit.kept).toEqual(credit.raw);
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
