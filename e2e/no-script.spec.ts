import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { daysAgo, expect, mailedLink, signUp, test, testAddress, uniqueEmail, type Account } from './fixtures';

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

/** A control that opens in place before the script runs (a native disclosure), by its visible text. */
function opener(scope: Locator | Page, name: RegExp): Locator {
  return scope.locator('summary').filter({ hasText: name });
}

/** Confirms the account's address through the mailed link, as inviting others requires. */
async function confirmAddress(page: Page, email: string) {
  await page.goto(await mailedLink(page, email, /Confirm your e-mail/, '/verify-email/'));
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByRole('heading', { name: 'Your e-mail is confirmed' })).toBeVisible();
}

/** A second person, Casey, invited by the owner as coach and joined, in a browser of their own. */
async function coachJoins(browser: Browser, page: Page, account: Account): Promise<{ context: BrowserContext; coach: Page }> {
  await confirmAddress(page, account.email);
  const email = uniqueEmail('coach');
  await page.goto(`${account.workspaceUrl}/members`);
  const invite = page.getByRole('form', { name: 'Invite someone' });
  await invite.getByLabel('E-mail address').fill(email);
  await invite.getByLabel('Role').selectOption('coach');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByLabel('Invitation link')).toBeVisible();
  const invitePath = new URL(await page.getByLabel('Invitation link').inputValue()).pathname;
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const coach = await context.newPage();
  await signUp(coach, { name: 'Casey Coach', email });
  await confirmAddress(coach, email);
  await coach.goto(invitePath);
  await coach.getByRole('button', { name: /^Join / }).click();
  await coach.waitForURL(new RegExp(`${account.workspaceUrl}$`));
  return { context, coach };
}

