import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { authSecret } from '@/lib/env';

// A signed "device cookie" (OWASP, Slow Down Online Guessing Attacks with Device Cookies): a
// browser that has signed in to an account before gets through that account's lock, so a
// stranger's wrong guesses cannot lock the owner out. Stateless: nothing is stored.

export const DEVICE_COOKIE = 'gw_device';
export const DEVICE_COOKIE_DAYS = 365;

const KEY_LABEL = 'device-cookies';

function sign(body: string, secret: string): Buffer {
  const key = createHmac('sha256', secret).update(KEY_LABEL).digest();
  return createHmac('sha256', key).update(body).digest();
}

const normalise = (email: string) => email.trim().toLowerCase();

/** A cookie value naming the account, a random nonce and an expiry, signed with a key of its own. */
export function signDeviceCookie(email: string, secret: string, now: Date = new Date()): string {
  const exp = Math.floor(now.getTime() / 1000) + DEVICE_COOKIE_DAYS * 86_400;
  const body = Buffer.from(JSON.stringify({ e: normalise(email), n: randomBytes(16).toString('base64url'), exp }), 'utf8').toString('base64url');
  return `${body}.${sign(body, secret).toString('base64url')}`;
}

/** The cookie's nonce when it is genuine, unexpired and was issued for this address; otherwise null. */
export function deviceNonceFor(value: string | undefined, email: string, secret: string, now: Date = new Date()): string | null {
  if (!value || value.length > 512) return null;
  const [body, mac, extra] = value.split('.');
  if (!body || !mac || extra !== undefined) return null;
  const given = Buffer.from(mac, 'base64url');
  const expected = sign(body, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { e?: unknown; n?: unknown; exp?: unknown };
    if (payload.e !== normalise(email) || typeof payload.n !== 'string' || !/^[A-Za-z0-9_-]{22}$/.test(payload.n)) return null;
    if (typeof payload.exp !== 'number' || payload.exp * 1000 <= now.getTime()) return null;
    return payload.n;
  } catch {
    return null;
  }
}

/** This browser's device nonce for the address, from the request's cookie. */
export async function readDeviceNonce(email: string): Promise<string | null> {
  try {
    return deviceNonceFor((await cookies()).get(DEVICE_COOKIE)?.value, email, authSecret());
  } catch {
    return null;
  }
}

/** Marks this browser as one that signed in to the account (after a successful sign-in). */
export async function rememberDevice(email: string): Promise<void> {
  const secure = (await headers()).get('x-forwarded-proto') === 'https';
  (await cookies()).set(DEVICE_COOKIE, signDeviceCookie(email, authSecret()), {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: DEVICE_COOKIE_DAYS * 86_400,
  });
}
