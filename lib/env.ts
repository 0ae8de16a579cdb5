import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { setClock } from './clock';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_DRIVER: z.enum(['pglite', 'pg', 'neon']).optional(),
  GROUNDWORK_DATA_DIR: z.string().min(1).default('.data'),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  NEON_WS_PROXY: z.string().optional(),
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
