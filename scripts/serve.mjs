#!/usr/bin/env node
// The production server: Next's request handler inside a plain node:http server, so that every
// request carries an id and leaves one JSON log line, and SIGTERM drains instead of cutting
// requests off. Runs from the repository after `next build`, and from the standalone bundle
// (`npm run build:standalone` copies it to <distDir>/standalone/scripts/serve.mjs).
//
// Environment: PORT (3000), HOST (0.0.0.0), NEXT_DIST_DIR (.next), KEEP_ALIVE_TIMEOUT_MS (set it
// above the load balancer's idle timeout), SHUTDOWN_DELAY_MS (0: keep serving this long after
// SIGTERM while readiness says "draining"), SHUTDOWN_TIMEOUT_MS (20000: the bound on finishing
// in-flight requests), LOG_LEVEL (info).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { captureConsole, log, logPath, requestContext } from './log.mjs';

const root = path.resolve(import.meta.dirname, '..');
const distDir = process.env.NEXT_DIST_DIR || '.next';
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
const keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT_MS || 0);
const shutdownDelay = Number(process.env.SHUTDOWN_DELAY_MS || 0);
const shutdownTimeout = Number(process.env.SHUTDOWN_TIMEOUT_MS || 20_000);
// Read by the readiness route, which lives in the app's own bundle: a load balancer stops sending
// new requests once it answers 503.
const DRAINING = Symbol.for('groundwork.draining');
// The app keeps its database handle here (db/index.ts); the pool is closed once requests are done.
const DB_HOLDER = '__groundworkDb';

process.env.NODE_ENV = 'production';
process.chdir(root);
captureConsole();

let config;
try {
  config = JSON.parse(readFileSync(path.join(root, distDir, 'required-server-files.json'), 'utf8')).config;
} catch {
  log('error', `No production build in ${path.join(root, distDir)}. Run \`npm run build\` (or set NEXT_DIST_DIR to the built folder).`);
  process.exit(1);
}
// The configuration the build was made with, as the standalone server uses it: no next.config
// (nor its dependencies) is loaded at run time.
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);

const require = createRequire(path.join(root, 'package.json'));
const next = require('next');
const app = next({ dev: false, dir: root, hostname: host, port });
const handle = app.getRequestHandler();

const inflight = new Set();
let draining = false;
globalThis[DRAINING] = false;

/** An id from the load balancer when it sends a sane one, else a new one. */
function requestIdFor(req) {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{8,100}$/.test(given) ? given : randomUUID();
}

const server = http.createServer((req, res) => {
  const requestId = requestIdFor(req);
  const started = process.hrtime.bigint();
  req.headers['x-request-id'] = requestId;
  res.setHeader('X-Request-Id', requestId);
  // While draining, each connection ends after its current response.
  if (draining) res.setHeader('Connection', 'close');
  inflight.add(res);
  let logged = false;
  const done = () => {
    inflight.delete(res);
    if (logged) return;
    logged = true;
    const path = logPath(req.url);
    const status = res.writableFinished ? res.statusCode : 499;
    // Probes answer every few seconds; only their failures are worth a line.
    if (path.startsWith('/api/health') && status < 400) return;
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const level = status >= 500 ? 'error' : 'info';
    requestContext.run({ requestId }, () =>
      log(level, 'request', { method: req.method, path, status, durationMs: Math.round(durationMs * 10) / 10 }),
    );
  };
  res.on('finish', done);
  res.on('close', done);
  requestContext.run({ requestId }, () => {
    handle(req, res).catch((err) => {
      log('error', `request failed: ${err?.stack ?? err}`);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end('Internal Server Error');
      } else res.destroy();
    });
  });
});
if (keepAliveTimeout > 0) server.keepAliveTimeout = keepAliveTimeout;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function shutdown(signal) {
  if (draining) return;
  draining = true;
  globalThis[DRAINING] = true;
  const began = Date.now();
  log('info', 'shutting down', { signal, inflight: inflight.size, delayMs: shutdownDelay, timeoutMs: shutdownTimeout });
  if (shutdownDelay > 0) await sleep(shutdownDelay);
  // Requests already running end their connection too, so no client reuses one about to close.
  for (const res of inflight) if (!res.headersSent) res.setHeader('Connection', 'close');
  // No new connections; idle keep-alive connections go now, busy ones after their response.
  let closed = false;
  server.close(() => (closed = true));
  server.closeIdleConnections();
  // Done when every connection has ended, not merely when no handler runs: a request may be on
  // its way in on a kept-alive connection.
  const deadline = Date.now() + shutdownTimeout;
  while (!closed && Date.now() < deadline) {
    await sleep(25);
    server.closeIdleConnections();
  }
  if (!closed) {
    log('warn', 'shutdown bound reached: cutting the remaining requests off', { inflight: inflight.size });
    server.closeAllConnections();
  }
  try {
    await app.close();
  } catch (err) {
    log('warn', `closing the app failed: ${err}`);
  }
  try {
    const pending = globalThis[DB_HOLDER];
    globalThis[DB_HOLDER] = undefined;
    if (pending) await (await pending).close();
  } catch (err) {
    log('warn', `closing the database pool failed: ${err}`);
  }
  log('info', 'stopped', { signal, durationMs: Date.now() - began });
  process.exit(0);
}
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => void shutdown(signal));

try {
  // Runs instrumentation.ts: the start checks and, when asked, the migrations, before any request.
  await app.prepare();
} catch (err) {
  log('error', `the app could not start: ${err?.stack ?? err}`);
  process.exit(1);
}
server.listen(port, host, () => {
  log('info', 'ready', { url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`, node: process.version, pid: process.pid });
});
