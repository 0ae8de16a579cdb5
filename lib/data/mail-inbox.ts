import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { captures, mailInboxes, memberships, users } from '@/db/schema';
import { fail, inTransaction, isFailure } from '@/lib/result';
import { today as todayIso } from '@/lib/dates';
import type { InboundMessage, MailPerson } from '@/lib/import/mail';
import { assertCan } from '@/lib/permissions';
import { uuid } from '@/lib/schemas/common';
import { contactSchema } from '@/lib/schemas/contact';
import type { Direction } from '@/lib/schemas/interaction';
import { captureKey, contactsByEmail } from './capture';
import { createContact } from './contacts';
import { executor, type WorkspaceCtx } from './context';
import { lockWorkspace, logActivity } from './import/common';
import { createInteraction } from './interactions';

/** The secret part of a forwarding address: "ws-" and 128 random bits in hex (mail servers may fold case). */
const LOCAL_PART = /^ws-([0-9a-f]{32})(?:\+[^@]*)?$/;
const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** The forwarding address of a secret on a domain. */
export function inboxAddress(token: string, domain: string): string {
  return `ws-${token}@${domain.toLowerCase()}`;
}

/**
 * Makes the workspace's private forwarding address, or replaces it (mail to the old one is refused
 * from now on). Only its hash is kept: the address is returned to show once.
 */
export async function rotateMailInbox(ctx: WorkspaceCtx): Promise<string> {
  assertCan(ctx, 'workspace.settings');
  const db = await executor(ctx);
  const token = randomBytes(16).toString('hex');
  const tokenHash = hashToken(token);
  await db
    .insert(mailInboxes)
    .values({ workspaceId: ctx.workspaceId, tokenHash })
    .onConflictDoUpdate({ target: mailInboxes.workspaceId, set: { tokenHash, createdAt: sql`now()` } });
  return token;
}

/** Turns the forwarding address off. */
export async function deleteMailInbox(ctx: WorkspaceCtx): Promise<void> {
  assertCan(ctx, 'workspace.settings');
  const db = await executor(ctx);
  await db.delete(mailInboxes).where(eq(mailInboxes.workspaceId, ctx.workspaceId));
}

/** When the workspace's address was made, or null when it has none. */
export async function getMailInboxInfo(ctx: WorkspaceCtx): Promise<{ createdAt: Date } | null> {
  assertCan(ctx, 'workspace.settings');
  const db = await executor(ctx);
  const [row] = await db.select({ createdAt: mailInboxes.createdAt }).from(mailInboxes).where(eq(mailInboxes.workspaceId, ctx.workspaceId)).limit(1);
  return row ?? null;
}

/**
 * The workspace whose forwarding address is among these recipients, or null. Only an address on
 * the configured domain counts; the first one that names a live inbox wins.
 */
export async function workspaceForRecipients(recipients: string[], domain: string): Promise<string | null> {
  const tokens = recipients.flatMap((r) => {
    const [local, host] = r.trim().toLowerCase().split('@');
    const m = host === domain.toLowerCase() ? LOCAL_PART.exec(local ?? '') : null;
    return m ? [m[1]] : [];
  });
  if (tokens.length === 0) return null;
  const db = await executor();
  const rows = await db
    .select({ workspaceId: mailInboxes.workspaceId, tokenHash: mailInboxes.tokenHash })
    .from(mailInboxes)
    .where(inArray(mailInboxes.tokenHash, tokens.map(hashToken)));
  const byHash = new Map(rows.map((r) => [r.tokenHash, r.workspaceId]));
  for (const t of tokens) {
    const ws = byHash.get(hashToken(t));
    if (ws) return ws;
  }
  return null;
}

/** Addresses of the people who write the workspace's records: mail from them is mail from "me". */
async function writerAddresses(db: Executor, workspaceId: string): Promise<{ emails: Set<string>; ownerId: string | null }> {
  const rows = await db
    .select({ id: users.id, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, ['owner', 'editor'])))
    .orderBy(memberships.createdAt);
  return { emails: new Set(rows.map((r) => r.email.toLowerCase())), ownerId: rows.find((r) => r.role === 'owner')?.id ?? null };
}

