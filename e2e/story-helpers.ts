import type { Locator, Page } from '@playwright/test';
import { daysAgo, expect, type Account } from './fixtures';

export { daysAgo };

/**
 * The seed author's year of networking, recorded through the UI the way a person would: a biotech
 * marketing writer who tried happy hours, keeps a freelancers' club's books, did a restaurant owner
 * a favor that turned into paid work, took on two stretch projects, held informational interviews
 * and worked on LinkedIn. Both story.spec.ts and dashboard.spec.ts build it with recordStory().
 */

export const NICHE = 'biotech marketing writing';
export const HOURLY_VALUE = '60';

export const TITLES = {
  anchor: 'Young professionals happy hour at The Anchor',
  rooftop: 'Young professionals happy hour at Rooftop 21',
  brass: 'Young professionals happy hour at Brass Monkey',
  club: "Freelancers' club — keeping the books",
  favor: "WordPress site for Luca's trattoria",
  ecommerce: 'E-commerce product copy',
  brochure: 'Clinical-trial recruitment brochure',
  coffee: 'Coffee with a content lead at Genova Bio',
  call: 'Call with a medical writer',
  linkedin: 'Profile rewrite and outreach',
  bakery: 'Bakery website and menu copy',
  helix: 'Helix Trials brochure',
  gig: 'Bookkeeping-software launch copy',
} as const;

export const LUCA = { name: 'Luca Bianchi', company: 'Trattoria Sole' };
export const ANA = { name: 'Ana Souza', company: 'Helix Trials' };
export const PRIYA = { name: 'Priya Raman', company: 'Northside Freelancers' };

/** The club's hours: one evening when joining, then a time entry every couple of months. */
export const CLUB_ENTRIES: Array<[number, string, string]> = [
  [240, '4', 'Quarterly books'],
  [180, '4', 'Books and monthly meeting'],
  [120, '4', 'Year-end books'],
  [60, '4', 'Books and dues reminders'],
  [20, '4', 'Books and monthly meeting'],
];

export interface StoryIds {
  rooftop: string;
  club: string;
  favor: string;
  ecommerce: string;
  brochure: string;
  call: string;
  luca: string;
  bakery: string;
  priya: string;
}

/** Clicks a link of the main navigation that is visible at this size: the bottom bar on phones, the sidebar on desktop. */
export async function navigate(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).filter({ visible: true }).getByRole('link', { name, exact: true }).click();
}

const idFromUrl = (page: Page) => new URL(page.url()).pathname.split('/').pop()!;

/** From the efforts list, logs one effort with the full form and returns its id. */
export async function logEffort(
  page: Page,
  channel: string,
  common: { title: string; date: string; hours: string; money?: string },
  fill: (form: Locator) => Promise<void> = async () => {},
): Promise<string> {
  await navigate(page, 'Efforts');
  await page.getByRole('link', { name: 'Log effort' }).first().click();
  const form = page.getByRole('form', { name: 'Log an effort' });
  await form.getByLabel('Channel').selectOption({ label: channel });
  await form.getByLabel('Title').fill(common.title);
  await form.getByLabel('Date', { exact: true }).fill(common.date);
  await form.getByLabel('Hours', { exact: true }).fill(common.hours);
  if (common.money) await form.getByLabel(/Money spent/).fill(common.money);
  await fill(form);
  await form.getByRole('button', { name: 'Log effort' }).click();
  await page.waitForURL(/\/efforts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: common.title })).toBeVisible();
  return idFromUrl(page);
}

/** On an effort's page, adds one time entry and waits until the list shows it. */
export async function addTimeEntry(page: Page, date: string, hours: string, note: string): Promise<void> {
  const entries = page.getByRole('list', { name: 'Time entries' }).getByRole('listitem');
  const before = await entries.count();
  const form = page.getByRole('form', { name: 'Add time entry' });
  await form.getByLabel('Entry date').fill(date);
  await form.getByLabel('Entry hours').fill(hours);
  await form.getByLabel('Entry note').fill(note);
  await form.getByRole('button', { name: 'Add time entry' }).click();
  await expect(entries).toHaveCount(before + 1);
  await expect(form.getByLabel('Entry hours')).toHaveValue('');
}

