import path from 'node:path';
import { test, expect } from './fixtures';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

test('contact cards and a calendar export become contacts, meetings and an interview without typing', async ({ page, account }) => {
  await page.goto(`${account.workspaceUrl}/import`);
  const cards = page.getByRole('form', { name: 'Contact cards' });
  await cards.getByLabel('Contact cards (.vcf)').setInputFiles(fixture('contacts.vcf'));
  await cards.getByLabel('Where you met them (optional)').selectOption({ label: 'Professional organizations & clubs' });
  await cards.getByLabel('Met on (optional)').fill('2026-01-10');
  await cards.getByRole('button', { name: 'Preview cards' }).click();
  const cardPreview = page.getByRole('region', { name: 'Preview: nothing is saved yet' });
  await expect(cardPreview.getByRole('list', { name: 'What the import will do' })).toContainText('3 new');
  await expect(cardPreview.getByRole('list', { name: 'First cards' })).toContainText('Listed earlier in the file: left out');
  await cardPreview.getByRole('button', { name: 'Import 3 contacts' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 3 new contacts' })).toBeVisible();

  const calendar = page.getByRole('form', { name: 'Calendar file' });
  await calendar.getByLabel('Calendar file (.ics)').setInputFiles(fixture('calendar.ics'));
  await calendar.getByRole('button', { name: 'Preview calendar' }).click();
  const calPreview = page.getByRole('region', { name: 'Preview: nothing is saved yet' });
  await expect(calPreview.getByRole('list', { name: 'What the import will do' })).toContainText('4 meetings with contacts');
  await calPreview.getByRole('checkbox', { name: /as an informational interview with Rosa Brandt/ }).check();
  await calPreview.getByRole('button', { name: 'Import 4 meetings and 1 interview' }).click();
  await expect(page.getByRole('status').filter({ hasText: '5 meetings in your contacts’ timelines, 1 informational interview' })).toBeVisible();

  // Uploading the same file again records nothing twice.
  await calendar.getByRole('button', { name: 'Preview calendar' }).click();
  await expect(page.getByRole('button', { name: 'Nothing new to import' })).toBeDisabled();

  await page.goto(`${account.workspaceUrl}/contacts`);
  await page.getByRole('link', { name: 'Zoë Ødegård' }).click();
  const timeline = page.getByRole('list', { name: 'Interactions' });
  await expect(timeline.getByRole('listitem')).toHaveCount(1);
  await expect(timeline).toContainText('Meeting · They reached out');
  await expect(timeline).toContainText("From your calendar: Biotech writers' lunch");
  // Zoë invited you, so she counts as remembering you; José only sat at the same table.
  await expect(page.getByText('Remembers you')).toBeVisible();

  await page.goto(`${account.workspaceUrl}/contacts`);
  await page.getByRole('link', { name: 'José García' }).click();
  await expect(page.getByRole('list', { name: 'Interactions' }).getByRole('listitem')).toHaveCount(4);
  await expect(page.getByText('Remembers you')).toHaveCount(0);

  await page.goto(`${account.workspaceUrl}/contacts`);
  await expect(page.getByRole('link', { name: 'Rosa Brandt' })).toBeVisible();
});

test('your own card as a QR code', async ({ page, account }) => {
  await page.goto(`${account.workspaceUrl}/contacts`);
  await page.getByRole('link', { name: 'Share my card' }).click();
  await expect(page.getByRole('img', { name: `QR code of your contact card: ${account.name}, ${account.email}` })).toBeVisible();
  await page.getByLabel('Your role').fill('Copywriter');
  await page.getByRole('button', { name: 'Update the code' }).click();
  await expect(page.getByRole('img', { name: `QR code of your contact card: ${account.name}, Copywriter, ${account.email}` })).toBeVisible();
});
