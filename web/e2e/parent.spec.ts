import { expect, test } from '@playwright/test';
import { createUserThroughApi, signIn, strongPassword, uniqueEmail } from './support';

test('a parent created by the admin signs in to their family page', async ({ page, request }) => {
  const parent = { name: `Pat Parent ${Date.now()}`, email: uniqueEmail('parent'), password: strongPassword() };
  await createUserThroughApi(request, { ...parent, role: 'parent' });

  await signIn(page, parent);

  await expect(page.getByRole('heading', { level: 1, name: 'My family' })).toBeVisible();
  await expect(page.getByText(`Welcome, ${parent.name}`)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
});
