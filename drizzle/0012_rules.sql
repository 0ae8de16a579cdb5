-- Rules the dashboard, contacts, roster, digests, calendar and exports share, defined once here and
-- mirrored by lib/rules.ts (a test checks that both sides agree).

-- Drinks past the limit of two at one event.
CREATE OR REPLACE FUNCTION drinks_past_limit(drinks integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT greatest(coalesce(drinks, 0) - 2, 0);
$$;
--> statement-breakpoint
-- The keep-in-touch date: the cadence counted from the last touch, else from the day you met (a touch
-- too), else from the day the contact was added. A contact is going cold once this date has passed.
CREATE OR REPLACE FUNCTION contact_due_on(last_touch_on date, met_on date, created_at timestamptz, cadence_days integer)
  RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(last_touch_on, met_on, (created_at AT TIME ZONE 'UTC')::date) + cadence_days;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION channel_days_effort_row(r efforts, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM channel_days_add(r.workspace_id, r.channel, r.date, 0, sign, sign * coalesce(r.money_spent, 0),
    sign * coalesce(r.pitches, 0), sign * coalesce(r.advances, 0), sign * drinks_past_limit(r.drinks),
    sign * coalesce(r.job_seeker_asks, 0), sign * coalesce(r.useful_contacts, 0), 0);
END;
$$;
