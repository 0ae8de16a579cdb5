import { NextResponse, type NextRequest } from 'next/server';
import { applyReminderLink } from '@/lib/data/reminders/links';

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store' };

/**
 * A link from a reminder e-mail. Opening it (GET) never changes anything, because mail scanners
 * open links: it leads to a page that says what will happen and asks for a click.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return NextResponse.redirect(new URL(`/r/${encodeURIComponent(token)}/confirm`, request.url), { status: 303, headers: PRIVATE });
}

/** RFC 8058 one-click unsubscribe (body `List-Unsubscribe=One-Click`, sent by the mail provider). */
async function isOneClick(request: NextRequest): Promise<boolean> {
  try {
    const form = await request.formData();
    return form.get('List-Unsubscribe') === 'One-Click';
  } catch {
    return false;
  }
}

/**
 * Does what the link says, for the user it was sent to: the confirmation page's button, or a
 * mail provider's one-click unsubscribe. No session is needed; the signed token is the authority.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const oneClick = await isOneClick(request);
  const state = await applyReminderLink(token);
  if (oneClick) {
    const ok = state.status === 'applied';
    return new NextResponse(ok ? 'You are unsubscribed.\n' : 'This link no longer works.\n', {
      status: ok ? 200 : state.status === 'invalid' ? 400 : 410,
      headers: { ...PRIVATE, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return NextResponse.redirect(new URL(`/r/${encodeURIComponent(token)}/confirm`, request.url), { status: 303, headers: PRIVATE });
}
