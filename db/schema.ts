import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  primaryKey,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

// Column shapes the tables share, so each is written once.
const id = () => uuid('id').primaryKey().defaultRandom();
const day = (name: string) => date(name, { mode: 'string' });
/** Text that is never null: empty when not given. */
const blank = (name: string) => text(name).notNull().default('');
/** A required reference that goes with the row it points at. */
const parent = (name: string, column: () => AnyPgColumn) => uuid(name).notNull().references(column, { onDelete: 'cascade' });
const workspaceId = () => parent('workspace_id', () => workspaces.id);
const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });
const version = () => integer('version').notNull().default(1);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export const roleEnum = pgEnum('role', ['owner', 'editor', 'coach', 'viewer']);

export const users = pgTable(
  'users',
  {
    id: id(),
    name: text('name').notNull(),
    // Stored lower-cased; uniqueness is on the normalised form.
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    // Any session issued before this instant is refused (sign out everywhere, password change).
    sessionsValidAfter: timestamp('sessions_valid_after', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

export const workspaces = pgTable('workspaces', {
  id: id(),
  name: text('name').notNull(),
  targetNiche: blank('target_niche'),
  // Value of an hour of the owner's time, used to price invested hours; null when not set.
  hourlyValue: numeric('hourly_value', { precision: 12, scale: 2, mode: 'number' }),
  currency: text('currency').notNull().default('USD'),
  // The keep-in-touch cadence every new contact starts with (days); null leaves new contacts without one.
  defaultCadenceDays: integer('default_cadence_days').default(60),
  // Bumped by triggers on every write to the records the dashboard reads: a cached view is keyed by it.
  dataVersion: bigint('data_version', { mode: 'number' }).notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    workspaceId: workspaceId(),
    userId: parent('user_id', () => users.id),
    role: roleEnum('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('memberships_workspace_user_unique').on(t.workspaceId, t.userId),
    index('memberships_user_idx').on(t.userId),
  ],
);

/** Who did what, in which workspace; written by the action wrapper for every mutation. */
export const activityLog = pgTable(
  'activity_log',
  {
    id: id(),
    workspaceId: workspaceId(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    entity: text('entity'),
    entityId: uuid('entity_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activity_log_workspace_at_idx').on(t.workspaceId, t.at)],
);

/** Attempt counters for sign-in and signup throttling, shared by every app server. */
export const throttles = pgTable('throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

export const channelEnum = pgEnum('channel', [
  'events',
  'organizations',
  'volunteering',
  'stretch',
  'interviews',
  'linkedin',
  'other',
]);
export const similarityEnum = pgEnum('similarity', ['unrelated', 'adjacent', 'close', 'core']);
export const interactionKindEnum = pgEnum('interaction_kind', ['email', 'call', 'meeting', 'message', 'favor', 'pitch']);
export const directionEnum = pgEnum('direction', ['inbound', 'outbound', 'mutual']);
export const opportunityKindEnum = pgEnum('opportunity_kind', ['job', 'client', 'gig', 'referral', 'speaking', 'partnership']);
export const stageEnum = pgEnum('stage', ['lead', 'talking', 'proposal', 'won', 'lost']);


/**
 * What a person invests in a channel. Columns the dashboard aggregates or flags are typed;
 * descriptive channel-specific fields live in `details` (validated by lib/schemas/effort.ts).
 */
export const efforts = pgTable(
  'efforts',
  {
    id: id(),
    workspaceId: workspaceId(),
    channel: channelEnum('channel').notNull(),
    otherLabel: text('other_label'),
    title: text('title').notNull(),
    date: day('date').notNull(),
    // Sum of the effort's time entries, kept in the same transaction as every entry change.
    hours: numeric('hours', { precision: 9, scale: 2, mode: 'number' }).notNull().default(0),
    moneySpent: money('money_spent').notNull().default(0),
    notes: blank('notes'),
    // Events: the drain signals.
    drinks: integer('drinks'),
    conversations: integer('conversations'),
    pitches: integer('pitches'),
    advances: integer('advances'),
    jobSeekerAsks: integer('job_seeker_asks'),
    usefulContacts: integer('useful_contacts'),
    // Organizations: membership span and dues, prorated over a period.
    joinedOn: day('joined_on'),
    leftOn: day('left_on'),
    yearlyDues: money('yearly_dues'),
    // Stretch projects.
    similarity: similarityEnum('similarity'),
    paidAmount: money('paid_amount'),
    // Informational interviews.
    thankYouSent: boolean('thank_you_sent'),
    followUpOn: day('follow_up_on'),
    details: jsonb('details').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    version: version(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('efforts_workspace_date_idx').on(t.workspaceId, t.date.desc(), t.id),
    index('efforts_workspace_channel_date_idx').on(t.workspaceId, t.channel, t.date),
    // Few efforts carry dues or a missing thank-you; the dashboard finds them without reading history.
    index('efforts_workspace_dues_idx').on(t.workspaceId).where(sql`${t.yearlyDues} > 0`),
    index('efforts_workspace_thanks_idx')
      .on(t.workspaceId, t.date)
      .where(sql`${t.channel} = 'interviews' and ${t.thankYouSent} is not true`),
  ],
);

/** Hours logged against an effort; a one-off effort has one entry, a membership many. */
export const timeEntries = pgTable(
  'time_entries',
  {
    id: id(),
    workspaceId: workspaceId(),
    effortId: parent('effort_id', () => efforts.id),
    date: day('date').notNull(),
    hours: numeric('hours', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    note: blank('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('time_entries_effort_idx').on(t.effortId, t.date),
    index('time_entries_workspace_date_idx').on(t.workspaceId, t.date),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text('name').notNull(),
    email: blank('email'),
    phone: blank('phone'),
    company: blank('company'),
    role: blank('role'),
    linkedinUrl: blank('linkedin_url'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    notes: blank('notes'),
    // The effort where you met; its channel is copied so the contact keeps it if the effort goes.
    metThroughEffortId: uuid('met_through_effort_id').references(() => efforts.id, { onDelete: 'set null' }),
    channel: channelEnum('channel'),
    metOn: day('met_on'),
    cadenceDays: integer('cadence_days'),
    // Latest of met_on and every interaction's date; any logged interaction moves it.
    lastTouchOn: day('last_touch_on'),
    nextFollowUpOn: day('next_follow_up_on'),
    // Whether this person came back: an inbound interaction on or after meeting, or an opportunity.
    // Kept by database triggers on interactions and opportunities, and rolled into channel_days.
    remembered: boolean('remembered').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('contacts_workspace_name_idx').on(t.workspaceId, t.name, t.id),
    index('contacts_workspace_channel_met_idx').on(t.workspaceId, t.channel, t.metOn),
    // The dashboard reads contacts met in a period, across channels.
    index('contacts_workspace_met_idx').on(t.workspaceId, t.metOn),
    index('contacts_effort_idx').on(t.metThroughEffortId),
    // The date a contact with a cadence goes cold (SQL contact_due_on, the rule of lib/rules.ts).
    index('contacts_workspace_cold_idx')
      .on(t.workspaceId, sql`contact_due_on("last_touch_on", "met_on", "created_at", "cadence_days")`)
      .where(sql`"cadence_days" is not null`),
  ],
);

/** Which contacts an effort involved (several per effort). */
export const effortContacts = pgTable(
  'effort_contacts',
  {
    workspaceId: workspaceId(),
    effortId: parent('effort_id', () => efforts.id),
    contactId: parent('contact_id', () => contacts.id),
  },
  (t) => [primaryKey({ columns: [t.effortId, t.contactId] }), index('effort_contacts_contact_idx').on(t.contactId)],
);

export const interactions = pgTable(
  'interactions',
  {
    id: id(),
    workspaceId: workspaceId(),
    contactId: parent('contact_id', () => contacts.id),
    date: day('date').notNull(),
    kind: interactionKindEnum('kind').notNull(),
    direction: directionEnum('direction').notNull(),
    notes: blank('notes'),
    createdAt: createdAt(),
  },
  (t) => [
    index('interactions_contact_date_idx').on(t.contactId, t.date),
    index('interactions_workspace_date_idx').on(t.workspaceId, t.date),
  ],
);

export const opportunities = pgTable(
  'opportunities',
  {
    id: id(),
    workspaceId: workspaceId(),
    title: text('title').notNull(),
    kind: opportunityKindEnum('kind').notNull(),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    effortId: uuid('effort_id').references(() => efforts.id, { onDelete: 'set null' }),
    stage: stageEnum('stage').notNull().default('lead'),
    expectedValue: money('expected_value').notNull().default(0),
    wonValue: money('won_value').notNull().default(0),
    openedOn: day('opened_on').notNull(),
    closedOn: day('closed_on'),
    notes: blank('notes'),
    // What the dashboard credits, copied from the contact, the effort and the contact's efforts by
    // database triggers whenever any of them changes, so a period reads its opportunities and nothing else:
    // the tied effort's channel, the channel and date the contact was met, and every channel that
    // touched the contact up to the day the opportunity opened, in date order.
    effortChannel: channelEnum('effort_channel'),
    metChannel: channelEnum('met_channel'),
    contactMetOn: day('contact_met_on'),
    // The day of the investment it came from (the tied effort, else the day the contact was met, else
    // the day it opened): a period's cohort is what was invested in it and everything that came of it.
    investedOn: day('invested_on'),
    touchChannels: channelEnum('touch_channels').array().notNull().default(sql`'{}'::channel[]`),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('opportunities_workspace_stage_idx').on(t.workspaceId, t.stage, t.openedOn),
    index('opportunities_workspace_opened_idx').on(t.workspaceId, t.openedOn),
    index('opportunities_workspace_invested_idx').on(t.workspaceId, t.investedOn),
    index('opportunities_contact_idx').on(t.contactId),
    index('opportunities_effort_idx').on(t.effortId),
    // Open opportunities untouched for a while, oldest first (the daily reminder and Due today).
    index('opportunities_workspace_updated_idx').on(t.workspaceId, t.updatedAt),
  ],
);

/** The workspace's LinkedIn profile checklist. */
export const linkedinChecklists = pgTable('linkedin_checklists', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  summary: boolean('summary').notNull().default(false),
  workHistory: boolean('work_history').notNull().default(false),
  affiliations: boolean('affiliations').notNull().default(false),
  degrees: boolean('degrees').notNull().default(false),
  hobbies: boolean('hobbies').notNull().default(false),
  updatedAt: updatedAt(),
});

/** A signed-in device: the JWT carries its id, so one session can be listed and ended on its own. */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: id(),
    userId: parent('user_id', () => users.id),
    userAgent: blank('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId, t.lastSeenAt)],
);

export const tokenPurposeEnum = pgEnum('token_purpose', ['verify_email', 'reset_password', 'change_email']);

/** Single-use links sent by e-mail; only a hash of the token is stored. */
export const emailTokens = pgTable(
  'email_tokens',
  {
    id: id(),
    userId: parent('user_id', () => users.id),
    purpose: tokenPurposeEnum('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    // The address being verified (a new e-mail for change_email).
    email: text('email').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('email_tokens_hash_unique').on(t.tokenHash), index('email_tokens_user_idx').on(t.userId, t.purpose)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    workspaceId: workspaceId(),
    email: text('email').notNull(),
    role: roleEnum('role').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('invitations_token_hash_unique').on(t.tokenHash), index('invitations_workspace_idx').on(t.workspaceId, t.createdAt)],
);

export const commentEntityEnum = pgEnum('comment_entity', ['effort', 'contact', 'opportunity', 'dashboard']);

/** Comments by owners, editors and coaches on records and on the dashboard. */
export const comments = pgTable(
  'comments',
  {
    id: id(),
    workspaceId: workspaceId(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    entity: commentEntityEnum('entity').notNull(),
    // Null for the dashboard; otherwise the commented record (removed with it by the data layer).
    entityId: uuid('entity_id'),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('comments_target_idx').on(t.workspaceId, t.entity, t.entityId, t.createdAt)],
);

/** A coach's private notes about a client workspace: visible only to their author. */
export const coachNotes = pgTable(
  'coach_notes',
  {
    id: id(),
    workspaceId: workspaceId(),
    authorId: parent('author_id', () => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('coach_notes_author_idx').on(t.authorId, t.workspaceId, t.createdAt)],
);

export const goalMeasureEnum = pgEnum('goal_measure', ['efforts', 'hours']);

/** A weekly goal for a workspace ("2 informational interviews a week"), set by its owner or coach. */
export const weeklyGoals = pgTable(
  'weekly_goals',
  {
    id: id(),
    workspaceId: workspaceId(),
    // Null: efforts or hours in any channel.
    channel: channelEnum('channel'),
    measure: goalMeasureEnum('measure').notNull(),
    target: numeric('target', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    setBy: uuid('set_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('weekly_goals_workspace_goal_unique').on(t.workspaceId, t.channel, t.measure).nullsNotDistinct()],
);

/** Every e-mail the app sends, kept for the development outbox and for delivery diagnostics. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: id(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    headers: jsonb('headers').$type<Record<string, string>>(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [index('mail_outbox_created_idx').on(t.createdAt)],
);

/**
 * Per-day, per-channel totals kept by database triggers in the same transaction as every write to
 * efforts, time entries and contacts, so the dashboard reads days, not history.
 * Rebuilt from the raw rows by `select rebuild_channel_days(workspace_id)` (npm run db:rebuild-rollups).
 */
export const channelDays = pgTable(
  'channel_days',
  {
    workspaceId: workspaceId(),
    channel: channelEnum('channel').notNull(),
    day: day('day').notNull(),
    hours: numeric('hours', { precision: 12, scale: 2, mode: 'number' }).notNull().default(0),
    efforts: integer('efforts').notNull().default(0),
    money: numeric('money', { precision: 16, scale: 2, mode: 'number' }).notNull().default(0),
    pitches: integer('pitches').notNull().default(0),
    advances: integer('advances').notNull().default(0),
    drinksOverTwo: integer('drinks_over_two').notNull().default(0),
    jobSeekerAsks: integer('job_seeker_asks').notNull().default(0),
    usefulContacts: integer('useful_contacts').notNull().default(0),
    contactsMade: integer('contacts_made').notNull().default(0),
    contactsRemembered: integer('contacts_remembered').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.channel] })],
);

/** A user's private calendar feed: only a hash of the URL's token is stored. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
});

/**
 * A workspace's private forwarding address: mail sent to it becomes records there. Only the hash of
 * the address's secret part is kept; the address is shown once when it is made.
 */
export const mailInboxes = pgTable('mail_inboxes', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAt(),
});

export const captureSourceEnum = pgEnum('capture_source', ['calendar', 'email']);
export const captureStatusEnum = pgEnum('capture_status', ['recorded', 'review', 'dismissed']);

/**
 * Calendar events and forwarded messages already seen, keyed by their own id (UID and occurrence,
 * Message-ID), so the same one uploaded or forwarded twice is recorded once. A message from no
 * known contact waits here, status "review", until the owner adds or dismisses it; only the sender,
 * date, subject and first lines are kept.
 */
export const captures = pgTable(
  'captures',
  {
    id: id(),
    workspaceId: workspaceId(),
    source: captureSourceEnum('source').notNull(),
    externalId: text('external_id').notNull(),
    status: captureStatusEnum('status').notNull(),
    occurredOn: day('occurred_on').notNull(),
    direction: directionEnum('direction').notNull(),
    personName: blank('person_name'),
    personEmail: blank('person_email'),
    subject: blank('subject'),
    excerpt: blank('excerpt'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('captures_workspace_source_external_unique').on(t.workspaceId, t.source, t.externalId),
    index('captures_workspace_status_idx').on(t.workspaceId, t.status, t.occurredOn),
  ],
);

/** Results of writes already done, so a repeated submit (a double tap) creates one row. */
export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').primaryKey(),
  userId: parent('user_id', () => users.id),
  result: jsonb('result'),
  createdAt: createdAt(),
});

/** Reminder preferences per user: the daily nudge and the weekly digests. */
export const notificationPrefs = pgTable('notification_prefs', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  dailyEnabled: boolean('daily_enabled').notNull().default(false),
  dailyHour: integer('daily_hour').notNull().default(8),
  timeZone: text('time_zone').notNull().default('UTC'),
  weeklyEnabled: boolean('weekly_enabled').notNull().default(false),
  coachWeeklyEnabled: boolean('coach_weekly_enabled').notNull().default(false),
  updatedAt: updatedAt(),
});

/** One row per message a scheduled run claimed; the unique key makes a second claim fail. */
export const reminderSends = pgTable(
  'reminder_sends',
  {
    id: id(),
    userId: parent('user_id', () => users.id),
    kind: text('kind').notNull(),
    // The user's local date (daily) or ISO week (weekly) the message is for.
    periodKey: text('period_key').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('reminder_sends_claim_unique').on(t.userId, t.kind, t.periodKey)],
);

/** A reminder item marked done or snoozed from an e-mail link. */
export const reminderSnoozes = pgTable(
  'reminder_snoozes',
  {
    id: id(),
    workspaceId: workspaceId(),
    userId: parent('user_id', () => users.id),
    itemKey: text('item_key').notNull(),
    until: day('until'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('reminder_snoozes_item_unique').on(t.userId, t.itemKey), index('reminder_snoozes_ws_idx').on(t.workspaceId)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Workspace = typeof workspaces.$inferSelect;
export type NewWorkspace = typeof workspaces.$inferInsert;
export type Membership = typeof memberships.$inferSelect;
export type NewMembership = typeof memberships.$inferInsert;
export type Role = (typeof roleEnum.enumValues)[number];
export type Channel = (typeof channelEnum.enumValues)[number];
export type Effort = typeof efforts.$inferSelect;
export type NewEffort = typeof efforts.$inferInsert;
export type TimeEntry = typeof timeEntries.$inferSelect;
export type Contact = typeof contacts.$inferSelect;
export type NewContact = typeof contacts.$inferInsert;
export type Interaction = typeof interactions.$inferSelect;
export type Opportunity = typeof opportunities.$inferSelect;
export type NewOpportunity = typeof opportunities.$inferInsert;
export type Stage = (typeof stageEnum.enumValues)[number];
export type Invitation = typeof invitations.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type EmailToken = typeof emailTokens.$inferSelect;
export type Capture = typeof captures.$inferSelect;
export type WeeklyGoal = typeof weeklyGoals.$inferSelect;
