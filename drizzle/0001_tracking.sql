CREATE TYPE "public"."channel" AS ENUM('events', 'organizations', 'volunteering', 'stretch', 'interviews', 'linkedin', 'other');--> statement-breakpoint
CREATE TYPE "public"."direction" AS ENUM('inbound', 'outbound', 'mutual');--> statement-breakpoint
CREATE TYPE "public"."interaction_kind" AS ENUM('email', 'call', 'meeting', 'message', 'favor', 'pitch');--> statement-breakpoint
CREATE TYPE "public"."opportunity_kind" AS ENUM('job', 'client', 'gig', 'referral', 'speaking', 'partnership');--> statement-breakpoint
CREATE TYPE "public"."similarity" AS ENUM('unrelated', 'adjacent', 'close', 'core');--> statement-breakpoint
CREATE TYPE "public"."stage" AS ENUM('lead', 'talking', 'proposal', 'won', 'lost');--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"company" text DEFAULT '' NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"linkedin_url" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"met_through_effort_id" uuid,
	"channel" "channel",
	"met_on" date,
	"cadence_days" integer,
	"last_touch_on" date,
	"next_follow_up_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "effort_contacts" (
	"workspace_id" uuid NOT NULL,
	"effort_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	CONSTRAINT "effort_contacts_effort_id_contact_id_pk" PRIMARY KEY("effort_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "efforts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel" "channel" NOT NULL,
	"other_label" text,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"hours" numeric(9, 2) DEFAULT 0 NOT NULL,
	"money_spent" numeric(14, 2) DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"drinks" integer,
	"conversations" integer,
	"pitches" integer,
	"advances" integer,
	"job_seeker_asks" integer,
	"useful_contacts" integer,
	"joined_on" date,
	"left_on" date,
	"yearly_dues" numeric(14, 2),
	"similarity" "similarity",
	"paid_amount" numeric(14, 2),
	"thank_you_sent" boolean,
	"follow_up_on" date,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" "interaction_kind" NOT NULL,
	"direction" "direction" NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "linkedin_checklists" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"summary" boolean DEFAULT false NOT NULL,
	"work_history" boolean DEFAULT false NOT NULL,
	"affiliations" boolean DEFAULT false NOT NULL,
	"degrees" boolean DEFAULT false NOT NULL,
	"hobbies" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" "opportunity_kind" NOT NULL,
	"contact_id" uuid,
	"effort_id" uuid,
	"stage" "stage" DEFAULT 'lead' NOT NULL,
	"expected_value" numeric(14, 2) DEFAULT 0 NOT NULL,
	"won_value" numeric(14, 2) DEFAULT 0 NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "time_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"effort_id" uuid NOT NULL,
	"date" date NOT NULL,
	"hours" numeric(7, 2) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_met_through_effort_id_efforts_id_fk" FOREIGN KEY ("met_through_effort_id") REFERENCES "public"."efforts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_contacts" ADD CONSTRAINT "effort_contacts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_contacts" ADD CONSTRAINT "effort_contacts_effort_id_efforts_id_fk" FOREIGN KEY ("effort_id") REFERENCES "public"."efforts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_contacts" ADD CONSTRAINT "effort_contacts_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "efforts" ADD CONSTRAINT "efforts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "efforts" ADD CONSTRAINT "efforts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "linkedin_checklists" ADD CONSTRAINT "linkedin_checklists_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_effort_id_efforts_id_fk" FOREIGN KEY ("effort_id") REFERENCES "public"."efforts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_effort_id_efforts_id_fk" FOREIGN KEY ("effort_id") REFERENCES "public"."efforts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_workspace_name_idx" ON "contacts" USING btree ("workspace_id","name","id");--> statement-breakpoint
CREATE INDEX "contacts_workspace_channel_met_idx" ON "contacts" USING btree ("workspace_id","channel","met_on");--> statement-breakpoint
CREATE INDEX "contacts_effort_idx" ON "contacts" USING btree ("met_through_effort_id");--> statement-breakpoint
CREATE INDEX "effort_contacts_contact_idx" ON "effort_contacts" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "efforts_workspace_date_idx" ON "efforts" USING btree ("workspace_id","date" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "efforts_workspace_channel_date_idx" ON "efforts" USING btree ("workspace_id","channel","date");--> statement-breakpoint
CREATE INDEX "interactions_contact_date_idx" ON "interactions" USING btree ("contact_id","date");--> statement-breakpoint
CREATE INDEX "interactions_workspace_date_idx" ON "interactions" USING btree ("workspace_id","date");--> statement-breakpoint
CREATE INDEX "opportunities_workspace_stage_idx" ON "opportunities" USING btree ("workspace_id","stage","opened_on");--> statement-breakpoint
CREATE INDEX "opportunities_workspace_opened_idx" ON "opportunities" USING btree ("workspace_id","opened_on");--> statement-breakpoint
CREATE INDEX "opportunities_contact_idx" ON "opportunities" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "opportunities_effort_idx" ON "opportunities" USING btree ("effort_id");--> statement-breakpoint
CREATE INDEX "time_entries_effort_idx" ON "time_entries" USING btree ("effort_id","date");--> statement-breakpoint
CREATE INDEX "time_entries_workspace_date_idx" ON "time_entries" USING btree ("workspace_id","date");