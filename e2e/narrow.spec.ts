import { expect, test } from './fixtures';

// The narrowest phones in use are 320 px wide: the weekly goals form (long channel names in its
// selects) and the roster's top bar must fit without scrolling sideways.
test.use({ viewport: { width: 320, height: 640 } });

test('on a 320 px screen the goals page and the roster fit their width', async ({ page, account }) => {
  for (const url of [`${account.workspaceUrl}/goals`, '/roster']) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(320);
  }
});
