import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { hasHorizontalScroll, signIn } from './support';

/**
 * The admin's clinic dashboard in the demo clinic, at a phone's width and a desktop's: a preset period, the rows
 * behind a figure page by page, and their CSV, which has every row (not only the page's).
 *
 * Needs the demo clinic (its weeks of appointments), so it runs with the crawl (`E2E_DEMO_CLINIC=1`, see
 * playwright.config.ts). `SCREENSHOTS=/tmp/prefix` writes what it saw.
 */

const PASSWORD = process.env.E2E_DEMO_PASSWORD ?? 'spark-demo-clinic-2026';
const ADMIN = { email: 'admin@demo.sparktherapy.org', password: PASSWORD };

const WIDTHS = [
  { name: 'phone', viewport: { width: 390, height: 844 }, touch: true },
  { name: 'desktop', viewport: { width: 1280, height: 900 }, touch: false },
];

/** The report tables (`ReportTable`) that scroll sideways inside their own box; on a phone they stack instead. */
async function sidewaysReportTables(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.report-table-wrap'))
      .filter((wrap) => wrap.scrollWidth > wrap.clientWidth)
      .map((wrap) => wrap.getAttribute('aria-label') ?? '(unnamed table)'),
  );
}

async function screenshot(page: Page, name: string) {
  if (process.env.SCREENSHOTS)
    await page.screenshot({ path: `${process.env.SCREENSHOTS}-${name}.png`, fullPage: true });
}

for (const width of WIDTHS) {
  test.describe(`reports at ${width.name} width`, () => {
    test.use({ viewport: width.viewport, hasTouch: width.touch, isMobile: width.touch });

    test('the admin picks a preset period, pages through the rows behind a figure and downloads them all', async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await signIn(page, ADMIN);
      await expect(page.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeVisible();

      await page.goto('/reports');
      await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'This month', pressed: true })).toBeVisible();

      await page.getByRole('button', { name: 'Last 3 months' }).click();
      await expect(page.getByRole('button', { name: 'Last 3 months', pressed: true })).toBeVisible();
      await expect(page).toHaveURL(/from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}/);
      const therapists = page.getByRole('table', { name: 'Utilization per therapist' });
      await expect(therapists.getByRole('rowheader').first()).toBeVisible();
      expect(await hasHorizontalScroll(page)).toBe(false);
      expect(await sidewaysReportTables(page)).toEqual([]);
      if (width.touch) {
        // a card: each cell says its column, the headings are still there for screen readers
        const cell = therapists.locator('td[data-label="Billable"]').first();
        expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toContain('Billable');
        await expect(therapists.getByRole('columnheader', { name: 'Billable' })).toHaveCount(1);
      }
      await screenshot(page, `${width.name}-dashboard`);

      // the therapist with the most hours has more appointments than a page holds
      await therapists.getByRole('rowheader').first().getByRole('link').click();
      await expect(page.getByRole('heading', { level: 1, name: 'Appointments in the report' })).toBeVisible();
      const rows = page.getByRole('table', { name: 'Appointments' });
      await expect(rows.getByRole('rowheader').first()).toBeVisible();
      const status = page.getByRole('navigation', { name: 'Pages of appointments' }).locator('.pagination-status');
      await expect(status).toHaveText(/^Page 1 of \d+ · \d+ appointments$/);
      const total = Number(/· (\d+) appointments/.exec((await status.textContent()) ?? '')?.[1]);
      expect(total).toBeGreaterThan(20);
      await expect(rows.getByRole('rowheader')).toHaveCount(20);
      const firstOfPageOne = await rows.getByRole('rowheader').first().textContent();

      await page.getByRole('button', { name: 'Next page' }).click();
      await expect(status).toHaveText(new RegExp(`^Page 2 of \\d+ · ${total} appointments$`));
      await expect(rows.getByRole('rowheader').first()).not.toHaveText(firstOfPageOne ?? '');
      expect(await hasHorizontalScroll(page)).toBe(false);
      expect(await sidewaysReportTables(page)).toEqual([]);
      await screenshot(page, `${width.name}-appointments-page-2`);

      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'All as CSV' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^appointments_\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile(await download.path(), 'utf8');
      expect(
        csv.startsWith('appointment_id,child_id,child,therapist_id,therapist,service_code,start,end,status,'),
      ).toBe(true);
      expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + total);
    });
  });
}
