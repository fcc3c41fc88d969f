import { expect, test } from '@playwright/test';
import { adminCredentials, createUserThroughApi, signIn, strongPassword, uniqueEmail } from './support';

test('the admin signs in and lands on the clinic overview', async ({ page }) => {
  await signIn(page, adminCredentials());

  await expect(page.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeVisible();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page).toHaveTitle(/Clinic overview/);
});

test('a wrong password shows an error and stays on sign-in', async ({ page, request }) => {
  // A user of its own, so that failed attempts never count against the bootstrap admin.
  const parent = { name: 'Wrong Password Parent', email: uniqueEmail('wrong-password'), password: strongPassword() };
  await createUserThroughApi(request, { ...parent, role: 'parent' });

  await signIn(page, { email: parent.email, password: `${parent.password}-typo` });

  await expect(page.getByRole('alert')).toContainText('Invalid email or password');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});
