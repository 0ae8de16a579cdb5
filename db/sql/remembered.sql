-- Whether a contact remembers you (contacts.remembered), kept by triggers on the rows that say so.

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
DROP TRIGGER IF EXISTS contacts_remembered ON contacts;
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
DROP TRIGGER IF EXISTS interactions_remembered ON interactions;
--> statement-breakpoint
CREATE TRIGGER interactions_remembered AFTER INSERT OR UPDATE OR DELETE ON interactions
  FOR EACH ROW EXECUTE FUNCTION contact_rows_refresh('remembered');
--> statement-breakpoint
DROP TRIGGER IF EXISTS opportunities_remembered ON opportunities;
--> statement-breakpoint
CREATE TRIGGER opportunities_remembered AFTER INSERT OR UPDATE OF contact_id OR DELETE ON opportunities
  FOR EACH ROW EXECUTE FUNCTION contact_rows_refresh('remembered');
