import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { now, setClock } from '../lib/clock';
import { localParts } from '../lib/reminders/time';
import { addDays, today } from '../lib/dates';

// The specs and the server under test run on the same clock (see playwright.config.ts).
if (process.env.GROUNDWORK_CLOCK) setClock(process.env.GROUNDWORK_CLOCK);

/** A YYYY-MM-DD date some days before today, in the server's calendar (UTC), on the app's clock. */
export function daysAgo(days: number): string {
  return addDays(today(), -days);
}

/**
 * A date some days before today in the browser's own zone (TZ), as a person there would type it:
 * where the app counts days in the person's zone (Due today, reminders), expectations use this.
 */
export function localDaysAgo(days: number): string {
  return addDays(localParts(now(), process.env.TZ || 'UTC').date, -days);
}

export interface Account {
  name: string;
  email: string;
  password: string;
  workspaceId: string;
  workspaceUrl: string;
}

let counter = 0;

/** A unique address per call, so tests never share an account. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 7)}@example.com`;
}

/** Signs up through the form and waits for the new workspace's dashboard. */
export async function signUp(page: Page, overrides: Partial<Pick<Account, 'name' | 'email' | 'password'>> = {}): Promise<Account> {
  const name = overrides.name ?? 'Robin Castillo';
  const email = overrides.email ?? uniqueEmail();
  const password = overrides.password ?? 'a quiet walk by the harbour';
  await page.goto('/signup');
  const form = page.getByRole('form', { name: 'Create your account' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/w\/[0-9a-f-]{36}$/);
  const workspaceId = new URL(page.url()).pathname.split('/')[2];
  return { name, email, password, workspaceId, workspaceUrl: `/w/${workspaceId}` };
}

/** Signs in through the form; does not wait for where it lands. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

/** The href of the first link in the outbox mail to `to` whose subject matches, as a same-origin path. */
export async function mailedLink(page: Page, to: string, subject: RegExp, pathPart: string): Promise<string> {
  const mail = page.getByRole('article', { name: new RegExp(`^Mail to ${to.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `) }).filter({
    has: page.getByRole('heading', { name: subject }),
  });
  let href: string | null = null;
  // Some mail goes out just after the response: load the outbox again until it is there, rather
  // than wait on a page rendered before the mail was written.
  await expect(async () => {
    await page.goto('/dev/outbox');
    href = await mail.first().locator(`a[href*="${pathPart}"]`).first().getAttribute('href', { timeout: 2000 });
    expect(href, `a ${pathPart} link mailed to ${to}`).toBeTruthy();
  }).toPass({ timeout: 30_000 });
  const url = new URL(href!);
  return url.pathname + url.search;
}

/** The newest mail to the address with that subject in the development outbox, once it is there. */
export async function newestMail(page: Page, to: string, subject: string): Promise<Locator> {
  const mail = page.getByRole('article', { name: `Mail to ${to}: ${subject}` }).first();
  // Some mail goes out just after the response, so look again until it is there.
  await expect(async () => {
    await page.goto('/dev/outbox');
    await expect(mail).toBeVisible({ timeout: 1000 });
  }).toPass();
  return mail;
}

/** Creates the workspace's private calendar feed on the export page; returns its field and URL. */
export async function createCalendarFeed(page: Page, workspaceUrl: string): Promise<{ field: Locator; url: string }> {
  await page.goto(`${workspaceUrl}/export`);
  await page.getByRole('button', { name: 'Create feed URL' }).click();
  const field = page.getByLabel('Your private calendar URL');
  await expect(field).toHaveValue(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  return { field, url: await field.inputValue() };
}

/** Opens a record's Delete dialog and cancels (the record stays), then opens it again and confirms. */
export async function deleteAfterCancelling(page: Page, dialogName: string, confirm: string): Promise<void> {
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: dialogName });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await dialog.getByRole('button', { name: confirm }).click();
}

/** Signs out with the visible control for the viewport. */
export async function signOut(page: Page): Promise<void> {
  const visible = page.getByRole('button', { name: 'Sign out' }).filter({ visible: true });
  // On a phone it sits in the header's "More" menu.
  if ((await visible.count()) === 0) await page.locator('summary', { hasText: 'More' }).filter({ visible: true }).click();
  await visible.first().click();
  await page.waitForURL(/\/signin/);
}

/**
 * The server under test trusts one proxy hop, and this stands in for that proxy: each test gets
 * an address of its own, so per-address limits count each test's requests alone.
 */
export function testAddress(): string {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  return `10.${octet()}.${octet()}.${octet()}`;
}

export const test = base.extend<{ account: Account }>({
  page: async ({ page }, use) => {
    // The browser's own clock agrees with the server's when the run sets one.
    if (process.env.GROUNDWORK_CLOCK) await page.clock.setSystemTime(new Date(process.env.GROUNDWORK_CLOCK));
    await use(page);
  },
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    await use({ 'x-forwarded-for': testAddress(), ...extraHTTPHeaders });
  },
  account: async ({ page }, use) => {
    await use(await signUp(page));
  },
});

export { expect };
