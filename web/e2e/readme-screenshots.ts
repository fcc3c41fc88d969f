import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

/** One screenshot per role for the README's five-minute tour, taken from the running demo clinic. */
const images = fileURLToPath(new URL('../../docs/images/', import.meta.url));

async function signInAs(page: Page, name: string) {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: new RegExp(`^Fill in ${name}`) }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

async function shoot(page: Page, name: string) {
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
  await page.screenshot({ path: `${images}${name}.png` });
}

test('the sign-in page of the demo clinic', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('region', { name: 'Demo clinic accounts' })).toBeVisible();
  // the card only: the page's gradient background would make the image ten times larger
  await page.locator('main').screenshot({ path: `${images}sign-in.png` });
});

test('admin: the week’s schedule', async ({ page }) => {
  await signInAs(page, 'Dana Whitfield');
  await nav(page, 'Schedule').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
  await shoot(page, 'admin-schedule');
});

test('supervisor: a child’s progress graphs', async ({ page }) => {
  await signInAs(page, 'Maya Okafor');
  await nav(page, 'My caseload').click();
  await page
    .getByRole('link', { name: /Oliver/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'Progress', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Progress of/ })).toBeVisible();
  await shoot(page, 'supervisor-progress');
});

test('technician: today’s sessions', async ({ page }) => {
  await signInAs(page, 'Luis Romero');
  await page.goto('/schedule/today');
  await expect(page.getByRole('heading', { level: 1, name: 'Today’s sessions' })).toBeVisible();
  await shoot(page, 'technician-today');
});

test('parent: the family’s home', async ({ page }) => {
  await signInAs(page, 'Emma Carter');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await shoot(page, 'parent-home');
});
