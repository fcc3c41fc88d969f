import { expect, test } from '@playwright/test';
import { adminCredentials, signIn } from './support';

/**
 * A brief database outage (ADR 0041, 0046): the children list answers 503 with `Retry-After` twice, and the app
 * says it is trying again, then loads the list without anyone clicking; no error is shown.
 */
test('a list waits out a 503 with Retry-After and then shows itself', async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, adminCredentials());
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeVisible();

  let outages = 2;
  await page.route('**/api/children?**', async (route) => {
    if (outages <= 0) return route.continue();
    outages -= 1;
    return route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      headers: { 'Retry-After': '1' },
      body: JSON.stringify({
        type: 'https://sparktherapy.org/problems/database-unavailable',
        title: 'Database unavailable',
        status: 503,
        detail: 'The database is not answering right now.',
      }),
    });
  });
  const answered = page.waitForResponse((response) => response.url().includes('/api/children?') && response.ok());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Children' }).click();

  const status = page.locator('[aria-live="polite"]').filter({ hasText: 'briefly unavailable' });
  await expect(status).toContainText("The clinic's server is briefly unavailable; trying again in");
  await answered;
  await expect(page.getByText('Loading children…')).toHaveCount(0);
  await expect(status).toHaveCount(0);
  expect(outages).toBe(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
