import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { captures, contacts, users, type Capture } from '@/db/schema';
import { today as todayIso } from '@/lib/dates';
import type { CalendarOccurrence, CalendarPerson } from '@/lib/import/calendar';
import { fail, inTransaction, isFailure } from '@/lib/result';
import { assertCan } from '@/lib/permissions';
import { effortSchema } from '@/lib/schemas/effort';
import type { Direction } from '@/lib/schemas/interaction';
import { createContact } from './contacts';
import { executor, type WorkspaceCtx } from './context';
import { createEffort } from './efforts';
import { inList, lockWorkspace, logActivity, MAX_LISTED_PROBLEMS, parseImportedContact } from './import/common';
import { createInteraction } from './interactions';

const BATCH = 500;

/** The id a capture is stored under: its own when short, else a digest of it (Message-IDs and UIDs have no length limit). */
export function captureKey(id: string): string {
  return id.length <= 300 ? id : `sha256:${createHash('sha256').update(id, 'utf8').digest('hex')}`;
}

/** Which of these ids the workspace has already recorded from this source. */
async function alreadyCaptured(db: Executor, workspaceId: string, source: Capture['source'], ids: string[]): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = await db
      .select({ id: captures.externalId })
      .from(captures)
      .where(and(eq(captures.workspaceId, workspaceId), eq(captures.source, source), sql`${captures.externalId} in (${inList(ids.slice(i, i + BATCH))})`));
    for (const r of rows) seen.add(r.id);
  }
  return seen;
}

/** The workspace's contacts with these addresses, by lower-case address (the oldest first when two share one). */
export async function contactsByEmail(db: Executor, workspaceId: string, emails: string[]): Promise<Map<string, { id: string; name: string }>> {
  const found = new Map<string, { id: string; name: string }>();
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()).filter(Boolean))];
  for (let i = 0; i < wanted.length; i += BATCH) {
    const rows = await db
      .select({ id: contacts.id, name: contacts.name, email: contacts.email })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), sql`lower(${contacts.email}) in (${inList(wanted.slice(i, i + BATCH))})`))
      .orderBy(contacts.createdAt, contacts.id);
    for (const r of rows) if (!found.has(r.email.toLowerCase())) found.set(r.email.toLowerCase(), { id: r.id, name: r.name });
  }
  return found;
}

/** A name for someone known only by address: "rosa.brandt@…" → "Rosa Brandt". */
export function nameFromAddress(person: CalendarPerson): string {
  if (person.name) return person.name;
  const local = person.email.split('@')[0].replace(/[._+-]+/g, ' ').trim();
  const name = local.replace(/\p{L}+/gu, (w) => w[0].toUpperCase() + w.slice(1));
  return (name || person.email).slice(0, 120);
}

// ---------------------------------------------------------------------------------------------
// Calendar files (.ics)
// ---------------------------------------------------------------------------------------------

export interface CalendarPlanItem {
  /** Position in the file's occurrences, as the import names the ones to make interviews of. */
  index: number;
  date: string;
  summary: string;
  /** "meeting": becomes a meeting with the contacts named; "interview": a one-to-one with someone new, offered as an informational interview. */
  status: 'meeting' | 'interview';
  /** Who of your contacts was there, and who reached out: the one who sent the invitation. */
  contacts: { name: string; direction: Direction }[];
  person?: { name: string; email: string };
}

export interface CalendarPlan {
  meetingCount: number;
  /** Meeting interactions the meetings make (one per contact in each). */
  interactionCount: number;
  interviewCount: number;
  skippedCount: number;
  items: CalendarPlanItem[];
  skipped: { date: string; summary: string; reason: string }[];
}

const MAX_LISTED_ITEMS = 500;

type Planned = CalendarPlanItem & { targets: { contactId: string; direction: Direction }[]; key: string; hours: number | null };

async function ownAddresses(db: Executor, ctx: WorkspaceCtx, fileOwner: string | null): Promise<Set<string>> {
  const [me] = await db.select({ email: users.email }).from(users).where(eq(users.id, ctx.userId)).limit(1);
  return new Set([me?.email.toLowerCase(), fileOwner].filter((e): e is string => Boolean(e)));
}

