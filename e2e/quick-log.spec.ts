import { expect, test } from './fixtures';

test.describe('quick log', () => {
  test('log a happy hour with drinks, pitches and two new contacts in one go', async ({ page, account }) => {
    await page.goto(account.workspaceUrl);
    // The bottom bar on phones, the sidebar on desktop: both reach the quick log.
    await page.getByRole('navigation', { name: 'Main' }).filter({ visible: true }).getByRole('link', { name: 'Log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Quick log' })).toBeVisible();

    const form = page.getByRole('form', { name: 'Quick log' });
    await form.getByRole('radio', { name: /Event \/ happy hour/ }).check();
    await form.getByLabel('Title').fill("Freelancers' mixer at The Anchor");
    await expect(form.getByLabel('Date')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByLabel('Hours').fill('2.5');
    await expect(form.getByLabel('Hours')).toHaveAttribute('inputmode', 'decimal');
    await form.getByLabel(/Money spent/).fill('24');
    await form.getByLabel('Drinks').fill('3');
    await expect(form.getByLabel('Drinks')).toHaveAttribute('inputmode', 'numeric');
    await form.getByLabel('Pitches received').fill('2');

    const first = form.getByRole('group', { name: 'Contact 1' });
    await first.getByLabel('Name').fill('Dana Reyes');
    await first.getByLabel('Company').fill('Reyes Design');
    await first.getByLabel('Email').fill('dana@example.com');
    await form.getByRole('button', { name: 'Add another person' }).click();
    const second = form.getByRole('group', { name: 'Contact 2' });
    // A row with a company and no name is caught on that row's name.
    await second.getByLabel('Company').fill('Okafor & Co');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(second.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
    await expect(second.getByText('Enter a name for this contact, or clear the row')).toBeVisible();
    await second.getByLabel('Name').fill('Sam Okafor');

    // Nothing on the page scrolls sideways, even at phone width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await form.getByRole('button', { name: 'Save' }).click();
    const done = page.getByRole('heading', { name: /Logged “Freelancers' mixer at The Anchor”/ });
    await expect(done).toBeVisible();
    await expect(done).toBeFocused();
    await expect(page.getByText(/With 2 new contacts/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'View the effort' })).toHaveAttribute(
      'href',
      new RegExp(`^${account.workspaceUrl}/efforts/[0-9a-f-]{36}$`),
    );

    // The contacts exist and can be credited with an opportunity.
    await page.goto(`${account.workspaceUrl}/opportunities/new`);
    const contact = page.getByLabel('Contact', { exact: true });
    await expect(contact.getByRole('option', { name: 'Dana Reyes (Reyes Design)' })).toHaveCount(1);
    await expect(contact.getByRole('option', { name: 'Sam Okafor (Okafor & Co)' })).toHaveCount(1);
  });

  test('log another starts a fresh form, and a favor asks only for its own fields', async ({ page, account }) => {
    await page.goto(`${account.workspaceUrl}/log`);
    const form = page.getByRole('form', { name: 'Quick log' });
    await form.getByRole('radio', { name: /Favor \/ volunteering/ }).check();
    await expect(form.getByLabel('Drinks')).toHaveCount(0);
    await form.getByLabel('Title').fill('WordPress fix for the café');
    await form.getByLabel('Hours').fill('1.5');
    await form.getByLabel('Who you helped').fill('Marta, café owner');
    await form.getByLabel('What you did').fill('Fixed the menu page');
    await form.getByRole('group', { name: 'Contact 1' }).getByLabel('Name').fill('Marta Silva');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { name: /Logged “WordPress fix for the café”/ })).toBeFocused();
    await expect(page.getByText(/With 1 new contact,/)).toBeVisible();

    await page.getByRole('button', { name: 'Log another' }).click();
    const fresh = page.getByRole('form', { name: 'Quick log' });
    await expect(fresh.getByRole('radio').first()).toBeFocused();
    await expect(fresh.getByRole('radio', { name: /Favor \/ volunteering/ })).not.toBeChecked();
    await expect(fresh.getByLabel('Title')).toHaveCount(0);
  });
});
