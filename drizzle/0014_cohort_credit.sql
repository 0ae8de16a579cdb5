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
--> statement-breakpoint
-- Every existing opportunity gets its cohort day.
UPDATE opportunities SET touch_channels = touch_channels;
