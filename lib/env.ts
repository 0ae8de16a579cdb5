import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_DRIVER: z.enum(['pglite', 'pg', 'neon']).optional(),
  GROUNDWORK_DATA_DIR: z.string().min(1).default('.data'),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  NEON_WS_PROXY: z.string().optional(),
  // Shows every account's mail at /dev/outbox: for development and tests only.
  GROUNDWORK_DEV_OUTBOX: z.enum(['0', '1']).optional(),
  // How many proxies in front of the app append to X-Forwarded-For; 0 trusts none of it.
  TRUSTED_PROXY_HOPS: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, 'TRUSTED_PROXY_HOPS must be a whole number of proxies, 0 or more')
    .default('0')
    .transform(Number),
  // A header the platform itself sets to the client's address (e.g. x-vercel-forwarded-for).
  CLIENT_IP_HEADER: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9-]{1,64}$/, 'CLIENT_IP_HEADER must be a header name such as x-real-ip')
      .optional(),
  ),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The validated environment; throws once, with every problem listed, when it is malformed. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}

/** Absolute path of the folder that holds the embedded database and generated secrets. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env().GROUNDWORK_DATA_DIR);
}

/**
 * The Auth.js secret: AUTH_SECRET when given, otherwise one generated on first start and kept
 * beside the embedded database so sessions survive restarts with zero setup.
 */
export function authSecret(): string {
  const given = env().AUTH_SECRET;
  if (given) return given;
  const dir = dataDir();
  const file = path.join(dir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (err) {
    // Another worker wrote it first: use theirs so every process signs with one key.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw err;
  }
}

const LOOPBACK_ORIGIN = /^https?:\/\/(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d+)?$/;

/**
 * Why a production server must not start with the development outbox on, or null when it may:
 * the outbox shows every account's mail to anyone who can reach the server, so it is allowed
 * only on a server bound to a loopback address (`next start -H 127.0.0.1`). `origin` is where
 * Next.js says it listens; an unbound server reports "localhost", which is not proof.
 */
export function devOutboxRefusal(e: Env = env(), origin: string | undefined = process.env.__NEXT_PRIVATE_ORIGIN): string | null {
  if (e.NODE_ENV !== 'production' || e.GROUNDWORK_DEV_OUTBOX !== '1') return null;
  if (origin && LOOPBACK_ORIGIN.test(origin)) return null;
  return (
    'GROUNDWORK_DEV_OUTBOX=1 shows every account\'s e-mail at /dev/outbox, so a production server refuses to start with it ' +
    'unless bound to loopback (next start -H 127.0.0.1). Unset it, or configure SMTP_URL to send mail.'
  );
}
