import { expect, test } from './fixtures';
import { TITLES, daysAgo, expectNoSideScroll, recordStory } from './story-helpers';

const EVENTS = 'Networking events & happy hours';

test.describe('dashboard', () => {
  test('the seed author’s story grades happy hours a time drain and puts work-like channels first', async ({ page, account }) => {
    test.slow();
    await recordStory(page, account);

    await test.step('period and attribution live in the URL', async () => {
      await page.goto(account.workspaceUrl);
      const view = page.getByRole('form', { name: 'Dashboard view' });
      await expect(view.getByLabel('Period')).toHaveValue('90');
      await view.getByLabel('Period').selectOption({ label: 'All time' });
      await view.getByLabel('Attribution').selectOption({ label: 'Last touch' });
      await view.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL((url) => url.searchParams.get('period') === 'all' && url.searchParams.get('model') === 'last');
      await expect(page.getByText(/all time, last touch attribution/)).toBeVisible();

      // The same address opened afresh shows the same selection.
      const shared = page.url();
      await page.goto(account.workspaceUrl);
      await expect(page.getByRole('form', { name: 'Dashboard view' }).getByLabel('Period')).toHaveValue('90');
      await page.goto(shared);
      await expect(view.getByLabel('Period')).toHaveValue('all');
      await expect(view.getByLabel('Attribution')).toHaveValue('last');

      // Back to the default model over all time for the rest of the checks.
      await view.getByLabel('Attribution').selectOption({ label: 'First touch' });
      await view.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL((url) => url.searchParams.get('period') === 'all' && url.searchParams.get('model') === 'first');
      await expect(page.getByText(/all time, first touch attribution/)).toBeVisible();
    });

    const ranking = page.getByRole('region', { name: 'Channels, best first' });
    const channels = ranking.getByRole('listitem', { name: /^\d+\. / });

    await test.step('happy hours are a time drain; volunteering or stretch work leads the ranking', async () => {
      const names = await channels.evaluateAll((items) => items.map((li) => li.getAttribute('aria-label') ?? ''));
      expect(names.length).toBeGreaterThanOrEqual(6);
      expect(names[0]).toMatch(/^1\. (Volunteering & favors|Stretch projects): grade [A-D], /);
      const events = names.findIndex((n) => n.includes(EVENTS));
      expect(names[events]).toMatch(/: grade [DF], Time drain$/);
      for (const better of ['Volunteering & favors', 'Stretch projects']) {
        expect(names.findIndex((n) => n.includes(better))).toBeLessThan(events);
      }
      const card = channels.filter({ has: page.getByRole('heading', { name: EVENTS }) });
      await expect(card.getByText('Time drain', { exact: true })).toBeVisible();
      await expect(card.getByLabel(/^Grade [DF]$/)).toBeVisible();
    });

    await test.step('"Why this grade?" shows every factor with its numbers', async () => {
      const card = channels.filter({ has: page.getByRole('heading', { name: EVENTS }) });
      await card.getByText('Why this grade?').click();
      await expect(card.getByText(/^Score \d+ of 100 → grade [DF]\./)).toBeVisible();
      await expect(card.getByText(/24 drain events in 9 h and nothing won/)).toBeVisible();
      for (const factor of [/^Value per hour: 0 \/ 40 points\./, /^Opportunities per 10 hours: 0 \/ 25 points\./, /^Contacts who remember you: 0 \/ 20 points\./, /^Drain \(pitches, advances, drinks, job-seeker asks\): \d+ \/ 15 points\./]) {
        await expect(card.getByText(factor)).toBeVisible();
      }
      await expect(card.getByText(/Thin data: 9 h over 3 efforts\./)).toBeVisible();
    });

    await test.step('the advice names the happy hours and the unrelated stretch project', async () => {
      const advice = page.getByRole('region', { name: 'What to do next' }).getByRole('listitem');
      await expect(advice.filter({ hasText: `${EVENTS} took 9 h and $135 so far, brought no opportunity and 12 pitches` })).toHaveCount(1);
      await expect(advice.filter({ hasText: /keep them for follow-ups with existing clients/ })).toHaveCount(1);
      await expect(advice.filter({ hasText: `Stretch project “${TITLES.ecommerce}” is unrelated to your niche.` })).toHaveCount(1);
    });

    await test.step('charts have text alternatives', async () => {
      const hoursVsValue = page.getByRole('img', { name: /Hours invested vs\. value won per channel/ });
      await expect(hoursVsValue).toBeVisible();
      await expect(hoursVsValue).toHaveAccessibleName(/Volunteering & favors: 10 h, \$1,200 won/);
      await expect(page.getByRole('img', { name: /Hours per month by channel/ })).toBeVisible();

      // The club logged hours every other month; the quiet months in between keep their place on the axis.
      const months: string[] = [];
      for (let m = daysAgo(300).slice(0, 7); m <= daysAgo(0).slice(0, 7); ) {
        months.push(m);
        const [y, mo] = m.split('-').map(Number);
        m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
      }
      const trend = page.getByRole('figure').filter({ hasText: 'Monthly trend' });
      await trend.getByText('Data behind this chart').click();
      await expect(trend.getByRole('row').filter({ has: page.getByRole('cell') }).locator('td:first-child')).toHaveText(months.slice(-12));
    });

    await test.step('at 360 × 740 nothing scrolls sideways, even with the explanations open', async () => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.reload();
      await expect(ranking).toBeVisible();
      await expectNoSideScroll(page);
      for (const summary of await page.getByText('Why this grade?').all()) await summary.click();
      await page.getByText('Data behind this chart').click();
      await expectNoSideScroll(page);
    });
  });

  test('a custom period typed the wrong way round is swapped, and dates without Custom are explained', async ({ page, account }) => {
    await page.goto(account.workspaceUrl);
    const view = page.getByRole('form', { name: 'Dashboard view' });
    await view.getByLabel('Period').selectOption({ label: 'Custom' });
    await view.getByLabel('From (custom)').fill('2026-03-31');
    await view.getByLabel('To (custom)').fill('2026-01-01');
    await view.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'From was after To, so the two dates were swapped.' })).toBeVisible();
    await expect(page.getByText(/2026-01-01 to 2026-03-31, first touch attribution/)).toBeVisible();
    await expect(view.getByLabel('From (custom)')).toHaveValue('2026-01-01');

    await view.getByLabel('Period').selectOption({ label: 'Last 30 days' });
    await view.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'From and To apply only when Period is Custom; showing last 30 days.' })).toBeVisible();
    await expect(view.getByLabel('Period')).toHaveValue('30');
    await expect(view.getByLabel('From (custom)')).toHaveValue('');
  });
});
