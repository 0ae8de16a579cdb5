// Groundwork's service worker: the app shell and the quick paths without a network, and a nudge
// to send the phone's outbox on Background Sync. Hand-written; see docs/decisions/0006-service-worker.md.
const VERSION = 'v1';
const STATIC = `groundwork-static-${VERSION}`;
const PAGES = `groundwork-pages-${VERSION}`;
const OFFLINE = '/offline';
const QUICK_PATH = /^\/w\/[0-9a-f-]{36}\/log(\/(interview|reached-out|org-time|linkedin))?$/;
const SHORTCUTS = { event: '', 'reached-out': '/reached-out' };

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await cacheWithAssets(OFFLINE, OFFLINE);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== STATIC && name !== PAGES) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** Stores a page and the scripts and styles it names, so it runs offline as it did online. */
async function cacheWithAssets(url, key) {
  const response = await fetch(url, { credentials: 'same-origin', redirect: 'follow' });
  if (!response.ok || response.redirected) return false;
  const html = await response.clone().text();
  const pages = await caches.open(PAGES);
  await pages.put(key, response);
  const assets = new Set(Array.from(html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g), (m) => m[1]));
  const stat = await caches.open(STATIC);
  await Promise.all(
    Array.from(assets).map(async (asset) => {
      if (await stat.match(asset)) return;
      const r = await fetch(asset).catch(() => null);
      if (r && r.ok) await stat.put(asset, r);
    }),
  );
  return true;
}

self.addEventListener('message', (event) => {
  const data = event.data;
  // A signed-in page names its workspace's quick paths; they are kept for opening offline.
  if (data && data.type === 'groundwork-quick-paths' && /^[0-9a-f-]{36}$/.test(data.workspaceId)) {
    event.waitUntil(
      (async () => {
        const base = `/w/${data.workspaceId}/log`;
        for (const path of ['', '/interview', '/reached-out', '/org-time', '/linkedin']) await cacheWithAssets(base + path, base + path).catch(() => false);
        const pages = await caches.open(PAGES);
        for (const [go, path] of Object.entries(SHORTCUTS)) {
          const page = await pages.match(base + path);
          if (page) await pages.put(`/?go=${go}`, page);
        }
      })(),
    );
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  // Build assets never change under one name: the cache answers first.
  if (url.pathname.startsWith('/_next/static/')) {
    event.respondWith(
      (async () => {
        const cache = await caches.open(STATIC);
        const hit = await cache.match(url.pathname);
        if (hit) return hit;
        const response = await fetch(request);
        if (response.ok) await cache.put(url.pathname, response.clone());
        return response;
      })(),
    );
    return;
  }

  if (request.mode === 'navigate') {
    event.respondWith(
      (async () => {
        const key = url.pathname === '/' && url.searchParams.has('go') ? `/?go=${url.searchParams.get('go')}` : url.pathname;
        try {
          const response = await fetch(request);
          const landed = new URL(response.url || request.url);
          if (landed.pathname === '/signin') {
            // Signed out: keep no private page on the phone (the outbox itself stays).
            await caches.delete(PAGES);
            await cacheWithAssets(OFFLINE, OFFLINE).catch(() => false);
          } else if (response.ok && QUICK_PATH.test(url.pathname) && !response.redirected) {
            const copy = response.clone();
            event.waitUntil(caches.open(PAGES).then((c) => c.put(key, copy)));
          }
          return response;
        } catch {
          const pages = await caches.open(PAGES);
          return (await pages.match(key)) || (await pages.match(OFFLINE)) || Response.error();
        }
      })(),
    );
  }
});

// Where the browser has Background Sync: wake an open page to send its outbox.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'groundwork-outbox') return;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window' });
      for (const client of windows) client.postMessage('groundwork-outbox-flush');
    })(),
  );
});
