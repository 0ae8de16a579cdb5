import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIES, SIGN_IN_PATH } from '@/lib/auth.config';
import { env } from '@/lib/env';

const PRIVATE_PREFIXES = ['/w/', '/account', '/roster', '/invite', '/dev/'];

function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    `default-src 'self'`,
    // strict-dynamic lets the framework's own chunks load from the nonce'd bootstrap script.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    // Inline style attributes (chart colours) are harmless without script; stylesheets come from 'self'.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    `manifest-src 'self'`,
  ].join('; ');
}

/** Server actions and state-changing requests must come from this site. */
function isForeignWrite(request: NextRequest): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return false;
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.get('origin');
  if (!origin) return request.headers.has('next-action');
  if (origin === 'null') return true;
  try {
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Next's own limit on a server action's body (serverActions.bodySizeLimit, 1 MB by default). */
export const ACTION_BODY_LIMIT = 1024 * 1024;
// Upload routes take files up to 10 MB and check the size themselves.
const UPLOAD_ROUTE = /^\/w\/[^/]+\/import\/(csv|linkedin|workspace)$/;

/**
 * 413 for a body over the limit, before the framework reads it (it would answer with an error
 * digest instead), and 411 for an action body of undeclared length, which it could not bound.
 */
function oversizedBody(request: NextRequest): NextResponse | null {
  if (request.method !== 'POST') return null;
  const declared = request.headers.get('content-length');
  if (declared === null) {
    return request.headers.has('next-action') ? new NextResponse('A length is required.', { status: 411 }) : null;
  }
  if (UPLOAD_ROUTE.test(request.nextUrl.pathname)) return null;
  const bytes = Number(declared);
  if (Number.isFinite(bytes) && bytes <= ACTION_BODY_LIMIT) return null;
  return new NextResponse('The request is too large.', { status: 413, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Whether every %-escape in the path decodes to UTF-8; anything else is a bad request, never a crash. */
function hasBadEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

// Only a convenience for anonymous visitors and a place for headers: every page and action
// checks the session and membership itself.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const { NODE_ENV } = env();
  const dev = NODE_ENV === 'development';

  if (isForeignWrite(request)) {
    return new NextResponse('Cross-site requests are not allowed.', { status: 403 });
  }
  const tooLarge = oversizedBody(request);
  if (tooLarge) return tooLarge;

  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && (pathname.startsWith('/w/') || pathname.startsWith('/account') || pathname.startsWith('/roster'))) {
    const url = request.nextUrl.clone();
    url.pathname = SIGN_IN_PATH;
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }

  // 128 random bits: the policy and every script tag of the page carry it.
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const csp = contentSecurityPolicy(nonce, dev);
  const headers = new Headers(request.headers);
  headers.set('x-groundwork-path', pathname + search);
  headers.set('x-nonce', nonce);
  // Next reads the nonce from the request's policy and stamps it on its own scripts.
  headers.set('content-security-policy', csp);

  // A path that cannot be decoded names no page: answer with the app's own not-found page.
  const response = hasBadEncoding(pathname)
    ? NextResponse.rewrite(new URL('/_malformed-address', request.url), { request: { headers } })
    : NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  response.headers.set('X-Frame-Options', 'DENY');
  response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()');
  if (NODE_ENV === 'production') {
    response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  }
  if (hasSession || PRIVATE_PREFIXES.some((p) => pathname.startsWith(p))) {
    response.headers.set('Cache-Control', 'private, no-store');
  }
  return response;
}

export const config = {
  matcher: [
    {
      // Prefetches too: every request a page answers gets the headers and the origin check. Health
      // probes come from load balancers without a session and want nothing but JSON.
      source: '/((?!_next/static|_next/image|favicon.ico|icon|apple-icon|manifest.webmanifest|robots.txt|api/health).*)',
    },
  ],
};
