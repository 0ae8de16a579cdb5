// Signed one-click links in reminder e-mails: base64url(payload).base64url(HMAC-SHA256(payload)).
// Each link does one thing for one person and expires; nothing is stored, so nothing can leak from a table.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { now as clockNow } from '@/lib/clock';

export const LINK_PURPOSES = ['done', 'snooze7', 'snooze30', 'unsubscribe'] as const;
export const REMINDER_KINDS = ['daily', 'weekly', 'coach_weekly'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** How long a done/snooze link works, and an unsubscribe link. */
export const ITEM_LINK_TTL_DAYS = 14;
export const UNSUBSCRIBE_LINK_TTL_DAYS = 90;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

const payloadSchema = z.discriminatedUnion('purpose', [
  z.object({
    purpose: z.enum(['done', 'snooze7', 'snooze30']),
    userId: uuid,
    workspaceId: uuid,
    itemKey: z.string().min(1).max(120),
    exp: z.number().int().positive(),
  }),
  z.object({ purpose: z.literal('unsubscribe'), userId: uuid, kind: z.enum(REMINDER_KINDS), exp: z.number().int().positive() }),
]);

export type LinkPayload = z.infer<typeof payloadSchema>;
export type ItemLinkPayload = Extract<LinkPayload, { purpose: 'done' | 'snooze7' | 'snooze30' }>;

/** A key used for nothing but these links, so a signature here is worthless anywhere else. */
function linkKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('reminder-links').digest();
}

function sign(body: string, secret: string): Buffer {
  return createHmac('sha256', linkKey(secret)).update(body).digest();
}

/** A token for the payload; exp is seconds since the epoch. */
export function signLink(payload: LinkPayload, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${sign(body, secret).toString('base64url')}`;
}

/** Seconds since the epoch, `days` after `now`. */
export function expiresIn(now: Date, days: number): number {
  return Math.floor(now.getTime() / 1000) + days * 86_400;
}

export type VerifyResult = { ok: true; payload: LinkPayload } | { ok: false; reason: 'invalid' | 'expired' };

/** The payload when the signature matches and the link has not expired. */
export function verifyLink(token: string, secret: string, now: Date = clockNow()): VerifyResult {
  if (typeof token !== 'string' || token.length > 1024) return { ok: false, reason: 'invalid' };
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return { ok: false, reason: 'invalid' };
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = sign(body, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const result = payloadSchema.safeParse(parsed);
  if (!result.success) return { ok: false, reason: 'invalid' };
  if (result.data.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, payload: result.data };
}
