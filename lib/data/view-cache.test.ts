import { describe, expect, it } from 'vitest';
import { createViewCache } from './view-cache';

describe('view cache', () => {
  it('loads once for concurrent callers of the same key and serves the result afterwards', async () => {
    const cache = createViewCache<number>({ maxEntries: 10 });
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return 42;
    };
    expect(await Promise.all([cache.get('a', load), cache.get('a', load), cache.get('a', load)])).toEqual([42, 42, 42]);
    expect(await cache.get('a', load)).toBe(42);
    expect(loads).toBe(1);
    expect(await cache.get('b', async () => 7)).toBe(7);
  });

  it('forgets a failed load so the next caller tries again', async () => {
    const cache = createViewCache<string>({ maxEntries: 10 });
    await expect(cache.get('k', async () => Promise.reject(new Error('database away')))).rejects.toThrow('database away');
    expect(cache.size).toBe(0);
    expect(await cache.get('k', async () => 'back')).toBe('back');
  });

  it('drops the least recently used entry first', async () => {
    const cache = createViewCache<string>({ maxEntries: 2 });
    await cache.get('a', async () => 'a1');
    await cache.get('b', async () => 'b1');
    await cache.get('a', async () => 'a2'); // a is now the most recent
    await cache.get('c', async () => 'c1'); // b goes
    expect(cache.size).toBe(2);
    expect(await cache.get('a', async () => 'a3')).toBe('a1');
    expect(await cache.get('b', async () => 'b2')).toBe('b2');
  });

  it('keeps the total weight under its cap and never keeps a value heavier than the cap', async () => {
    const cache = createViewCache<number[]>({ maxEntries: 100, maxWeight: 10, weigh: (v) => v.length });
    await cache.get('six', async () => [1, 2, 3, 4, 5, 6]);
    await cache.get('three', async () => [1, 2, 3]);
    await cache.get('four', async () => [1, 2, 3, 4]); // 13 > 10: "six" goes
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.size).toBe(2);
    expect(await cache.get('six', async () => [9])).toEqual([9]);
    await cache.get('huge', async () => Array.from({ length: 11 }, (_, i) => i));
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('huge', async () => [0])).toEqual([0]);
    expect(await cache.get('three', async () => [0])).toEqual([1, 2, 3]);
  });

  it('can be switched off', async () => {
    const cache = createViewCache<number>({ maxEntries: 10, enabled: () => false });
    let loads = 0;
    await cache.get('a', async () => ++loads);
    await cache.get('a', async () => ++loads);
    expect(loads).toBe(2);
    expect(cache.size).toBe(0);
  });
});
