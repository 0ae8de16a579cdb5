import { expect, test } from './fixtures';

test.describe('quick paths', () => {
  test('"They reached out" takes a name, then the same person is one tap away', async ({ page, account }) => {
    await page.goto(account.workspaceUrl);
    await page.getByRole('navigation', { name: 'Main' }).filter({ visible: true }).getByRole('link', { name: 'Log' }).click();
    await page.getByRole('navigation', { name: 'What happened?' }).getByRole('link', { name: 'They reached out' }).click();
    const form = page.getByRole('form', { name: 'They reached out' });
    await form.getByLabel(/type a name/).fill('Marta Silva');
    await expect(form.getByRole('radio', { name: 'Message' })).toBeChecked();
    await form.getByRole('radio', { name: 'Call' }).check();
    await form.getByLabel('Note').fill('Asked whether I do menus too');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'They remember you' })).toBeVisible();

    // Next time she is among the one-tap choices, and nobody is added twice.
    await page.reload();
    await form.getByRole('radio', { name: 'Marta Silva' }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'They remember you' })).toBeVisible();
    await page.goto(`${account.workspaceUrl}/contacts`);
    await expect(page.getByRole('link', { name: 'Marta Silva', exact: true })).toHaveCount(1);
    await page.getByRole('link', { name: 'Marta Silva', exact: true }).click();
    await expect(page.getByText('Asked whether I do menus too')).toBeVisible();
    await expect(page.getByText('Remembers you')).toBeVisible();
    const logged = page.getByRole('list', { name: 'Interactions' });
    await expect(logged.getByText(/· Call · They reached out/)).toHaveCount(1);
    await expect(logged.getByText(/· Message · They reached out/)).toHaveCount(1);
  });

  test('an informational interview adds the person with the follow-up date and the default cadence', async ({ page, account }) => {
    await page.goto(`${account.workspaceUrl}/log/interview`);
    const form = page.getByRole('form', { name: 'Informational interview' });
    await form.getByLabel('Who did you talk to?').fill('Priya Nair');
    await form.getByLabel('Their company').fill('Helix Bio');
    await form.getByLabel('Their role').fill('Head of content');
    await form.getByLabel('What you learned').fill('They hire writers through referrals');
    await form.getByLabel('Thank-you sent').check();
    await form.getByLabel('Follow up on').fill('2030-01-15');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Interview logged' })).toBeVisible();
    await page.goto(`${account.workspaceUrl}/contacts`);
    await page.getByRole('link', { name: 'Priya Nair', exact: true }).click();
    await page.getByRole('link', { name: 'Edit' }).first().click();
    await expect(page.getByLabel('Keep in touch every (days)')).toHaveValue('60');
    await expect(page.getByLabel(/Next follow-up/)).toHaveValue('2030-01-15');
  });

  test('LinkedIn work saves without JavaScript; time at an organization first asks for a membership', async ({ browser, account, page }) => {
    // An organization membership to give time to.
    await page.goto(`${account.workspaceUrl}/log/org-time`);
    await expect(page.getByRole('heading', { name: 'No memberships yet' })).toBeVisible();
    const cookies = await page.context().cookies();
    const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL: new URL(page.url()).origin });
    await noScript.addCookies(cookies);
    const bare = await noScript.newPage();
    await bare.goto(`${account.workspaceUrl}/log/linkedin`);
    const form = bare.getByRole('form', { name: 'LinkedIn work' });
    await form.getByLabel('Hours').fill('1.25');
    await form.getByLabel('Messages sent').fill('6');
    await form.getByLabel('Meetings arranged').fill('2');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(bare.getByRole('status').filter({ hasText: 'LinkedIn work logged' })).toBeVisible();
    // A mistake comes back with its message and the values kept.
    await form.getByLabel('Hours').fill('30');
    await form.getByLabel('Messages sent').fill('4');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(bare.getByText('Hours must be at most 24 per entry')).toBeVisible();
    await expect(form.getByLabel('Messages sent')).toHaveValue('4');
    await noScript.close();

    await page.goto(`${account.workspaceUrl}/efforts?channel=linkedin`);
    await expect(page.getByRole('link', { name: 'LinkedIn work' })).toHaveCount(1);
  });
});
