import type { Page } from '@playwright/test';
import { expect, localDaysAgo, test } from './fixtures';

// The web server must be started with the same CRON_SECRET (see playwright.config.ts).
const CRON_SECRET = process.env.CRON_SECRET ?? 'e2e-cron-secret';

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function addColdContact(page: Page, workspaceUrl: string, name: string) {
  await page.goto(`${workspaceUrl}/contacts/new`);
  const form = page.getByRole('form', { name: 'Add contact' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Met on').fill(localDaysAgo(20));
  await form.getByLabel('Keep in touch every (days)').fill('7');
  await form.getByRole('button', { name: 'Add contact' }).click();
  await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
}

/** The text part of the newest mail to the address whose subject matches, from the development outbox. */
async function newestMailText(page: Page, to: string, subject: RegExp): Promise<string> {
  await page.goto('/dev/outbox');
  const mail = page.getByRole('article', { name: new RegExp(`^Mail to ${escapeRegExp(to)}: ${subject.source}`) }).first();
  await expect(mail).toBeVisible();
  return mail.locator('pre').innerText();
}

test('daily reminders: preferences, due today on the dashboard, the nudge and its links', async ({ page, account, request }) => {
  // A whole reminder cycle: confirm the address, opt in, add contacts, run the schedule, follow the mail.
  test.slow();
  // Reminders go only to a confirmed address.
  const confirm = await newestMailText(page, account.email, /Confirm your e-mail address for Groundwork/);
  await page.goto(new URL(/https?:\/\/\S+/.exec(confirm)![0]).pathname);
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByRole('heading', { name: 'Your e-mail is confirmed' })).toBeVisible();

  await page.goto('/account/notifications');
  const prefs = page.getByRole('form', { name: 'E-mail reminders' });
  await expect(prefs.getByLabel('Daily follow-up e-mail')).not.toBeChecked();
  // A coach-only option is not offered to someone who coaches nobody.
  await expect(prefs.getByLabel('Weekly coach digest, on Mondays')).toHaveCount(0);
  await prefs.getByLabel('Daily follow-up e-mail').check();
  await prefs.getByLabel('Send at (your time)').selectOption('0');
  await expect(prefs.getByLabel('Time zone')).not.toHaveValue('');
  await prefs.getByRole('button', { name: 'Save reminders' }).click();
  await expect(prefs.getByRole('status')).toHaveText('Saved.');
  await page.reload();
  await expect(page.getByRole('form', { name: 'E-mail reminders' }).getByLabel('Daily follow-up e-mail')).toBeChecked();

  await addColdContact(page, account.workspaceUrl, 'Sam Snooze');
  await addColdContact(page, account.workspaceUrl, '<b>Dana</b> Done');

  // The dashboard lists both; snoozing one takes it off.
  await page.goto(account.workspaceUrl);
  const due = page.getByRole('region', { name: 'Due today' });
  await expect(due.getByRole('link', { name: 'Sam Snooze' })).toBeVisible();
  await expect(due.getByRole('link', { name: '<b>Dana</b> Done' })).toBeVisible();
  await expect(due.getByText('No touch in 20 days; you meant to keep in touch every 7 days').first()).toBeVisible();
  await due.getByRole('button', { name: 'Snooze 7 days: Sam Snooze' }).click();
  await expect(due.getByRole('link', { name: 'Sam Snooze' })).toHaveCount(0);
  // The focus lands on the list's heading, not the top of the page, and what happened is said.
  await expect(due.getByRole('heading', { name: 'Due today' })).toBeFocused();
  await expect(due.getByRole('status')).toHaveText('Snoozed for 7 days: Sam Snooze');
  await expect(due.getByRole('link', { name: '<b>Dana</b> Done' })).toBeVisible();

  // The scheduled run: refused without the secret, then sends the nudge.
  expect((await request.post('/api/cron/reminders')).status()).toBe(401);
  expect((await request.post('/api/cron/reminders', { headers: { Authorization: 'Bearer wrong' } })).status()).toBe(401);
  const cron = await request.post('/api/cron/reminders', { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
  expect(cron.status()).toBe(200);

  const nudge = await newestMailText(page, account.email, /1 follow-up due today/);
  expect(nudge).toContain('* <b>Dana</b> Done');
  expect(nudge).not.toContain('Sam Snooze');
  const doneUrl = /Mark done: (\S+)/.exec(nudge)![1];
  const unsubscribeUrl = /Stop the daily e-mail: (\S+)/.exec(nudge)![1];

  // Opening the link asks first; the button does it.
  await page.goto(new URL(doneUrl).pathname);
  await expect(page.getByRole('heading', { name: 'Mark “<b>Dana</b> Done” as done?' })).toBeVisible();
  await page.getByRole('button', { name: 'Mark done' }).click();
  await expect(page.getByRole('heading', { name: 'Marked done' })).toBeVisible();

  await page.goto(account.workspaceUrl);
  await expect(page.getByRole('region', { name: 'Due today' }).getByText('Nothing to follow up on.')).toBeVisible();

  // A link that was tampered with changes nothing.
  await page.goto(new URL(doneUrl).pathname.slice(0, -3) + 'AAA');
  await expect(page.getByRole('heading', { name: 'This link does not work' })).toBeVisible();

  // One-click unsubscribe, as a mail provider sends it: a POST with no session.
  const oneClick = await request.post(new URL(unsubscribeUrl).pathname, {
    form: { 'List-Unsubscribe': 'One-Click' },
    headers: { Cookie: '' },
  });
  expect(oneClick.status()).toBe(200);
  expect(await oneClick.text()).toContain('You are unsubscribed');
  await page.goto('/account/notifications');
  await expect(page.getByRole('form', { name: 'E-mail reminders' }).getByLabel('Daily follow-up e-mail')).not.toBeChecked();
});
