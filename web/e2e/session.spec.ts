import { expect, test } from '@playwright/test';
import { adminCredentials, signIn, signOut } from './support';

test('a reload keeps the user signed in until they sign out', async ({ page }) => {
  await signIn(page, adminCredentials());
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeVisible();

  await signOut(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('a deep link opens after the silent sign-in', async ({ page }) => {
  await signIn(page, adminCredentials());
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeVisible();

  await page.goto('/admin/users');

  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
});
