import { expect, test, testAddress } from './fixtures';

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
