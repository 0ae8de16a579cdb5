ALTER TABLE "channel_days" ADD COLUMN "contacts_remembered" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "remembered" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "effort_channel" "channel";--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "met_channel" "channel";--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "contact_met_on" date;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "touch_channels" "channel"[] DEFAULT '{}'::channel[] NOT NULL;--> statement-breakpoint
CREATE INDEX "contacts_workspace_cold_idx" ON "contacts" USING btree ("workspace_id",(coalesce("last_touch_on", ("created_at" at time zone 'UTC')::date) + "cadence_days")) WHERE "cadence_days" is not null;--> statement-breakpoint
CREATE INDEX "efforts_workspace_dues_idx" ON "efforts" USING btree ("workspace_id") WHERE "efforts"."yearly_dues" > 0;--> statement-breakpoint
CREATE INDEX "efforts_workspace_thanks_idx" ON "efforts" USING btree ("workspace_id","date") WHERE "efforts"."channel" = 'interviews' and "efforts"."thank_you_sent" is not true;--> statement-breakpoint
CREATE INDEX "opportunities_workspace_updated_idx" ON "opportunities" USING btree ("workspace_id","updated_at");--> statement-breakpoint
-- "Remembered" per contact: an inbound interaction on or after the day you met (any inbound one when
-- that day is unknown), or an opportunity that came through them.
-- Looked up by contact alone (a contact's interactions and opportunities are always in its workspace),
-- so the lookup reads that contact's rows through its own index however the statistics stand.
CREATE OR REPLACE FUNCTION contact_remembers(c contacts) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
      SELECT 1 FROM interactions i
      WHERE i.contact_id = c.id AND i.direction = 'inbound' AND (c.met_on IS NULL OR i.date >= c.met_on))
    OR EXISTS (SELECT 1 FROM opportunities o WHERE o.contact_id = c.id);
$$;
--> statement-breakpoint
-- The functions below look rows up from triggers and plan each lookup afresh (force_custom_plan): a
-- plan cached while a table was nearly empty would otherwise keep scanning it whole while one long
-- import fills it. contact_remembers stays a plain SQL function so it is inlined into their queries.
CREATE OR REPLACE FUNCTION contacts_set_remembered() RETURNS trigger LANGUAGE plpgsql
  SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- Nothing can refer to a contact before it exists: a new contact has not come back yet.
    NEW.remembered := false;
  ELSIF NEW.met_on IS DISTINCT FROM OLD.met_on OR NEW.workspace_id IS DISTINCT FROM OLD.workspace_id THEN
    NEW.remembered := contact_remembers(NEW);
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER contacts_remembered BEFORE INSERT OR UPDATE ON contacts
  FOR EACH ROW EXECUTE FUNCTION contacts_set_remembered();
--> statement-breakpoint
-- Recomputes one contact's flag after its interactions or opportunities changed; writes only on a change.
CREATE OR REPLACE FUNCTION contact_refresh_remembered(p_contact uuid) RETURNS void LANGUAGE plpgsql
  SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  c contacts;
BEGIN
  IF p_contact IS NULL THEN
    RETURN;
  END IF;
  SELECT * INTO c FROM contacts WHERE id = p_contact;
  IF FOUND AND contact_remembers(c) IS DISTINCT FROM c.remembered THEN
    UPDATE contacts SET remembered = NOT c.remembered WHERE id = p_contact;
  END IF;
END;
$$;
--> statement-breakpoint
-- For rows that point at a contact (interactions, opportunities, effort links): after a write, bring
-- the contact's derived values up to date for the contact it left and the one it now names.
-- TG_ARGV[0] says which: 'remembered' (the contact's flag) or 'credit' (its opportunities' touches).
CREATE OR REPLACE FUNCTION contact_rows_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[] := '{}';
  id uuid;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    ids := ids || OLD.contact_id;
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.contact_id IS DISTINCT FROM OLD.contact_id) THEN
    ids := ids || NEW.contact_id;
  END IF;
  FOREACH id IN ARRAY ids LOOP
    IF TG_ARGV[0] = 'remembered' THEN
      PERFORM contact_refresh_remembered(id);
    ELSE
      PERFORM opportunities_refresh_credit(id);
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER interactions_remembered AFTER INSERT OR UPDATE OR DELETE ON interactions
  FOR EACH ROW EXECUTE FUNCTION contact_rows_refresh('remembered');