export interface MailOutcome {
  /** Interactions added to contacts' timelines. */
  recorded: number;
  /** People not among the contacts, waiting for the owner's review. */
  review: number;
  /** True when every person of this message was seen before (the same Message-ID). */
  duplicate: boolean;
}

/** Who a message is with, and who reached out, read from its headers and any forward inside it. */
export function counterparts(message: InboundMessage, mine: Set<string>, inbox: (email: string) => boolean): { people: MailPerson[]; direction: Direction; date: string | null } {
  const others = (list: MailPerson[]) => list.filter((p) => !mine.has(p.email) && !inbox(p.email));
  const from = message.from!;
  if (!mine.has(from.email)) return { people: others([from]), direction: 'inbound', date: message.date };
  const fwd = message.forwarded;
  if (fwd?.from) {
    // A message you received and forwarded: they reached out. One you sent and forwarded: you did.
    if (!mine.has(fwd.from.email)) return { people: others([fwd.from]), direction: 'inbound', date: fwd.date ?? message.date };
    return { people: others(fwd.to), direction: 'outbound', date: fwd.date ?? message.date };
  }
  // The address in Bcc (or Cc) of mail you sent.
  return { people: others([...message.to, ...message.cc]), direction: 'outbound', date: message.date };
}

/**
 * Turns one inbound message into records of the workspace, all or nothing: an e-mail interaction
 * for each contact it is with, and a review entry for each person who is not a contact yet. The
 * same message (Message-ID) arriving again adds nothing.
 */
export async function recordInboundMail(
  workspaceId: string,
  message: InboundMessage,
  { isInbox, today = todayIso() }: { isInbox: (email: string) => boolean; today?: string },
): Promise<MailOutcome> {
  const result = await inTransaction({}, async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const { emails: mine, ownerId } = await writerAddresses(tx, workspaceId);
    if (!ownerId) return fail('This workspace has no owner.');
    // The owner made the address; what arrives through it is written on their behalf.
    const ctx: WorkspaceCtx = { userId: ownerId, workspaceId, role: 'owner', tx };
    const { people, direction, date: sentOn } = counterparts(message, mine, isInbox);
    const date = sentOn && sentOn <= today ? sentOn : today;
    const known = await contactsByEmail(
      tx,
      workspaceId,
      people.map((p) => p.email),
    );
    const outcome: MailOutcome = { recorded: 0, review: 0, duplicate: false };
    let seen = 0;
    for (const p of people) {
      const contact = known.get(p.email);
      const [claimed] = await tx
        .insert(captures)
        .values({
          workspaceId,
          source: 'email',
          externalId: captureKey(`${message.messageId}|${p.email}`),
          status: contact ? 'recorded' : 'review',
          occurredOn: date,
          direction,
          personName: p.name,
          personEmail: p.email,
          subject: message.forwarded?.subject || message.subject,
          excerpt: message.excerpt,
        })
        .onConflictDoNothing()
        .returning({ id: captures.id });
      if (!claimed) {
        seen++;
        continue;
      }
      if (!contact) {
        outcome.review++;
        continue;
      }
      const made = await createInteraction(ctx, { contactId: contact.id, date, kind: 'email', direction, notes: mailNotes(message.forwarded?.subject || message.subject, message.excerpt) });
      if (isFailure(made)) return fail(made.formError ?? 'A contact is gone.');
      outcome.recorded++;
    }
    outcome.duplicate = people.length > 0 && seen === people.length;
    if (outcome.recorded || outcome.review) {
      await logActivity(tx, { ...ctx, userId: ownerId }, 'interaction.import_mail', { recorded: outcome.recorded, review: outcome.review });
    }
    return outcome;
  });
  if (isFailure(result)) throw new Error(result.formError);
  return result;
}

/** An e-mail interaction's notes: its subject and first lines. */
function mailNotes(subject: string, excerpt: string): string {
  return [subject ? `E-mail: ${subject}` : 'E-mail', excerpt].filter(Boolean).join('\n').slice(0, 2000);
}

