import { expect, test } from '@playwright/test';
import { adminCredentials, apiAccessToken, createUserThroughApi, signIn, strongPassword, uniqueEmail } from './support';

/**
 * An open tab is not activity: the web app warns before the sign-in's idle timeout (which the server names in its
 * login answer, `spark.security.sign-in.staff-idle-timeout`, 30 minutes by default) and signs out at it. The
 * browser's clock is driven by the test (page.clock), so the journey does not wait half an hour — and the server keeps
 * its default for the other journeys.
 */
test('an unattended tab warns before the idle timeout and then signs out, saying why', async ({ page, request }) => {
  const therapist = {
    name: `Idle Ida ${Date.now()}`,
    email: uniqueEmail('idle'),
    password: strongPassword(),
  };
  await createUserThroughApi(request, { ...therapist, role: 'therapist', credential: 'RBT' });
  await page.clock.install();

  const login = page.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
  await signIn(page, therapist);
  const { idleTimeout } = (await (await login).json()) as { idleTimeout: number };
  expect(idleTimeout).toBeGreaterThan(240);
  await expect(page.getByRole('heading', { level: 1, name: 'My day' })).toBeVisible();

  // nobody touches the page until two minutes before the limit
  await page.clock.fastForward((idleTimeout - 120) * 1000);
  const warning = page.getByRole('alertdialog', { name: /You’ll be signed out in [12]:\d\d/ });
  await expect(warning).toBeVisible();
  await warning.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(warning).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'My day' })).toBeVisible();

  // and now the whole limit without anyone there
  await page.clock.fastForward((idleTimeout - 120) * 1000);
  await expect(page.getByRole('alertdialog', { name: /You’ll be signed out in/ })).toBeVisible();
  await page.clock.fastForward(121_000);

  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  const minutes = Math.round(idleTimeout / 60);
  await expect(page.getByText(`You were signed out after ${minutes} minutes without activity.`)).toBeVisible();

  // the sign-in ended on the server too: a reload does not sign in silently
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByText(/without activity/)).toBeHidden();
});

test('the admin ends all sign-ins of a user from the user dialog', async ({ page, request }) => {
  const therapist = {
    name: `Lost Phone Lou ${Date.now()}`,
    email: uniqueEmail('lost-phone'),
    password: strongPassword(),
  };
  await createUserThroughApi(request, { ...therapist, role: 'therapist', credential: 'RBT' });
  const token = await apiAccessToken(request, therapist);
  const profile = () => request.get('/api/auth/profile', { headers: { Authorization: `Bearer ${token}` } });
  expect((await profile()).status()).toBe(200);

  await signIn(page, adminCredentials());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await page.getByLabel('Search').fill(therapist.email);
  await page.getByRole('button', { name: `Edit ${therapist.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${therapist.name}` });
  await dialog.getByRole('button', { name: 'End all sign-ins…' }).click();
  await dialog
    .getByRole('group', { name: 'Confirm ending all sign-ins' })
    .getByRole('button', { name: 'End all sign-ins' })
    .click();

  await expect(dialog.getByText(`All of ${therapist.name}’s sign-ins were ended.`)).toBeVisible();
  expect((await profile()).status()).toBe(401);
});
