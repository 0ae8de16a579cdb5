import { devices } from '@playwright/test';
import { expect, mailedLink, test, uniqueEmail } from './fixtures';
import { expectNoSideScroll } from './story-helpers';

test('an owner invites a coach, who joins read-only, comments, and loses access when removed', async ({ page, account, browser }) => {
  test.setTimeout(120_000);
  const base = account.workspaceUrl;

  // Only a verified owner may invite: confirm the address through the mailed link first.
  await page.goto(await mailedLink(page, account.email, /Confirm your e-mail/, '/verify-email/'));
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByRole('heading', { name: 'Your e-mail is confirmed' })).toBeVisible();

  // The owner leaves a dashboard comment the coach will later try to delete.
  await page.goto(base);
  const ownerComments = page.getByRole('form', { name: 'Add a comment' });
  await ownerComments.getByLabel('Your comment').fill('Owner here: clubs are working.');
  await ownerComments.getByRole('button', { name: 'Post comment' }).click();
  const ownerComment = page.getByRole('article', { name: `Comment by ${account.name}` });
  await expect(ownerComment).toContainText('Owner here: clubs are working.');
  await expect(ownerComments.getByLabel('Your comment')).toBeFocused();
  const ownerCommentId = (await ownerComment.getAttribute('id'))!.replace('comment-', '');

  // Editing it in place: the box takes the focus, and saving hands it back to Edit.
  await ownerComment.getByRole('button', { name: /^Edit your comment of / }).click();
  await expect(ownerComment.getByLabel('Edit your comment')).toBeFocused();
  await ownerComment.getByLabel('Edit your comment').fill('Owner here: clubs are working well.');
  await ownerComment.getByRole('button', { name: 'Save comment' }).click();
  await expect(ownerComment).toContainText('Owner here: clubs are working well.');
  await expect(ownerComment.getByRole('button', { name: /^Edit your comment of / })).toBeFocused();

  // Invite the coach.
  const coachEmail = uniqueEmail('coach');
  await page.goto(`${base}/members`);
  const invite = page.getByRole('form', { name: 'Invite someone' });
  await invite.getByLabel('E-mail address').fill(coachEmail);
  await invite.getByLabel('Role').selectOption('coach');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invitation sent to ${coachEmail}` })).toBeVisible();
  // Focus moves to the link, not back to the top of the page.
  await expect(page.getByLabel('Invitation link')).toBeFocused();
  const shown = await page.getByLabel('Invitation link').inputValue();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: `Invitation for ${coachEmail}` })).toContainText('Coach');

  // The same link arrives by e-mail.
  const invitePath = await mailedLink(page, coachEmail, /invited you to/, '/invite/');
  expect(new URL(shown).pathname).toBe(invitePath);

  // The coach opens it on a phone, signs up and joins.
  const coachContext = await browser.newContext({ ...devices['Pixel 7'], baseURL: test.info().project.use.baseURL });
  const coach = await coachContext.newPage();
  await coach.goto(invitePath);
  await expect(coach.getByRole('heading', { name: `${account.name} invited you to Robin's workspace` })).toBeVisible();
  await coach.getByRole('link', { name: 'Create an account' }).click();
  await expect(coach).toHaveURL(/\/signup\?next=/);
  const form = coach.getByRole('form', { name: 'Create your account' });
  await form.getByLabel('Name').fill('Casey Coach');
  await form.getByLabel('Email').fill(coachEmail);
  await form.getByLabel('Password').fill('coaching is listening first');
  await form.getByRole('button', { name: 'Create account' }).click();
  // A new account made from the invitation comes back to it.
  await coach.waitForURL((url) => url.pathname === invitePath);
  // Holding the link is not enough: the address must be confirmed first, and the page offers the mail.
  await expect(coach.getByRole('main').getByRole('alert')).toContainText('Confirm your e-mail address before joining');
  await expect(coach.getByRole('button', { name: /Join/ })).toHaveCount(0);
  await coach.goto(await mailedLink(coach, coachEmail, /Confirm your e-mail/, '/verify-email/'));
  await coach.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(coach.getByRole('heading', { name: 'Your e-mail is confirmed' })).toBeVisible();
  await coach.goto(invitePath);
  await coach.getByRole('button', { name: "Join Robin's workspace as coach" }).click();
  await coach.waitForURL(new RegExp(`${base}$`));
  await expect(coach.getByRole('heading', { level: 1, name: "Robin's workspace" })).toBeVisible();

  // The link worked once.
  await coach.goto(invitePath);
  await expect(coach.getByText('This invitation has already been used.')).toBeVisible();

  // The coach comments on the dashboard.
  await coach.goto(base);
  const coachForm = coach.getByRole('form', { name: 'Add a comment' });
  await coachForm.getByLabel('Your comment').fill('Coach here: drop the happy hours.');
  await coachForm.getByRole('button', { name: 'Post comment' }).click();
  const coachComment = coach.getByRole('article', { name: 'Comment by Casey Coach' });
  await expect(coachComment).toContainText('Coach here: drop the happy hours.');
  // Nothing to edit or delete on the owner's comment.
  await expect(coach.getByRole('article', { name: `Comment by ${account.name}` }).getByRole('button')).toHaveCount(0);

  // Read-only: no way to log or edit efforts. Typed addresses of pages the role does not open say
  // why, and show no form.
  await coach.goto(`${base}/efforts`);
  await expect(coach.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(coach.getByRole('link', { name: /Log effort/ })).toHaveCount(0);
  await expect(coach.getByRole('button', { name: /Log effort|Edit|Delete/ })).toHaveCount(0);
  for (const path of ['/settings', '/efforts/new']) {
    await coach.goto(`${base}${path}`);
    await expect(coach.getByRole('heading', { level: 1, name: 'Your role cannot open this page' })).toBeVisible();
    await expect(coach.getByText('You are a coach in this workspace, so you can read everything and comment')).toBeVisible();
    await expect(coach.getByRole('form')).toHaveCount(0);
    await expect(coach.getByRole('textbox')).toHaveCount(0);
  }

  // A forged call: the delete action of the coach's own comment, re-aimed at the owner's comment, is refused.
  await coach.goto(base);
  const coachCommentId = (await coachComment.getAttribute('id'))!.replace('comment-', '');
  await coach.route(`**${base}`, async (route) => {
    const request = route.request();
    if (request.method() === 'POST' && request.headers()['next-action']) {
      await route.continue({ postData: (request.postData() ?? '').replaceAll(coachCommentId, ownerCommentId) });
    } else {
      await route.continue();
    }
  });
  // Each comment's buttons say which comment they act on.
  await coachComment.getByRole('button', { name: /^Delete comment by Casey Coach, / }).click();
  await coach.getByRole('dialog').getByRole('button', { name: 'Delete comment' }).click();
  await expect(coach.getByRole('dialog').getByRole('alert')).toHaveText(/not yours to change/);
  await coach.unroute(`**${base}`);
  await coach.reload();
  await expect(coach.getByRole('article', { name: `Comment by ${account.name}` })).toContainText('Owner here: clubs are working well.');

  // The roster shows the client; the coach's own empty workspace is neither a client nor shown apart.
  await coach.goto('/roster');
  await expect(coach.getByRole('heading', { level: 1, name: 'Roster' })).toBeVisible();
  const client = coach.getByRole('article', { name: `Client: ${account.name}` });
  await expect(client).toBeVisible();
  await expect(client).toContainText('Needs attention: nothing logged yet');
  await expect(coach.getByRole('heading', { name: 'You', exact: true })).toHaveCount(0);
  await expectNoSideScroll(coach);
  // On a desktop screen the same roster is a table, and the page still does not scroll sideways.
  await coach.setViewportSize({ width: 1366, height: 800 });
  await expect(coach.getByRole('table')).toBeVisible();
  await expectNoSideScroll(coach);
  await coach.setViewportSize(devices['Pixel 7'].viewport);

  // A private note about the client, visible only to the coach.
  await client.getByRole('link', { name: `Notes about ${account.name}` }).click();
  await coach.getByRole('textbox', { name: 'Private note' }).fill('Asks for referrals too early.');
  await coach.getByRole('button', { name: 'Save note' }).click();
  await expect(coach.getByRole('article', { name: /^Note from / })).toContainText('Asks for referrals too early.');

  // Back on the client's dashboard, with a tab left open.
  await coach.goto(base);
  await expect(coach.getByRole('heading', { level: 1, name: "Robin's workspace" })).toBeVisible();

  // The owner removes the coach.
  await page.goto(`${base}/members`);
  const row = page.getByRole('listitem', { name: 'Casey Coach' });
  await expect(row).toContainText(coachEmail);
  // A role change keeps the focus on the role picker once its button is done.
  await row.getByLabel('Role of Casey Coach').selectOption('viewer');
  await row.getByRole('button', { name: 'Change role of Casey Coach' }).click();
  // Saved: the badge says Viewer and the button has nothing left to change.
  await expect(row.getByRole('button', { name: 'Change role of Casey Coach' })).toBeDisabled();
  await expect(row.getByText('Viewer', { exact: true }).first()).toBeVisible();
  await expect(row.getByLabel('Role of Casey Coach')).toBeFocused();
  // The button says whom it removes, for people who hear the page.
  await page.getByRole('button', { name: 'Remove Casey Coach' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('listitem', { name: 'Casey Coach' })).toHaveCount(0);

  // The coach's next navigation in the open tab finds nothing.
  await coach.getByRole('navigation', { name: 'Main' }).filter({ visible: true }).getByRole('link', { name: 'Contacts' }).click();
  await expect(coach.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  const again = await coach.goto(base);
  expect(again?.status()).toBe(404);
  const notes = await coach.goto(`/roster/${account.workspaceId}`);
  expect(notes?.status()).toBe(404);
  await coachContext.close();
});

test('invitation links that are unknown show the same page as expired ones', async ({ page }) => {
  const response = await page.goto(`/invite/${'x'.repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This invitation link is invalid or has expired' })).toBeVisible();
  const malformed = await page.goto('/invite/not-a-token');
  expect(malformed?.status()).toBe(404);
});
