import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CLUB_ENTRIES, LUCA, NICHE, TITLES, expectNoSideScroll, navigate, recordStory } from './story-helpers';

/** An efforts-list row, found by its title link. */
function effortRow(page: Page, title: string): Locator {
  return page
    .getByRole('list', { name: 'Efforts, newest first' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

/** The value shown beside a label on a detail page. */
function detail(scope: Locator, label: string): Locator {
  return scope.locator('div').filter({ has: scope.page().locator(`dt:text-is("${label}")`) }).locator('dd').first();
}

test.describe('the seed author’s story', () => {
  test('a new user records a year of networking through the UI, and every flag lands where it applies', async ({ page, account }) => {
    test.slow();
    const ids = await recordStory(page, account);

    await test.step('the efforts list flags drinking, pitches, unrelated stretch work and a missing thank-you', async () => {
      await navigate(page, 'Efforts');
      const list = page.getByRole('list', { name: 'Efforts, newest first' });
      await expect(list.locator(':scope > li')).toHaveCount(10);
      const flags = (title: string) => effortRow(page, title).getByRole('list', { name: 'Flags' }).getByRole('listitem');

      // Two drinks is still fine; the evening is flagged only for its pitches.
      await expect(flags(TITLES.anchor)).toHaveText([/More pitches than useful contacts/, /Job seekers asked you for work/]);
      await expect(flags(TITLES.rooftop)).toHaveText([/Past two drinks/, /More pitches than useful contacts/, /Job seekers asked you for work/]);
      await expect(flags(TITLES.brass)).toHaveText([/Past two drinks/, /More pitches than useful contacts/, /Job seekers asked you for work/]);
      await expect(flags(TITLES.ecommerce)).toHaveText([/Unrelated to your niche/]);
      await expect(flags(TITLES.call)).toHaveText([/Thank-you not sent/]);
      for (const title of [TITLES.brochure, TITLES.coffee, TITLES.club, TITLES.favor, TITLES.linkedin]) {
        await expect(effortRow(page, title)).toHaveCount(1);
        await expect(effortRow(page, title).getByRole('list', { name: 'Flags' })).toHaveCount(0);
      }
      await expect(page.getByRole('link', { name: 'LinkedIn profile: 3 of 5 done' })).toBeVisible();
      await expectNoSideScroll(page);
    });

    await test.step('the quick-logged happy hour keeps its counts and explains its flags', async () => {
      await effortRow(page, TITLES.rooftop).getByRole('link', { name: TITLES.rooftop }).click();
      await page.waitForURL(new RegExp(`/efforts/${ids.rooftop}$`));
      const flags = page.getByRole('region', { name: 'Flags' });
      await expect(flags.getByText('Past two drinks')).toBeVisible();
      await expect(flags.getByText(/stop at the second drink/)).toBeVisible();
      await expect(flags.getByText('More pitches than useful contacts')).toBeVisible();
      const details = page.getByRole('region', { name: 'Details' });
      await expect(detail(details, 'Drinks had')).toHaveText('3');
      await expect(detail(details, 'Pitches received')).toHaveText('4');
      await expect(detail(details, 'Advances received')).toHaveText('1');
      await expect(detail(details, 'Job seekers asking you for work')).toHaveText('2');
      await expect(detail(details, 'Useful contacts made')).toHaveText('0');
      await expect(detail(details, 'Hours')).toHaveText('3 h');
      await expect(detail(details, 'Money spent')).toHaveText('$45');
      await expectNoSideScroll(page);
    });

    await test.step('the unrelated stretch project is flagged against the niche; the close one is not', async () => {
      await page.goto(`${account.workspaceUrl}/efforts/${ids.ecommerce}`);
      await expect(page.getByRole('region', { name: 'Flags' }).getByText('Unrelated to your niche')).toBeVisible();
      const details = page.getByRole('region', { name: 'Details' });
      await expect(detail(details, 'Similarity to your target niche')).toHaveText('Unrelated');
      await expect(detail(details, 'Your target niche')).toHaveText(NICHE);

      await page.goto(`${account.workspaceUrl}/efforts/${ids.brochure}`);
      await expect(page.getByRole('region', { name: 'Flags' })).toHaveCount(0);
      await expect(detail(page.getByRole('region', { name: 'Details' }), 'Similarity to your target niche')).toHaveText('Close');
      await expect(detail(page.getByRole('region', { name: 'Details' }), 'Hours')).toHaveText('18 h');
      const opps = page.getByRole('region', { name: 'Opportunities from this effort' });
      await expect(opps.getByRole('link', { name: TITLES.helix })).toBeVisible();
      await expect(opps.getByText('Won')).toBeVisible();
    });

    await test.step('the interview a week ago still needs its thank-you', async () => {
      await page.goto(`${account.workspaceUrl}/efforts/${ids.call}`);
      await expect(page.getByRole('region', { name: 'Flags' }).getByText('Thank-you not sent')).toBeVisible();
      await expect(detail(page.getByRole('region', { name: 'Details' }), 'Thank-you sent')).toHaveText('No');
    });

    await test.step('the club adds up its time entries and shows its dues', async () => {
      await page.goto(`${account.workspaceUrl}/efforts/${ids.club}`);
      await expect(page.getByRole('list', { name: 'Time entries' }).getByRole('listitem')).toHaveCount(CLUB_ENTRIES.length + 1);
      const details = page.getByRole('region', { name: 'Details' });
      await expect(detail(details, 'Hours')).toHaveText('24 h');
      await expect(detail(details, 'Yearly dues')).toHaveText('$120');
      await expect(detail(details, 'Your role and contribution')).toHaveText('Keeps the books');
      await expect(page.getByRole('region', { name: 'Flags' })).toHaveCount(0);
    });

    await test.step('the restaurant owner remembers you, and brought a won gig', async () => {
      await navigate(page, 'Contacts');
      const row = page.getByRole('list', { name: 'Contacts' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: LUCA.name }) });
      await expect(row.getByText('Remembers you')).toBeVisible();
      await expect(row.getByText('Volunteering & favors')).toBeVisible();
      await row.getByRole('link', { name: LUCA.name }).click();
      await page.waitForURL(new RegExp(`/contacts/${ids.luca}$`));
      await expect(page.getByText('Remembers you')).toBeVisible();
      // Listed as where they met and among the efforts that involved them.
      await expect(page.getByRole('link', { name: TITLES.favor }).first()).toBeVisible();
      const brought = page.getByRole('region', { name: 'Opportunities they brought' });
      await expect(brought.getByRole('link', { name: TITLES.bakery })).toBeVisible();
      await expect(brought.getByText(/^Won · opened/)).toBeVisible();
      await expectNoSideScroll(page);

      await brought.getByRole('link', { name: TITLES.bakery }).click();
      await page.waitForURL(new RegExp(`/opportunities/${ids.bakery}$`));
      const details = page.getByRole('region', { name: 'Details' });
      await expect(details.getByText('Won', { exact: true })).toBeVisible();
      await expect(details.getByText('$1,200')).toBeVisible();
      await expect(details.getByRole('link', { name: LUCA.name })).toBeVisible();
    });
  });
});
