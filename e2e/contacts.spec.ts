import type { Page } from '@playwright/test';
import { daysAgo, deleteAfterCancelling, expect, test } from './fixtures';

async function addContact(
  page: Page,
  workspaceUrl: string,
  fields: { name: string; company?: string; role?: string; tags?: string; metOn?: string; cadence?: string },
) {
  await page.goto(`${workspaceUrl}/contacts/new`);
  const form = page.getByRole('form', { name: 'Add contact' });
  await form.getByLabel('Name').fill(fields.name);
  if (fields.company) await form.getByLabel('Company').fill(fields.company);
  if (fields.role) await form.getByLabel('Role').fill(fields.role);
  if (fields.tags) await form.getByLabel('Tags').fill(fields.tags);
  if (fields.metOn) await form.getByLabel('Met on').fill(fields.metOn);
  if (fields.cadence) await form.getByLabel('Keep in touch every (days)').fill(fields.cadence);
  await form.getByRole('button', { name: 'Add contact' }).click();
  await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: fields.name })).toBeVisible();
}

async function logInteraction(page: Page, direction: 'They reached out' | 'I reached out', notes: string) {
  const form = page.getByRole('form', { name: 'Log an interaction' });
  await form.getByLabel('Kind').selectOption({ label: 'Email' });
  await form.getByLabel('Who reached out').selectOption({ label: direction });
  await form.getByLabel('Notes').fill(notes);
  await form.getByRole('button', { name: 'Log interaction' }).click();
  await expect(page.getByRole('list', { name: 'Interactions' }).getByText(notes)).toBeVisible();
}