--> statement-breakpoint
CREATE TRIGGER opportunities_remembered AFTER INSERT OR UPDATE OF contact_id OR DELETE ON opportunities
  FOR EACH ROW EXECUTE FUNCTION contact_rows_refresh('remembered');
--> statement-breakpoint
-- channel_days gains contacts_remembered: one more argument, defaulting to 0 for the existing callers.
DROP FUNCTION channel_days_add(uuid, channel, date, numeric, integer, numeric, integer, integer, integer, integer, integer, integer);
--> statement-breakpoint
CREATE FUNCTION channel_days_add(
  p_ws uuid, p_channel channel, p_day date,
  p_hours numeric, p_efforts integer, p_money numeric, p_pitches integer, p_advances integer,
  p_drinks_over_two integer, p_job_seeker_asks integer, p_useful integer, p_contacts integer,
  p_remembered integer DEFAULT 0
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_ws IS NULL OR p_channel IS NULL OR p_day IS NULL THEN
    RETURN;
  END IF;
  -- While a workspace is being deleted its rows cascade away; there is nothing left to keep.
  IF NOT EXISTS (SELECT 1 FROM workspaces WHERE id = p_ws) THEN
    RETURN;
  END IF;
  INSERT INTO channel_days AS d (workspace_id, channel, day, hours, efforts, money, pitches, advances,
      drinks_over_two, job_seeker_asks, useful_contacts, contacts_made, contacts_remembered)
    VALUES (p_ws, p_channel, p_day, p_hours, p_efforts, p_money, p_pitches, p_advances,
      p_drinks_over_two, p_job_seeker_asks, p_useful, p_contacts, p_remembered)
  ON CONFLICT (workspace_id, day, channel) DO UPDATE SET
    hours = d.hours + EXCLUDED.hours,
    efforts = d.efforts + EXCLUDED.efforts,
    money = d.money + EXCLUDED.money,
    pitches = d.pitches + EXCLUDED.pitches,
    advances = d.advances + EXCLUDED.advances,
    drinks_over_two = d.drinks_over_two + EXCLUDED.drinks_over_two,
    job_seeker_asks = d.job_seeker_asks + EXCLUDED.job_seeker_asks,
    useful_contacts = d.useful_contacts + EXCLUDED.useful_contacts,
    contacts_made = d.contacts_made + EXCLUDED.contacts_made,
    contacts_remembered = d.contacts_remembered + EXCLUDED.contacts_remembered;
END;
$$;
--> statement-breakpoint
DROP TRIGGER channel_days_contacts ON contacts;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION channel_days_contacts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.workspace_id IS NOT DISTINCT FROM OLD.workspace_id
      AND NEW.channel IS NOT DISTINCT FROM OLD.channel AND NEW.met_on IS NOT DISTINCT FROM OLD.met_on
      AND NEW.remembered = OLD.remembered THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM channel_days_add(OLD.workspace_id, OLD.channel, OLD.met_on, 0, 0, 0, 0, 0, 0, 0, 0, -1,
      -(OLD.remembered::integer));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM channel_days_add(NEW.workspace_id, NEW.channel, NEW.met_on, 0, 0, 0, 0, 0, 0, 0, 0, 1,
      NEW.remembered::integer);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER channel_days_contacts AFTER INSERT OR UPDATE OR DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION channel_days_contacts_trigger();
--> statement-breakpoint
-- What an opportunity credits, copied in from its contact, its effort and the contact's efforts.
CREATE OR REPLACE FUNCTION opportunities_set_credit() RETURNS trigger LANGUAGE plpgsql
  SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  c contacts;
BEGIN
  NEW.effort_channel := (SELECT channel FROM efforts WHERE id = NEW.effort_id AND workspace_id = NEW.workspace_id);
  SELECT * INTO c FROM contacts WHERE id = NEW.contact_id AND workspace_id = NEW.workspace_id;
  IF NOT FOUND THEN
    NEW.met_channel := NULL;
    NEW.contact_met_on := NULL;
    NEW.touch_channels := '{}';
    RETURN NEW;
  END IF;
  NEW.met_channel := c.channel;
  NEW.contact_met_on := c.met_on;
  -- The channel where you met comes first, then every effort that involved them up to the day it opened.
  NEW.touch_channels := array_remove(ARRAY[c.channel], NULL) || coalesce((
    SELECT array_agg(e.channel ORDER BY e.date, e.id)
    FROM effort_contacts ec JOIN efforts e ON e.id = ec.effort_id AND e.workspace_id = NEW.workspace_id
    WHERE ec.contact_id = c.id AND ec.workspace_id = NEW.workspace_id
      AND e.date <= NEW.opened_on
      AND e.id IS DISTINCT FROM c.met_through_effort_id), '{}');
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER opportunities_credit BEFORE INSERT OR UPDATE ON opportunities
  FOR EACH ROW EXECUTE FUNCTION opportunities_set_credit();
--> statement-breakpoint
-- Re-copies the credit of a contact's opportunities (the BEFORE trigger above does the work).
CREATE OR REPLACE FUNCTION opportunities_refresh_credit(p_contact uuid) RETURNS void LANGUAGE plpgsql
  SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  IF p_contact IS NOT NULL THEN
    UPDATE opportunities SET touch_channels = touch_channels WHERE contact_id = p_contact;
  END IF;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION contacts_refresh_credit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.channel IS DISTINCT FROM OLD.channel OR NEW.met_on IS DISTINCT FROM OLD.met_on
      OR NEW.met_through_effort_id IS DISTINCT FROM OLD.met_through_effort_id THEN
    PERFORM opportunities_refresh_credit(NEW.id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER contacts_credit AFTER UPDATE ON contacts
  FOR EACH ROW EXECUTE FUNCTION contacts_refresh_credit();
--> statement-breakpoint
CREATE TRIGGER effort_contacts_credit AFTER INSERT OR UPDATE OR DELETE ON effort_contacts
  FOR EACH ROW EXECUTE FUNCTION contact_rows_refresh('credit');
--> statement-breakpoint
-- An effort that moves in time or changes channel re-credits the opportunities it touches.
CREATE OR REPLACE FUNCTION efforts_refresh_credit() RETURNS trigger LANGUAGE plpgsql
  SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  IF NEW.date IS DISTINCT FROM OLD.date OR NEW.channel IS DISTINCT FROM OLD.channel THEN
    UPDATE opportunities SET touch_channels = touch_channels
    WHERE workspace_id = NEW.workspace_id
      AND (effort_id = NEW.id
        OR contact_id IN (SELECT contact_id FROM effort_contacts WHERE effort_id = NEW.id));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER efforts_credit AFTER UPDATE ON efforts
  FOR EACH ROW EXECUTE FUNCTION efforts_refresh_credit();
--> statement-breakpoint
-- Recomputes one workspace's rollups and copied columns from the raw rows (repair, or after a bulk
-- load without triggers).
CREATE OR REPLACE FUNCTION rebuild_channel_days(p_ws uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE contacts c SET remembered = contact_remembers(c)
    WHERE c.workspace_id = p_ws AND c.remembered IS DISTINCT FROM contact_remembers(c);
  UPDATE opportunities SET touch_channels = touch_channels WHERE workspace_id = p_ws;
  DELETE FROM channel_days WHERE workspace_id = p_ws;
  INSERT INTO channel_days (workspace_id, channel, day, hours, efforts, money, pitches, advances,
      drinks_over_two, job_seeker_asks, useful_contacts, contacts_made, contacts_remembered)
  SELECT p_ws, channel, day, sum(hours), sum(efforts), sum(money), sum(pitches), sum(advances),
      sum(drinks_over_two), sum(job_seeker_asks), sum(useful_contacts), sum(contacts_made), sum(contacts_remembered)
  FROM (
    SELECT e.channel, t.date AS day, t.hours, 0 AS efforts, 0 AS money, 0 AS pitches, 0 AS advances,
        0 AS drinks_over_two, 0 AS job_seeker_asks, 0 AS useful_contacts, 0 AS contacts_made,
        0 AS contacts_remembered
      FROM time_entries t JOIN efforts e ON e.id = t.effort_id
      WHERE t.workspace_id = p_ws
    UNION ALL
    SELECT channel, date, 0, 1, coalesce(money_spent, 0), coalesce(pitches, 0), coalesce(advances, 0),
        greatest(coalesce(drinks, 0) - 2, 0), coalesce(job_seeker_asks, 0), coalesce(useful_contacts, 0), 0, 0
      FROM efforts WHERE workspace_id = p_ws
    UNION ALL
    SELECT channel, met_on, 0, 0, 0, 0, 0, 0, 0, 0, 1, remembered::integer
      FROM contacts WHERE workspace_id = p_ws AND channel IS NOT NULL AND met_on IS NOT NULL
  ) raw
  GROUP BY channel, day;
END;
$$;
--> statement-breakpoint
-- Fill the new columns for existing data and bring every workspace's rollup up to date.
SELECT rebuild_channel_days(id) FROM workspaces;