interface FormCase {
  name: string;
  /** `page` is the same person with JavaScript, for setting up what the form needs. */
  run: (bare: Page, account: Account, page: Page, browser: Browser) => Promise<void>;
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
  {
    name: 'new and edited effort, with its channel fields',
    run: async (bare, account) => {
      await bare.goto(`${account.workspaceUrl}/efforts/new`);
      const form = bare.getByRole('form', { name: 'Log an effort' });
      await expectPosts(form);
      await form.getByLabel('Channel').selectOption({ label: 'Networking events & happy hours' });
      // The chosen channel's fields show without the script; the others stay out of sight.
      await expect(form.getByLabel('Venue')).toBeVisible();
      await expect(form.getByLabel('Person')).toBeHidden();
      await form.getByLabel('Venue').fill('The Anchor');
      await form.getByLabel('Drinks had').fill('3');
      await form.getByRole('button', { name: 'Log effort' }).click();
      await expect(form.getByText('Title is required')).toBeVisible();
      await expect(form.getByLabel('Channel')).toHaveValue('events');
      await expect(form.getByLabel('Venue')).toHaveValue('The Anchor');
      await expect(form.getByLabel('Drinks had')).toHaveValue('3');
      await form.getByLabel('Title').fill('Chamber mixer');
      await form.getByLabel('Hours', { exact: true }).fill('2');
      await form.getByRole('button', { name: 'Log effort' }).click();
      await expect(bare.getByRole('heading', { level: 1, name: 'Chamber mixer' })).toBeVisible();
      await expect(bare.getByText('Past two drinks').first()).toBeVisible();

      await bare.goto(`${new URL(bare.url()).pathname}/edit`);
      const edit = bare.getByRole('form', { name: 'Edit effort' });
      await expect(edit.getByLabel('Venue')).toHaveValue('The Anchor');
      await expect(edit.getByLabel('Drinks had')).toHaveValue('3');
      await edit.getByLabel('Drinks had').fill('1');
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await expect(bare.getByRole('heading', { level: 1, name: 'Chamber mixer' })).toBeVisible();
      await expect(bare.getByText('Past two drinks')).toHaveCount(0);
    },
  },
  {
    name: 'time entries added and deleted',
    run: async (bare, account) => {
      await bare.goto(`${account.workspaceUrl}/efforts/new?channel=organizations`);
      const effort = bare.getByRole('form', { name: 'Log an effort' });
      await effort.getByLabel('Title').fill('Literacy Trust');
      await effort.getByLabel('Kind of organization').selectOption({ index: 1 });
      await effort.getByLabel('Hours', { exact: true }).fill('1');
      await effort.getByRole('button', { name: 'Log effort' }).click();
      await expect(bare.getByRole('heading', { level: 1, name: 'Literacy Trust' })).toBeVisible();
      const effortPath = new URL(bare.url()).pathname;

      const add = bare.getByRole('form', { name: 'Add time entry' });
      await expectPosts(add);
      await add.getByLabel('Entry hours').fill('30');
      await add.getByLabel('Entry note').fill('Quarterly books');
      await add.getByRole('button', { name: 'Add time entry' }).click();
      await expect(add.getByText('Hours must be at most 24 per entry')).toBeVisible();
      await expect(add.getByLabel('Entry note')).toHaveValue('Quarterly books');
      await add.getByLabel('Entry date').fill(daysAgo(2));
      await add.getByLabel('Entry hours').fill('2.5');
      await add.getByRole('button', { name: 'Add time entry' }).click();
      const entries = bare.getByRole('list', { name: 'Time entries' });
      await expect(entries.getByText('Quarterly books')).toBeVisible();
      // Saved: the add form is empty again for the next entry.
      await expect(add.getByLabel('Entry hours')).toHaveValue('');
      await bare.goto(effortPath);
      await expect(entries.getByRole('listitem')).toHaveCount(2);
      await expect(entries.getByRole('listitem').filter({ hasText: 'Quarterly books' })).toContainText('· 2.5 h');

      // Deleting asks first, in place.
      await opener(entries, /^Delete/).filter({ hasText: '2.5 h' }).click();
      await entries.getByRole('form', { name: /^Delete entry .*, 2.5 h$/ }).getByRole('button', { name: 'Yes, delete' }).click();
      await expect(entries.getByText('Quarterly books')).toHaveCount(0);
      await bare.goto(effortPath);
      await expect(entries.getByRole('listitem')).toHaveCount(1);
    },
  },
  {
    name: 'interaction logged and edited',
    run: async (bare, account) => {
      await bare.goto(`${account.workspaceUrl}/contacts/new`);
      const contact = bare.getByRole('form', { name: 'Add contact' });
      await contact.getByLabel('Name').fill('Dana Reyes');
      await contact.getByRole('button', { name: 'Add contact' }).click();
      await expect(bare.getByRole('heading', { level: 1, name: 'Dana Reyes' })).toBeVisible();
      const contactPath = new URL(bare.url()).pathname;

      const form = bare.getByRole('form', { name: 'Log an interaction' });
      await expectPosts(form);
      await form.getByLabel('Date').fill('');
      await form.getByLabel('Who reached out').selectOption({ label: 'They reached out' });
      await form.getByLabel('Notes').fill('Asked about the launch copy');
      await form.getByRole('button', { name: 'Log interaction' }).click();
      await expect(form.getByRole('alert')).toBeVisible();
      await expect(form.getByLabel('Notes')).toHaveValue('Asked about the launch copy');
      await expect(form.getByLabel('Who reached out')).toHaveValue('inbound');
      await form.getByLabel('Date').fill(daysAgo(1));
      await form.getByRole('button', { name: 'Log interaction' }).click();
      await expect(form.getByRole('status')).toHaveText('Logged.');
      const list = bare.getByRole('list', { name: 'Interactions' });
      await expect(list.getByText('Asked about the launch copy')).toBeVisible();
      await expect(form.getByLabel('Notes')).toHaveValue('');

      await bare.goto(contactPath);
      await list.getByRole('link', { name: /^Edit interaction of / }).click();
      const edit = bare.getByRole('form', { name: 'Edit interaction' });
      await expect(edit.getByLabel('Notes')).toHaveValue('Asked about the launch copy');
      await edit.getByLabel('Notes').fill('Asked for a quote on the launch copy');
      await edit.getByRole('button', { name: 'Save interaction' }).click();
      await expect(list.getByText('Asked for a quote on the launch copy')).toBeVisible();
      await bare.goto(contactPath);
      await expect(list.getByText('Asked for a quote on the launch copy')).toBeVisible();
    },
  },
  {
    name: 'comments posted, edited and deleted',
    run: async (bare, account) => {
      await bare.goto(account.workspaceUrl);
      const form = bare.getByRole('form', { name: 'Add a comment' });
      await expectPosts(form);
      const tooLong = 'Clubs work. '.repeat(200);
      await form.getByLabel('Your comment').fill(tooLong);
      await form.getByRole('button', { name: 'Post comment' }).click();
      await expect(form.getByText(/Comment must be at most/)).toBeVisible();
      await expect(form.getByLabel('Your comment')).toHaveValue(tooLong);
      await form.getByLabel('Your comment').fill('Clubs are working.');
      await form.getByRole('button', { name: 'Post comment' }).click();
      const comment = bare.getByRole('article', { name: `Comment by ${account.name}` });
      await expect(comment).toContainText('Clubs are working.');
      await expect(form.getByLabel('Your comment')).toHaveValue('');

      await bare.goto(account.workspaceUrl);
      await opener(comment, /^Edit/).click();
      const edit = comment.getByRole('form', { name: 'Edit comment' });
      await expect(edit.getByLabel('Edit your comment')).toHaveValue('Clubs are working.');
      await edit.getByLabel('Edit your comment').fill('');
      await edit.getByRole('button', { name: 'Save comment' }).click();
      await expect(comment.getByText('Write a comment first')).toBeVisible();
      await comment.getByLabel('Edit your comment').fill('Clubs are working well.');
      await comment.getByRole('button', { name: 'Save comment' }).click();
      await expect(comment).toContainText('Clubs are working well.');

      await opener(comment, /^Delete/).click();
      await comment.getByRole('form', { name: 'Delete this comment?' }).getByRole('button', { name: 'Delete comment' }).click();
      await expect(comment).toHaveCount(0);
      await bare.goto(account.workspaceUrl);
      await expect(comment).toHaveCount(0);
    },
  },
  {
    name: 'quick log',
    run: async (bare, account) => {
      await bare.goto(`${account.workspaceUrl}/log`);
      const form = bare.getByRole('form', { name: 'Quick log' });
      await expectPosts(form);
      await form.getByRole('radio', { name: /Favor \/ volunteering/ }).check();
      await expect(form.getByLabel('Who you helped')).toBeVisible();
      await expect(form.getByLabel('Drinks')).toBeHidden();
      await form.getByLabel('Title').fill('WordPress fix for the café');
      await form.getByLabel('Who you helped').fill('Marta, café owner');
      await form.getByRole('group', { name: 'Contact 1' }).getByLabel('Name').fill('Marta Silva');
      await form.getByRole('button', { name: 'Save' }).click();
      await expect(form.getByText('Enter the hours it took')).toBeVisible();
      await expect(form.getByRole('radio', { name: /Favor \/ volunteering/ })).toBeChecked();
      await expect(form.getByLabel('Title')).toHaveValue('WordPress fix for the café');
      await expect(form.getByRole('group', { name: 'Contact 1' }).getByLabel('Name')).toHaveValue('Marta Silva');
      await form.getByLabel('Hours').fill('1.5');
      await form.getByRole('button', { name: 'Save' }).click();
      // Saved: the evening's page opens, with the person met.
      await expect(bare.getByRole('heading', { level: 1, name: 'WordPress fix for the café' })).toBeVisible();
      await expect(bare.getByRole('link', { name: 'Marta Silva' })).toBeVisible();
    },
  },
  {
    name: 'weekly goals',
    run: async (bare, account) => {
      await bare.goto(`${account.workspaceUrl}/goals`);
      const form = bare.getByRole('form', { name: 'Set a weekly goal' });
      await expectPosts(form);
      await form.getByLabel('How many a week').fill('3');
      await form.getByLabel('Of').selectOption('hours');
      await form.getByLabel('Channel').selectOption({ label: 'Volunteering & favors' });
      await form.getByRole('button', { name: 'Save goal' }).click();
      await expect(bare.getByRole('status').filter({ hasText: 'Goal saved.' })).toBeVisible();
      await bare.goto(`${account.workspaceUrl}/goals`);
      await expect(bare.getByRole('list', { name: 'Weekly goals' }).getByRole('listitem')).toHaveCount(1);
      // A refused goal (a workspace keeps five) comes back with what was sent still in the form.
      for (const channel of ['Stretch projects', 'LinkedIn', 'Informational interviews', 'Networking events & happy hours']) {
        await form.getByLabel('Channel').selectOption({ label: channel });
        await form.getByRole('button', { name: 'Save goal' }).click();
        await expect(bare.getByRole('status').filter({ hasText: 'Goal saved.' })).toBeVisible();
      }
      await form.getByLabel('How many a week').fill('4.5');
      await form.getByLabel('Of').selectOption('efforts');
      await form.getByLabel('Channel').selectOption({ label: 'Professional organizations & clubs' });
      await form.getByRole('button', { name: 'Save goal' }).click();
      await expect(bare.getByRole('alert')).toContainText('at most 5 goals');
      await expect(form.getByLabel('How many a week')).toHaveValue('4.5');
      await expect(form.getByLabel('Of')).toHaveValue('efforts');
      await expect(form.getByLabel('Channel')).toHaveValue('organizations');
      await expect(bare.getByRole('list', { name: 'Weekly goals' }).getByRole('listitem')).toHaveCount(5);
    },
  },
  {
    name: 'contact cards imported from a file',
    run: async (bare, account) => {
      await bare.goto(`${account.workspaceUrl}/import`);
      const form = bare.getByRole('form', { name: 'Contact cards' });
      await expectPosts(form);
      expect(await form.evaluate((f) => (f as HTMLFormElement).enctype)).toBe('multipart/form-data');
      // A file cut short is refused, and the page says why; a browser never fills a file field again.
      await form.getByLabel('Contact cards (.vcf)').setInputFiles({ name: 'half.vcf', mimeType: 'text/vcard', buffer: Buffer.from('BEGIN:VCARD\r\nFN:Half a card\r\n') });
      await form.getByRole('button', { name: 'Import cards' }).click();
      await expect(bare.getByRole('alert').filter({ hasText: 'has no END:VCARD' })).toBeVisible();
      await form.getByLabel('Contact cards (.vcf)').setInputFiles(path.join(import.meta.dirname, 'fixtures', 'contacts.vcf'));
      await form.getByLabel('Where you met them (optional)').selectOption({ label: 'Professional organizations & clubs' });
      await form.getByRole('button', { name: 'Import cards' }).click();
      await expect(bare.getByRole('status').filter({ hasText: 'Imported: 3 new contacts' })).toBeVisible();
      await bare.goto(`${account.workspaceUrl}/contacts`);
      await expect(bare.getByRole('link', { name: 'Zoë Ødegård' })).toBeVisible();
      await expect(bare.getByRole('link', { name: '李小龍' })).toBeVisible();
    },
  },
  {
    name: 'invitation sent and revoked',
    run: async (bare, account, page) => {
      await confirmAddress(page, account.email);
      await bare.goto(`${account.workspaceUrl}/members`);
      const form = bare.getByRole('form', { name: 'Invite someone' });
      await expectPosts(form);
      await form.getByLabel('E-mail address').fill('casey at example');
      await form.getByLabel('Role').selectOption('viewer');
      await form.getByRole('button', { name: 'Send invitation' }).click();
      await expect(form.getByText('Enter a valid email address')).toBeVisible();
      await expect(form.getByLabel('E-mail address')).toHaveValue('casey at example');
      await expect(form.getByLabel('Role')).toHaveValue('viewer');
      const email = uniqueEmail('viewer');
      await form.getByLabel('E-mail address').fill(email);
      await form.getByRole('button', { name: 'Send invitation' }).click();
      await expect(bare.getByRole('status').filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
      await expect(bare.getByLabel('Invitation link')).toHaveValue(/\/invite\//);
      await bare.goto(`${account.workspaceUrl}/members`);
      const pending = bare.getByRole('listitem', { name: `Invitation for ${email}` });
      await expect(pending).toContainText('Viewer');

      // Revoking asks first, in place.
      await opener(pending, /^Revoke/).click();
      await pending.getByRole('form', { name: `Revoke the invitation for ${email}?` }).getByRole('button', { name: 'Revoke invitation' }).click();
      await expect(bare.getByRole('listitem', { name: `Invitation for ${email}` })).toHaveCount(0);
    },
  },
  {
    name: "a member's role changed, then removed after confirming",
    run: async (bare, account, page, browser) => {
      const { context } = await coachJoins(browser, page, account);
      try {
        await bare.goto(`${account.workspaceUrl}/members`);
        const row = bare.getByRole('listitem', { name: 'Casey Coach' });
        await expectPosts(row.getByRole('button', { name: 'Change role of Casey Coach' }).locator('xpath=ancestor::form'));
        await row.getByLabel('Role of Casey Coach').selectOption('viewer');
        await row.getByRole('button', { name: 'Change role of Casey Coach' }).click();
        await expect(row.getByRole('status')).toHaveText('Saved.');
        await bare.goto(`${account.workspaceUrl}/members`);
        await expect(row.getByLabel('Role of Casey Coach')).toHaveValue('viewer');

        await opener(row, /^Remove/).click();
        await row.getByRole('form', { name: 'Remove Casey Coach?' }).getByRole('button', { name: 'Remove' }).click();
        await expect(bare.getByRole('listitem', { name: 'Casey Coach' })).toHaveCount(0);
        await bare.goto(`${account.workspaceUrl}/members`);
        await expect(bare.getByRole('listitem', { name: 'Casey Coach' })).toHaveCount(0);
      } finally {
        await context.close();
      }
    },
  },
  {
    name: "a coach's private notes",
    run: async (_bare, account, page, browser) => {
      const { context, coach } = await coachJoins(browser, page, account);
      const { context: bareContext, bare } = await withoutScript(browser, coach);
      try {
        const notesUrl = `/roster/${account.workspaceId}`;
        await bare.goto(notesUrl);
        const form = bare.getByRole('form', { name: 'Add a private note' });
        await expectPosts(form);
        const tooLong = 'Asks for referrals too early. '.repeat(200);
        await form.getByLabel('Private note').fill(tooLong);
        await form.getByRole('button', { name: 'Save note' }).click();
        await expect(form.getByText(/Note must be at most/)).toBeVisible();
        await expect(form.getByLabel('Private note')).toHaveValue(tooLong);
        await form.getByLabel('Private note').fill('Asks for referrals too early.');
        await form.getByRole('button', { name: 'Save note' }).click();
        const note = bare.getByRole('article', { name: /^Note from / });
        await expect(note).toContainText('Asks for referrals too early.');
        await expect(form.getByLabel('Private note')).toHaveValue('');

        await bare.goto(notesUrl);
        await opener(note, /^Edit/).click();
        const box = note.getByRole('textbox', { name: 'Edit note' });
        await expect(box).toHaveValue('Asks for referrals too early.');
        await box.fill('Asks for referrals later now.');
        await note.getByRole('button', { name: 'Save note' }).click();
        await expect(note).toContainText('Asks for referrals later now.');
        await bare.goto(notesUrl);
        await expect(note).toContainText('Asks for referrals later now.');
      } finally {
        await bareContext.close();
        await context.close();
      }
    },
  },
];

test.describe('forms without JavaScript', () => {
  for (const form of FORMS) {
    test(`${form.name}: shows what is saved and saves`, async ({ browser, page, account }) => {
      test.setTimeout(120_000);
      const { context, bare } = await withoutScript(browser, page);
      try {
        await form.run(bare, account, page, browser);
      } finally {
        await context.close();
      }
    });
  }
});

// The account's own forms, signed in.
const ACCOUNT_FORMS: FormCase[] = [
  {
    name: 'account name',
    run: async (bare) => {
      await bare.goto('/account');
      const form = bare.getByRole('form', { name: 'Change name' });
      await expectPosts(form);
      await form.getByLabel('Name').fill('');
      await form.getByRole('button', { name: 'Save name' }).click();
      await expect(form.getByText('Name is required')).toBeVisible();
      await form.getByLabel('Name').fill('Robin C. Castillo');
      await form.getByRole('button', { name: 'Save name' }).click();
      await expect(form.getByRole('status')).toHaveText('Saved.');
      await bare.goto('/account');
      await expect(form.getByLabel('Name')).toHaveValue('Robin C. Castillo');
    },
  },
  {
    name: 'account e-mail address',
    run: async (bare) => {
      await bare.goto('/account');
      const form = bare.getByRole('form', { name: 'Change e-mail address' });
      await expectPosts(form);
      const next = uniqueEmail('moved');
      await form.getByLabel('New e-mail address').fill(next);
      await form.getByLabel('Current password').fill('not my password at all');
      await form.getByRole('button', { name: 'Send confirmation link' }).click();
      await expect(form.getByText('That is not your current password.')).toBeVisible();
      await expect(form.getByLabel('New e-mail address')).toHaveValue(next);
      await expect(form.getByLabel('Current password')).toHaveValue('');
    },
  },
  {
    name: 'account password and e-mail change',
    run: async (bare, account) => {
      await bare.goto('/account');
      const form = bare.getByRole('form', { name: 'Change password' });
      await expectPosts(form);
      await form.getByLabel('Current password').fill('not my password at all');
      await form.getByLabel('New password').fill('lanterns over the old quay');
      await form.getByRole('button', { name: 'Change password' }).click();
      await expect(form.getByText('That is not your current password.')).toBeVisible();
      await form.getByLabel('Current password').fill(account.password);
      await form.getByLabel('New password').fill('lanterns over the old quay');
      await form.getByRole('button', { name: 'Change password' }).click();
      await expect(form.getByRole('status')).toHaveText('Password changed. Your other devices were signed out.');
      // The new password confirms an address change.
      const email = bare.getByRole('form', { name: 'Change e-mail address' });
      const next = uniqueEmail('moved');
      await email.getByLabel('New e-mail address').fill(next);
      await email.getByLabel('Current password').fill('lanterns over the old quay');
      await email.getByRole('button', { name: 'Send confirmation link' }).click();
      await expect(email.getByRole('status')).toContainText(`We sent a link to ${next}`);
    },
  },
  {
    name: 'delete account',
    run: async (bare, account) => {
      await bare.goto('/account/delete');
      const form = bare.getByRole('form', { name: 'Delete account' });
      await expectPosts(form);
      await form.getByLabel('Your password').fill('not my password at all');
      await form.getByRole('button', { name: 'Delete my account and data' }).click();
      await expect(form.getByText('That is not your current password.')).toBeVisible();
      await form.getByLabel('Your password').fill(account.password);
      await form.getByRole('button', { name: 'Delete my account and data' }).click();
      await expect(bare.getByRole('heading', { name: 'Your account was deleted' })).toBeVisible();
      await bare.goto('/account');
      await expect(bare).toHaveURL(/\/signin/);
    },
  },
];

test.describe('account forms without JavaScript', () => {
  for (const form of ACCOUNT_FORMS) {
    test(`${form.name}: answers on the same page and saves`, async ({ browser, page, account }) => {
      test.setTimeout(120_000);
      const { context, bare } = await withoutScript(browser, page);
      try {
        await form.run(bare, account, page, browser);
      } finally {
        await context.close();
      }
    });
  }
});

/** A browser signed out, with JavaScript off, from an address of its own (sign-up counts per address). */
async function signedOutWithoutScript(browser: Browser, page: Page): Promise<{ context: BrowserContext; bare: Page }> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    baseURL: new URL(page.url()).origin,
    extraHTTPHeaders: { 'x-forwarded-for': testAddress() },
  });
  return { context, bare: await context.newPage() };
}

