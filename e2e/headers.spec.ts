import type { APIResponse } from '@playwright/test';
import { expect, test } from './fixtures';

function directives(response: APIResponse): Map<string, string> {
  const csp = response.headers()['content-security-policy'] ?? '';
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...rest] = d.split(/\s+/);
        return [name, rest.join(' ')] as const;
      }),
  );
}

function nonceOf(response: APIResponse): string | null {
  return /'nonce-([^']+)'/.exec(directives(response).get('script-src') ?? '')?.[1] ?? null;
}

/** The headers every page response must carry, whoever asks. */
function expectHardened(response: APIResponse) {
  const h = response.headers();
  const csp = directives(response);
  expect(csp.get('object-src')).toBe("'none'");
  expect(csp.get('base-uri')).toBe("'none'");
  expect(csp.get('frame-ancestors')).toBe("'none'");
  expect(csp.get('script-src')).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(csp.get('script-src')).not.toContain('unsafe-inline');
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy']).toContain('camera=()');
  expect(h['x-powered-by']).toBeUndefined();
}

test.describe('security headers', () => {
  test('sign-in page: hardened, with a fresh nonce on every response', async ({ request }) => {
    const first = await request.get('/signin');
    const second = await request.get('/signin');
    expect(first.status()).toBe(200);
    expectHardened(first);
    expectHardened(second);
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    // The nonce in the header is the one stamped on the page's own scripts.
    const html = await first.text();
    expect(html).toContain(`nonce="${nonceOf(first)}"`);
  });

  test('a page that does not exist is hardened too', async ({ request }) => {
    const response = await request.get('/no-such-page-here');
    expect(response.status()).toBe(404);
    expectHardened(response);
    expect(await response.text()).not.toMatch(/\n\s+at \S+ \(|node_modules/);
  });

  test('signed-in pages are private and never stored', async ({ page, account }) => {
    const nonces = new Set<string | null>();
    for (const path of ['', '/efforts', '/contacts', '/settings']) {
      const response = await page.request.get(`${account.workspaceUrl}${path}`);
      expect(response.status(), path).toBe(200);
      expectHardened(response);
      const cache = response.headers()['cache-control'] ?? '';
      expect(cache).toContain('no-store');
      expect(cache).toContain('private');
      nonces.add(nonceOf(response));
    }
    expect(nonces.size).toBe(4);
  });

  test('prefetches get the same headers and checks as any request', async ({ page, account }) => {
    const prefetch = { 'next-router-prefetch': '1', rsc: '1' };
    const response = await page.request.get(`${account.workspaceUrl}/contacts`, { headers: prefetch });
    expect(response.status()).toBe(200);
    expectHardened(response);
    expect(response.headers()['x-frame-options']).toBe('DENY');
    expect(response.headers()['cache-control']).toContain('no-store');
    const foreign = await page.request.post(account.workspaceUrl, {
      headers: { ...prefetch, origin: 'https://evil.example', 'next-action': '0'.repeat(42) },
      data: '[]',
    });
    expect(foreign.status()).toBe(403);
  });

  test('the signed-out redirect from a private page is hardened and not cached', async ({ request }) => {
    const response = await request.get('/w/3f0e2a9c-7b1d-4c5e-9a8f-1b2c3d4e5f60', { maxRedirects: 0 });
    expect([302, 303, 307, 308]).toContain(response.status());
    expect(response.headers()['location']).toContain('/signin');
  });

  test('static assets are not sniffed', async ({ request }) => {
    const html = await (await request.get('/signin')).text();
    const script = /src="(\/_next\/static\/[^"]+\.js(?:\?[^"]*)?)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    expect(script, 'a script of the framework on the sign-in page').toBeTruthy();
    const asset = await request.get(script!);
    expect(asset.status()).toBe(200);
    expect(asset.headers()['content-type']).toContain('javascript');
    const icon = await request.get('/icon-192.png');
    expect(icon.status()).toBe(200);
    for (const response of [asset, icon]) {
      expect(response.headers()['x-content-type-options']).toBe('nosniff');
      expect(response.headers()['content-security-policy']).toBeTruthy();
    }
  });

  test('writes from another site are refused', async ({ request }) => {
    for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example']) {
      const response = await request.post('/signin', {
        headers: { origin, 'next-action': '0'.repeat(40), 'content-type': 'text/plain;charset=UTF-8' },
        data: '[]',
      });
      expect(response.status(), origin).toBe(403);
    }
    // A browser's own cross-site marker is refused even with a matching Origin.
    const fetchSite = await request.post('/signin', {
      headers: { 'sec-fetch-site': 'cross-site', 'next-action': '0'.repeat(40) },
      data: '[]',
    });
    expect(fetchSite.status()).toBe(403);
    // An action call with no Origin at all is not a browser's: refused as well.
    const noOrigin = await request.post('/signin', { headers: { 'next-action': '0'.repeat(40) }, data: '[]' });
    expect(noOrigin.status()).toBe(403);
  });
});
