import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIES, SIGN_IN_PATH } from '@/lib/auth.config';

// Only a convenience: anonymous visitors of app pages go to sign-in with a way back.
// Every page and action checks the session and membership itself.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && (pathname.startsWith('/w/') || pathname.startsWith('/account'))) {
    const url = request.nextUrl.clone();
    url.pathname = SIGN_IN_PATH;
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const headers = new Headers(request.headers);
  headers.set('x-groundwork-path', pathname + search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon|manifest.webmanifest|robots.txt).*)'],
};
