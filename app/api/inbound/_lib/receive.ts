import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { recordInboundMail, workspaceForRecipients } from '@/lib/data/mail-inbox';
import { env } from '@/lib/env';
import { MAX_MESSAGE_BYTES, parseInboundMail } from '@/lib/import/mail';

const headers = { 'Cache-Control': 'no-store' };

/** A JSON answer for a mail provider or a mail server; status codes say whether to try again. */
export function answer(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers });
}

/** Compares digests, so neither the length nor the content of a secret leaks through timing. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());
}

/** The inbound domain, or an answer saying the feature is off. */
export function inboundDomain(): string | Response {
  return env().INBOUND_MAIL_DOMAIN ?? answer(503, { ok: false, error: 'Inbound mail is not configured: set INBOUND_MAIL_DOMAIN.' });
}

/**
 * Reads a request body up to the message limit; a longer one is refused without reading on,
 * and one shorter than announced (cut by a proxy) is refused rather than half-read.
 */
export async function readBody(request: Request, limit = MAX_MESSAGE_BYTES + 256 * 1024): Promise<Uint8Array | Response> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  const tooLarge = answer(413, { ok: false, error: `The message is larger than ${MAX_MESSAGE_BYTES / 1024 / 1024} MB.` });
  if (Number.isFinite(declared) && declared > limit) return tooLarge;
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.byteLength > limit) return tooLarge;
  if (Number.isFinite(declared) && declared !== body.byteLength) return answer(400, { ok: false, error: 'The message was cut off.' });
  return body;
}

/**
 * One message into the workspace its forwarding address names: parsed, matched and recorded in
 * one transaction. `envelope` are the recipients the provider or server reports (Bcc lives only there).
 */
export async function receive(raw: Uint8Array | string, envelope: string[], domain: string, unknownStatus = 404): Promise<Response> {
  const parsed = await parseInboundMail(raw);
  if (!parsed.ok) return answer(parsed.error.includes('larger') ? 413 : 422, { ok: false, error: parsed.error });
  const recipients = [...envelope, ...parsed.message.deliveredTo];
  const workspaceId = await workspaceForRecipients(recipients, domain);
  if (!workspaceId) return answer(unknownStatus, { ok: false, error: 'No workspace has this forwarding address.' });
  const suffix = `@${domain.toLowerCase()}`;
  const outcome = await recordInboundMail(workspaceId, parsed.message, { isInbox: (email) => email.endsWith(suffix) });
  return answer(200, { ok: true, ...outcome });
}
