// Shared by the load, fault and scale runs: a fresh database on the local PostgreSQL server, users
// with minted session cookies, the production server on a built app, and a recorded server-action request that
// can be replayed over plain HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { migrateDatabase, openDatabase, setProcessDatabase, type DbHandle } from '@/db';
import { memberships, users, workspaces } from '@/db/schema';
import { createUserSession } from '@/lib/data/sessions';
import { waitForServer } from './local-server';

export const SERVER_URL = process.env.LOAD_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const COOKIE_NAME = 'authjs.session-token';

/** Where the built app lives; the runs never build it themselves. */
export function distDir(): string {
  const dir = process.env.NEXT_DIST_DIR || '.next';
  if (!existsSync(path.join(process.cwd(), dir, 'BUILD_ID'))) {
    throw new Error(`No built app in ${dir}. Run \`npm run build\` first (or set NEXT_DIST_DIR to a built folder).`);
  }
  return dir;
}

/** Runs statements on the server's maintenance database, on a connection of their own. */
async function asAdmin<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** The URL of database `name` on the server. */
export function databaseUrl(name: string, serverUrl = SERVER_URL): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function databaseExists(name: string, serverUrl = SERVER_URL): Promise<boolean> {
  return asAdmin(serverUrl, async (admin) => (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
}

export async function dropDatabase(name: string, serverUrl = SERVER_URL): Promise<void> {
  await asAdmin(serverUrl, (admin) => admin.query(`drop database if exists "${name}" with (force)`));
}

/** Creates (replacing) a database on the server; returns its URL and a dropper. */
export async function freshDatabase(name: string, serverUrl = SERVER_URL): Promise<{ url: string; drop: () => Promise<void> }> {
  await asAdmin(serverUrl, async (admin) => {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  });
  return { url: databaseUrl(name, serverUrl), drop: () => dropDatabase(name, serverUrl) };
}

/** Opens and migrates the database for this process (users, sessions and checks go through it). */
export async function openMigrated(url: string): Promise<DbHandle> {
  const handle = await openDatabase({ driver: 'pg', url });
  await migrateDatabase(handle);
  setProcessDatabase(handle);
  return handle;
}

export interface TestUser {
  userId: string;
  workspaceId: string;
  cookie: string;
}

/** Users each with a workspace and a signed-in session cookie, without the cost of password hashing. */
export async function createUsers(handle: DbHandle, count: number, secret: string, prefix: string): Promise<TestUser[]> {
  const out: TestUser[] = [];
  for (let i = 0; i < count; i++) {
    const [user] = await handle.db
      .insert(users)
      .values({ name: `${prefix} user ${i + 1}`, email: `${prefix}-${i + 1}@example.com`, passwordHash: 'not-a-hash', emailVerifiedAt: new Date() })
      .returning({ id: users.id });
    const [ws] = await handle.db.insert(workspaces).values({ name: `${prefix} workspace ${i + 1}`, hourlyValue: 50 }).returning({ id: workspaces.id });
    await handle.db.insert(memberships).values({ workspaceId: ws.id, userId: user.id, role: 'owner' });
    const sid = await createUserSession(user.id, prefix);
    const cookie = await encode({ token: { sub: user.id, uid: user.id, authTime: Date.now(), sid }, secret, salt: COOKIE_NAME });
    out.push({ userId: user.id, workspaceId: ws.id, cookie });
  }
  return out;
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

const ACTION_KEY = randomBytes(32).toString('base64');

/**
 * What every production instance on a shared database must be given, or it refuses to start
 * (productionProblems in lib/env.ts). One server-action key per run, shared by its instances.
 */
export function sharedInstanceEnv(secret: string, appUrl: string): Record<string, string> {
  return { AUTH_SECRET: secret, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: ACTION_KEY, APP_URL: appUrl, TRUSTED_PROXY_HOPS: '0' };
}

export interface RunningApp {
  baseUrl: string;
  stop: () => Promise<void>;
  output: () => string;
}

/**
 * The production server (scripts/serve.mjs) on the built app against the given database; resolves
 * once the sign-in page answers. `cwd` runs another copy of it, e.g. the standalone bundle.
 */
export async function startApp(options: {
  port: number;
  databaseUrl: string;
  secret: string;
  env?: Record<string, string>;
  cwd?: string;
}): Promise<RunningApp & { pid: number; exited: Promise<number | null> }> {
  const dir = distDir();
  let log = '';
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const child: ChildProcess = spawn(process.execPath, ['scripts/serve.mjs'], {
    cwd: options.cwd ?? process.cwd(),
    env: {
      ...process.env,
      ...sharedInstanceEnv(options.secret, baseUrl),
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      DATABASE_DRIVER: 'pg',
      NEXT_DIST_DIR: dir,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-2_000_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    // It drains first; past the bound (plus a margin) it is killed.
    const gone = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 30_000))]);
    if (!gone) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  const check = () => {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log.slice(-2000)}`);
  };
  try {
    await waitForServer(`${baseUrl}/signin`, { timeoutMs: 90_000, check });
  } catch (err) {
    if (child.exitCode !== null) throw err;
    await stop();
    throw new Error(`the server did not answer within 90 s:\n${log.slice(-2000)}`);
  }
  return { baseUrl, stop, output: () => log, pid: child.pid!, exited };
}

export interface RecordedAction {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Submits a real form in Chromium once and keeps the server-action request it makes, so it can be
 * replayed with fetch: the action id, the router state and the body exactly as the browser sends them.
 */
export async function recordAction(
  app: RunningApp,
  user: TestUser,
  pagePath: string,
  fill: (page: import('@playwright/test').Page) => Promise<void>,
): Promise<RecordedAction> {
  const { chromium } = await import('@playwright/test');
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? process.env.CHROMIUM_PATH;
  const browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--no-first-run'] });
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name: COOKIE_NAME, value: user.cookie, url: app.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}${pagePath}`);
    const recorded = new Promise<RecordedAction>((resolve) => {
      page.on('request', (request) => {
        const headers = request.headers();
        if (request.method() === 'POST' && headers['next-action']) {
          resolve({ url: request.url(), headers, body: request.postData() ?? '' });
        }
      });
    });
    await fill(page);
    const result = await Promise.race([recorded, new Promise<never>((_, no) => setTimeout(() => no(new Error('no action request seen')), 30_000))]);
    return result;
  } finally {
    await browser.close();
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The recorded request rewritten for another user and another value: the workspace id in the URL
 * and body, a fresh idempotency key (a replayed key would be answered from the stored result), and
 * `from` → `to` in the body.
 */
export function replayRequest(recorded: RecordedAction, recordedFor: TestUser, user: TestUser, from: string, to: string, baseUrl: string) {
  const swap = (s: string) => s.split(recordedFor.workspaceId).join(user.workspaceId);
  const body = swap(recorded.body)
    .replace(/("idempotencyKey":")[^"]*(")/, `$1${crypto.randomUUID()}$2`)
    .split(JSON.stringify(from).slice(1, -1))
    .join(JSON.stringify(to).slice(1, -1));
  const headers: Record<string, string> = {
    'next-action': recorded.headers['next-action'],
    'next-router-state-tree': swap(recorded.headers['next-router-state-tree'] ?? ''),
    'content-type': recorded.headers['content-type'] ?? 'text/plain;charset=UTF-8',
    accept: 'text/x-component',
    origin: baseUrl,
    cookie: `${COOKIE_NAME}=${user.cookie}`,
  };
  return { url: swap(recorded.url), init: { method: 'POST', headers, body } satisfies RequestInit };
}

/** The `{ ok, data }` an action answered with, read from the flight response. */
export function actionOutcome(status: number, text: string): { ok: boolean; id: string | null } {
  if (status !== 200) return { ok: false, id: null };
  const ok = /"ok":true/.test(text);
  const id = ok ? (/"data":\{[^}]*?"id":"([0-9a-f-]{36})"/.exec(text)?.[1] ?? UUID.exec(text.slice(text.indexOf('"ok":true')))?.[0] ?? null) : null;
  return { ok, id };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** What a response body must never contain: stack frames, SQL, driver error names. */
export function leaks(text: string): string[] {
  const found: string[] = [];
  if (/\n\s+at \S+ \(|node_modules|\.tsx?:\d+:\d+/.test(text)) found.push('stack trace');
  if (/\bselect\s+(?:"\w+"|\*|count\()[^<>]{0,300}?\bfrom\s+"?\w|insert into|syntax error at|violates \w+ constraint|ECONNREFUSED|terminating connection/i.test(text)) {
    found.push('SQL or driver error');
  }
  if (/DrizzleQueryError|Failed query|PostgresError/.test(text)) found.push('error class name');
  return found;
}
