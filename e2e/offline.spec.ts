import type { BrowserContext, Page } from '@playwright/test';
import { expect, signIn, test, type Account } from './fixtures';

const PEOPLE = ['Dana Reyes', 'Sam Okafor', 'Lee Park'];

/** The quick log, served by the service worker once it controls the page. */
async function openQuickLogWithWorker(page: Page, account: Account) {
  await page.goto(`${account.workspaceUrl}/log`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // Opened again under the worker's control, so the page is kept for offline use.
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
}

/** Types an evening with three new people and saves it, offline. */
async function logEveningOffline(context: BrowserContext, page: Page, title: string) {
  await context.setOffline(true);
  await page.reload();
  const form = page.getByRole('form', { name: 'Quick log' });
  await form.getByRole('radio', { name: /Event \/ happy hour/ }).check();
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Hours').fill('2');
  for (const [i, name] of PEOPLE.entries()) {
    if (i > 0) await form.getByRole('button', { name: 'Add another person' }).click();
    await form.getByRole('group', { name: `Contact ${i + 1}` }).getByLabel('Name').fill(name);
  }
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: `“${title}” is saved on this phone, not sent yet` })).toBeVisible();
  await expect(page.getByText('1 saved on this phone, not sent yet').filter({ visible: true })).toBeVisible();
}

/** The efforts with this title and the contacts met through it, as the server has them. */
async function savedOnServer(page: Page, account: Account, title: string) {
  await page.goto(`${account.workspaceUrl}/efforts?q=${encodeURIComponent(title)}`);
  const efforts = await page.getByRole('link', { name: title }).count();
  await page.goto(`${account.workspaceUrl}/contacts`);
  const contacts = [];
  for (const name of PEOPLE) contacts.push(await page.getByRole('link', { name, exact: true }).count());
  return { efforts, contacts };
}

/**
 * The outbox empties and the evening lands on the server (in the background, so it is waited for);
 * opening the app once more sends nothing twice.
 */
async function expectSentOnce(page: Page, account: Account, title: string) {
  await expect(page.getByText(/saved on this phone, not sent yet/).filter({ visible: true })).toHaveCount(0);
  await expect.poll(() => savedOnServer(page, account, title), { timeout: 20_000 }).toEqual({ efforts: 1, contacts: [1, 1, 1] });
  await page.goto(`${account.workspaceUrl}/log`);
  expect(await savedOnServer(page, account, title)).toEqual({ efforts: 1, contacts: [1, 1, 1] });
}

test.describe('offline quick log', () => {
  test('an evening typed offline survives closing the page and is sent once when the network is back', async ({ page, context, account }) => {
    await openQuickLogWithWorker(page, account);
    await logEveningOffline(context, page, 'Mixer with no signal');
    // A page the worker has not kept says it needs the network, instead of the browser's error.
    await page.goto(`${account.workspaceUrl}/opportunities`);
    await expect(page.getByRole('heading', { name: 'This page needs the network' })).toBeVisible();
    await page.close();

    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto(`${account.workspaceUrl}/log`);
    await expectSentOnce(again, account, 'Mixer with no signal');
  });

  test('with the session expired meanwhile, it asks to sign in and then sends', async ({ page, context, account }) => {
    await openQuickLogWithWorker(page, account);
    await logEveningOffline(context, page, 'Mixer before the session ended');
    await page.close();

    await context.clearCookies();
    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto(`${account.workspaceUrl}/log`);
    await expect(again).toHaveURL(/\/signin/);
    await expect(again.getByText('1 saved on this phone, not sent yet')).toBeVisible();
    await signIn(again, account.email, account.password);
    await again.waitForURL(new RegExp(`${account.workspaceUrl}/log$`));
    // The outbox sends in the background after signing in: wait for it to land, then check it landed once.
    await expectSentOnce(again, account, 'Mixer before the session ended');
  });

  test('the same outbox sent twice at once saves each record once', async ({ page, context, account }) => {
    await openQuickLogWithWorker(page, account);
    await logEveningOffline(context, page, 'Mixer sent twice');
    await context.setOffline(false);
    // Two senders at once (two tabs, a retry racing the first try): the record's id keeps it single.
    const statuses = await page.evaluate(async () => {
      const records = await new Promise<{ id: string; workspaceId: string; kind: string; values: unknown }[]>((resolve, reject) => {
        const req = indexedDB.open('groundwork');
        req.onsuccess = () => {
          const all = req.result.transaction('outbox').objectStore('outbox').getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        };
        req.onerror = () => reject(req.error);
      });
      const send = (r: (typeof records)[number]) =>
        fetch('/api/v1/quick-log', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: r.id, workspaceId: r.workspaceId, kind: r.kind, values: r.values }),
        }).then((res) => res.status);
      return Promise.all(records.flatMap((r) => [send(r), send(r)]));
    });
    expect(statuses).toEqual([200, 200]);
    await page.goto(`${account.workspaceUrl}/log`);
    await expect(page.getByText(/saved on this phone, not sent yet/).filter({ visible: true })).toHaveCount(0);
    expect(await savedOnServer(page, account, 'Mixer sent twice')).toEqual({ efforts: 1, contacts: [1, 1, 1] });
  });
});
