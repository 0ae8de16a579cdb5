// JSON-line logging for the production server: one object per line (info on standard output,
// warnings and errors on standard error), with the request id of the
// request being served, and nothing a reader of the logs must not see (e-mail addresses, tokens,
// passwords, secrets in URLs).
import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';

/** The request being served; set by the server around each request. */
export const requestContext = new AsyncLocalStorage();

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Removes what must never be logged from a free-form message. */
export function redact(text) {
  return (
    String(text)
      .replace(/[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi, '[email]')
      .replace(/\b(Bearer|Basic)\s+[^\s"',]+/gi, '$1 [redacted]')
      // postgres://user:password@host, SMTP URLs and the like.
      .replace(/\b([a-z][a-z0-9+.-]*:\/\/[^:/\s@]+):[^@\s/]+@/gi, '$1:[redacted]@')
      .replace(/("?(?:password|passwordHash|newPassword|currentPassword|secret|token|cookie|authorization)"?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;&}]+)/gi, '$1[redacted]')
      .replace(/([?&](?:token|code|key|sig|signature|secret)=)[^&\s"]+/gi, '$1[redacted]')
      .replace(/\b(authjs\.session-token|__Secure-authjs\.session-token)=[^;\s]+/g, '$1=[redacted]')
  );
}

/** A request path fit for the logs: no query string, and no segment that looks like a token. */
export function logPath(url) {
  const pathname = String(url ?? '/').split('?', 1)[0];
  return pathname
    .split('/')
    .map((segment) => (segment.length >= 20 && /^[A-Za-z0-9_~.%-]+$/.test(segment) && !UUID.test(segment) ? ':token' : segment))
    .join('/');
}

const threshold = LEVELS[process.env.LOG_LEVEL ?? 'info'] ?? LEVELS.info;

/** Writes one log line; fields are shallow and never redacted, so pass only safe values. */
export function log(level, msg, fields = {}) {
  if ((LEVELS[level] ?? LEVELS.info) < threshold) return;
  const store = requestContext.getStore();
  const line = { time: new Date().toISOString(), level, msg: redact(msg), ...(store ? { requestId: store.requestId } : {}), ...fields };
  // Warnings and errors on standard error, where platforms look for trouble.
  (LEVELS[level] >= LEVELS.warn ? process.stderr : process.stdout).write(`${JSON.stringify(line)}\n`);
}

/** Routes console output (the framework's and the app's) through the JSON logger. */
export function captureConsole() {
  console.debug = (...args) => log('debug', format(...args));
  console.log = (...args) => log('info', format(...args));
  console.info = (...args) => log('info', format(...args));
  console.warn = (...args) => log('warn', format(...args));
  console.error = (...args) => log('error', format(...args));
}
