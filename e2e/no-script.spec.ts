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

/** Fills the labelled fields in order and presses the button. */
async function send(form: Locator, button: string, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
  await form.getByRole('button', { name: button }).click();
}

/** Opens the page and finds its form by name, checking that it posts. */
async function openForm(page: Page, url: string, name: string): Promise<Locator> {
  await page.goto(url);
  const form = page.getByRole('form', { name });
  await expectPosts(form);
  return form;
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

/** A test for each case, run in a browser without JavaScript that `open` gives it. */
function formTests(
  title: string,
  cases: FormCase[],
  outcome: string,
  open: (browser: Browser, page: Page) => Promise<{ context: BrowserContext; bare: Page }>,
) {
  test.describe(title, () => {
    for (const form of cases) {
      test(`${form.name}: ${outcome}`, async ({ browser, page, account }) => {
        test.setTimeout(120_000);
        const { context, bare } = await open(browser, page);
        try {
          await form.run(bare, account, page, browser);
        } finally {
          await context.close();
        }
      });
    }
  });
}

/** Sends a text over the limit, which is refused on the page and kept in its box, then `text`. */
async function sendTooLongThen(form: Locator, label: string, button: string, tooLong: string, refusal: RegExp, text: string) {
  await form.getByLabel(label).fill(tooLong);
  await form.getByRole('button', { name: button }).click();
  await expect(form.getByText(refusal)).toBeVisible();
  await expect(form.getByLabel(label)).toHaveValue(tooLong);
  await form.getByLabel(label).fill(text);
  await form.getByRole('button', { name: button }).click();
}

const FORMS: FormCase[] = [
  {
    name: 'workspace settings',
    run: async (bare, account) => {
      const form = await openForm(bare, `${account.workspaceUrl}/settings`, 'Workspace settings');
      await send(form, 'Save settings', { 'Workspace name': '', 'Target niche': 'biotech marketing writing' });
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
      const form = await openForm(bare, `${account.workspaceUrl}/linkedin`, 'LinkedIn profile checklist');
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
      const form = await openForm(bare, '/account/notifications', 'E-mail reminders');
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
      const form = await openForm(bare, `${account.workspaceUrl}/contacts/new`, 'Add contact');
      await send(form, 'Add contact', { Company: 'Natarajan Labs' });
      await expect(form.getByText('Name is required')).toBeVisible();
      await expect(form.getByLabel('Company')).toHaveValue('Natarajan Labs');
      await send(form, 'Add contact', { Name: 'Priya Natarajan' });
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
      const form = await openForm(bare, `${account.workspaceUrl}/opportunities/new`, 'New opportunity');
      await form.getByLabel('Kind').selectOption({ label: 'Client' });
      await form.getByRole('button', { name: 'Create opportunity' }).click();
      await expect(form.getByText('Title is required')).toBeVisible();
      await expect(form.getByLabel('Kind')).toHaveValue('client');
      await send(form, 'Create opportunity', { Title: 'Launch copy for a lab' });
      await expect(bare.getByRole('heading', { level: 1, name: 'Launch copy for a lab' })).toBeVisible();

      // Moved to Won with what it brought, then deleted after confirming, all without the script.
      const details = bare.getByRole('region', { name: 'Details' });
      await bare.getByLabel(/^Move to/).selectOption({ label: 'Won' });
      await bare.getByLabel('Won value').fill('1500');
      await bare.getByRole('button', { name: 'Move Launch copy for a lab' }).click();
      await expect(details.getByRole('definition').filter({ hasText: 'Won' }).first()).toBeVisible();
      await expect(details).toContainText('1,500');
      await opener(bare.locator('main'), /^Delete/).click();
      await bare.getByRole('button', { name: 'Delete opportunity' }).click();
      await expect(bare).toHaveURL(/\/opportunities$/);
      await expect(bare.getByRole('link', { name: 'Launch copy for a lab' })).toHaveCount(0);
    },
  },
  {
    name: 'new and edited effort, with its channel fields',
    run: async (bare, account) => {
      const form = await openForm(bare, `${account.workspaceUrl}/efforts/new`, 'Log an effort');
      await form.getByLabel('Channel').selectOption({ label: 'Networking events & happy hours' });
      // The chosen channel's fields show without the script; the others stay out of sight.
      await expect(form.getByLabel('Venue')).toBeVisible();
      await expect(form.getByLabel('Person')).toBeHidden();
      await send(form, 'Log effort', { Venue: 'The Anchor', 'Drinks had': '3' });
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
      await send(edit, 'Save changes', { 'Drinks had': '1' });
      await expect(bare.getByRole('heading', { level: 1, name: 'Chamber mixer' })).toBeVisible();
      await expect(bare.getByText('Past two drinks')).toHaveCount(0);

      await opener(bare.locator('main'), /^Delete$/).click();
      await bare.getByRole('button', { name: 'Delete effort' }).click();
      await expect(bare).toHaveURL(/\/efforts$/);
      await expect(bare.getByRole('link', { name: 'Chamber mixer' })).toHaveCount(0);
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
      await send(add, 'Add time entry', { 'Entry hours': '30', 'Entry note': 'Quarterly books' });
      await expect(add.getByText('Hours must be at most 24 per entry')).toBeVisible();
      await expect(add.getByLabel('Entry note')).toHaveValue('Quarterly books');
      await send(add, 'Add time entry', { 'Entry date': daysAgo(2), 'Entry hours': '2.5' });
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
      await send(contact, 'Add contact', { Name: 'Dana Reyes' });
      await expect(bare.getByRole('heading', { level: 1, name: 'Dana Reyes' })).toBeVisible();
      const contactPath = new URL(bare.url()).pathname;

      const form = bare.getByRole('form', { name: 'Log an interaction' });
      await expectPosts(form);
      await form.getByLabel('Date').fill('');
      await form.getByLabel('Who reached out').selectOption({ label: 'They reached out' });
      await send(form, 'Log interaction', { Notes: 'Asked about the launch copy' });
      await expect(form.getByRole('alert')).toBeVisible();
      await expect(form.getByLabel('Notes')).toHaveValue('Asked about the launch copy');
      await expect(form.getByLabel('Who reached out')).toHaveValue('inbound');
      await send(form, 'Log interaction', { Date: daysAgo(1) });
      await expect(form.getByRole('status')).toHaveText('Logged.');
      const list = bare.getByRole('list', { name: 'Interactions' });
      await expect(list.getByText('Asked about the launch copy')).toBeVisible();
      await expect(form.getByLabel('Notes')).toHaveValue('');

      await bare.goto(contactPath);
      await list.getByRole('link', { name: /^Edit interaction of / }).click();
      const edit = bare.getByRole('form', { name: 'Edit interaction' });
      await expect(edit.getByLabel('Notes')).toHaveValue('Asked about the launch copy');
      await send(edit, 'Save interaction', { Notes: 'Asked for a quote on the launch copy' });
      await expect(list.getByText('Asked for a quote on the launch copy')).toBeVisible();
      await bare.goto(contactPath);
      await expect(list.getByText('Asked for a quote on the launch copy')).toBeVisible();

      // Deleted after confirming in place: the interaction, then the contact.
      await opener(list, /^Delete/).click();
      await list.getByRole('button', { name: 'Delete interaction' }).click();
      await expect(list.getByText('Asked for a quote on the launch copy')).toHaveCount(0);
      await opener(bare.locator('main'), /^Delete$/).click();
      await bare.getByRole('button', { name: 'Delete contact' }).click();
      await expect(bare).toHaveURL(/\/contacts$/);
      await expect(bare.getByRole('link', { name: 'Dana Reyes' })).toHaveCount(0);
    },
  },
  {
    name: 'comments posted, edited and deleted',
    run: async (bare, account) => {
      const form = await openForm(bare, account.workspaceUrl, 'Add a comment');
      await sendTooLongThen(form, 'Your comment', 'Post comment', 'Clubs work. '.repeat(200), /Comment must be at most/, 'Clubs are working.');
      const comment = bare.getByRole('article', { name: `Comment by ${account.name}` });
      await expect(comment).toContainText('Clubs are working.');
      await expect(form.getByLabel('Your comment')).toHaveValue('');

      await bare.goto(account.workspaceUrl);
      await opener(comment, /^Edit/).click();
      const edit = comment.getByRole('form', { name: 'Edit comment' });
      await expect(edit.getByLabel('Edit your comment')).toHaveValue('Clubs are working.');
      await send(edit, 'Save comment', { 'Edit your comment': '' });
      await expect(comment.getByText('Write a comment first')).toBeVisible();
      await send(comment, 'Save comment', { 'Edit your comment': 'Clubs are working well.' });
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
      const form = await openForm(bare, `${account.workspaceUrl}/log`, 'Quick log');
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
      await send(form, 'Save', { Hours: '1.5' });
      // Saved: the evening's page opens, with the person met.
      await expect(bare.getByRole('heading', { level: 1, name: 'WordPress fix for the café' })).toBeVisible();
      await expect(bare.getByRole('link', { name: 'Marta Silva' })).toBeVisible();
    },
  },
  {
    name: 'weekly goals',
    run: async (bare, account) => {
      const form = await openForm(bare, `${account.workspaceUrl}/goals`, 'Set a weekly goal');
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
      const form = await openForm(bare, `${account.workspaceUrl}/import`, 'Contact cards');
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
      const form = await openForm(bare, `${account.workspaceUrl}/members`, 'Invite someone');
      await form.getByLabel('E-mail address').fill('casey at example');
      await form.getByLabel('Role').selectOption('viewer');
      await form.getByRole('button', { name: 'Send invitation' }).click();
      await expect(form.getByText('Enter a valid email address')).toBeVisible();
      await expect(form.getByLabel('E-mail address')).toHaveValue('casey at example');
      await expect(form.getByLabel('Role')).toHaveValue('viewer');
      const email = uniqueEmail('viewer');
      await send(form, 'Send invitation', { 'E-mail address': email });
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
        const form = await openForm(bare, notesUrl, 'Add a private note');
        await sendTooLongThen(form, 'Private note', 'Save note', 'Asks for referrals too early. '.repeat(200), /Note must be at most/, 'Asks for referrals too early.');
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

formTests('forms without JavaScript', FORMS, 'shows what is saved and saves', withoutScript);

// The account's own forms, signed in.
const ACCOUNT_FORMS: FormCase[] = [
  {
    name: 'account name',
    run: async (bare) => {
      const form = await openForm(bare, '/account', 'Change name');
      await send(form, 'Save name', { Name: '' });
      await expect(form.getByText('Name is required')).toBeVisible();
      await send(form, 'Save name', { Name: 'Robin C. Castillo' });
      await expect(form.getByRole('status')).toHaveText('Saved.');
      await bare.goto('/account');
      await expect(form.getByLabel('Name')).toHaveValue('Robin C. Castillo');
    },
  },
  {
    name: 'account e-mail address',
    run: async (bare) => {
      const form = await openForm(bare, '/account', 'Change e-mail address');
      const next = uniqueEmail('moved');
      await send(form, 'Send confirmation link', { 'New e-mail address': next, 'Current password': 'not my password at all' });
      await expect(form.getByText('That is not your current password.')).toBeVisible();
      await expect(form.getByLabel('New e-mail address')).toHaveValue(next);
      await expect(form.getByLabel('Current password')).toHaveValue('');
    },
  },
  {
    name: 'account password and e-mail change',
    run: async (bare, account) => {
      const form = await openForm(bare, '/account', 'Change password');
      await send(form, 'Change password', { 'Current password': 'not my password at all', 'New password': 'lanterns over the old quay' });
      await expect(form.getByText('That is not your current password.')).toBeVisible();
      await send(form, 'Change password', { 'Current password': account.password, 'New password': 'lanterns over the old quay' });
      await expect(form.getByRole('status')).toHaveText('Password changed. Your other devices were signed out.');
      // The new password confirms an address change.
      const email = bare.getByRole('form', { name: 'Change e-mail address' });
      const next = uniqueEmail('moved');
      await send(email, 'Send confirmation link', { 'New e-mail address': next, 'Current password': 'lanterns over the old quay' });
      await expect(email.getByRole('status')).toContainText(`We sent a link to ${next}`);
    },
  },
  {
    name: 'delete account',
    run: async (bare, account) => {
      const form = await openForm(bare, '/account/delete', 'Delete account');
      await send(form, 'Delete my account and data', { 'Your password': 'not my password at all' });
      await expect(form.getByText('That is not your current password.')).toBeVisible();
      await send(form, 'Delete my account and data', { 'Your password': account.password });
      await expect(bare.getByRole('heading', { name: 'Your account was deleted' })).toBeVisible();
      await bare.goto('/account');
      await expect(bare).toHaveURL(/\/signin/);
    },
  },
];

formTests('account forms without JavaScript', ACCOUNT_FORMS, 'answers on the same page and saves', withoutScript);

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
      const form = await openForm(bare, '/signin', 'Sign in');
      await send(form, 'Sign in', { Email: account.email, Password: 'not my password at all' });
      await expect(form.getByText('That email and password do not match an account.')).toBeVisible();
      await expect(form.getByLabel('Email')).toHaveValue(account.email);
      await expect(form.getByLabel('Password')).toHaveValue('');
      await send(form, 'Sign in', { Password: account.password });
      await bare.waitForURL(new RegExp(`${account.workspaceUrl}$`));
      await expect(bare.getByRole('heading', { level: 1 })).toBeVisible();
    },
  },
  {
    name: 'sign up',
    run: async (bare) => {
      const form = await openForm(bare, '/signup', 'Create your account');
      const email = uniqueEmail('noscript');
      await send(form, 'Create account', { Name: 'Noor Script', Email: email, Password: 'short' });
      await expect(form.getByText('Use at least 8 characters')).toBeVisible();
      await expect(form.getByLabel('Name')).toHaveValue('Noor Script');
      await expect(form.getByLabel('Email')).toHaveValue(email);
      await send(form, 'Create account', { Password: 'a quiet walk by the harbour' });
      await bare.waitForURL(/\/w\/[0-9a-f-]{36}$/);
    },
  },
  {
    name: 'forgot and reset password',
    run: async (bare, account, page) => {
      const form = await openForm(bare, '/forgot-password', 'Reset your password');
      await send(form, 'Send reset link', { Email: 'not an address' });
      await expect(form.getByText('Enter a valid email address')).toBeVisible();
      await send(form, 'Send reset link', { Email: account.email });
      await expect(bare.getByRole('status')).toContainText('Check your e-mail.');

      const link = await mailedLink(page, account.email, /Reset your Groundwork password/, '/reset-password/');
      const reset = await openForm(bare, link, 'Choose a new password');
      await send(reset, 'Save new password', { 'New password': 'password123' });
      await expect(reset.getByText('This password is too common; choose another')).toBeVisible();
      await send(reset, 'Save new password', { 'New password': 'lanterns over the old quay' });
      await bare.waitForURL(/\/signin\?notice=reset/);
      await expect(bare.getByRole('status')).toContainText('Sign in with the new password');
    },
  },
  {
    name: 'new confirmation link',
    run: async (bare, account) => {
      const form = await openForm(bare, '/verify-email/not-a-real-link', 'Send a new confirmation link');
      await send(form, 'Send a new link', { Email: 'not an address' });
      await expect(form.getByText('Enter a valid email address')).toBeVisible();
      await expect(form.getByLabel('Email')).toHaveValue('not an address');
      await send(form, 'Send a new link', { Email: account.email });
      await expect(bare.getByRole('status')).toContainText('a new link is on its way');
    },
  },
];

formTests('sign-in forms without JavaScript', SIGNED_OUT_FORMS, 'answers on the same page and goes on', signedOutWithoutScript);
