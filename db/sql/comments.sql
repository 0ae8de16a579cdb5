-- Comments point at a record by kind and id (no foreign key can span three tables);
-- a trigger removes them with their record, whichever code path deletes it.
CREATE OR REPLACE FUNCTION delete_comments_of_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM comments WHERE entity = TG_ARGV[0]::comment_entity AND entity_id = OLD.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS efforts_delete_comments ON efforts;
--> statement-breakpoint
CREATE TRIGGER efforts_delete_comments AFTER DELETE ON efforts
  FOR EACH ROW EXECUTE FUNCTION delete_comments_of_record('effort');
--> statement-breakpoint
DROP TRIGGER IF EXISTS contacts_delete_comments ON contacts;
--> statement-breakpoint
CREATE TRIGGER contacts_delete_comments AFTER DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION delete_comments_of_record('contact');
--> statement-breakpoint
DROP TRIGGER IF EXISTS opportunities_delete_comments ON opportunities;
--> statement-breakpoint
CREATE TRIGGER opportunities_delete_comments AFTER DELETE ON opportunities
  FOR EACH ROW EXECUTE FUNCTION delete_comments_of_record('opportunity');
