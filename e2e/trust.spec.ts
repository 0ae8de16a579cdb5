import { createCalendarFeed, expect, newestMail, signIn, signOut, test, testAddress } from './fixtures';


test.describe('odd requests are bad requests, never crashes', () => {
  test('undecodable bytes in a dynamic segment get the not-found page', async ({ request }) => {
    for (const path of ['/calendar/%ff', '/invite/%ff', '/r/%ff', '/reset-password/%ff', '/verify-email/%ff', '/invite/a%ffb']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).toContain('Page not found');
    }
  });

  test('a non-ASCII return address after sign-in leads home instead of failing', async ({ page, account }) => {
    const response = await page.goto('/signin?next=/%E3%80%82');
    expect(response?.status()).toBeLessThan(400);
    await expect(page).toHaveURL(new RegExp(`${account.workspaceUrl}$`));
  });

  test('an action body over the limit is answered 413 before the framework reads it', async ({ request, baseURL }) => {
    const headers = { origin: baseURL!, 'next-action': '0'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' };
    const big = await request.post('/signin', { headers, data: JSON.stringify([{ email: 'a@example.com', password: 'x'.repeat(1_200_000) }]) });
    expect(big.status()).toBe(413);
    // A form posted without script is refused the same way.
    const form = await request.post('/signin', { headers: { origin: baseURL! }, multipart: { '1_email': 'a@example.com', '1_password': 'x'.repeat(1_200_000) } });
    expect(form.status()).toBe(413);
  });
});

test('a client cannot escape the per-address limits by writing its own forwarded-for entries', async ({ page }) => {
  // The server trusts one proxy: the right-most entry is the address, whatever comes before it.
  const address = testAddress();
  const ask = async (i: number) => {
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': `${testAddress()}, ${address}` });
    await page.goto('/forgot-password');
    const form = page.getByRole('form', { name: 'Reset your password' });
    await form.getByLabel('Email').fill(`nobody-${i}@example.com`);
    await form.getByRole('button', { name: 'Send reset link' }).click();
    return form;
  };
  for (let i = 1; i <= 10; i++) {
    await ask(i);
    await expect(page.getByRole('status').filter({ hasText: 'Check your e-mail.' })).toBeVisible();
  }
  const form = await ask(11);
  await expect(form.getByRole('alert')).toContainText('Too many requests.');
});

test("a stranger's wrong passwords lock the account, but not for a browser that signed in to it before", async ({ page, account, browser }) => {
  test.slow();
  await signOut(page);
  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await stranger.goto('/signin');
  const form = stranger.getByRole('form', { name: 'Sign in' });
  for (let i = 0; i < 5; i++) {
    await signIn(stranger, account.email, `wrong guess ${i}`);
    await expect(form.getByRole('alert')).toHaveText(/do not match|Too many attempts/, { timeout: 30_000 });
  }
  // Now even the right password is refused on a browser the account has never used.
  await signIn(stranger, account.email, account.password);
  await expect(form.getByRole('alert')).toContainText('Too many attempts.', { timeout: 30_000 });
  await strangerContext.close();

  // The owner's browser still signs in.
  await page.goto('/signin');
  await signIn(page, account.email, account.password);
  await page.waitForURL(new RegExp(`${account.workspaceUrl}$`), { timeout: 30_000 });
});

test('opening a confirmation link confirms nothing until its button is pressed', async ({ page, account, request }) => {
  const text = (await (await newestMail(page, account.email, 'Confirm your e-mail address for Groundwork')).textContent()) ?? '';
  const path = new URL(/https?:\/\/\S+/.exec(text)![0]).pathname;
  // A mail scanner fetches the link, twice, without the session.
  for (let i = 0; i < 2; i++) expect((await request.get(path)).status()).toBe(200);
  await page.goto('/account');
  await expect(page.getByRole('region', { name: 'Confirm your e-mail' })).toBeVisible();
  await page.goto(path);
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByRole('heading', { name: 'Your e-mail is confirmed' })).toBeVisible();
  await page.goto('/account');
  await expect(page.getByRole('region', { name: 'Confirm your e-mail' })).toHaveCount(0);
});

test('sign out everywhere can turn off the calendar feed link, which otherwise outlives it', async ({ page, account, request }) => {
  const { url: feed } = await createCalendarFeed(page, account.workspaceUrl);
  expect((await request.get(feed)).status()).toBe(200);

  await page.goto('/account/sessions');
  await page.getByLabel('Also turn off my calendar feed link').check();
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await page.waitForURL(/\/signin\?notice=signed-out-everywhere/);
  expect((await request.get(feed)).status()).toBe(404);
});
