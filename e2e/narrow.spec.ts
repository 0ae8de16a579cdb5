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

test('on a 320 px screen every entry of the bottom bar shows its whole label', async ({ page, account }) => {
  await page.goto(account.workspaceUrl);
  const bar = page.getByRole('navigation', { name: 'Main' });
  await expect(bar.getByRole('link', { name: 'Opportunities' })).toBeVisible();
  const entries = await bar.getByRole('link').evaluateAll((links) =>
    links.map((a) => ({ label: a.textContent, overflows: a.scrollWidth > a.clientWidth, right: a.getBoundingClientRect().right })),
  );
  expect(entries.map((e) => e.label)).toEqual(['Dashboard', 'Log', 'Efforts', 'Contacts', 'Opportunities']);
  for (const e of entries) {
    expect(e.overflows, `${e.label} is cut off`).toBe(false);
    expect(e.right, `${e.label} runs off the screen`).toBeLessThanOrEqual(320);
  }
});
