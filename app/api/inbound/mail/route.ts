import { env } from '@/lib/env';
import { answer, inboundDomain, readBody, receive, sameSecret } from '../_lib/receive';

export const dynamic = 'force-dynamic';

/**
 * A raw RFC 5322 message as the body (from a mail server's pipe or an e-mail worker), with
 * `Authorization: Bearer $INBOUND_MAIL_SECRET`. `?to=` may name the envelope recipient, which a
 * Bcc'd message does not carry in its headers.
 */
export async function POST(request: Request) {
  const domain = inboundDomain();
  if (domain instanceof Response) return domain;
  const secret = env().INBOUND_MAIL_SECRET;
  if (!secret) return answer(503, { ok: false, error: 'Raw inbound mail is not configured: set INBOUND_MAIL_SECRET.' });
  const header = request.headers.get('authorization') ?? '';
  const given = header.startsWith('Bearer ') ? header.slice(7) : '';
  if (!given || !sameSecret(given, secret)) return answer(401, { ok: false, error: 'Unauthorized' });
  const body = await readBody(request);
  if (body instanceof Response) return body;
  const to = new URL(request.url).searchParams.getAll('to').slice(0, 20);
  return receive(body, to, domain);
}
