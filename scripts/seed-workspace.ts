// Fills one workspace with a realistic spread of records using set-based SQL (seconds, not minutes).
// Each bulk insert is followed by `analyze`, so the triggers' lookups in the next one are planned
// against the real table sizes rather than an empty table's.
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';

export interface BenchScale {
  efforts: number;
  contacts: number;
  opportunities: number;
}

/** Proportional scale for a number of efforts: a contact per five efforts, an opportunity per twenty. */
export function scaleFor(efforts: number): BenchScale {
  return { efforts, contacts: Math.round(efforts / 5), opportunities: Math.round(efforts / 20) };
}

export async function seedWorkspace(db: Db, workspaceId: string, scale: BenchScale, years = 5): Promise<void> {
  const days = years * 365;
  await db.execute(sql`
    insert into efforts (workspace_id, channel, title, date, hours, money_spent, drinks, pitches, advances, job_seeker_asks, useful_contacts, similarity, thank_you_sent)
    select ${workspaceId}::uuid,
      (array['events','organizations','volunteering','stretch','interviews','linkedin','other'])[1 + (g % 7)]::channel,
      'Effort ' || g,
      current_date - ((g::bigint * 7919) % ${days})::int,
      1 + (g % 4),
      (g % 5) * 10,
      case when g % 7 = 0 then g % 5 end,
      case when g % 7 = 0 then g % 4 end,
      case when g % 7 = 0 then g % 2 end,
      case when g % 7 = 0 then g % 3 end,
      case when g % 7 = 0 then g % 2 end,
      case when g % 7 = 3 then (array['unrelated','adjacent','close','core'])[1 + (g % 4)]::similarity end,
      case when g % 7 = 4 then g % 3 = 0 end
    from generate_series(1, ${scale.efforts}) g`);
  await db.execute(sql`analyze efforts`);
  await db.execute(sql`
    insert into time_entries (workspace_id, effort_id, date, hours)
    select workspace_id, id, date, hours from efforts where workspace_id = ${workspaceId}`);
  await db.execute(sql`
    insert into contacts (workspace_id, name, channel, met_on, met_through_effort_id, cadence_days, last_touch_on)
    select ${workspaceId}::uuid, 'Contact ' || rn, e.channel, e.date, e.id,
      case when rn % 3 = 0 then 30 + (rn % 60) end, e.date + (rn % 90)
    from (select id, channel, date, row_number() over (order by id)::int as rn from efforts where workspace_id = ${workspaceId}) e
    where rn <= ${scale.contacts}`);
  await db.execute(sql`analyze contacts`);
  await db.execute(sql`
    insert into effort_contacts (workspace_id, effort_id, contact_id)
    select workspace_id, met_through_effort_id, id from contacts where workspace_id = ${workspaceId} and met_through_effort_id is not null`);
  await db.execute(sql`analyze effort_contacts`);
  await db.execute(sql`
    insert into interactions (workspace_id, contact_id, date, kind, direction)
    select workspace_id, id, met_on + (rn % 40),
      (array['email','call','meeting','message'])[1 + (rn % 4)]::interaction_kind,
      (array['inbound','outbound','mutual'])[1 + (rn % 3)]::direction
    from (select id, workspace_id, met_on, row_number() over (order by id)::int as rn from contacts where workspace_id = ${workspaceId}) c`);
  await db.execute(sql`analyze interactions`);
  await db.execute(sql`
    insert into opportunities (workspace_id, title, kind, contact_id, stage, expected_value, won_value, opened_on, closed_on)
    select ${workspaceId}::uuid, 'Opportunity ' || rn, 'client', c.id,
      (array['lead','talking','proposal','won','lost'])[1 + (rn % 5)]::stage,
      1000 + (rn % 10) * 500,
      case when rn % 5 = 3 then 1000 + (rn % 10) * 400 else 0 end,
      c.met_on + 10 + (rn % 50),
      case when rn % 5 in (3, 4) then c.met_on + 70 end
    from (select id, met_on, row_number() over (order by id)::int as rn from contacts where workspace_id = ${workspaceId}) c
    where rn <= ${scale.opportunities}`);
  await db.execute(sql`analyze`);
}