async function planCalendar(
  db: Executor,
  ctx: WorkspaceCtx,
  occurrences: CalendarOccurrence[],
  fileOwner: string | null,
  today: string,
): Promise<{ plan: CalendarPlan; meetings: Planned[] }> {
  const mine = await ownAddresses(db, ctx, fileOwner);
  const known = await contactsByEmail(
    db,
    ctx.workspaceId,
    occurrences.flatMap((o) => o.people.map((p) => p.email)),
  );
  const recorded = await alreadyCaptured(
    db,
    ctx.workspaceId,
    'calendar',
    occurrences.map((o) => captureKey(o.key)),
  );
  const plan: CalendarPlan = { meetingCount: 0, interactionCount: 0, interviewCount: 0, skippedCount: 0, items: [], skipped: [] };
  const meetings: Planned[] = [];
  const skip = (o: CalendarOccurrence, reason: string) => {
    plan.skippedCount++;
    if (plan.skipped.length < MAX_LISTED_PROBLEMS) plan.skipped.push({ date: o.date, summary: o.summary, reason });
  };
  const seen = new Set<string>();
  occurrences.forEach((o, index) => {
    const key = captureKey(o.key);
    if (seen.has(key)) return skip(o, 'Listed twice in the file');
    seen.add(key);
    if (o.cancelled) return skip(o, 'Cancelled');
    if (o.date > today) return skip(o, 'Not yet happened');
    if (recorded.has(key)) return skip(o, 'Already recorded');
    const others = o.people.filter((p) => !mine.has(p.email));
    const iInvited = o.organizer !== null && mine.has(o.organizer);
    const targets = new Map<string, { name: string; direction: Direction }>();
    for (const p of others) {
      const contact = known.get(p.email);
      // Being invited is the other person reaching out; inviting them is you reaching out.
      if (contact && !targets.has(contact.id)) {
        targets.set(contact.id, { name: contact.name, direction: p.email === o.organizer ? 'inbound' : iInvited ? 'outbound' : 'mutual' });
      }
    }
    if (targets.size) {
      const item: CalendarPlanItem = { index, date: o.date, summary: o.summary, status: 'meeting', contacts: [...targets.values()] };
      meetings.push({ ...item, targets: [...targets].map(([contactId, t]) => ({ contactId, direction: t.direction })), key, hours: o.hours });
      plan.meetingCount++;
      plan.interactionCount += targets.size;
      if (plan.items.length < MAX_LISTED_ITEMS) plan.items.push(item);
      return;
    }
    if (others.length === 1) {
      const person = { name: nameFromAddress(others[0]), email: others[0].email };
      const item: CalendarPlanItem = { index, date: o.date, summary: o.summary, status: 'interview', contacts: [], person };
      meetings.push({ ...item, targets: [], key, hours: o.hours });
      plan.interviewCount++;
      if (plan.items.length < MAX_LISTED_ITEMS) plan.items.push(item);
      return;
    }
    skip(o, others.length === 0 ? 'Nobody else in it' : 'None of the guests is one of your contacts');
  });
  return { plan, meetings };
}

/** What uploading this calendar would record; writes nothing. */
export async function previewCalendarImport(
  ctx: WorkspaceCtx,
  occurrences: CalendarOccurrence[],
  fileOwner: string | null,
  { today = todayIso() }: { today?: string } = {},
): Promise<CalendarPlan> {
  assertCan(ctx, 'records.write');
  const db = await executor(ctx);
  return (await planCalendar(db, ctx, occurrences, fileOwner, today)).plan;
}

export interface CalendarImportResult extends CalendarPlan {
  interviewsLogged: number;
}

/**
 * Records each past meeting with contacts as a meeting interaction per contact, and turns the
 * chosen one-to-ones with new people into informational interviews (the effort and the contact
 * met there), all in one transaction. Each occurrence is recorded once, however often it is uploaded.
 */
export async function importCalendar(
  ctx: WorkspaceCtx,
  occurrences: CalendarOccurrence[],
  fileOwner: string | null,
  { interviews = [], today = todayIso() }: { interviews?: number[]; today?: string } = {},
): Promise<CalendarImportResult> {
  assertCan(ctx, 'records.write');
  const chosen = new Set(interviews);
  const result = await inTransaction(ctx, async (db) => {
    await lockWorkspace(db, ctx.workspaceId);
    const txCtx: WorkspaceCtx = { ...ctx, tx: db };
    const { plan, meetings } = await planCalendar(db, ctx, occurrences, fileOwner, today);
    let interviewsLogged = 0;
    for (const m of meetings) {
      if (m.status === 'interview' && !chosen.has(m.index)) continue;
      const [claimed] = await db
        .insert(captures)
        .values({
          workspaceId: ctx.workspaceId,
          source: 'calendar',
          externalId: m.key,
          status: 'recorded',
          occurredOn: m.date,
          direction: m.targets.some((t) => t.direction === 'inbound') ? 'inbound' : (m.targets[0]?.direction ?? 'outbound'),
          personName: m.person?.name ?? m.contacts[0]?.name ?? '',
          personEmail: m.person?.email ?? '',
          subject: m.summary,
        })
        .onConflictDoNothing()
        .returning({ id: captures.id });
      if (!claimed) continue;
      if (m.status === 'meeting') {
        for (const { contactId, direction } of m.targets) {
          const made = await createInteraction(txCtx, {
            contactId,
            date: m.date,
            kind: 'meeting',
            direction,
            notes: m.summary ? `From your calendar: ${m.summary}` : 'From your calendar',
          });
          if (isFailure(made)) return fail(made.formError ?? 'A contact of this meeting is gone. Nothing was imported; try again.');
        }
        continue;
      }
      const person = m.person!;
      const effort = await createEffort(
        txCtx,
        effortSchema.parse({
          channel: 'interviews',
          title: (m.summary || `Informational interview with ${person.name}`).slice(0, 120),
          date: m.date,
          hours: m.hours ?? '',
          moneySpent: '',
          notes: '',
          contactIds: [],
          person: person.name,
          company: '',
          personRole: '',
          questions: '',
          learned: '',
          thankYouSent: false,
          followUpOn: '',
        }),
      );
      if (isFailure(effort)) return fail(effort.formError ?? 'The interview could not be saved. Nothing was imported.');
      const contact = parseImportedContact({ name: person.name, email: person.email, metThroughEffortId: effort.id, metOn: m.date });
      if (!contact.success) return fail(`${person.name}: ${contact.error.issues[0]?.message}. Nothing was imported.`);
      const made = await createContact(txCtx, contact.data);
      if (isFailure(made)) return fail(made.formError ?? 'The new contact could not be saved. Nothing was imported.');
      interviewsLogged++;
    }
    await logActivity(db, ctx, 'interaction.import_calendar', { meetings: plan.meetingCount, interactions: plan.interactionCount, interviews: interviewsLogged });
    return { ...plan, interviewsLogged };
  });
  if (isFailure(result)) throw new Error(result.formError);
  return result;
}
