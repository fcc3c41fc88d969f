import { expect, test } from '@playwright/test';
import { adminCredentials, signIn, signOut, strongPassword, uniqueEmail } from './support';

test('the admin creates a therapist who can then sign in to their day', async ({ page }) => {
  const therapist = {
    name: `Tess Therapist ${Date.now()}`,
    email: uniqueEmail('therapist'),
    password: strongPassword(),
  };

  await signIn(page, adminCredentials());
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();

  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  // an invitation by e-mail is the default (registration.spec.ts); this journey sets the password at once
  await dialog.getByLabel('Set an initial password now').check();
  await dialog.getByLabel('Name', { exact: true }).fill(therapist.name);
  await dialog.getByLabel('Email', { exact: true }).fill(therapist.email);
  await dialog.getByLabel('Role', { exact: true }).selectOption('therapist');
  await dialog.getByLabel('Credential').selectOption('RBT');
  await dialog.getByLabel('Initial password', { exact: true }).fill(therapist.password);
  await dialog.getByRole('button', { name: 'Create user' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `${therapist.name} was created.` })).toBeVisible();
  await page.getByLabel('Search').fill(therapist.email);
  await expect(page.getByRole('row', { name: new RegExp(therapist.name) })).toContainText('RBT');

  await signOut(page);
  await signIn(page, therapist);

  await expect(page.getByRole('heading', { level: 1, name: 'My day' })).toBeVisible();
  await expect(page.getByText(`Welcome, ${therapist.name}`)).toBeVisible();
  await expect(page.getByText('Credential: RBT')).toBeVisible();
});
