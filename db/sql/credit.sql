-- Attribution credit: what each opportunity credits, copied onto it by triggers so the dashboard's
-- payoff reads one table. contact_rows_refresh, shared with the remembered flag, is in remembered.sql.

-- What an opportunity credits, copied in from its contact, its effort and the contact's efforts, and
-- the day of the investment it came from (its cohort): the tied effort's date, else the day the
-- contact was met, else the day it opened.
CREATE OR REPLACE FUNCTION opportunities_set_credit() RETURNS trigger LANGUAGE plpgsql
  SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  c contacts;
  e efforts;
BEGIN
  SELECT * INTO e FROM efforts WHERE id = NEW.effort_id AND workspace_id = NEW.workspace_id;
  NEW.effort_channel := e.channel;
  SELECT * INTO c FROM contacts WHERE id = NEW.contact_id AND workspace_id = NEW.workspace_id;
  IF NOT FOUND THEN
    NEW.met_channel := NULL;
    NEW.contact_met_on := NULL;
    NEW.touch_channels := '{}';
    NEW.invested_on := coalesce(e.date, NEW.opened_on);
    RETURN NEW;
  END IF;
  NEW.met_channel := c.channel;
  NEW.contact_met_on := c.met_on;
  NEW.invested_on := coalesce(e.date, c.met_on, NEW.opened_on);
  -- The channel where you met comes first, then every effort that involved them up to the day it opened.
  NEW.touch_channels := array_remove(ARRAY[c.channel], NULL) || coalesce((
    SELECT array_agg(ef.channel ORDER BY ef.date, ef.id)
    FROM effort_contacts ec JOIN efforts ef ON ef.id = ec.effort_id AND ef.workspace_id = NEW.workspace_id
    WHERE ec.contact_id = c.id AND ec.workspace_id = NEW.workspace_id
      AND ef.date <= NEW.opened_on
      AND ef.id IS DISTINCT FROM c.met_through_effort_id), '{}');
  RETURN NEW;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS opportunities_credit ON opportunities;
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
DROP TRIGGER IF EXISTS contacts_credit ON contacts;
--> statement-breakpoint
CREATE TRIGGER contacts_credit AFTER UPDATE ON contacts
  FOR EACH ROW EXECUTE FUNCTION contacts_refresh_credit();
--> statement-breakpoint
DROP TRIGGER IF EXISTS effort_contacts_credit ON effort_contacts;
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
DROP TRIGGER IF EXISTS efforts_credit ON efforts;
--> statement-breakpoint
CREATE TRIGGER efforts_credit AFTER UPDATE ON efforts
  FOR EACH ROW EXECUTE FUNCTION efforts_refresh_credit();
