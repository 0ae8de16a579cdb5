-- The workspace's data version: moved on by every write the dashboard reads, so a cached view is
-- never served after its data changed (lib/data/view-cache.ts).

-- Every transaction that writes records the dashboard reads moves its workspaces' data_version on: a
-- view cached under an older version is never served again, on any server. Once per transaction is
-- enough, since its writes become visible together at commit: a workspace row this transaction has
-- already written (its xmin is ours) is left alone. Without that, each statement a row trigger runs
-- (an interaction refreshing its contact, say) would write the same row again, and a long import
-- would pile thousands of versions of it into one transaction.
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE workspaces SET data_version = data_version + 1
      WHERE id IN (SELECT DISTINCT workspace_id FROM new_rows) AND xmin <> pg_current_xact_id()::xid;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE workspaces SET data_version = data_version + 1
      WHERE id IN (SELECT DISTINCT workspace_id FROM old_rows) AND xmin <> pg_current_xact_id()::xid;
  ELSE
    UPDATE workspaces SET data_version = data_version + 1
      WHERE id IN (SELECT workspace_id FROM new_rows UNION SELECT workspace_id FROM old_rows)
        AND xmin <> pg_current_xact_id()::xid;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A trigger with transition tables fires for one event only, so each table gets three.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['efforts', 'time_entries', 'contacts', 'effort_contacts', 'interactions',
                           'opportunities', 'linkedin_checklists', 'reminder_snoozes'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_version_insert', t);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_version_update', t);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_version_delete', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()', t || '_version_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()', t || '_version_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()', t || '_version_delete', t);
  END LOOP;
END;
$$;
--> statement-breakpoint
-- The workspace's own settings (hourly value, currency, niche) change what the dashboard shows too.
CREATE OR REPLACE FUNCTION workspaces_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.data_version = OLD.data_version THEN
    NEW.data_version := OLD.data_version + 1;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS workspaces_data_version ON workspaces;
--> statement-breakpoint
CREATE TRIGGER workspaces_data_version BEFORE UPDATE ON workspaces
  FOR EACH ROW EXECUTE FUNCTION workspaces_bump_data_version();
