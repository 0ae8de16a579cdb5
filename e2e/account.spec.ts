import type { Page } from '@playwright/test';
import { expect, newestMail, signIn, signOut, signUp, test } from './fixtures';

/** Steps that hash a password or two: slow by design, slower still on a busy machine. */
const HASHING = { timeout: 30_000 };

/** Opens the newest mail to the address with that subject in the development outbox and follows its link. */
async function followMailLink(page: Page, to: string, subject: string): Promise<void> {
  const mail = await newestMail(page, to, subject);
  const href = await mail.getByRole('link').first().getAttribute('href');
  // Only the path: the mailed origin depends on how the server was started.
  await page.goto(new URL(href!).pathname);
}

test('an account from signup to deletion: verify, reset, devices, delete', async ({ page, browser }) => {
  // A long journey with a dozen password hashes.
  test.slow();
  const account = await signUp(page, { name: 'Noor Haddad' });

  // Unverified: the account page says so and offers a new link.
  await page.goto('/account');
  const banner = page.getByRole('region', { name: 'Confirm your e-mail' });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Send a new link' }).click();
  await expect(banner.getByRole('status')).toHaveText('Sent. Check your inbox.');
  await banner.getByRole('button', { name: 'Send a new link' }).click();
  await expect(banner.getByRole('status')).toHaveText(/A link was sent recently\. Try again in 1 minute\./);

  // Opening the link changes nothing (mail scanners open links); the button confirms.
  await followMailLink(page, account.email, 'Confirm your e-mail address for Groundwork');
  await page.goto('/account');
  await expect(page.getByRole('region', { name: 'Confirm your e-mail' })).toBeVisible();
  await page.goBack();
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByRole('heading', { name: 'Your e-mail is confirmed' })).toBeVisible();
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Confirm your e-mail' })).toHaveCount(0);

  // A second device signs in before the reset.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.goto('/signin');
  await signIn(other, account.email, account.password);
  await other.waitForURL(`**${account.workspaceUrl}`);

  // Forgot password, from the sign-in page.
  await signOut(page);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByRole('form', { name: 'Reset your password' }).getByLabel('Email').fill(account.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText('Check your e-mail.');

  await followMailLink(page, account.email, 'Reset your Groundwork password');
  const resetForm = page.getByRole('form', { name: 'Choose a new password' });
  await resetForm.getByLabel('New password').fill('password123');
  await resetForm.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText('This password is too common; choose another')).toBeVisible();
  const newPassword = 'lanterns over the old quay';
  await resetForm.getByLabel('New password').fill(newPassword);
  await resetForm.getByRole('button', { name: 'Save new password' }).click();
  await page.waitForURL(/\/signin\?notice=reset/);
  await expect(page.getByRole('status')).toContainText('Sign in with the new password');

  // The used link is dead.
  await page.goBack();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();

  await page.goto('/signin');
  await signIn(page, account.email, account.password);
  await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toHaveText('That email and password do not match an account.', HASHING);
  await signIn(page, account.email, newPassword);
  await page.waitForURL(`**${account.workspaceUrl}`);

  // The device signed in before the reset is signed out on its next navigation.
  await other.goto(`${account.workspaceUrl}/settings`);
  await expect(other).toHaveURL(/\/signin\?next=/);
  await otherContext.close();

  // This device is the only one listed.
  await page.goto('/account/sessions');
  const sessions = page.getByRole('list', { name: 'Sessions' }).getByRole('listitem');
  await expect(sessions).toHaveCount(1);
  await expect(sessions.first()).toContainText(/Chrome on (Android|Windows|Mac|Linux)/);
  await expect(sessions.first()).toContainText('This device');
  await expect(sessions.first()).toContainText('Active now');

  // Delete, confirmed by password.
  await page.goto('/account/delete');
  await expect(page.getByText(/Workspace Noor's workspace with all its records \(0 efforts, 0 contacts, 0 opportunities\)/)).toBeVisible();
  const deleteForm = page.getByRole('form', { name: 'Delete account' });
  await deleteForm.getByLabel('Your password').fill('not my password');
  await deleteForm.getByRole('button', { name: 'Delete my account and data' }).click();
  await expect(page.getByText('That is not your current password.')).toBeVisible(HASHING);
  await deleteForm.getByLabel('Your password').fill(newPassword);
  await deleteForm.getByRole('button', { name: 'Delete my account and data' }).click();
  await expect(page.getByRole('heading', { name: 'Your account was deleted' })).toBeVisible(HASHING);

  // Signed out, and the account cannot sign in any more.
  const gone = await page.goto(account.workspaceUrl);
  await expect(page).toHaveURL(/\/signin/);
  expect(gone?.status()).toBeLessThan(500);
  await signIn(page, account.email, newPassword);
  await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toHaveText('That email and password do not match an account.', HASHING);
});

test('change name, e-mail and password from the account page; other devices are signed out', async ({ page, browser, account }) => {
  test.slow();
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.goto('/signin');
  await signIn(other, account.email, account.password);
  await other.waitForURL(`**${account.workspaceUrl}`);

  await page.goto('/account');
  const nameForm = page.getByRole('form', { name: 'Change name' });
  await nameForm.getByLabel('Name').fill('Robin C. Castillo');
  await nameForm.getByRole('button', { name: 'Save name' }).click();
  await expect(nameForm.getByRole('status')).toHaveText('Saved.');

  // The sessions page lists both devices, this one marked.
  await page.goto('/account/sessions');
  const sessions = page.getByRole('list', { name: 'Sessions' }).getByRole('listitem');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: 'This device' })).toHaveCount(1);
  await expect(sessions.filter({ hasNotText: 'This device' }).getByRole('button', { name: /^Sign out / })).toBeVisible();

  // Every account page fits a phone's width.
  for (const path of ['/account', '/account/sessions', '/account/delete']) {
    await page.goto(path);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, path).toBeLessThanOrEqual(page.viewportSize()!.width);
  }

  await page.goto('/account');
  const emailForm = page.getByRole('form', { name: 'Change e-mail address' });
  const newEmail = account.email.replace('@', '+new@');
  await emailForm.getByLabel('New e-mail address').fill(newEmail);
  await emailForm.getByLabel('Current password').fill('wrong password here');
  await emailForm.getByRole('button', { name: 'Send confirmation link' }).click();
  await expect(emailForm.getByText('That is not your current password.')).toBeVisible(HASHING);
  await emailForm.getByLabel('Current password').fill(account.password);
  await emailForm.getByRole('button', { name: 'Send confirmation link' }).click();
  await expect(emailForm.getByRole('status')).toContainText(newEmail, HASHING);

  const passwordForm = page.getByRole('form', { name: 'Change password' });
  await passwordForm.getByLabel('Current password').fill(account.password);
  await passwordForm.getByLabel('New password').fill('a brand new evening walk');
  await passwordForm.getByRole('button', { name: 'Change password' }).click();
  await expect(passwordForm.getByRole('status')).toContainText('Password changed', HASHING);

  // This device stays signed in; the other one is out.
  await page.goto(account.workspaceUrl);
  await expect(page).toHaveURL(new RegExp(`${account.workspaceUrl}$`));
  await other.goto(account.workspaceUrl);
  await expect(other).toHaveURL(/\/signin\?next=/);
  await otherContext.close();

  // The new address takes effect when its link is opened.
  await followMailLink(page, newEmail, 'Confirm your new e-mail address for Groundwork');
  await page.getByRole('button', { name: 'Use this address' }).click();
  await expect(page.getByRole('heading', { name: 'Your e-mail address was changed' })).toBeVisible();
  await page.goto('/account');
  await expect(page.getByText(newEmail)).toBeVisible();

  // Sign out everywhere ends this session too.
  await page.goto('/account/sessions');
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await page.waitForURL(/\/signin\?notice=signed-out-everywhere/);
  await page.goto(account.workspaceUrl);
  await expect(page).toHaveURL(/\/signin\?next=/);
});
