DROP INDEX "contacts_workspace_cold_idx";--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "invested_on" date;--> statement-breakpoint
CREATE INDEX "opportunities_workspace_invested_idx" ON "opportunities" USING btree ("workspace_id","invested_on");--> statement-breakpoint
CREATE INDEX "contacts_workspace_cold_idx" ON "contacts" USING btree ("workspace_id",contact_due_on("last_touch_on", "met_on", "created_at", "cadence_days")) WHERE "cadence_days" is not null;