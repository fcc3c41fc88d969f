import { expect, test } from '@playwright/test';
import {
  adminCredentials,
  aStaffedChild,
  apiAccessToken,
  at,
  call,
  createUserThroughApi,
  day,
  nextMonday,
  plusDays,
  signIn,
  strongPassword,
  uniqueEmail,
} from './support';

/**
 * The server's reasons reach people: an RBT proposed as a supervisor is told why at the role field, and a double
 * booking names the therapist, the child and the clinic's day and time (issue 10, item 2).
 */
test('an RBT cannot be added as supervisor, and the dialog says why at the role', async ({ page, request }) => {
  test.setTimeout(90_000);
  const staffed = await aStaffedChild(request, 'Err');
  const rbt = { name: `Sky Rbt ${Date.now().toString(36)}`, email: uniqueEmail('rbt'), password: strongPassword() };
  await createUserThroughApi(request, { ...rbt, role: 'therapist', credential: 'RBT' });

  await signIn(page, adminCredentials());
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeVisible();
  await page.goto(`/children/${staffed.childId}`);
  await page.getByRole('button', { name: 'Add therapist' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add therapist' });
  await dialog.getByLabel('Search therapists').fill(rbt.email);
  await expect(dialog.getByText('1 match')).toBeVisible();
  await dialog.getByLabel('Therapist', { exact: true }).selectOption({ label: `${rbt.name} (RBT)` });
  await dialog.getByLabel('Care team role').selectOption('supervisor');
  await dialog.getByRole('button', { name: 'Add to care team' }).click();

  await expect(dialog.getByLabel('Care team role')).toHaveAccessibleDescription(
    /An RBT cannot be a supervisor: only a BCBA or BCaBA can\. Choose technician\./,
  );
  await expect(dialog).not.toContainText('invalid fields');
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/care-team-error.png` });
});

test('a double booking names the therapist, the child and the local day and time', async ({ page, request }) => {
  test.setTimeout(90_000);
  const staffed = await aStaffedChild(request, 'Err');
  const admin = await apiAccessToken(request, adminCredentials());
  const wednesday = plusDays(nextMonday(), 2);
  await call(request, admin, 'POST', '/api/appointments', {
    childId: staffed.childId,
    therapistId: staffed.technician.id,
    serviceCode: '97153',
    place: 'clinic',
    start: at(wednesday, '15:00'),
    end: at(wednesday, '17:00'),
  });

  await signIn(page, adminCredentials());
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeVisible();
  await page.goto('/schedule');
  await page.getByRole('button', { name: 'New appointment' }).click();
  const dialog = page.getByRole('dialog', { name: 'New appointment' });
  await dialog.getByLabel('Child').selectOption({ label: staffed.childName });
  await expect(dialog.getByLabel('Therapist')).toBeEnabled();
  await dialog.getByLabel('Therapist').selectOption({ label: `${staffed.supervisor.name} (BCBA)` });
  await dialog.getByLabel('Date').fill(day(wednesday));
  await dialog.getByLabel('Start time').fill('16:00');
  await dialog.getByLabel('End time').fill('17:00');
  await dialog.getByRole('button', { name: 'Book' }).click();

  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText(`Robin E. already has a session with ${staffed.technician.name} on Wed `);
  await expect(alert).toContainText(', 3:00–5:00 PM. Nothing was booked or moved.');
  await expect(alert).not.toContainText('T15:00');
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/double-booking.png` });
});
