-- Per-day channel rollups (channel_days), kept equal to an aggregation of the raw rows in the same
-- transaction as each write; the dashboard reads them instead of the history.

-- Adds signed amounts to one workspace's channel and day: the triggers below pass each old row's
-- share negated and each new row's as it is.
CREATE OR REPLACE FUNCTION channel_days_add(
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
CREATE OR REPLACE FUNCTION channel_days_effort_row(r efforts, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM channel_days_add(r.workspace_id, r.channel, r.date, 0, sign, sign * coalesce(r.money_spent, 0),
    sign * coalesce(r.pitches, 0), sign * coalesce(r.advances, 0), sign * drinks_past_limit(r.drinks),
    sign * coalesce(r.job_seeker_asks, 0), sign * coalesce(r.useful_contacts, 0), 0);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION channel_days_efforts_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  e record;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM channel_days_effort_row(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM channel_days_effort_row(NEW, 1);
  END IF;
  -- Hours follow their effort's channel: move them when it changes, drop them when it goes.
  IF TG_OP = 'UPDATE' AND NEW.channel IS DISTINCT FROM OLD.channel THEN
    FOR e IN SELECT date, sum(hours) AS hours FROM time_entries WHERE effort_id = OLD.id GROUP BY date LOOP
      PERFORM channel_days_add(OLD.workspace_id, OLD.channel, e.date, -e.hours, 0, 0, 0, 0, 0, 0, 0, 0);
      PERFORM channel_days_add(NEW.workspace_id, NEW.channel, e.date, e.hours, 0, 0, 0, 0, 0, 0, 0, 0);
    END LOOP;
  ELSIF TG_OP = 'DELETE' THEN
    FOR e IN SELECT date, sum(hours) AS hours FROM time_entries WHERE effort_id = OLD.id GROUP BY date LOOP
      PERFORM channel_days_add(OLD.workspace_id, OLD.channel, e.date, -e.hours, 0, 0, 0, 0, 0, 0, 0, 0);
    END LOOP;
    -- A BEFORE trigger that returns NULL would cancel the delete.
    RETURN OLD;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- BEFORE DELETE so the effort's time entries are still there to subtract; their own cascade
-- delete then finds no effort and adds nothing.
DROP TRIGGER IF EXISTS channel_days_efforts_delete ON efforts;
--> statement-breakpoint
CREATE TRIGGER channel_days_efforts_delete BEFORE DELETE ON efforts
  FOR EACH ROW EXECUTE FUNCTION channel_days_efforts_trigger();
--> statement-breakpoint
DROP TRIGGER IF EXISTS channel_days_efforts_write ON efforts;
--> statement-breakpoint
CREATE TRIGGER channel_days_efforts_write AFTER INSERT OR UPDATE ON efforts
  FOR EACH ROW EXECUTE FUNCTION channel_days_efforts_trigger();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION channel_days_time_entries_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ch channel;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT channel INTO ch FROM efforts WHERE id = OLD.effort_id;
    IF FOUND THEN
      PERFORM channel_days_add(OLD.workspace_id, ch, OLD.date, -OLD.hours, 0, 0, 0, 0, 0, 0, 0, 0);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT channel INTO ch FROM efforts WHERE id = NEW.effort_id;
    IF FOUND THEN
      PERFORM channel_days_add(NEW.workspace_id, ch, NEW.date, NEW.hours, 0, 0, 0, 0, 0, 0, 0, 0);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS channel_days_time_entries ON time_entries;
--> statement-breakpoint
CREATE TRIGGER channel_days_time_entries AFTER INSERT OR UPDATE OR DELETE ON time_entries
  FOR EACH ROW EXECUTE FUNCTION channel_days_time_entries_trigger();
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
DROP TRIGGER IF EXISTS channel_days_contacts ON contacts;
--> statement-breakpoint
CREATE TRIGGER channel_days_contacts AFTER INSERT OR UPDATE OR DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION channel_days_contacts_trigger();
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
        drinks_past_limit(drinks), coalesce(job_seeker_asks, 0), coalesce(useful_contacts, 0), 0, 0
      FROM efforts WHERE workspace_id = p_ws
    UNION ALL
    SELECT channel, met_on, 0, 0, 0, 0, 0, 0, 0, 0, 1, remembered::integer
      FROM contacts WHERE workspace_id = p_ws AND channel IS NOT NULL AND met_on IS NOT NULL
  ) raw
  GROUP BY channel, day;
END;
$$;