/** Adds a contact met through one of the efforts, leaving "Met on" to follow the effort's date. */
async function addContact(
  page: Page,
  person: { name: string; company: string; role: string; tags: string; cadence: string },
  metThrough: { title: string; date: string },
): Promise<string> {
  await navigate(page, 'Contacts');
  await page.getByRole('link', { name: 'Add contact' }).first().click();
  const form = page.getByRole('form', { name: 'Add contact' });
  await form.getByLabel('Name').fill(person.name);
  await form.getByLabel('Company').fill(person.company);
  await form.getByLabel('Role').fill(person.role);
  await form.getByLabel('Tags').fill(person.tags);
  const effort = form.getByLabel('Effort where you met');
  const value = await effort.locator('option', { hasText: metThrough.title }).getAttribute('value');
  await effort.selectOption(value!);
  // Picking where you met fills in when, so the contact counts towards that channel.
  await expect(form.getByLabel('Met on')).toHaveValue(metThrough.date);
  await form.getByLabel('Keep in touch every (days)').fill(person.cadence);
  await form.getByRole('button', { name: 'Add contact' }).click();
  await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
  return idFromUrl(page);
}

/** Records the whole story; the page must be signed in to a fresh workspace. */
export async function recordStory(page: Page, account: Account): Promise<StoryIds> {
  // Settings: the niche stretch work is judged against, and what an hour of the owner's time is worth.
  await page.goto(account.workspaceUrl);
  await page.getByRole('link', { name: 'Set your target niche' }).click();
  const settings = page.getByRole('form', { name: 'Workspace settings' });
  await settings.getByLabel('Target niche').fill(NICHE);
  await settings.getByLabel('Hourly value of your time').fill(HOURLY_VALUE);
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Saved.');

  // The freelancers' club: a membership with yearly dues, its hours logged as time entries over the months.
  const club = await logEffort(page, 'Professional organizations & clubs', { title: TITLES.club, date: daysAgo(300), hours: '4' }, async (form) => {
    await form.getByLabel('Kind of organization').selectOption({ label: "Freelancers' group" });
    await form.getByLabel('Cause or field').fill('Independent writers and designers');
    await form.getByLabel('Your role and contribution').fill('Keeps the books');
    await form.getByLabel('Joined on').fill(daysAgo(300));
    await form.getByLabel(/Yearly dues/).fill('120');
  });
  for (const [ago, hours, note] of CLUB_ENTRIES) await addTimeEntry(page, daysAgo(ago), hours, note);
  // A fellow member met there, who months later brought a $1,500 gig: the club's payoff, long after its first hours.
  const priya = await addContact(
    page,
    { name: PRIYA.name, company: PRIYA.company, role: 'Designer', tags: 'club', cadence: '90' },
    { title: TITLES.club, date: daysAgo(300) },
  );
  await navigate(page, 'Opportunities');
  await page.getByRole('link', { name: 'New opportunity' }).first().click();
  const gig = page.getByRole('form', { name: 'New opportunity' });
  await gig.getByLabel('Title').fill(TITLES.gig);
  await gig.getByLabel('Kind').selectOption({ label: 'Gig' });
  await gig.getByLabel('Contact', { exact: true }).selectOption({ label: `${PRIYA.name} (${PRIYA.company})` });
  await gig.getByLabel('Stage').selectOption({ label: 'Won' });
  await gig.getByLabel(/Expected value/).fill('1500');
  await gig.getByLabel(/Won value/).fill('1500');
  await gig.getByLabel('Opened on').fill(daysAgo(100));
  await gig.getByLabel('Closed on').fill(daysAgo(85));
  await gig.getByRole('button', { name: 'Create opportunity' }).click();
  await page.waitForURL(/\/opportunities\/[0-9a-f-]{36}$/);

  // A favor for a restaurant owner: an afternoon, then an evening finishing the booking form.
  const favor = await logEffort(page, 'Volunteering & favors', { title: TITLES.favor, date: daysAgo(200), hours: '6' }, async (form) => {
    await form.getByLabel('Who you helped').fill('Luca, owner of Trattoria Sole');
    await form.getByRole('textbox', { name: 'What you did' }).fill('Rebuilt the menu pages and booking form');
    await form.getByLabel('Skill used').fill('WordPress');
  });
  await addTimeEntry(page, daysAgo(193), '4', 'Booking form');

  // The owner, who later called on his own and brought a paid gig.
  const luca = await addContact(
    page,
    { name: LUCA.name, company: LUCA.company, role: 'Owner', tags: 'restaurant', cadence: '60' },
    { title: TITLES.favor, date: daysAgo(200) },
  );
  const interaction = page.getByRole('form', { name: 'Log an interaction' });
  await interaction.getByLabel('Date').fill(daysAgo(150));
  await interaction.getByLabel('Kind').selectOption({ label: 'Call' });
  await interaction.getByLabel('Who reached out').selectOption({ label: 'They reached out' });
  await interaction.getByLabel('Notes').fill("Recommended me to his cousin's bakery");
  await interaction.getByRole('button', { name: 'Log interaction' }).click();
  await expect(page.getByRole('list', { name: 'Interactions' }).getByText(/Call · They reached out/)).toBeVisible();

  await navigate(page, 'Opportunities');
  await page.getByRole('link', { name: 'New opportunity' }).first().click();
  const opp = page.getByRole('form', { name: 'New opportunity' });
  await opp.getByLabel('Title').fill(TITLES.bakery);
  await opp.getByLabel('Kind').selectOption({ label: 'Gig' });
  await opp.getByLabel('Contact', { exact: true }).selectOption({ label: `${LUCA.name} (${LUCA.company})` });
  await opp.getByLabel(/Expected value/).fill('900');
  await opp.getByLabel('Opened on').fill(daysAgo(150));
  await opp.getByRole('button', { name: 'Create opportunity' }).click();
  await page.waitForURL(/\/opportunities\/[0-9a-f-]{36}$/);
  const bakery = idFromUrl(page);
  const move = page.getByRole('region', { name: 'Change stage' });
  await move.getByLabel('Move to').selectOption({ label: 'Won' });
  await move.getByRole('button', { name: `Move ${TITLES.bakery}` }).click();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.getByText('Won value')).toBeVisible();
  // The move took the expected value; the bakery paid a little more.
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('form', { name: 'Edit opportunity' });
  await edit.getByLabel(/Won value/).fill('1200');
  await edit.getByLabel('Closed on').fill(daysAgo(130));
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForURL(/\/opportunities\/[0-9a-f-]{36}$/);
  await expect(details.getByText('$1,200')).toBeVisible();

  // Three happy hours: the first and last with the full form, the middle one from the quick log.
  await logEffort(page, 'Networking events & happy hours', { title: TITLES.anchor, date: daysAgo(80), hours: '3', money: '45' }, async (form) => {
    await form.getByLabel('Venue').fill('The Anchor');
    await form.getByLabel('Drinks had').fill('2');
    await form.getByLabel('Conversations').fill('6');
    await form.getByLabel('Pitches received').fill('3');
    await form.getByLabel('Advances received').fill('0');
    await form.getByLabel('Job seekers asking you for work').fill('2');
    await form.getByLabel('Useful contacts made').fill('1');
  });

  await navigate(page, 'Log');
  const quick = page.getByRole('form', { name: 'Quick log' });
  await quick.getByRole('radio', { name: /Event \/ happy hour/ }).check();
  await quick.getByLabel('Title').fill(TITLES.rooftop);
  await quick.getByLabel('Date').fill(daysAgo(55));
  await quick.getByLabel('Hours').fill('3');
  await quick.getByLabel(/Money spent/).fill('45');
  await quick.getByLabel('Drinks', { exact: true }).fill('3');
  await quick.getByLabel('Pitches received').fill('4');
  await quick.getByLabel('Advances received').fill('1');
  await quick.getByLabel('Job seekers asking for work').fill('2');
  await quick.getByLabel('Useful contacts').fill('0');
  await quick.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: `Logged “${TITLES.rooftop}”` })).toBeVisible();
  await expect(page.getByText('No new contacts this time.')).toBeVisible();
  await page.getByRole('link', { name: 'View the effort' }).click();
  await page.waitForURL(/\/efforts\/[0-9a-f-]{36}$/);
  const rooftop = idFromUrl(page);

  await logEffort(page, 'Networking events & happy hours', { title: TITLES.brass, date: daysAgo(30), hours: '3', money: '45' }, async (form) => {
    await form.getByLabel('Venue').fill('Brass Monkey');
    await form.getByLabel('Drinks had').fill('4');
    await form.getByLabel('Conversations').fill('5');
    await form.getByLabel('Pitches received').fill('5');
    await form.getByLabel('Advances received').fill('2');
    await form.getByLabel('Job seekers asking you for work').fill('2');
    await form.getByLabel('Useful contacts made').fill('0');
  });

  // Stretch work: one paid project far from the niche, one close to it whose payment is logged as a win.
  const ecommerce = await logEffort(page, 'Stretch projects', { title: TITLES.ecommerce, date: daysAgo(120), hours: '12' }, async (form) => {
    await form.getByLabel('Field', { exact: true }).fill('Retail');
    await form.getByLabel('Client').fill('Cozy Socks Co.');
    await form.getByLabel('Status').selectOption({ label: 'Done' });
    await form.getByLabel(/Paid amount/).fill('300');
    await form.getByLabel('Similarity to your target niche').selectOption({ label: 'Unrelated' });
    await form.getByLabel('Why this similarity').fill('Consumer retail, not biotech');
  });
  const brochure = await logEffort(page, 'Stretch projects', { title: TITLES.brochure, date: daysAgo(90), hours: '10' }, async (form) => {
    await form.getByLabel('Field', { exact: true }).fill('Biotech marketing');
    await form.getByLabel('Client').fill('Helix Trials');
    await form.getByLabel('Status').selectOption({ label: 'Done' });
    await form.getByLabel(/Paid amount/).fill('1800');
    await form.getByLabel('Similarity to your target niche').selectOption({ label: 'Close' });
    await form.getByLabel('Why this similarity').fill('Patient-facing biotech copy');
  });
  await addTimeEntry(page, daysAgo(80), '8', 'Revisions after legal review');
  await addContact(
    page,
    { name: ANA.name, company: ANA.company, role: 'Marketing director', tags: 'biotech', cadence: '60' },
    { title: TITLES.brochure, date: daysAgo(90) },
  );
  await page.getByRole('link', { name: TITLES.brochure }).first().click();
  await page.waitForURL(new RegExp(`/efforts/${brochure}$`));
  await expect(page.getByText('This project paid $1,800, and the dashboard counts that as won value.')).toBeVisible();
  await page.getByRole('link', { name: 'Log an opportunity from this effort' }).click();
  const helix = page.getByRole('form', { name: 'New opportunity' });
  await expect(helix.getByLabel('Effort it came from (optional)')).toHaveValue(brochure);
  await helix.getByLabel('Title').fill(TITLES.helix);
  await helix.getByLabel('Kind').selectOption({ label: 'Client' });
  await helix.getByLabel('Contact', { exact: true }).selectOption({ label: `${ANA.name} (${ANA.company})` });
  await helix.getByLabel('Stage').selectOption({ label: 'Won' });
  await helix.getByLabel(/Expected value/).fill('1800');
  await helix.getByLabel(/Won value/).fill('1800');
  await helix.getByLabel('Opened on').fill(daysAgo(90));
  await helix.getByLabel('Closed on').fill(daysAgo(78));
  await helix.getByRole('button', { name: 'Create opportunity' }).click();
  await page.waitForURL(/\/opportunities\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('region', { name: 'Details' }).getByText('$1,800').first()).toBeVisible();

  // Informational interviews: one thanked the same day, one a week ago still waiting for a thank-you.
  await logEffort(page, 'Informational interviews', { title: TITLES.coffee, date: daysAgo(45), hours: '1.5' }, async (form) => {
    await form.getByLabel('Person').fill('Priya Nair');
    await form.getByLabel('Their company').fill('Genova Bio');
    await form.getByLabel('Their role').fill('Content lead');
    await form.getByLabel('What you learned').fill('They hire freelancers for launch campaigns');
    await form.getByLabel('Thank-you sent').check();
    await form.getByLabel('Follow-up date').fill(daysAgo(-15));
  });
  const call = await logEffort(page, 'Informational interviews', { title: TITLES.call, date: daysAgo(7), hours: '0.5' }, async (form) => {
    await form.getByLabel('Person').fill('Tom Becker');
    await form.getByLabel('Their company').fill('Medscribe');
    await form.getByLabel('Their role').fill('Senior medical writer');
  });

  // LinkedIn: an afternoon of outreach, and the profile checklist half done.
  await logEffort(page, 'LinkedIn', { title: TITLES.linkedin, date: daysAgo(60), hours: '5' }, async (form) => {
    await form.getByLabel('Messages sent').fill('14');
    await form.getByLabel('Posts').fill('3');
    await form.getByLabel('Meetings arranged').fill('2');
    await form.getByLabel('Connections made').fill('22');
  });
  await navigate(page, 'Efforts');
  await page.getByRole('link', { name: /LinkedIn profile: 0 of 5 done/ }).click();
  const checklist = page.getByRole('form', { name: 'LinkedIn profile checklist' });
  await checklist.getByLabel('Summary').check();
  await checklist.getByLabel('Work history').check();
  await checklist.getByLabel('Degrees').check();
  await checklist.getByRole('button', { name: 'Save checklist' }).click();
  await expect(checklist.getByRole('status')).toHaveText('Saved.');
  await expect(page.getByRole('heading', { name: '3 of 5 done' })).toBeVisible();

  return { rooftop, club, favor, ecommerce, brochure, call, luca, bakery, priya };
}

/** The page fits its viewport: nothing scrolls sideways. */
export async function expectNoSideScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
}
