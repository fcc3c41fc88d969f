import { expect, test } from '@playwright/test';
import { adminCredentials, apiAccessToken, aStaffedChild, call, signIn } from './support';

/** Next week's Monday at 10:00 local time, as an ISO instant, and 11:00. */
function nextMondayMorning(): { start: string; end: string } {
  const today = new Date();
  const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7) + 7);
  const at = (hour: number) => new Date(monday.getFullYear(), monday.getMonth(), monday.getDate(), hour).toISOString();
  return { start: at(10), end: at(11) };
}

test('the shell shows that live updates are connected', async ({ page, request }) => {
  const { parent } = await aStaffedChild(request, 'Live');
  await signIn(page, parent);
  await expect(page.getByRole('heading', { level: 1, name: 'My family' })).toBeVisible();

  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
});

test("an appointment the clinic cancels shows as cancelled on the parent's open page without reload", async ({
  browser,
  request,
}) => {
  test.skip(
    !process.env.E2E_LIVE_APPOINTMENTS,
    'Nothing on this branch publishes appointment.changed yet: the notifications module adds it (listeners on ' +
      'AppointmentBooked/Moved/Cancelled). Run with E2E_LIVE_APPOINTMENTS=1 once it is merged, then drop this skip.',
  );
  const staffed = await aStaffedChild(request, 'Live');
  const admin = await apiAccessToken(request, adminCredentials());
  await call(request, admin, 'PUT', `/api/therapists/${staffed.technician.id}/availability`, {
    blocks: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((weekday) => ({
      weekday,
      start: '08:00',
      end: '18:00',
    })),
  });
  const slot = nextMondayMorning();
  const booking = await call<{ occurrences: { id: string }[] }>(request, admin, 'POST', '/api/appointments', {
    childId: staffed.childId,
    therapistId: staffed.technician.id,
    serviceCode: '97153',
    place: 'clinic',
    ...slot,
  });

  // the parent, in their own browser, has the upcoming sessions open
  const parentContext = await browser.newContext();
  const parentPage = await parentContext.newPage();
  await signIn(parentPage, staffed.parent);
  await expect(parentPage.getByRole('heading', { level: 1, name: 'My family' })).toBeVisible();
  await parentPage.getByRole('link', { name: 'Upcoming sessions' }).first().click();
  await expect(parentPage.getByRole('heading', { level: 1, name: 'Upcoming sessions' })).toBeVisible();
  const item = parentPage.getByRole('listitem').filter({ hasText: staffed.childName });
  await expect(item).toBeVisible();
  await expect(item).not.toContainText('Cancelled');
  await expect(parentPage.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();

  // the admin, in another browser, cancels it
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, adminCredentials());
  await expect(adminPage.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeVisible();
  await call(adminPage.request, admin, 'POST', `/api/appointments/${booking.occurrences[0].id}/cancel`, {
    reason: 'Therapist ill',
  });

  await expect(item).toContainText('Cancelled', { timeout: 2_000 });
  await parentContext.close();
  await adminContext.close();
});
