import 'server-only';
import { env } from '@/lib/env';

/**
 * Results of expensive reads kept in this server's memory, keyed by the workspace's data version.
 * Every write to the records behind a view moves that version on (database triggers, same
 * transaction), so a key that includes it can only ever be answered with what the database held at
 * that version or later: nothing here expires by time. Callers authorize before they ask.
 */
export interface ViewCache<T> {
  /** The cached value for key, or load() once for all concurrent callers asking for the same key. */
  get(key: string, load: () => Promise<T>): Promise<T>;
  readonly size: number;
}

/**
 * A least-recently-used cache of at most maxEntries settled or in-flight loads whose weights (e.g.
 * rows held) add up to at most maxWeight; a single value heavier than that is not kept.
 */
export function createViewCache<T>({
  maxEntries,
  maxWeight = Infinity,
  weigh = () => 1,
  // Switched off with GROUNDWORK_VIEW_CACHE=off, e.g. to measure the uncached path.
  enabled = () => env().GROUNDWORK_VIEW_CACHE !== 'off',
}: {
  maxEntries: number;
  maxWeight?: number;
  weigh?: (value: T) => number;
  enabled?: () => boolean;
}): ViewCache<T> {
  const entries = new Map<string, Promise<T>>();
  const weights = new Map<string, number>();
  let total = 0;
  const remove = (key: string) => {
    entries.delete(key);
    total -= weights.get(key) ?? 0;
    weights.delete(key);
  };
  const evict = () => {
    for (const key of entries.keys()) {
      if (entries.size <= maxEntries && total <= maxWeight) break;
      remove(key);
    }
  };
  return {
    get(key, load) {
      if (!enabled()) return load();
      const found = entries.get(key);
      if (found) {
        // Re-insert so the map's order stays least recently used first.
        entries.delete(key);
        entries.set(key, found);
        return found;
      }
      const pending = load();
      entries.set(key, pending);
      pending.then(
        (value) => {
          if (entries.get(key) !== pending) return;
          const weight = weigh(value);
          if (weight > maxWeight) return remove(key);
          weights.set(key, weight);
          total += weight;
          evict();
        },
        // A failed read is not remembered: the next request tries again.
        () => {
          if (entries.get(key) === pending) remove(key);
        },
      );
      evict();
      return pending;
    },
    get size() {
      return entries.size;
    },
  };
}
