import { test as base, expect, type Page } from '@playwright/test';

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
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    await use({ 'x-forwarded-for': testAddress(), ...extraHTTPHeaders });
  },
  account: async ({ page }, use) => {
    await use(await signUp(page));
  },
});

export { expect };
