import type { Locator, Page } from '@playwright/test';
import { daysAgo, deleteAfterCancelling, expect, signOut, signUp, test } from './fixtures';

/** Opens the new-effort form, picks the channel, fills the common fields and what `fill` adds. */
async function logEffort(
  page: Page,
  workspaceUrl: string,
  channel: string,
  common: { title: string; date?: string; hours?: string; money?: string },
  fill: (form: Locator) => Promise<void> = async () => {},
) {
  await page.goto(`${workspaceUrl}/efforts/new`);
  const form = page.getByRole('form', { name: 'Log an effort' });
  await form.getByLabel('Channel').selectOption({ label: channel });
  await form.getByLabel('Title').fill(common.title);
  if (common.date) await form.getByLabel('Date', { exact: true }).fill(common.date);
  if (common.hours) await form.getByLabel('Hours', { exact: true }).fill(common.hours);
  if (common.money) await form.getByLabel(/Money spent/).fill(common.money);
  await fill(form);
  await form.getByRole('button', { name: 'Log effort' }).click();
  await page.waitForURL(/\/efforts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: common.title })).toBeVisible();
}

/** The page fits its viewport: nothing scrolls sideways (the phone project checks 412 px). */
async function expectNoSideScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

function row(page: Page, title: string): Locator {
  return page.getByRole('list', { name: 'Efforts, newest first' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
}

test.describe('efforts', () => {
  test('logs an effort in every channel and flags the draining ones', async ({ page, account }) => {
    // Seven forms in a row: a slow phone needs more than the default minute.
    test.slow();
    // The stretch form shows the niche it is judged against.
    await page.goto(`${account.workspaceUrl}/settings`);
    await page.getByLabel('Target niche').fill('biotech marketing writing');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('form', { name: 'Workspace settings' }).getByRole('status')).toHaveText('Saved.');

    await page.goto(`${account.workspaceUrl}/efforts`);
    await expect(page.getByRole('heading', { name: 'No efforts logged yet' })).toBeVisible();
    await expect(page.getByText(/work-like settings .* pay off far better than happy hours/)).toBeVisible();

    await logEffort(page, account.workspaceUrl, 'Networking events & happy hours', { title: 'Chamber mixer', hours: '3', money: '40' }, async (form) => {
      await form.getByLabel('Venue').fill('The Anchor');
      await form.getByLabel('Drinks had').fill('3');
      await form.getByLabel('Pitches received').fill('4');
      await form.getByLabel('Useful contacts made').fill('1');
    });
    await expect(page.getByText('Past two drinks')).toBeVisible();
    await expect(page.getByText('More pitches than useful contacts')).toBeVisible();
    await expect(page.getByText('The Anchor')).toBeVisible();

    await logEffort(page, account.workspaceUrl, 'Professional organizations & clubs', { title: 'Literacy Trust', hours: '2' }, async (form) => {
      await form.getByLabel('Kind of organization').selectOption({ label: 'Non-profit' });
      await form.getByLabel('Your role and contribution').fill('Keeps the books');
      await form.getByLabel(/Yearly dues/).fill('120');
    });
    await expect(page.getByText('Keeps the books')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Flags' })).toHaveCount(0);

    await logEffort(page, account.workspaceUrl, 'Volunteering & favors', { title: 'Café website fixes', hours: '1.5' }, async (form) => {
      await form.getByLabel('Who you helped').fill('Rosa, café owner');
      await form.getByLabel('Skill used').fill('WordPress');
    });
    await expect(page.getByText('Rosa, café owner')).toBeVisible();

    await logEffort(page, account.workspaceUrl, 'Stretch projects', { title: 'Shoe shop copy', hours: '6' }, async (form) => {
      await expect(form.getByText('biotech marketing writing')).toBeVisible();
      await form.getByLabel('Field', { exact: true }).fill('E-commerce copy');
      await form.getByLabel('Similarity to your target niche').selectOption({ label: 'Unrelated' });
      await form.getByLabel(/Paid amount/).fill('400');
    });
    await expect(page.getByText('Unrelated to your niche')).toBeVisible();

    await logEffort(page, account.workspaceUrl, 'Informational interviews', { title: 'Coffee with Dana', date: daysAgo(7), hours: '1' }, async (form) => {
      await form.getByLabel('Person').fill('Dana Okafor');
      await form.getByLabel('Their company').fill('Acme Bio');
      await expect(form.getByLabel('Thank-you sent')).not.toBeChecked();
    });
    await expect(page.getByText('Thank-you not sent')).toBeVisible();

    await logEffort(page, account.workspaceUrl, 'LinkedIn', { title: 'Weekly outreach', hours: '2' }, async (form) => {
      await form.getByLabel('Messages sent').fill('12');
      await form.getByLabel('Connections made').fill('30');
    });
    await expect(page.getByText('Connections made')).toBeVisible();

    await logEffort(page, account.workspaceUrl, 'Other', { title: 'Lightning talk' }, async (form) => {
      await form.getByLabel('What kind of effort').fill('Conference talk');
    });
    await expect(page.getByText('Other: Conference talk')).toBeVisible();

    await page.goto(`${account.workspaceUrl}/efforts`);
    const list = page.getByRole('list', { name: 'Efforts, newest first' });
    const rows = list.getByRole('listitem').filter({ has: page.getByRole('link') });
    await expect(rows).toHaveCount(7);
    await expect(row(page, 'Chamber mixer').getByText('Past two drinks')).toBeVisible();
    await expect(row(page, 'Chamber mixer').getByText('$40')).toBeVisible();
    await expect(row(page, 'Shoe shop copy').getByText('Unrelated to your niche')).toBeVisible();
    await expect(row(page, 'Coffee with Dana').getByText('Thank-you not sent')).toBeVisible();
    await expect(row(page, 'Literacy Trust').getByRole('list', { name: 'Flags' })).toHaveCount(0);
    await expectNoSideScroll(page);

    // Filters live in the URL.
    await page.getByLabel('Channel').selectOption({ label: 'Stretch projects' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/channel=stretch/);
    await expect(rows).toHaveCount(1);
    await page.goto(`${account.workspaceUrl}/efforts?q=${encodeURIComponent('café')}`);
    await expect(rows).toHaveCount(1);
    await expect(row(page, 'Café website fixes')).toBeVisible();
  });

  test('edits an effort, keeps hours equal to its time entries and deletes it after confirming', async ({ page, account }) => {
    await logEffort(page, account.workspaceUrl, 'Informational interviews', { title: 'Call with Sam', date: daysAgo(5), hours: '1' }, async (form) => {
      await form.getByLabel('Person').fill('Sam Lee');
    });
    await expect(page.getByText('Thank-you not sent')).toBeVisible();

    await page.getByRole('link', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Edit effort' });
    await expect(edit.getByLabel('Title')).toHaveValue('Call with Sam');
    await edit.getByLabel('Title').fill('Call with Sam Lee');
    await edit.getByLabel('Hours', { exact: true }).fill('1.5');
    await edit.getByLabel('Thank-you sent').check();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Call with Sam Lee' })).toBeVisible();
    await expect(page.getByText('Thank-you not sent')).toHaveCount(0);
    const entries = page.getByRole('list', { name: 'Time entries' });
    await expect(entries.getByRole('listitem')).toHaveCount(1);
    await expect(entries.getByText('1.5 h')).toBeVisible();

    // A second entry makes the effort's hours their sum, read-only on the edit form.
    const add = page.getByRole('form', { name: 'Add time entry' });
    await add.getByLabel('Entry hours').fill('2');
    await add.getByLabel('Entry note').fill('Follow-up call');
    await add.getByRole('button', { name: 'Add time entry' }).click();
    await expect(entries.getByRole('listitem')).toHaveCount(2);
    await expect(page.getByText('The effort’s hours (3.5 h)')).toBeVisible();
    await expectNoSideScroll(page);

    await entries.getByRole('button', { name: /^Edit entry .*, 2 h$/ }).click();
    const editEntry = page.getByRole('form', { name: 'Save entry' });
    // The form opened in place takes the focus; saving gives it back to the entry's Edit button.
    await expect(editEntry.getByLabel('Entry date')).toBeFocused();
    await editEntry.getByLabel('Entry hours').fill('30');
    await editEntry.getByRole('button', { name: 'Save entry' }).click();
    await expect(editEntry.getByText('Hours must be at most 24 per entry')).toBeVisible();
    await editEntry.getByLabel('Entry hours').fill('2.5');
    await editEntry.getByRole('button', { name: 'Save entry' }).click();
    await expect(page.getByText('The effort’s hours (4 h)')).toBeVisible();
    await expect(entries.getByRole('button', { name: /^Edit entry .*, 2.5 h$/ })).toBeFocused();

    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(page.getByRole('form', { name: 'Edit effort' }).getByLabel('Hours', { exact: true })).toHaveValue('4 h');
    await expect(page.getByText(/Read-only: the sum of 2 time entries/)).toBeVisible();
    await page.getByRole('link', { name: 'Cancel' }).click();

    await entries.getByRole('button', { name: /^Delete entry .*, 2.5 h$/ }).click();
    await expect(entries.getByRole('button', { name: 'Keep' })).toBeFocused();
    await entries.getByRole('button', { name: 'Keep' }).click();
    await expect(entries.getByRole('button', { name: /^Delete entry .*, 2.5 h$/ })).toBeFocused();
    await entries.getByRole('button', { name: /^Delete entry .*, 2.5 h$/ }).click();
    await entries.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(entries.getByRole('listitem')).toHaveCount(1);
    await expect(page.getByRole('heading', { name: 'Time entries' })).toBeFocused();
    await expect(page.getByText('The effort’s hours (1.5 h)')).toBeVisible();

    // Delete asks first; cancelling keeps it.
    await deleteAfterCancelling(page, 'Delete this effort?', 'Delete effort');
    await page.waitForURL(/\/efforts$/);
    await expect(page.getByRole('heading', { name: 'No efforts logged yet' })).toBeVisible();
    // The list says what happened, and a keyboard user starts from that message.
    const notice = page.getByRole('status').filter({ hasText: /^Effort “.*” deleted\.$/ });
    await expect(notice).toBeVisible();
    await expect(notice).toBeFocused();
    // Said once: a reload does not repeat it.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'No efforts logged yet' })).toBeVisible();
    await expect(notice).toHaveCount(0);
  });

  test('refuses invalid input and another workspace’s effort', async ({ page, account }) => {
    await page.goto(`${account.workspaceUrl}/efforts/new?channel=events`);
    const form = page.getByRole('form', { name: 'Log an effort' });
    await form.getByLabel('Drinks had').fill('-2');
    await form.getByRole('button', { name: 'Log effort' }).click();
    await expect(form.getByText('Title is required')).toBeVisible();
    await expect(form.getByText('Drinks cannot be negative')).toBeVisible();
    await expect(page).toHaveURL(/\/efforts\/new/);

    await logEffort(page, account.workspaceUrl, 'Volunteering & favors', { title: 'Private favor' });
    const effortId = new URL(page.url()).pathname.split('/').pop()!;
    await signOut(page);
    const other = await signUp(page, { name: 'Morgan Other' });
    for (const url of [`${other.workspaceUrl}/efforts/${effortId}`, `${account.workspaceUrl}/efforts/${effortId}`, `${other.workspaceUrl}/efforts/${effortId}/edit`]) {
      await page.goto(url);
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      await expect(page.getByText('Private favor')).toHaveCount(0);
    }
  });

  test('ticks LinkedIn profile items and shows completeness', async ({ page, account }) => {
    await page.goto(`${account.workspaceUrl}/efforts`);
    await page.getByRole('link', { name: 'LinkedIn profile: 0 of 5 done' }).click();
    await page.waitForURL(/\/linkedin$/);
    await expect(page.getByRole('progressbar', { name: '0 of 5 done' })).toBeVisible();
    const form = page.getByRole('form', { name: 'LinkedIn profile checklist' });
    await form.getByLabel('Summary').check();
    await form.getByLabel('Work history').check();
    await form.getByLabel('Degrees').check();
    await form.getByRole('button', { name: 'Save checklist' }).click();
    await expect(page.getByRole('heading', { name: '3 of 5 done' })).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '3');
    await expect(page.getByText('Still missing: affiliations and hobbies.')).toBeVisible();

    await page.reload();
    await expect(form.getByLabel('Degrees')).toBeChecked();
    await expect(form.getByLabel('Hobbies')).not.toBeChecked();
    await page.goto(`${account.workspaceUrl}/efforts`);
    await expect(page.getByRole('link', { name: 'LinkedIn profile: 3 of 5 done' })).toBeVisible();
  });
});
