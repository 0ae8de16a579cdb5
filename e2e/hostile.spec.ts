import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';

// Markup typed into every kind of record must come back as the same text, in every view.
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const SVG = '"><svg onload=alert(1)>';

const contactName = `Dana ${IMG}`;
const contactCompany = `Acme ${SVG}`;
const effortTitle = `Mixer ${SCRIPT}`;
const opportunityTitle = `Deal ${IMG}${SCRIPT}`;
const workspaceName = `WS ${IMG}`;

/** Collects what must never happen while the page is open: dialogs, 5xx answers, CSP violations. */
function watch(page: Page) {
  const seen = { dialogs: [] as string[], serverErrors: [] as string[], cspViolations: [] as string[] };
  page.on('dialog', async (dialog) => {
    seen.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('response', (response) => {
    if (response.status() >= 500) seen.serverErrors.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.cspViolations.push(message.text());
  });
  return seen;
}

/** Nothing the payloads would create exists as an element, and the text itself is on the page. */
async function expectInert(page: Page, texts: string[]) {
  const injected = await page.evaluate(() => ({
    images: document.querySelectorAll('img[src="x"], img[onerror]').length,
    svgs: document.querySelectorAll('svg[onload]').length,
    frames: document.querySelectorAll('iframe').length,
    scripts: [...document.scripts].filter((s) => s.textContent?.trim() === 'alert(1)').length,
    unsignedInline: [...document.scripts].filter((s) => !s.src && !s.nonce && s.type !== 'application/json' && s.type !== 'application/ld+json').length,
  }));
  expect(injected).toEqual({ images: 0, svgs: 0, frames: 0, scripts: 0, unsignedInline: 0 });
  const body = await page.locator('body').innerText();
  for (const text of texts) expect(body, `"${text}" shown as text on ${page.url()}`).toContain(text);
}

test.describe('hostile input', () => {
  test('markup in names, titles and notes is shown as text in every view', async ({ page, account }) => {
    test.setTimeout(120_000);
    const seen = watch(page);

    await page.goto(`${account.workspaceUrl}/settings`);
    await page.getByLabel('Workspace name').fill(workspaceName);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText(/saved/i).first()).toBeVisible();

    await page.goto(`${account.workspaceUrl}/contacts/new`);
    const contact = page.getByRole('form', { name: 'Add contact' });
    await contact.getByLabel('Name').fill(contactName);
    await contact.getByLabel('Company').fill(contactCompany);
    await contact.getByLabel('Notes').fill(`${SCRIPT}\n${IMG}`);
    await contact.getByRole('button', { name: 'Add contact' }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    const contactUrl = new URL(page.url()).pathname;

    await page.goto(`${account.workspaceUrl}/efforts/new`);
    const effort = page.getByRole('form', { name: 'Log an effort' });
    await effort.getByLabel('Channel').selectOption({ label: 'Volunteering & favors' });
    await effort.getByLabel('Title').fill(effortTitle);
    await effort.getByLabel('Hours', { exact: true }).fill('1');
    await effort.getByLabel('Notes').fill(`${IMG} javascript:alert(1)`);
    await effort.getByLabel('Who you helped').fill(SVG);
    await effort.getByRole('button', { name: 'Log effort' }).click();
    await page.waitForURL(/\/efforts\/[0-9a-f-]{36}$/);
    const effortUrl = new URL(page.url()).pathname;

    await page.goto(`${account.workspaceUrl}/opportunities/new`);
    const opportunity = page.getByRole('form', { name: 'New opportunity' });
    await opportunity.getByLabel('Title').fill(opportunityTitle);
    await opportunity.getByLabel('Kind').selectOption({ label: 'Client' });
    await opportunity.getByLabel('Contact', { exact: true }).selectOption({ label: `${contactName} (${contactCompany})` });
    await opportunity.getByLabel('Notes').fill(SVG);
    await opportunity.getByRole('button', { name: 'Create opportunity' }).click();
    await page.waitForURL(/\/opportunities\/[0-9a-f-]{36}$/);
    const opportunityUrl = new URL(page.url()).pathname;

    const views: [string, string[]][] = [
      [account.workspaceUrl, [workspaceName]],
      [`${account.workspaceUrl}/efforts`, [effortTitle, workspaceName]],
      [effortUrl, [effortTitle, SVG]],
      [`${account.workspaceUrl}/contacts`, [contactName]],
      [contactUrl, [contactName, contactCompany, SCRIPT]],
      [`${account.workspaceUrl}/opportunities`, [opportunityTitle]],
      [`${account.workspaceUrl}/opportunities?view=list`, [opportunityTitle]],
      [opportunityUrl, [opportunityTitle, contactName]],
      [`${account.workspaceUrl}/opportunities/new`, []],
      [`${account.workspaceUrl}/efforts?q=${encodeURIComponent(SCRIPT)}`, [effortTitle]],
      [`${account.workspaceUrl}/contacts?q=${encodeURIComponent('<img')}`, [contactName]],
      // The owner's activity log names who did what, and the records' markup stays out of it.
      [`${account.workspaceUrl}/audit`, ['Created contact', 'Created effort', 'Created opportunity', 'Updated workspace settings', account.name]],
      [`${account.workspaceUrl}/settings`, []],
    ];
    for (const [url, texts] of views) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expectInert(page, texts);
    }
    // The workspace switcher shows the name as text too (the sidebar on desktop, the header on phones).
    await expect(page.getByText(workspaceName, { exact: false }).filter({ visible: true }).first()).toBeVisible();

    expect(seen.dialogs).toEqual([]);
    expect(seen.serverErrors).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
  });

  test('broken action bodies get an answer that leaks no stack trace or SQL', async ({ page, account }) => {
    // Record the request the browser makes for a real action, then replay it with garbage.
    await page.goto(`${account.workspaceUrl}/contacts/new`);
    const recorded = new Promise<Request>((resolve) => {
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.headers()['next-action']) resolve(r);
      });
    });
    const form = page.getByRole('form', { name: 'Add contact' });
    await form.getByLabel('Name').fill('Recorded Contact');
    await form.getByRole('button', { name: 'Add contact' }).click();
    const request = await recorded;
    const headers = request.headers();
    const actionId = headers['next-action'];
    expect(actionId).toMatch(/^[0-9a-f]{40,}$/);
    const base = new URL(request.url()).origin;
    const replayHeaders = {
      'next-action': actionId,
      'next-router-state-tree': headers['next-router-state-tree'] ?? '',
      origin: base,
      accept: 'text/x-component',
    };
    const original = request.postData() ?? '';
    const workspaceId = account.workspaceId;

    const bodies: [string, string, string][] = [
      ['not JSON', 'this is not json', 'text/plain;charset=UTF-8'],
      ['truncated JSON', '["' + workspaceId + '",{"name":', 'text/plain;charset=UTF-8'],
      ['wrong shape', '{"a":1}', 'text/plain;charset=UTF-8'],
      ['no arguments', '[]', 'text/plain;charset=UTF-8'],
      ['object where a string belongs', JSON.stringify([workspaceId, { name: { $ne: 1 } }]), 'text/plain;charset=UTF-8'],
      ['flight references', '["$K1","$@0","$Q2"]', 'text/plain;charset=UTF-8'],
      ['prototype keys', `["${workspaceId}",{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}]`, 'text/plain;charset=UTF-8'],
      ['SQL in the workspace id', JSON.stringify(["' OR 1=1 --", { name: 'x' }]), 'text/plain;charset=UTF-8'],
      ['another workspace', JSON.stringify(['3f0e2a9c-7b1d-4c5e-9a8f-1b2c3d4e5f60', { name: 'x' }]), 'text/plain;charset=UTF-8'],
      ['NUL in a field', JSON.stringify([workspaceId, { name: 'a\u0000b' }]), 'text/plain;charset=UTF-8'],
      ['lone surrogate', `["${workspaceId}",{"name":"a\\ud800b","notes":"\\udfff"}]`, 'text/plain;charset=UTF-8'],
      ['1 MB name', JSON.stringify([workspaceId, { name: 'x'.repeat(1_000_000) }]), 'text/plain;charset=UTF-8'],
      ['multipart garbage', '--x\r\nContent-Disposition: form-data; name="0"\r\n\r\n[[[\r\n--x--\r\n', 'multipart/form-data; boundary=x'],
      ['the recorded body, replayed', original, headers['content-type'] ?? 'text/plain;charset=UTF-8'],
    ];
    const statuses: string[] = [];
    for (const [name, body, contentType] of bodies) {
      const response = await page.request.post(request.url(), { headers: { ...replayHeaders, 'content-type': contentType }, data: body });
      const text = await response.text();
      statuses.push(`${name}: ${response.status()}`);
      expect(text, name).not.toMatch(/\n\s+at \S+ \(|\bat (async )?[\w.$<>]+ \(\/|node_modules|\.tsx?:\d+/);
      expect(text, name).not.toMatch(/\bselect\s+(?:"\w+"|\*|count\()[^<>]{0,300}?\bfrom\s+"?\w|insert into|syntax error at|violates \w+ constraint|duplicate key/i);
      expect(text, name).not.toMatch(/DrizzleQueryError|Failed query|PostgresError|ZodError/);
    }
    test.info().annotations.push({ type: 'statuses', description: statuses.join('; ') });
  });

  test('hostile query strings fall back to defaults, never a server error', async ({ page, account }) => {
    const seen = watch(page);
    for (const query of [
      `efforts?channel=${encodeURIComponent('<script>')}&from=2026-02-30&to=9999-12-31&before=x_y`,
      `efforts?q=${'x'.repeat(5000)}`,
      `contacts?before=${encodeURIComponent("'; drop table contacts; --")}&tag=${encodeURIComponent(IMG)}`,
      `opportunities?stage=__proto__&view=constructor&before=2026-02-30_x`,
      `audit?before=${encodeURIComponent('2026-13-45T00:00:00.000000Z_3f0e2a9c-7b1d-4c5e-9a8f-1b2c3d4e5f60')}`,
      `?period=custom&from=0001-01-01&to=9999-12-31&model=${encodeURIComponent(SCRIPT)}`,
    ]) {
      const response = await page.goto(`${account.workspaceUrl}/${query}`);
      expect(response?.status(), query).toBe(200);
      await expectInert(page, []);
    }
    expect(seen.serverErrors).toEqual([]);
  });

  test('a NUL character in a search box is refused, not a server error', async ({ page, account }) => {
    for (const list of ['efforts', 'contacts', 'opportunities']) {
      const response = await page.goto(`${account.workspaceUrl}/${list}?q=%00`);
      expect(response?.status(), list).toBe(200);
    }
  });
});
