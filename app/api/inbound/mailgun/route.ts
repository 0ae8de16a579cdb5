import { createHmac } from 'node:crypto';
import { env } from '@/lib/env';
import { answer, inboundDomain, readBody, receive, sameSecret } from '../_lib/receive';

export const dynamic = 'force-dynamic';

/** How old a signed delivery may be; older ones (a replay) are refused. */
const MAX_AGE_SECONDS = 15 * 60;

/**
 * Mailgun's route action `forward("https://host/api/inbound/mailgun/mime")` posts the whole
 * message as `body-mime`, signed with the webhook signing key: HMAC-SHA256 of timestamp + token.
 * 406 tells Mailgun not to retry a message that can never be taken.
 */
export async function POST(request: Request) {
  const domain = inboundDomain();
  if (domain instanceof Response) return domain;
  const key = env().MAILGUN_WEBHOOK_SIGNING_KEY;
  if (!key) return answer(503, { ok: false, error: 'Mailgun is not configured: set MAILGUN_WEBHOOK_SIGNING_KEY.' });
  const body = await readBody(request);
  if (body instanceof Response) return body;
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return answer(406, { ok: false, error: 'Expected Mailgun form data.' });
  }
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  const timestamp = field('timestamp');
  const token = field('token');
  const signature = field('signature');
  const expected = createHmac('sha256', key).update(timestamp + token).digest('hex');
  if (!/^\d{1,12}$/.test(timestamp) || !token || !signature || !sameSecret(signature, expected)) {
    return answer(401, { ok: false, error: 'The Mailgun signature does not match.' });
  }
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > MAX_AGE_SECONDS) return answer(401, { ok: false, error: 'The Mailgun signature has expired.' });
  const mime = form.get('body-mime');
  if (mime === null) return answer(406, { ok: false, error: 'No body-mime: forward the route to a URL ending in /mime.' });
  const raw = typeof mime === 'string' ? mime : new Uint8Array(await mime.arrayBuffer());
  return receive(raw, field('recipient').split(',').slice(0, 20), domain, 406);
}
