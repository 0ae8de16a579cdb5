import { expect, test } from './fixtures';
import { TITLES, daysAgo, expectNoSideScroll, recordStory } from './story-helpers';

const EVENTS = 'Networking events & happy hours';

test.describe('dashboard', () => {
  test('a year of networking: wins are never told to cut back, happy hours rank last, thin channels are too early', async ({ page, account }) => {
    // A year of records typed through the forms, then every view of it.
    test.setTimeout(300_000);
    await recordStory(page, account);

    /** Opens the folded "period · attribution" line and returns the controls. */
    const openView = async () => {
      const view = page.getByRole('form', { name: 'Dashboard view' });
      if (!(await view.isVisible())) await page.getByText(/· .* attribution/).first().click();
      await expect(view).toBeVisible();
      return view;
    };
    const ranking = page.getByRole('region', { name: 'Channels, best first' });
    const channels = ranking.getByRole('listitem', { name: /^\d+\. / });
    const labels = () => channels.evaluateAll((items) => items.map((li) => li.getAttribute('aria-label') ?? ''));
    const advice = page.getByRole('region', { name: 'What to do next' });

    await test.step('the default is the last 12 months, folded into one line above the verdicts', async () => {
      await page.goto(account.workspaceUrl);
      await expect(page.getByText('Last 12 months · first touch attribution')).toBeVisible();
      await expect(page.getByRole('form', { name: 'Dashboard view' })).toBeHidden();
      const view = await openView();
      await expect(view.getByLabel('Period')).toHaveValue('365');
    });

    const checkVerdicts = async () => {
      const names = await labels();
      expect(names.length).toBeGreaterThanOrEqual(6);
      // Happy hours rank last, as a time drain.
      expect(names.at(-1)).toMatch(new RegExp(`^\\d+\\. ${EVENTS}: .*, Time drain$`));
      // The channels that brought wins are never told to cut back.
      for (const won of ['Professional organizations & clubs', 'Volunteering & favors', 'Stretch projects']) {
        const label = names.find((n) => n.includes(won));
        expect(label).toBeDefined();
        expect(label).not.toMatch(/Time drain|grade [DF]/);
      }
      // Thin channels read "too early", with no letter they have not earned.
      for (const thin of ['Informational interviews', 'LinkedIn']) {
        expect(names.find((n) => n.includes(thin))).toMatch(/too early to grade, (Too early|Promising)$/);
      }
      const texts = await advice.getByRole('listitem').allTextContents();
      expect(texts.some((t) => /Professional organizations & clubs took .*cut back/.test(t))).toBe(false);
      expect(texts.some((t) => /Volunteering & favors took .*cut back/.test(t))).toBe(false);
    };

    await test.step('the default view', async () => {
      await checkVerdicts();
      const club = channels.filter({ has: page.getByRole('heading', { name: 'Professional organizations & clubs' }) });
      await expect(club.getByText('Won value')).toBeVisible();
      await expect(club.getByText('$1,500', { exact: true })).toBeVisible();
    });

    await test.step('no advice is lost: the rest waits behind "N more"', async () => {
      const more = advice.getByText(/^\d+ more$/);
      await expect(more).toBeVisible();
      await more.click();
      await expect(advice.getByRole('listitem').filter({ hasText: 'Your LinkedIn profile lacks affiliations and hobbies.' })).toBeVisible();
      await expect(advice.getByRole('listitem').filter({ hasText: `Stretch project “${TITLES.ecommerce}” is unrelated to your niche.` })).toBeVisible();
      await expect(
        advice.getByRole('listitem').filter({ hasText: `${EVENTS} took 9 h and $135 in the last 12 months, brought no opportunity and 12 pitches` }),
      ).toBeVisible();
      await expect(advice.getByRole('listitem').filter({ hasText: /keep them for follow-ups with existing clients/ })).toHaveCount(1);
    });

    await test.step('"Why this grade?" speaks plainly', async () => {
      const card = channels.filter({ has: page.getByRole('heading', { name: 'Volunteering & favors' }) });
      await card.getByText('Why this grade?').click();
      await expect(card.getByText('One win of $1,200 from 10 h: $120 an hour, twice your $60.')).toBeVisible();
      await expect(card.getByText(/^One win is thin evidence: an hour here could return anywhere from \$\d+ to \$[\d,]+, too wide to grade/)).toBeVisible();
      await expect(card).not.toContainText(/pseudo|reference|score/i);
    });

    await test.step('the main picture has a text alternative', async () => {
      const picture = page.getByRole('img', { name: /What an hour returns per channel/ });
      await expect(picture).toBeVisible();
      await expect(picture).toHaveAccessibleName(/Networking events & happy hours: about \$[\d,]+ an hour, plausibly .*Time drain/);
    });

    await test.step('the same holds over all time and over the last 90 days', async () => {
      for (const period of ['All time', 'Last 90 days']) {
        const view = await openView();
        await view.getByLabel('Period').selectOption({ label: period });
        await view.getByRole('button', { name: 'Show' }).click();
        await expect(page.getByText(`${period} · first touch attribution`)).toBeVisible();
        const names = await labels();
        for (const won of ['Professional organizations & clubs', 'Volunteering & favors', 'Stretch projects']) {
          expect(names.find((n) => n.includes(won)) ?? '').not.toMatch(/Time drain|grade [DF]/);
        }
        expect(names.at(-1)).toMatch(/Time drain$/);
      }
      // Back to all time, first touch, for the charts.
      const view = await openView();
      await view.getByLabel('Period').selectOption({ label: 'All time' });
      await view.getByRole('button', { name: 'Show' }).click();
      await expect(page.getByText('All time · first touch attribution')).toBeVisible();
      await checkVerdicts();
    });

    await test.step('period and attribution live in the URL', async () => {
      const view = await openView();
      await view.getByLabel('Attribution').selectOption({ label: 'Last touch' });
      await view.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL((url) => url.searchParams.get('period') === 'all' && url.searchParams.get('model') === 'last');
      const shared = page.url();
      await page.goto(account.workspaceUrl);
      await expect(page.getByText('Last 12 months · first touch attribution')).toBeVisible();
      await page.goto(shared);
      await expect(page.getByText('All time · last touch attribution')).toBeVisible();
      const again = await openView();
      await expect(again.getByLabel('Attribution')).toHaveValue('last');
      await again.getByLabel('Attribution').selectOption({ label: 'First touch' });
      await again.getByRole('button', { name: 'Show' }).click();
      await expect(page.getByText('All time · first touch attribution')).toBeVisible();
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
    await page.getByText(/· .* attribution/).first().click();
    const view = page.getByRole('form', { name: 'Dashboard view' });
    await view.getByLabel('Period').selectOption({ label: 'Custom' });
    await view.getByLabel('From (custom)').fill('2026-03-31');
    await view.getByLabel('To (custom)').fill('2026-01-01');
    await view.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'From was after To, so the two dates were swapped.' })).toBeVisible();
    await expect(page.getByText('2026-01-01 to 2026-03-31 · first touch attribution')).toBeVisible();
    await expect(view.getByLabel('From (custom)')).toHaveValue('2026-01-01');

    await view.getByLabel('Period').selectOption({ label: 'Last 30 days' });
    await view.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'From and To apply only when Period is Custom; showing last 30 days.' })).toBeVisible();
    await expect(view.getByLabel('Period')).toHaveValue('30');
    await expect(view.getByLabel('From (custom)')).toHaveValue('');
  });
});
