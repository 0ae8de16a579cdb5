// Shared by the benchmarks and the load runs: waiting for a server that is starting, and stopping it.
import { rmSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';

/**
 * Resolves once `url` answers with anything but a server error; `check` runs before each try and
 * may throw (a server that exited). Throws once `timeoutMs` has passed.
 */
export async function waitForServer(url: string, { timeoutMs = 60_000, check }: { timeoutMs?: number; check?: () => void } = {}): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    check?.();
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer within ${Math.round(timeoutMs / 1000)} s: ${url}`);
}

/** Stops a server started detached (its whole process group), then removes its data folder. */
export async function stopServer(server: ChildProcess, dataDir: string): Promise<void> {
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    // gone
  }
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dataDir, { recursive: true, force: true });
}
