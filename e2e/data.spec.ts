import { readFile } from 'node:fs/promises';
import { createCalendarFeed, test, expect } from './fixtures';

const CONNECTIONS = Buffer.from(
  '\uFEFFNotes:\r\n' +
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\r\n' +
    '\r\n' +
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n' +
    'Zoë,Ødegård,https://www.linkedin.com/in/zoe-odegard,,"Acme, Inc.",Head of Growth,12 Mar 2024\r\n' +
    'José,García,https://www.linkedin.com/in/jose-garcia/,jose@example.com,Bücher GmbH,Writer,01 Jan 2023\r\n' +
    'Kai,Rahn,https://www.linkedin.com/in/kai-rahn,,"=HYPERLINK(""x"")",Editor,3 Feb 2022\r\n',
  'utf8',
);

test('imports LinkedIn connections once, and exports the filtered contacts as CSV', async ({ page, account }) => {
  await page.goto(`${account.workspaceUrl}/import`);
  const file = { name: 'Connections.csv', mimeType: 'text/csv', buffer: CONNECTIONS };
  await page.getByLabel('Connections.csv').setInputFiles(file);
  await page.getByRole('button', { name: 'Preview import' }).first().click();
  const summary = page.getByRole('list', { name: 'What the import will do' });
  await expect(summary).toContainText('3 new');
  await expect(page.getByRole('list', { name: 'First rows' })).toContainText('Zoë Ødegård');
  await page.getByRole('button', { name: 'Import 3 contacts' }).click();
  await expect(page.getByRole('status')).toContainText('Imported: 3 new contacts');

  // The same file again adds nobody.
  await page.getByRole('button', { name: 'Preview import' }).first().click();
  await expect(summary).toContainText('0 new');
  await expect(page.getByRole('button', { name: 'Nothing new to import' })).toBeDisabled();

  await page.goto(`${account.workspaceUrl}/contacts`);
  await expect(page.getByRole('link', { name: /Zoë Ødegård/ }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /José García/ }).first()).toBeVisible();

  await page.goto(`${account.workspaceUrl}/contacts?q=Rahn`);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^groundwork-.*-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await download.path())!)).toString('utf8');
  expect(csv.startsWith('\uFEFFName,Email,Phone,Company,Role,LinkedIn URL')).toBe(true);
  expect(csv).toContain('Kai Rahn');
  // A cell a spreadsheet would run as a formula is made inert.
  expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  expect(csv).not.toContain('Zoë');
  expect(csv).toContain('\r\n');
});

test('imports efforts from a spreadsheet, leaving out the rows that need fixing', async ({ page, account }) => {
  const previewEfforts = async () => {
    await page.goto(`${account.workspaceUrl}/import`);
    await page.getByLabel('The file holds').selectOption('efforts');
    await page.getByLabel('CSV file').setInputFiles({
      name: 'efforts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Channel,Title,Date,Hours\nevents,Chamber mixer 🎉,2024-05-02,2.5\nvolunteering,Too long,2024-05-03,30\n'),
    });
    await page.getByRole('button', { name: 'Preview import' }).last().click();
  };
  await previewEfforts();
  await expect(page.getByLabel('Column “Title”')).toHaveValue('title');
  await expect(page.getByText('1 of 2 rows can be imported')).toBeVisible();
  await expect(page.getByRole('table')).toContainText('Hours must be at most 24');
  await page.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 1 row; 1 row left out');
  await expect(page.getByRole('status')).toContainText('Line 3');
  await page.goto(`${account.workspaceUrl}/efforts`);
  await expect(page.getByText('Chamber mixer 🎉')).toHaveCount(1);

  // The same file again: the mixer is already there, so nothing can be imported twice.
  await previewEfforts();
  await expect(page.getByText('0 of 2 rows can be imported; 1 row already here will be left out; 1 row needs fixing')).toBeVisible();
  await expect(page.getByRole('table')).toContainText('Already in this workspace: left out');
  await expect(page.getByRole('button', { name: 'Import 0 rows' })).toBeDisabled();
});

test('refuses a broken file without writing anything', async ({ page, account }) => {
  await page.goto(`${account.workspaceUrl}/import`);
  await page.getByLabel('CSV file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Company\n"Ana,Acme\n') });
  await page.getByRole('button', { name: 'Preview import' }).last().click();
  await expect(page.getByRole('alert').filter({ hasText: 'is never closed (unbalanced quotes)' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
  await page.goto(`${account.workspaceUrl}/contacts`);
  await expect(page.getByRole('heading', { name: 'No contacts yet' })).toBeVisible();
});

test('gives a private calendar URL that stops working when regenerated', async ({ page, account, request }) => {
  const { field, url: first } = await createCalendarFeed(page, account.workspaceUrl);
  // Fetched without the session cookie, as a calendar app does.
  const response = await request.get(first);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/calendar');
  expect(await response.text()).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);

  await page.getByRole('button', { name: 'Regenerate feed URL' }).click();
  await expect(field).not.toHaveValue(first);
  // The new URL has the focus, ready to copy.
  await expect(field).toBeFocused();
  expect((await request.get(first)).status()).toBe(404);
  const second = await field.inputValue();
  expect((await request.get(second)).status()).toBe(200);

  await page.getByRole('button', { name: 'Turn feed off' }).click();
  await expect(page.getByText('No feed yet: your follow-up dates stay private until you create one.')).toBeFocused();
  expect((await request.get(second)).status()).toBe(404);
});
