CREATE TABLE "channel_days" (
	"workspace_id" uuid NOT NULL,
	"channel" "channel" NOT NULL,
	"day" date NOT NULL,
	"hours" numeric(12, 2) DEFAULT 0 NOT NULL,
	"efforts" integer DEFAULT 0 NOT NULL,
	"money" numeric(16, 2) DEFAULT 0 NOT NULL,
	"pitches" integer DEFAULT 0 NOT NULL,
	"advances" integer DEFAULT 0 NOT NULL,
	"drinks_over_two" integer DEFAULT 0 NOT NULL,
	"job_seeker_asks" integer DEFAULT 0 NOT NULL,
	"useful_contacts" integer DEFAULT 0 NOT NULL,
	"contacts_made" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "channel_days_workspace_id_day_channel_pk" PRIMARY KEY("workspace_id","day","channel")
);
--> statement-breakpoint
ALTER TABLE "channel_days" ADD CONSTRAINT "channel_days_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;