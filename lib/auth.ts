import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { headers } from 'next/headers';
import { authorizeSignIn } from '@/lib/data/accounts/sign-in';
import { createUserSession } from '@/lib/data/sessions';
import { clientAddress, SHARED_ADDRESS } from '@/lib/data/throttle';
import { readDeviceNonce } from '@/lib/device-cookie';
import { authSecret } from '@/lib/env';
import { signInSchema } from '@/lib/schemas/auth';
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS, SIGN_IN_PATH } from './auth.config';

export const { auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
  pages: { signIn: SIGN_IN_PATH },
  // Wrong passwords are expected; Auth.js would otherwise print a stack trace for each one.
  logger: {
    error(error: Error) {
      if (error instanceof CredentialsSignin || error.name === 'CredentialsSignin') return;
      console.error('[auth]', error.name, error.message);
    },
    warn() {},
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        // Locked and wrong both end here; the sign-in action tells them apart for the message.
        const deviceNonce = await readDeviceNonce(parsed.data.email);
        const outcome = await authorizeSignIn(parsed.data.email, parsed.data.password, await clientIp(), { deviceNonce });
        return outcome.status === 'ok' ? outcome.user : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.authTime = Date.now();
        token.sid = await createUserSession(user.id, await userAgent());
      }
      return token;
    },
    session({ session, token }) {
      const s = session as typeof session & { uid?: string; authTime?: number; sid?: string };
      s.uid = typeof token.uid === 'string' ? token.uid : undefined;
      s.authTime = typeof token.authTime === 'number' ? token.authTime : undefined;
      s.sid = typeof token.sid === 'string' ? token.sid : undefined;
      return s;
    },
  },
}));

async function clientIp(): Promise<string> {
  try {
    return clientAddress(await headers());
  } catch {
    return SHARED_ADDRESS;
  }
}

async function userAgent(): Promise<string> {
  try {
    return (await headers()).get('user-agent') ?? '';
  } catch {
    return '';
  }
}