const SIGNED_OUT_FORMS: FormCase[] = [
  {
    name: 'sign in',
    run: async (bare, account) => {
      await bare.goto('/signin');
      const form = bare.getByRole('form', { name: 'Sign in' });
      await expectPosts(form);
      await form.getByLabel('Email').fill(account.email);
      await form.getByLabel('Password').fill('not my password at all');
      await form.getByRole('button', { name: 'Sign in' }).click();
      await expect(form.getByText('That email and password do not match an account.')).toBeVisible();
      await expect(form.getByLabel('Email')).toHaveValue(account.email);
      await expect(form.getByLabel('Password')).toHaveValue('');
      await form.getByLabel('Password').fill(account.password);
      await form.getByRole('button', { name: 'Sign in' }).click();
      await bare.waitForURL(new RegExp(`${account.workspaceUrl}$`));
      await expect(bare.getByRole('heading', { level: 1 })).toBeVisible();
    },
  },
  {
    name: 'sign up',
    run: async (bare) => {
      await bare.goto('/signup');
      const form = bare.getByRole('form', { name: 'Create your account' });
      await expectPosts(form);
      const email = uniqueEmail('noscript');
      await form.getByLabel('Name').fill('Noor Script');
      await form.getByLabel('Email').fill(email);
      await form.getByLabel('Password').fill('short');
      await form.getByRole('button', { name: 'Create account' }).click();
      await expect(form.getByText('Use at least 8 characters')).toBeVisible();
      await expect(form.getByLabel('Name')).toHaveValue('Noor Script');
      await expect(form.getByLabel('Email')).toHaveValue(email);
      await form.getByLabel('Password').fill('a quiet walk by the harbour');
      await form.getByRole('button', { name: 'Create account' }).click();
      await bare.waitForURL(/\/w\/[0-9a-f-]{36}$/);
    },
  },
  {
    name: 'forgot and reset password',
    run: async (bare, account, page) => {
      await bare.goto('/forgot-password');
      const form = bare.getByRole('form', { name: 'Reset your password' });
      await expectPosts(form);
      await form.getByLabel('Email').fill('not an address');
      await form.getByRole('button', { name: 'Send reset link' }).click();
      await expect(form.getByText('Enter a valid email address')).toBeVisible();
      await form.getByLabel('Email').fill(account.email);
      await form.getByRole('button', { name: 'Send reset link' }).click();
      await expect(bare.getByRole('status')).toContainText('Check your e-mail.');

      let link = '';
      await expect(async () => {
        link = await mailedLink(page, account.email, /Reset your Groundwork password/, '/reset-password/');
      }).toPass();
      await bare.goto(link);
      const reset = bare.getByRole('form', { name: 'Choose a new password' });
      await expectPosts(reset);
      await reset.getByLabel('New password').fill('password123');
      await reset.getByRole('button', { name: 'Save new password' }).click();
      await expect(reset.getByText('This password is too common; choose another')).toBeVisible();
      await reset.getByLabel('New password').fill('lanterns over the old quay');
      await reset.getByRole('button', { name: 'Save new password' }).click();
      await bare.waitForURL(/\/signin\?notice=reset/);
      await expect(bare.getByRole('status')).toContainText('Sign in with the new password');
    },
  },
  {
    name: 'new confirmation link',
    run: async (bare, account) => {
      await bare.goto('/verify-email/not-a-real-link');
      const form = bare.getByRole('form', { name: 'Send a new confirmation link' });
      await expectPosts(form);
      await form.getByLabel('Email').fill('not an address');
      await form.getByRole('button', { name: 'Send a new link' }).click();
      await expect(form.getByText('Enter a valid email address')).toBeVisible();
      await expect(form.getByLabel('Email')).toHaveValue('not an address');
      await form.getByLabel('Email').fill(account.email);
      await form.getByRole('button', { name: 'Send a new link' }).click();
      await expect(bare.getByRole('status')).toContainText('a new link is on its way');
    },
  },
];

test.describe('sign-in forms without JavaScript', () => {
  for (const form of SIGNED_OUT_FORMS) {
    test(`${form.name}: answers on the same page and goes on`, async ({ browser, page, account }) => {
      test.setTimeout(120_000);
      const { context, bare } = await signedOutWithoutScript(browser, page);
      try {
        await form.run(bare, account, page, browser);
      } finally {
        await context.close();
      }
    });
  }
});
