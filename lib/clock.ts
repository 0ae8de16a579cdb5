/**
 * The one clock every "now" and "today" reads. It runs on real time unless a test or a rehearsal
 * sets it (GROUNDWORK_CLOCK, an ISO instant, read by lib/env.ts), and then runs on from there.
 * The offset lives on globalThis so that every server bundle of one process shares it.
 */
const KEY = Symbol.for('groundwork.clock.offsetMs');
const holder = globalThis as unknown as Record<symbol, number | undefined>;

/** The current instant on the app's clock. */
export function now(): Date {
  return new Date(Date.now() + (holder[KEY] ?? 0));
}

/** Sets the clock to an instant (it keeps running from there); null puts it back on real time. */
export function setClock(at: Date | string | null): void {
  if (at === null) {
    holder[KEY] = 0;
    return;
  }
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) throw new Error(`Not an instant: ${String(at)}`);
  holder[KEY] = ms - Date.now();
}
