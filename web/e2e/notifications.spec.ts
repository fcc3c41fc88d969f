import { expect, test } from '@playwright/test';
import { aStaffedChild, call, signIn, strongPassword, uniqueEmail } from './support';

test('a forgotten password gets the same confirmation for any email', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();

  await page.getByLabel('Email').fill(uniqueEmail('nobody'));
  await page.getByRole('button', { name: 'Send reset link' }).click();

  await expect(page.getByRole('status')).toContainText('If an account uses this email');
});

test('the reset screen checks the password rule and refuses a link that does not work', async ({ page }) => {
  await page.goto('/reset-password#token=not-a-real-token');
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expect(page).toHaveURL(/\/reset-password$/);

  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByLabel('Repeat new password').fill('short');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByLabel('New password', { exact: true })).toHaveAccessibleDescription(
    /Use at least 12 characters/,
  );

  const password = strongPassword();
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Repeat new password').fill(password);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('alert')).toContainText('This link does not work');
  await page.getByRole('link', { name: /ask for a new link/i }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();
});

test('a parent finds a notification after the admin moves an appointment', async ({ page, request }) => {
  const staffed = await aStaffedChild(request, 'Notif');
  const start = new Date(Date.now() + 3 * 24 * 3600 * 1000);
  start.setUTCMinutes(0, 0, 0);
  const end = new Date(start.getTime() + 3600 * 1000);
  const booked = await call<{ occurrences: { id: string }[] }>(request, staffed.admin, 'POST', '/api/appointments', {
    childId: staffed.childId,
    therapistId: staffed.technician.id,
    serviceCode: '97153',
    place: 'clinic',
    start: start.toISOString(),
    end: end.toISOString(),
  });
  const moved = new Date(start.getTime() + 2 * 3600 * 1000);
  await call(request, staffed.admin, 'PUT', `/api/appointments/${booked.occurrences[0].id}`, {
    start: moved.toISOString(),
  });

  await signIn(page, staffed.parent);
  await expect(page).toHaveURL(/\/parent$/);
  // the notices are written asynchronously after each change; the open page hears of new ones live
  const bell = page.getByRole('link', { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible({ timeout: 15_000 });
  await bell.click();

  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const notice = page.getByRole('link', { name: /^Robin N\.'s appointment moved to / });
  await expect(notice).toBeVisible();
  await page.screenshot({ path: 'test-results/notification-centre.png', fullPage: true });
  await notice.click();
  await expect(page).toHaveURL(/\/schedule\/upcoming$/);

  await page.getByRole('link', { name: /^Notifications, / }).click();
  // the booking's notice and the one about this browser's sign-in are written asynchronously too: wait until
  // the centre lists them, so none arrives after "Mark all read"
  await expect(page.getByRole('link', { name: /^Robin N\.'s appointment booked for / })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByRole('link', { name: /^New sign-in: / })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Mark all read' }).click();
  await expect(page.getByRole('link', { name: 'Notifications, none unread' })).toBeVisible();
});
