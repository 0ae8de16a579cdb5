import { expect, test } from './fixtures';

test('header menus close on Escape, on a tap outside, after a link, and when another one opens', async ({ page, account }) => {
  await page.goto(account.workspaceUrl);
  const switcher = page.locator('summary', { hasText: ': switch workspace' }).filter({ visible: true });
  const workspaces = page.getByText('Your workspaces').filter({ visible: true });

  await switcher.click();
  await expect(workspaces).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(workspaces).toBeHidden();
  await expect(switcher).toBeFocused();

  await switcher.click();
  await expect(workspaces).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await expect(workspaces).toBeHidden();

  // Tabbing on past its last entry closes it too, so it never hides the control that has the focus.
  await switcher.focus();
  await page.keyboard.press('Enter');
  await expect(workspaces).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.locator('a[aria-current="true"]').filter({ visible: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(workspaces).toBeHidden();

  // Following the current workspace's own link keeps the page but closes the menu.
  await switcher.click();
  await page.locator('a[aria-current="true"]').filter({ visible: true }).click();
  await expect(workspaces).toBeHidden();

  const more = page.locator('summary', { hasText: 'More' }).filter({ visible: true });
  if ((await more.count()) === 0) return; // The More menu exists on phones only.
  const moreMenu = page.getByRole('navigation', { name: 'More' });

  await more.click();
  await expect(moreMenu).toBeVisible();
  await switcher.click();
  await expect(workspaces).toBeVisible();
  await expect(moreMenu).toBeHidden();
  await page.keyboard.press('Escape');

  await more.click();
  await moreMenu.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(moreMenu).toBeHidden();

  // The bottom bar changes the page under an open menu: the menu closes as well.
  await more.click();
  await expect(moreMenu).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).filter({ visible: true }).getByRole('link', { name: 'Contacts' }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(moreMenu).toBeHidden();
});
