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
