import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { setClock } from './clock';

// An empty value means unset, as it did where these were read with `||`.
const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(blankIsUnset, z.string().optional());
/** A whole number within bounds, given as text; the default, when any, is the reader's. */
const optionalWhole = (name: string, min: number, max: number) =>
  z.preprocess(
    blankIsUnset,
    z
      .string()
      .trim()
      .regex(/^\d+$/, `${name} must be a whole number`)
      .transform(Number)
      .refine((n) => n >= min && n <= max, `${name} must be between ${min} and ${max}`)
      .optional(),
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_DRIVER: z.enum(['pglite', 'pg', 'neon']).optional(),
  GROUNDWORK_DATA_DIR: z.string().min(1).default('.data'),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  NEON_WS_PROXY: z.string().optional(),
  // Database pool bounds; db/index.ts holds their defaults (10 connections, 5 s, 15 s).
  DATABASE_POOL_MAX: optionalWhole('DATABASE_POOL_MAX', 1, 1000),
  DATABASE_CONNECT_TIMEOUT_MS: optionalWhole('DATABASE_CONNECT_TIMEOUT_MS', 1, 600_000),
  DATABASE_STATEMENT_TIMEOUT_MS: optionalWhole('DATABASE_STATEMENT_TIMEOUT_MS', 1, 3_600_000),
  // Port of the server; the last fallback of the public origin.
  PORT: optionalWhole('PORT', 1, 65_535).transform((p) => p ?? 3000),
  // Bearer secret of the scheduled-reminders route; without it the route answers 503.
  CRON_SECRET: optionalText,
  // Outgoing mail; without SMTP_URL mail is only kept in the outbox table.
  SMTP_URL: z.preprocess(blankIsUnset, z.string().url('SMTP_URL must be a URL such as smtp://user:pass@host:587').optional()),
  MAIL_FROM: z.preprocess(blankIsUnset, z.string().default('Groundwork <no-reply@groundwork.localhost>')),
  // Auth.js's own public address; the public origin falls back to it.
  AUTH_URL: z.preprocess(blankIsUnset, z.string().url().optional()),
  // `off` turns the in-memory dashboard and due-list views off (measuring the uncached path).
  GROUNDWORK_VIEW_CACHE: z.preprocess(blankIsUnset, z.enum(['on', 'off']).optional()),
  // The release id Next.js builds with; production instances on a server database need one.
  NEXT_DEPLOYMENT_ID: optionalText,
  // Sets the app's clock (tests and rehearsals of a given day); it runs on from this instant.
  GROUNDWORK_CLOCK: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), 'GROUNDWORK_CLOCK must be an ISO instant, e.g. 2026-12-31T23:00:00-10:00')
    .optional(),
  // Forwarding addresses are <secret>@INBOUND_MAIL_DOMAIN; without it the feature is off.
  INBOUND_MAIL_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'INBOUND_MAIL_DOMAIN must be a domain name such as in.groundwork.example')
    .optional(),
  // Bearer secret of the raw-MIME inbound route (a mail server's pipe, an e-mail worker).
  INBOUND_MAIL_SECRET: z.string().min(32, 'INBOUND_MAIL_SECRET must be at least 32 characters').optional(),
  // Mailgun's HTTP webhook signing key, which signs every route it forwards.
  MAILGUN_WEBHOOK_SIGNING_KEY: z.string().min(16).optional(),
  /** Direct (not pooled) connection for migrations and their lock; defaults to DATABASE_URL. */
  DATABASE_DIRECT_URL: z.string().url().optional(),
  DATABASE_MIGRATE_ON_START: z.enum(['true', 'false']).optional(),
  /** Public origin of the service, used in e-mail links and the calendar feed. */
  APP_URL: z.string().url().optional(),
  /** Key of server-action closures (base64 AES key): instances built apart need the same one. */
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z.string().optional(),
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
  if (cached.GROUNDWORK_CLOCK) setClock(cached.GROUNDWORK_CLOCK);
  return cached;
}

/**
 * The app's public origin for links in e-mails and feeds: APP_URL, else AUTH_URL, else `fallback`
 * (a request's own origin where there is one), else this server on localhost.
 */
export function appOrigin(fallback?: string, e: Pick<Env, 'APP_URL' | 'AUTH_URL' | 'PORT'> = env()): string {
  return (e.APP_URL || e.AUTH_URL || fallback || `http://localhost:${e.PORT}`).replace(/\/$/, '');
}

// A clock set for the process takes effect before anything asks for today.
if (process.env.GROUNDWORK_CLOCK) env();

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

/**
 * What several instances of one production service must share, as sentences an operator can act
 * on. Empty on the embedded database (one process by construction) and outside production.
 * `deploymentId` is the build's (Next sets NEXT_DEPLOYMENT_ID from it when the server starts).
 */
export function productionProblems(
  raw: Record<string, string | undefined> = process.env,
  deploymentId: string | undefined = process.env.NEXT_DEPLOYMENT_ID,
): string[] {
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const e = parsed.data;
  const onServer = (e.DATABASE_DRIVER ?? (e.DATABASE_URL ? 'pg' : 'pglite')) !== 'pglite';
  if (e.NODE_ENV !== 'production' || !onServer) return [];
  const problems: string[] = [];
  if (!e.AUTH_SECRET) {
    problems.push(
      'AUTH_SECRET is not set. Every instance must sign sessions with the same secret, or a person signed in on one is signed out on the next: set it to 32+ random characters (openssl rand -base64 32) on all of them.',
    );
  }
  const key = e.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
  if (!key) {
    problems.push(
      'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set. Instances built apart then refuse each other\'s forms: set the same key (openssl rand -base64 32) on every build and instance.',
    );
  } else if (![16, 24, 32].includes(Buffer.from(key, 'base64').length) || !/^[A-Za-z0-9+/]+={0,2}$/.test(key)) {
    problems.push('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not a base64 AES key: make one with openssl rand -base64 32.');
  }
  if (!deploymentId) {
    problems.push(
      'This build has no deployment id. Build with NEXT_DEPLOYMENT_ID set to the release (e.g. the commit), so that a browser still on an older release reloads instead of failing.',
    );
  }
  if (!e.APP_URL) {
    problems.push('APP_URL is not set. Links in e-mails and the calendar feed need the public address of the service, e.g. https://groundwork.example.com.');
  } else if (!/^https?:$/.test(new URL(e.APP_URL).protocol)) {
    problems.push('APP_URL must be an http(s) address.');
  }
  if (raw.TRUSTED_PROXY_HOPS === undefined && !e.CLIENT_IP_HEADER) {
    problems.push(
      'TRUSTED_PROXY_HOPS is not set. Say how many reverse proxies or load balancers stand in front of the app (0 when clients connect to it directly), or name the header your edge sets with CLIENT_IP_HEADER; otherwise every client seems to come from the load balancer and shares its sign-in limits.',
    );
  }
  return problems;
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
