import type { Page } from '@playwright/test';
import { expect, signUp, test } from './fixtures';

/** Meets a contact through the quick log, the way most contacts arrive. */
async function meetContact(page: Page, workspaceUrl: string, name: string, company: string) {
  await page.goto(`${workspaceUrl}/log`);
  const form = page.getByRole('form', { name: 'Quick log' });
  await form.getByRole('radio', { name: /Event \/ happy hour/ }).check();
  await form.getByLabel('Title').fill('Biotech founders breakfast');
  await form.getByLabel('Hours').fill('1');
  const row = form.getByRole('group', { name: 'Contact 1' });
  await row.getByLabel('Name').fill(name);
  await row.getByLabel('Company').fill(company);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: /Logged/ })).toBeVisible();
}

/** Creates an opportunity through its form and waits for its page. */
async function createOpportunity(page: Page, workspaceUrl: string, title: string, kind: string) {
  await page.goto(`${workspaceUrl}/opportunities/new`);
  const form = page.getByRole('form', { name: 'New opportunity' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Kind').selectOption({ label: kind });
  await form.getByRole('button', { name: 'Create opportunity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** Moves a card on the board (desktop) or the grouped list (phone) with its own stage control. */
async function moveCard(page: Page, from: RegExp, title: string, to: string) {
  const card = page.getByRole('region', { name: from }).getByRole('article', { name: title });
  await card.getByLabel('Move to').selectOption({ label: to });
  await card.getByRole('button', { name: `Move ${title}` }).click();
}

test.describe('opportunities', () => {
  test('credit an opportunity to a contact and move it through the stages to won', async ({ page, account }) => {
    const title = 'Launch copy for Natarajan Labs';
    await meetContact(page, account.workspaceUrl, 'Priya Natarajan', 'Natarajan Labs');

    await page.goto(`${account.workspaceUrl}/opportunities`);
    await expect(page.getByRole('heading', { name: 'No opportunities yet' })).toBeVisible();
    await expect(page.getByText(/credit each one to the contact who brought it/i).first()).toBeVisible();
    await page.getByRole('link', { name: 'New opportunity' }).first().click();

    const form = page.getByRole('form', { name: 'New opportunity' });
    await form.getByRole('button', { name: 'Create opportunity' }).click();
    await expect(form.getByText('Title is required')).toBeVisible();
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Kind').selectOption({ label: 'Client' });
    await form.getByLabel('Contact', { exact: true }).selectOption({ label: 'Priya Natarajan (Natarajan Labs)' });
    await form.getByLabel(/Expected value/).fill('5000');
    await form.getByRole('button', { name: 'Create opportunity' }).click();

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Priya Natarajan' })).toHaveAttribute(
      'href',
      new RegExp(`^${account.workspaceUrl}/contacts/[0-9a-f-]{36}$`),
    );

    await page.getByRole('link', { name: '← Opportunities' }).click();
    const lead = page.getByRole('region', { name: /^Lead/ });
    await expect(lead.getByRole('article', { name: title })).toBeVisible();
    await expect(lead).toContainText('$5,000 expected');

    await moveCard(page, /^Lead/, title, 'Talking');
    await expect(page.getByRole('region', { name: /^Talking/ }).getByRole('article', { name: title })).toBeVisible();
    // The focus follows the card to its new column.
    await expect(page.getByRole('region', { name: /^Talking/ }).getByRole('article', { name: title })).toBeFocused();
    await moveCard(page, /^Talking/, title, 'Proposal / interview');
    await expect(page.getByRole('region', { name: /^Proposal/ }).getByRole('article', { name: title })).toBeVisible();
    // Moving to Won asks what it brought, starting from the expected value.
    const proposalCard = page.getByRole('region', { name: /^Proposal/ }).getByRole('article', { name: title });
    await proposalCard.getByLabel('Move to').selectOption({ label: 'Won' });
    await expect(proposalCard.getByLabel('Won value')).toHaveValue('5000');
    await proposalCard.getByLabel('Won value').fill('-3');
    await proposalCard.getByRole('button', { name: `Move ${title}` }).click();
    await expect(proposalCard.getByText('Won value cannot be negative')).toBeVisible();
    await proposalCard.getByLabel('Won value').fill('4800.50');
    await proposalCard.getByRole('button', { name: `Move ${title}` }).click();
    const won = page.getByRole('region', { name: /^Won/ });
    await expect(won.getByRole('article', { name: title })).toContainText('$4,800.50');
    await expect(page.getByRole('region', { name: /^Lead/ }).getByRole('article', { name: title })).toHaveCount(0);

    // Leaving Won never starts from the opposite outcome, asks first, and can be undone.
    const wonCard = won.getByRole('article', { name: title });
    await expect(wonCard.getByLabel('Move to')).toHaveValue('');
    await wonCard.getByRole('button', { name: `Move ${title}` }).click();
    await expect(wonCard.getByText('Choose the stage to move it to.')).toBeVisible();
    await wonCard.getByLabel('Move to').selectOption({ label: 'Lost' });
    await wonCard.getByRole('button', { name: `Move ${title}` }).click();
    const confirm = wonCard.getByRole('alertdialog');
    await expect(confirm).toContainText(`Move “${title}” out of Won to Lost? Its $4,800.50 will no longer count as won.`);
    await confirm.getByRole('button', { name: 'Keep it Won' }).click();
    await expect(wonCard).toBeVisible();
    await wonCard.getByRole('button', { name: `Move ${title}` }).click();
    await wonCard.getByRole('alertdialog').getByRole('button', { name: 'Yes, move it' }).click();
    const lost = page.getByRole('region', { name: /^Lost/ });
    await expect(lost.getByRole('article', { name: title })).toBeVisible();
    const undo = page.getByRole('status').filter({ hasText: `“${title}” moved from Won to Lost.` });
    await undo.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('status').filter({ hasText: `“${title}” is back in Won.` })).toBeVisible();
    await expect(won.getByRole('article', { name: title })).toContainText('$4,800.50');

    // The won value can be corrected later in the edit form.
    await won.getByRole('link', { name: title }).click();
    await page.getByRole('link', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Edit opportunity' });
    await expect(edit.getByLabel('Closed on')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await edit.getByLabel(/Won value/).fill('4500');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText('$4,500')).toBeVisible();

    await page.goto(`${account.workspaceUrl}/opportunities`);
    const wonColumn = page.getByRole('region', { name: /^Won \(1\)/ });
    await expect(wonColumn.getByRole('article', { name: title })).toContainText('$4,500');
    await expect(wonColumn).toContainText('$4,500 won');

    // The list filtered by stage shows it too, with the filter kept in the URL.
    await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Won' });
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/[?&]stage=won/);
    await expect(page.getByRole('article', { name: title })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  test('a stale card refuses to move and says why', async ({ page, account }) => {
    await createOpportunity(page, account.workspaceUrl, 'Conference talk', 'Speaking');
    await page.goto(`${account.workspaceUrl}/opportunities`);

    // The same board open in a second tab moves the card first.
    const other = await page.context().newPage();
    await other.goto(`${account.workspaceUrl}/opportunities`);
    await moveCard(other, /^Lead/, 'Conference talk', 'Talking');
    await expect(other.getByRole('region', { name: /^Talking/ }).getByRole('article', { name: 'Conference talk' })).toBeVisible();
    await other.close();

    await moveCard(page, /^Lead/, 'Conference talk', 'Lost');
    await expect(page.getByRole('alert').filter({ hasText: 'This record was changed elsewhere' })).toBeVisible();
  });

  test('deleting asks first, and another workspace’s opportunity is not found', async ({ page, browser, account }) => {
    await createOpportunity(page, account.workspaceUrl, 'Referral to a lab', 'Referral');
    const detailPath = new URL(page.url()).pathname;

    // Someone else, signed in to their own workspace, cannot open it or its edit form.
    const otherContext = await browser.newContext();
    const stranger = await otherContext.newPage();
    await signUp(stranger, { name: 'Stranger Danger' });
    expect((await stranger.goto(detailPath))?.status()).toBe(404);
    expect((await stranger.goto(`${detailPath}/edit`))?.status()).toBe(404);
    await otherContext.close();

    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this opportunity?' });
    await dialog.getByRole('button', { name: 'Delete opportunity' }).click();
    await expect(page).toHaveURL(new RegExp(`${account.workspaceUrl}/opportunities$`));
    await expect(page.getByRole('heading', { name: 'No opportunities yet' })).toBeVisible();

    const gone = await page.goto(detailPath);
    expect(gone?.status()).toBe(404);
    const random = await page.goto(`${account.workspaceUrl}/opportunities/00000000-0000-4000-8000-000000000000`);
    expect(random?.status()).toBe(404);
  });

  test('with hundreds of contacts, typing a name finds an old one the list does not show', async ({ page, account, browser }) => {
    // 205 contacts arrive from a spreadsheet; the oldest is first in the file.
    const rows = ['Name,Company', 'Odile Oldest,First Firm', ...Array.from({ length: 204 }, (_, i) => `Person ${i + 1},Crowd Co`)];
    await page.goto(`${account.workspaceUrl}/import`);
    await page.getByLabel('CSV file').setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') });
    await page.getByRole('button', { name: 'Preview import' }).last().click();
    await page.getByRole('button', { name: 'Import 205 rows' }).click();
    await expect(page.getByRole('status')).toContainText('Imported 205 rows');

    await page.goto(`${account.workspaceUrl}/opportunities/new`);
    const form = page.getByRole('form', { name: 'New opportunity' });
    const contact = form.getByLabel('Contact', { exact: true });
    await expect(form.getByText(/Showing your 200 most recent contacts; type a name to search them all/)).toBeVisible();
    await form.getByLabel('Find a contact').fill('odile');
    await expect(form.getByText('Searched all your contacts: 1 match.')).toBeVisible();
    await contact.selectOption({ label: 'Odile Oldest (First Firm)' });
    await form.getByLabel('Title').fill('Referral from Odile');
    await form.getByRole('button', { name: 'Create opportunity' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Referral from Odile' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Odile Oldest' })).toBeVisible();

    // Someone outside the workspace finds nothing there.
    const stranger = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const strangerPage = await stranger.newPage();
    await signUp(strangerPage, { name: 'Sam Stranger' });
    const answer = await strangerPage.request.get(`${account.workspaceUrl}/contacts/choices?q=odile`);
    expect(answer.status()).toBe(404);
    expect(await answer.text()).not.toContain('Odile');
    await stranger.close();
  });
});
