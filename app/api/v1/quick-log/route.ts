import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { MESSAGES, type ActionFailure } from '@/lib/action';
import { QUICK_PATH_KINDS } from '@/lib/schemas/quick-path-options';
import { saveQuickPath } from '@/app/w/[workspaceId]/log/save';

export const dynamic = 'force-dynamic';

// The phone's outbox sends here. Version 1 of this contract stays as it is for as long as phones
// may hold records queued by an older build; a change of shape gets a /v2 beside it.
const MAX_BODY = 64 * 1024;

const envelope = z.object({
  /** Made on the phone once per record: the idempotency key of every attempt. */
  id: z.string().uuid(),
  workspaceId: z.string().max(64),
  kind: z.enum(QUICK_PATH_KINDS as [string, ...string[]]),
  values: z.record(z.string(), z.unknown()),
});

function statusOf(failure: ActionFailure): number {
  switch (failure.formError) {
    case MESSAGES.signedOut:
      return 401;
    case MESSAGES.notFound:
      return 404;
    case MESSAGES.forbidden:
      return 403;
    default:
      return 422;
  }
}

const json = (body: unknown, status = 200) => NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

/** Saves one record from the outbox, once: a repeat with the same id answers what the first did. */
export async function POST(request: NextRequest) {
  const text = await request.text();
  if (text.length > MAX_BODY) return json({ ok: false, formError: 'This record is too large to send.' }, 413);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return json({ ok: false, formError: 'This record could not be read.' }, 400);
  }
  const parsed = envelope.safeParse(raw);
  if (!parsed.success) return json({ ok: false, formError: 'This record could not be read.' }, 400);
  const { id, workspaceId, kind, values } = parsed.data;
  const result = await saveQuickPath(kind as never, workspaceId, { ...values, idempotencyKey: id });
  if (result.ok) return json(result);
  return json(result, statusOf(result));
}
