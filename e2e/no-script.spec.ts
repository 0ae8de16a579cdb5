import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { expect, test, type Account } from './fixtures';

// Before a page's script has run (a slow phone network, a script blocked), each form shows what is
// saved and still saves: it posts to its server action and answers on the same page.

/** A second browser signed in as the same person, with JavaScript off. */
async function withoutScript(browser: Browser, page: Page): Promise<{ context: BrowserContext; bare: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: new URL(page.url()).origin });
  await context.addCookies(await page.context().cookies());
  return { context, bare: await context.newPage() };
}

/** The form posts to the server, so sending it never turns into a GET of the page. */
async function expectPosts(form: Locator) {
  expect(await form.evaluate((f) => (f as HTMLFormElement).method)).toBe('post');
}

interface FormCase {
  name: string;
  run: (bare: Page, account: Account) => Promise<void>;
}

const FORMS: FormCase[] = [
  {
    name: 'workspace settings',
    run: async (bare, account) => {
      await bare.goto(`${account.workspaceUrl}/settings`);
      const form = bare.getByRole('form', { name: 'Workspace settings' });
      await expectPosts(form);
      await form.getByLabel('Workspace name').fill('');
      await form.getByLabel('Target niche').fill('biotech marketing writing');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await expect(form.getByText('Workspace name is required')).toBeVisible();
      await expect(form.getByLabel('Target niche')).toHaveValue('biotech marketing writing');
      await form.getByLabel('Workspace name').fill('Robin at work');
      await form.getByLabel('Currency').selectOption('EUR');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await expect(form.getByRole('status')).toHaveText('Saved.');
      // A fresh page: the saved values are in the server's HTML.
      await bare.goto(`${account.workspaceUrl}/settings`);
      await expect(form.getByLabel('Target niche')).toHaveValue('biotech marketing writing');
      await expect(form.getByLabel('Workspace name')).toHaveValue('Robin at work');
      await expect(form.getByLabel('Currency')).toHaveValue('EUR');
    },
  },
  {
    name: 'LinkedIn profile checklist',
    run: async (bare, account) => {
      await bare.goto(`${account.workspaceUrl}/linkedin`);
      const form = bare.getByRole('form', { name: 'LinkedIn profile checklist' });
      await expectPosts(form);
      await form.getByLabel('Summary').check();
      await form.getByLabel('Hobbies').check();
      await form.getByRole('button', { name: 'Save checklist' }).click();
      await expect(form.getByRole('status')).toHaveText('Saved.');
      await bare.goto(`${account.workspaceUrl}/linkedin`);
      await expect(form.getByLabel('Summary')).toBeChecked();
      await expect(form.getByLabel('Hobbies')).toBeChecked();
      await expect(form.getByLabel('Degrees')).not.toBeChecked();
      // Unticking saves too: an unticked box sends nothing.
      await form.getByLabel('Summary').uncheck();
      await form.getByRole('button', { name: 'Save checklist' }).click();
      await expect(form.getByRole('status')).toHaveText('Saved.');
      await bare.goto(`${account.workspaceUrl}/linkedin`);
      await expect(form.getByLabel('Summary')).not.toBeChecked();
      await expect(form.getByLabel('Hobbies')).toBeChecked();
    },
  },
  {
    name: 'e-mail reminder preferences',
    run: async (bare) => {
      await bare.goto('/account/notifications');
      const form = bare.getByRole('form', { name: 'E-mail reminders' });
      await expectPosts(form);
      await form.getByLabel('Daily follow-up e-mail').check();
      await form.getByLabel('Send at (your time)').selectOption('7');
      await form.getByRole('button', { name: 'Save reminders' }).click();
      await expect(form.getByRole('status')).toHaveText('Saved.');
      await bare.goto('/account/notifications');
      await expect(form.getByLabel('Daily follow-up e-mail')).toBeChecked();
      await expect(form.getByLabel('Weekly digest, on Mondays')).not.toBeChecked();
      await expect(form.getByLabel('Send at (your time)')).toHaveValue('7');
    },
  },
  {
    name: 'new and edited contact',
    run: async (bare, account) => {
      await bare.goto(`${account.workspaceUrl}/contacts/new`);
      const form = bare.getByRole('form', { name: 'Add contact' });
      await expectPosts(form);
      await form.getByLabel('Company').fill('Natarajan Labs');
      await form.getByRole('button', { name: 'Add contact' }).click();
      await expect(form.getByText('Name is required')).toBeVisible();
      await expect(form.getByLabel('Company')).toHaveValue('Natarajan Labs');
      await form.getByLabel('Name').fill('Priya Natarajan');
      await form.getByRole('button', { name: 'Add contact' }).click();
      await expect(bare.getByRole('heading', { level: 1, name: 'Priya Natarajan' })).toBeVisible();

      await bare.goto(`${new URL(bare.url()).pathname}/edit`);
      const edit = bare.getByRole('form', { name: 'Edit contact' });
      await expect(edit.getByLabel('Company')).toHaveValue('Natarajan Labs');
      await edit.getByLabel('Role').fill('Founder');
      await edit.getByRole('button', { name: /Save/ }).click();
      await expect(bare.getByRole('heading', { level: 1, name: 'Priya Natarajan' })).toBeVisible();
      await expect(bare.getByText('Founder').first()).toBeVisible();
    },
  },
  {
    name: 'new opportunity',
    run: async (bare, account) => {
      await bare.goto(`${account.workspaceUrl}/opportunities/new`);
      const form = bare.getByRole('form', { name: 'New opportunity' });
      await expectPosts(form);
      await form.getByLabel('Kind').selectOption({ label: 'Client' });
      await form.getByRole('button', { name: 'Create opportunity' }).click();
      await expect(form.getByText('Title is required')).toBeVisible();
      await expect(form.getByLabel('Kind')).toHaveValue('client');
      await form.getByLabel('Title').fill('Launch copy for a lab');
      await form.getByRole('button', { name: 'Create opportunity' }).click();
      await expect(bare.getByRole('heading', { level: 1, name: 'Launch copy for a lab' })).toBeVisible();
    },
  },
];

test.describe('forms without JavaScript', () => {
  for (const form of FORMS) {
    test(`${form.name}: shows what is saved and saves`, async ({ browser, page, account }) => {
      const { context, bare } = await withoutScript(browser, page);
      try {
        await form.run(bare, account);
      } finally {
        await context.close();
      }
    });
  }
});
