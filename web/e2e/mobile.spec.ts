import { expect, test } from '@playwright/test';
import { adminCredentials, hasHorizontalScroll, sidewaysScrollingTables, signIn } from './support';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('on a phone, sign-in and home fit the screen and the menu reaches the navigation', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  expect(await hasHorizontalScroll(page)).toBe(false);

  await signIn(page, adminCredentials());
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeVisible();
  expect(await hasHorizontalScroll(page)).toBe(false);

  const nav = page.getByRole('navigation', { name: 'Main' });
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(nav.getByRole('link', { name: 'Users' })).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await nav.getByRole('link', { name: 'Users' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Users' })).toBeHidden();
  await expect(page.getByRole('table', { name: 'Users' }).getByRole('rowheader').first()).toBeVisible();
  expect(await hasHorizontalScroll(page)).toBe(false);
  expect(await sidewaysScrollingTables(page)).toEqual([]);
});

test('on a phone, the users and the audit log stack each row into a labelled card, keeping their column headers', async ({
  page,
}) => {
  await signIn(page, adminCredentials());
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeVisible();

  await page.goto('/admin/users');
  const users = page.getByRole('table', { name: 'Users' });
  await expect(users.getByRole('rowheader').first()).toBeVisible();
  await expect(users.getByRole('columnheader', { name: 'Role' })).toHaveCount(1);
  expect(await hasHorizontalScroll(page)).toBe(false);
  expect(await sidewaysScrollingTables(page)).toEqual([]);
  const role = users.locator('td[data-label="Role"]').first();
  expect(await role.evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"Role"');

  await page.goto('/admin/audit');
  const audit = page.getByRole('table', { name: 'Audit log entries' });
  await expect(audit.getByRole('cell').first()).toBeVisible();
  await expect(audit.getByRole('columnheader', { name: 'Request' })).toHaveCount(1);
  expect(await hasHorizontalScroll(page)).toBe(false);
  expect(await sidewaysScrollingTables(page)).toEqual([]);
});