// ---------------------------------------------------------------------------------------------
// The owner's review of mail from people who are not contacts yet
// ---------------------------------------------------------------------------------------------

export interface ReviewItem {
  id: string;
  date: string;
  direction: Direction;
  name: string;
  email: string;
  subject: string;
  excerpt: string;
}

/** Forwarded mail from or to people who are not contacts, newest first; only the owner sees it. */
export async function listMailReview(ctx: WorkspaceCtx, { limit = 100 } = {}): Promise<ReviewItem[]> {
  assertCan(ctx, 'workspace.settings');
  const db = await executor(ctx);
  return db
    .select({
      id: captures.id,
      date: captures.occurredOn,
      direction: captures.direction,
      name: captures.personName,
      email: captures.personEmail,
      subject: captures.subject,
      excerpt: captures.excerpt,
    })
    .from(captures)
    .where(and(eq(captures.workspaceId, ctx.workspaceId), eq(captures.source, 'email'), eq(captures.status, 'review')))
    .orderBy(desc(captures.occurredOn), desc(captures.createdAt))
    .limit(Math.min(Math.max(limit, 1), 500));
}

const REVIEW_GONE = 'This message is no longer waiting for review. Reload the page.';

/**
 * Accepts a reviewed message: the person becomes a contact (or the existing one with the address
 * is used) and the message an e-mail interaction in their timeline, in one transaction.
 */
export async function acceptMailReview(ctx: WorkspaceCtx, id: string): Promise<{ ok: true; data: { contactId: string } } | { ok: false; formError: string }> {
  assertCan(ctx, 'workspace.settings');
  assertCan(ctx, 'records.write');
  if (!uuid.safeParse(id).success) return { ok: false, formError: REVIEW_GONE };
  return inTransaction(ctx, async (tx) => {
    const [item] = await tx
      .update(captures)
      .set({ status: 'recorded' })
      .where(and(eq(captures.id, id), eq(captures.workspaceId, ctx.workspaceId), eq(captures.status, 'review')))
      .returning();
    if (!item) return fail(REVIEW_GONE);
    const txCtx = { ...ctx, tx };
    let contactId = (await contactsByEmail(tx, ctx.workspaceId, [item.personEmail])).get(item.personEmail)?.id;
    if (!contactId) {
      const input = contactSchema.parse({
        name: item.personName || item.personEmail.split('@')[0] || item.personEmail,
        email: item.personEmail,
        phone: '',
        company: '',
        role: '',
        linkedinUrl: '',
        notes: '',
        metOn: item.occurredOn,
      });
      const made = await createContact(txCtx, input);
      if (isFailure(made)) return fail(made.formError ?? 'The contact could not be saved.');
      contactId = made.id;
    }
    const made = await createInteraction(txCtx, { contactId, date: item.occurredOn, kind: 'email', direction: item.direction, notes: mailNotes(item.subject, item.excerpt) });
    if (isFailure(made)) return fail(made.formError ?? REVIEW_GONE);
    return { ok: true as const, data: { contactId } };
  }) as Promise<{ ok: true; data: { contactId: string } } | { ok: false; formError: string }>;
}

/** Dismisses a reviewed message: it stays out of the records, and arriving again adds nothing. */
export async function dismissMailReview(ctx: WorkspaceCtx, id: string): Promise<{ ok: true; data: { id: string } } | { ok: false; formError: string }> {
  assertCan(ctx, 'workspace.settings');
  if (!uuid.safeParse(id).success) return { ok: false, formError: REVIEW_GONE };
  const db = await executor(ctx);
  const [row] = await db
    .update(captures)
    .set({ status: 'dismissed', excerpt: '' })
    .where(and(eq(captures.id, id), eq(captures.workspaceId, ctx.workspaceId), eq(captures.status, 'review')))
    .returning({ id: captures.id });
  return row ? { ok: true, data: row } : { ok: false, formError: REVIEW_GONE };
}
