import { expect, signIn, signOut, signUp, test, uniqueEmail } from './fixtures';

test.describe('signup and sign-in', () => {
  test('a new user lands in their own workspace with an empty state that says what to log first', async ({ page }) => {
    const account = await signUp(page, { name: 'Maya Ortiz' });
    await expect(page.getByRole('heading', { level: 1, name: "Maya's workspace" })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Nothing logged yet' })).toBeVisible();
    await expect(page.getByText(/Start with the last thing you did to meet people/)).toBeVisible();
    expect(account.workspaceUrl).toMatch(/^\/w\/[0-9a-f-]{36}$/);
  });

  test('signup shows field errors on the right fields and keeps what was typed', async ({ page }) => {
    await page.goto('/signup');
    const form = page.getByRole('form', { name: 'Create your account' });
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Name is required')).toBeVisible();
    await expect(page.getByText('Enter your email address')).toBeVisible();

    await form.getByLabel('Name').fill('Sam');
    await form.getByLabel('Email').fill('sam@example');
    await form.getByLabel('Password').fill('short');
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Enter a valid email address')).toBeVisible();
    await expect(page.getByText('Use at least 8 characters')).toBeVisible();
    await expect(form.getByLabel('Name')).toHaveValue('Sam');

    await form.getByLabel('Email').fill(uniqueEmail());
    await form.getByLabel('Password').fill('password123');
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('This password is too common; choose another')).toBeVisible();
  });

  test('an email already registered gets "check your e-mail" and nobody is signed in', async ({ page, browser }) => {
    const email = uniqueEmail('taken');
    await signUp(page, { email });
    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto('/signup');
    const form = other.getByRole('form', { name: 'Create your account' });
    await form.getByLabel('Name').fill('Someone Else');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill('another long pass phrase');
    await form.getByRole('button', { name: 'Create account' }).click();
    // The same words a new address would get by mail: nothing says the address has an account.
    await expect(other.getByRole('status')).toContainText('Check your e-mail to continue.');
    await expect(other.getByText(/already exists/)).toHaveCount(0);
    await other.goto('/account');
    await expect(other).toHaveURL(/\/signin/);
    // The holder is told instead (the mail goes out just after the answer).
    await expect(async () => {
      await other.goto('/dev/outbox');
      await expect(other.getByRole('article', { name: `Mail to ${email}: Someone tried to sign up with your address` })).toBeVisible({
        timeout: 1000,
      });
    }).toPass();
    await context.close();
  });

  test('sign out, then sign in again and return to the page that was asked for', async ({ page }) => {
    const account = await signUp(page);
    await signOut(page);
    await page.goto(`${account.workspaceUrl}/settings`);
    await expect(page).toHaveURL(/\/signin\?next=/);
    await signIn(page, account.email, account.password);
    await page.waitForURL(`**${account.workspaceUrl}/settings`);
    await expect(page.getByRole('heading', { name: 'Workspace settings' })).toBeVisible();
  });

  test('wrong credentials give one generic message whether or not the email exists', async ({ page }) => {
    const account = await signUp(page);
    await signOut(page);
    await signIn(page, account.email, 'not the right password');
    const message = page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
    await expect(message).toHaveText('That email and password do not match an account.');
    await signIn(page, uniqueEmail('nobody'), 'not the right password');
    await expect(message).toHaveText('That email and password do not match an account.');
    await expect(page).toHaveURL(/\/signin/);
  });
});

test.describe('workspace isolation', () => {
  test("another user's workspace is a 404 that shows none of its data", async ({ page, browser }) => {
    const owner = await signUp(page, { name: 'Quinn Owner' });
    await page.goto(`${owner.workspaceUrl}/settings`);
    const settings = page.getByRole('form', { name: 'Workspace settings' });
    await settings.getByLabel('Workspace name').fill('Quinn secret search');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status')).toHaveText('Saved.');

    const context = await browser.newContext();
    const intruderPage = await context.newPage();
    await signUp(intruderPage, { name: 'Ivy Intruder' });
    for (const path of ['', '/settings']) {
      const response = await intruderPage.goto(`${owner.workspaceUrl}${path}`);
      expect(response?.status()).toBe(404);
      await expect(intruderPage.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      await expect(intruderPage.getByText('Quinn secret search')).toHaveCount(0);
    }
    const missing = await intruderPage.goto('/w/00000000-0000-4000-8000-000000000000');
    expect(missing?.status()).toBe(404);
    await context.close();
  });
});

test.describe('workspace settings and navigation', () => {
  test('the owner sets the niche and hourly value; bad input is refused on the field', async ({ page, account }) => {
    await page.goto(`${account.workspaceUrl}/settings`);
    const form = page.getByRole('form', { name: 'Workspace settings' });
    await form.getByLabel('Hourly value of your time').fill('-5');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Hourly value cannot be negative')).toBeVisible();
    await form.getByLabel('Hourly value of your time').fill('75');
    await form.getByLabel('Target niche').fill('biotech marketing writing');
    await form.getByLabel('Currency').selectOption('EUR');
    // Sent from the keyboard: the focus stays on the button, not back at the top of the page.
    await form.getByRole('button', { name: 'Save settings' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Saved.');
    await expect(form.getByRole('button', { name: 'Save settings' })).toBeFocused();
    await page.reload();
    await expect(form.getByLabel('Target niche')).toHaveValue('biotech marketing writing');
    await expect(form.getByLabel('Hourly value of your time')).toHaveValue('75');
    await expect(form.getByLabel('Currency')).toHaveValue('EUR');
  });

  test('navigation fits the screen: bottom bar on phones, sidebar on desktop', async ({ page, account, isMobile }) => {
    await page.goto(account.workspaceUrl);
    const nav = page.getByRole('navigation', { name: 'Main' }).filter({ visible: true });
    await expect(nav).toHaveCount(1);
    await expect(nav.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
    const box = await nav.boundingBox();
    const viewport = page.viewportSize()!;
    if (isMobile) expect(box!.y + box!.height).toBeGreaterThan(viewport.height - 2);
    else expect(box!.x).toBeLessThan(300);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(viewport.width);
  });

  test('the workspace switcher lists the workspaces with their role', async ({ page, account }) => {
    await page.goto(account.workspaceUrl);
    const switcher = page.getByRole('group').or(page.locator('details')).filter({ visible: true }).first();
    await switcher.locator('summary').click();
    const link = switcher.getByRole('link', { name: /workspace.*Owner/ });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${account.workspaceUrl}$`));
  });
});