test.describe('contacts', () => {
  test('a contact with tags remembers you after they reach out', async ({ page, account }) => {
    await page.goto(`${account.workspaceUrl}/contacts`);
    await expect(page.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
    await expect(page.getByText(/Contacts only remember you if you follow up/)).toBeVisible();
    await page.getByRole('link', { name: 'Add contact' }).click();
    await page.waitForURL(/\/contacts\/new$/);

    await addContact(page, account.workspaceUrl, {
      name: 'Priya Shah',
      company: 'Acme Bio',
      role: 'Head of content',
      tags: 'biotech, Writer, BIOTECH',
      metOn: daysAgo(10),
    });
    await expect(page.getByRole('link', { name: 'biotech', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Writer', exact: true })).toBeVisible();
    await expect(page.getByText('Remembers you')).toHaveCount(0);

    await logInteraction(page, 'They reached out', 'Asked if I could review a grant draft');
    await expect(page.getByText('Remembers you')).toBeVisible();

    await page.goto(`${account.workspaceUrl}/contacts`);
    const row = page.getByRole('list', { name: 'Contacts' }).getByRole('listitem').filter({ hasText: 'Priya Shah' });
    await expect(row.getByText('Remembers you')).toBeVisible();
    await expect(row.getByText('Head of content · Acme Bio')).toBeVisible();

    // Correcting the direction takes the evidence away; deleting the interaction empties the log.
    await row.getByRole('link', { name: 'Priya Shah' }).click();
    await page.getByRole('link', { name: /^Edit interaction of/ }).click();
    const edit = page.getByRole('form', { name: 'Edit interaction' });
    await expect(edit.getByLabel('Date')).toBeFocused();
    await edit.getByLabel('Who reached out').selectOption({ label: 'I reached out' });
    await edit.getByRole('button', { name: 'Save interaction' }).click();
    await expect(page.getByRole('form', { name: 'Edit interaction' })).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Interactions' }).getByText(/I reached out/)).toBeVisible();
    await expect(page.getByText('Remembers you')).toHaveCount(0);
    await page.getByRole('list', { name: 'Interactions' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').filter({ hasText: 'Delete this interaction?' }).getByRole('button', { name: 'Delete interaction' }).click();
    await expect(page.getByText(/Nothing logged yet/)).toBeVisible();
  });

  test('contact pages fit a 360 px wide screen', async ({ page, account }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await addContact(page, account.workspaceUrl, {
      name: 'Maximiliana Wolfeschlegelsteinhausen',
      company: 'International Consolidated Widgets Incorporated',
      tags: 'a-rather-long-tag-for-testing-wrapping, another',
      metOn: daysAgo(90),
      cadence: '14',
    });
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits()).toBe(true);
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(page.getByRole('form', { name: 'Edit contact' })).toBeVisible();
    expect(await fits()).toBe(true);
    await page.goto(`${account.workspaceUrl}/contacts`);
    await expect(page.getByText(/Going cold — \d+ days overdue/)).toBeVisible();
    expect(await fits()).toBe(true);
    await page.goto(`${account.workspaceUrl}/contacts/new`);
    expect(await fits()).toBe(true);
  });

  test('a contact past their cadence is going cold until an interaction is logged', async ({ page, account }) => {
    await addContact(page, account.workspaceUrl, { name: 'Lee Park', metOn: daysAgo(60), cadence: '30' });
    await addContact(page, account.workspaceUrl, { name: 'Sam Fresh', metOn: daysAgo(5), cadence: '30' });
    await expect(page.getByText(/Going cold/)).toHaveCount(0);

    await page.goto(`${account.workspaceUrl}/contacts`);
    const views = page.getByRole('navigation', { name: 'Contact views' });
    await expect(views.getByRole('link', { name: 'Going cold 1' })).toBeVisible();
    await views.getByRole('link', { name: /Going cold/ }).click();
    await page.waitForURL(/cold=1/);
    const list = page.getByRole('list', { name: 'Contacts' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByText('Going cold — 30 days overdue')).toBeVisible();

    await list.getByRole('link', { name: 'Lee Park' }).click();
    await expect(page.getByText('Going cold — 30 days overdue')).toBeVisible();
    await logInteraction(page, 'I reached out', 'Sent the article we talked about');
    await expect(page.getByText(/Going cold/)).toHaveCount(0);

    await page.goto(`${account.workspaceUrl}/contacts?cold=1`);
    await expect(page.getByRole('heading', { name: 'Nobody is going cold' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Contact views' }).getByRole('link', { name: 'Going cold 0' })).toBeVisible();
  });

  test('edit a contact, then delete it after confirming', async ({ page, account }) => {
    await addContact(page, account.workspaceUrl, { name: 'Jo Rivera', company: 'Initech' });
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit contact' });
    await expect(form.getByLabel('Company')).toHaveValue('Initech');
    await form.getByLabel('Company').fill('Globex');
    await form.getByLabel('LinkedIn URL').fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form.getByText('Enter a LinkedIn address starting with https://www.linkedin.com/')).toBeVisible();
    await form.getByLabel('LinkedIn URL').fill('https://www.linkedin.com/in/jo-rivera');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    await expect(page.getByText('Globex')).toBeVisible();
    const profile = page.getByRole('main').getByRole('link', { name: /LinkedIn profile/ });
    await expect(profile).toHaveAttribute('href', 'https://www.linkedin.com/in/jo-rivera');
    await expect(profile).toHaveAttribute('rel', 'noopener noreferrer');

    await deleteAfterCancelling(page, 'Delete Jo Rivera?', 'Delete contact');
    await page.waitForURL(new RegExp(`${account.workspaceUrl}/contacts$`));
    await expect(page.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Jo Rivera deleted.' })).toBeVisible();
  });

  test('search finds a contact by company', async ({ page, account }) => {
    await addContact(page, account.workspaceUrl, { name: 'Ana Costa', company: 'Umbrella Health' });
    await addContact(page, account.workspaceUrl, { name: 'Ben Ode', company: 'Stark Freight' });
    await page.goto(`${account.workspaceUrl}/contacts`);
    const search = page.getByRole('search', { name: 'Filter contacts' });
    await search.getByLabel('Search').fill('umbrella');
    await search.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=umbrella/);
    const list = page.getByRole('list', { name: 'Contacts' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByRole('link', { name: 'Ana Costa' })).toBeVisible();

    await search.getByLabel('Search').fill('no such company 100%');
    await search.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('heading', { name: 'No contacts match' })).toBeVisible();
  });
});
