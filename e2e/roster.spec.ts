import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { daysAgo, expect, mailedLink, signUp, test, testAddress, uniqueEmail } from './fixtures';
import { expectNoSideScroll, logEffort, navigate } from './story-helpers';

async function confirmEmail(page: Page, email: string): Promise<void> {
  await page.goto(await mailedLink(page, email, /Confirm your e-mail/, '/verify-email/'));
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByRole('heading', { name: 'Your e-mail is confirmed' })).toBeVisible();
}

async function addContactToFollowUp(page: Page, name: string, followUpOn: string): Promise<void> {
  await navigate(page, 'Contacts');
  await page.getByRole('link', { name: 'Add contact' }).first().click();
  const form = page.getByRole('form', { name: 'Add contact' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Next follow-up').fill(followUpOn);
  await form.getByRole('button', { name: 'Add contact' }).click();
  await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
}

/** A client signs up on their own, logs their week, and invites the coach; returns the invitation's path. */
async function client(browser: Browser, name: string, coachEmail: string, record: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { 'x-forwarded-for': testAddress() } });
  const page = await context.newPage();
  const account = await signUp(page, { name });
  await confirmEmail(page, account.email);
  await page.goto(account.workspaceUrl);
  await record(page);
  await page.goto(`${account.workspaceUrl}/members`);
  const invite = page.getByRole('form', { name: 'Invite someone' });
  await invite.getByLabel('E-mail address').fill(coachEmail);
  await invite.getByLabel('Role').selectOption('coach');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${coachEmail}` })).toBeVisible();
  const invitePath = await mailedLink(page, coachEmail, /invited you to/, '/invite/');
  return { account, page, context, invitePath };
}

test('a coach with three clients sees on Monday whom to call first, and why', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const phone = test.info().project.name === 'phone';
  const coachEmail = uniqueEmail('coach');
  const coach = await signUp(page, { name: 'Casey Coach', email: coachEmail });
  await confirmEmail(page, coachEmail);

  // Ana went quiet three weeks ago; Ben is active but owes two follow-ups; Cy is on track.
  const ana = await client(browser, 'Ana Lima', coachEmail, async (p) => {
    await logEffort(p, 'Informational interviews', { title: 'Coffee with a recruiter', date: daysAgo(22), hours: '1' }, async (form) => {
      await form.getByLabel('Person').fill('Mo Rahimi');
    });
  });
  const ben = await client(browser, 'Ben Okafor', coachEmail, async (p) => {
    await logEffort(p, 'Networking events & happy hours', { title: 'Chamber mixer', date: daysAgo(1), hours: '2' });
    await addContactToFollowUp(p, 'Dana Reyes', daysAgo(3));
    await addContactToFollowUp(p, 'Eli Brandt', daysAgo(2));
  });
  const cy = await client(browser, 'Cy Park', coachEmail, async (p) => {
    await logEffort(p, 'Networking events & happy hours', { title: 'Breakfast with a client', date: daysAgo(0), hours: '3' });
  });
  for (const c of [ana, ben, cy]) {
    await page.goto(c.invitePath);
    await page.getByRole('button', { name: `Join ${c.account.name.split(' ')[0]}'s workspace as coach` }).click();
    await page.waitForURL(new RegExp(`${c.account.workspaceUrl}$`));
  }

  // Monday morning: the roster puts Ana first and says why.
  if (!phone) await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/roster');
  await expect(page.getByRole('heading', { level: 1, name: 'Roster' })).toBeVisible();
  const rows = phone ? page.getByRole('article', { name: /^Client: / }) : page.getByRole('row', { name: /^Client: / });
  await expect(rows).toHaveCount(3);
  const order = async () => (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))));
  expect(await order()).toEqual(['Client: Ana Lima', 'Client: Ben Okafor', 'Client: Cy Park']);
  await expect(rows.nth(0)).toContainText('Needs attention: no activity for 3 weeks');
  await expect(rows.nth(1)).toContainText('Needs attention: 2 follow-ups overdue');
  await expect(rows.nth(2)).toContainText('On track');
  await expect(rows.nth(1)).toContainText('Networking events & happy hours');
  // Only the three clients: the coach's own empty workspace is not among them, nor shown apart.
  await expect(page.getByRole('heading', { name: 'You', exact: true })).toHaveCount(0);
  await expect(page.getByRole('table')).toBeVisible({ visible: !phone });
  await expectNoSideScroll(page);

  // Three clients, but each channel is worked by one of them: nothing is pooled that could point to one person.
  const benchmarks = page.getByRole('list', { name: 'Channel benchmarks' });
  await expect(benchmarks.getByRole('article', { name: 'Benchmark Informational interviews' })).toContainText('Not pooled: 1 client works this channel');
  await expect(benchmarks).not.toContainText('Your clients:');

  // The coach agrees a goal with Ben: two informational interviews a week.
  await rows.nth(1).getByRole('link', { name: 'Goals of Ben Okafor' }).click();
  const goalForm = page.getByRole('form', { name: 'Set a weekly goal' });
  await goalForm.getByLabel('How many a week').fill('2');
  await goalForm.getByLabel('Of').selectOption('efforts');
  await goalForm.getByLabel('Channel').selectOption({ label: 'Informational interviews' });
  await goalForm.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.getByRole('status')).toHaveText('Goal saved.');
  await expect(page.getByRole('list', { name: 'Weekly goals' })).toContainText('0 of 2 informational interviews a week');

  await page.goto('/roster');
  await expect(rows.nth(1)).toContainText('0 of 2 informational interviews a week');
  await expect(rows.nth(1)).toContainText('behind on the weekly goal');

  // Filter by client, then export the whole roster.
  const view = page.getByRole('form', { name: 'Sort and filter the roster' });
  await view.getByLabel('Find a client').fill('Cy');
  await view.getByRole('button', { name: 'Show' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('aria-label', 'Client: Cy Park');
  await page.getByRole('link', { name: 'Show every client' }).click();
  await expect(rows).toHaveCount(3);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const csv = readFileSync((await (await downloading).path())!, 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines).toHaveLength(4);
  expect(lines[1]).toMatch(/^Ana Lima,Ana's workspace,coach,no activity for 3 weeks,/);

  // Other sorts: most hours in the last four weeks first.
  await view.getByLabel('Sort by').selectOption({ label: 'Hours, last 4 weeks' });
  await view.getByRole('button', { name: 'Show' }).click();
  expect(await order()).toEqual(['Client: Cy Park', 'Client: Ben Okafor', 'Client: Ana Lima']);

  // Ben sees the same goal on his dashboard; the coach's roster and Ben's page agree.
  await ben.page.goto(ben.account.workspaceUrl);
  await expect(ben.page.getByRole('region', { name: 'Weekly goals' })).toContainText('0 of 2 informational interviews a week');
  // A client never sees the roster's other clients.
  await ben.page.goto('/roster');
  await expect(ben.page.getByRole('heading', { name: 'No clients yet' })).toBeVisible();
  await expect(ben.page.getByText('Ana Lima')).toHaveCount(0);

  expect(coach.workspaceId).not.toBe(ben.account.workspaceId);
  for (const c of [ana, ben, cy]) await c.context.close();
});
