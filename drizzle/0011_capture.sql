CREATE TYPE "public"."capture_source" AS ENUM('calendar', 'email');--> statement-breakpoint
CREATE TYPE "public"."capture_status" AS ENUM('recorded', 'review', 'dismissed');--> statement-breakpoint
CREATE TABLE "captures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"source" "capture_source" NOT NULL,
	"external_id" text NOT NULL,
	"status" "capture_status" NOT NULL,
	"occurred_on" date NOT NULL,
	"direction" "direction" NOT NULL,
	"person_name" text DEFAULT '' NOT NULL,
	"person_email" text DEFAULT '' NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"excerpt" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_inboxes" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_inboxes_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "captures" ADD CONSTRAINT "captures_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_inboxes" ADD CONSTRAINT "mail_inboxes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "captures_workspace_source_external_unique" ON "captures" USING btree ("workspace_id","source","external_id");--> statement-breakpoint
CREATE INDEX "captures_workspace_status_idx" ON "captures" USING btree ("workspace_id","status","occurred_on");