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

test("an appointment the clinic cancels shows as cancelled on the parent's open page and rings the bell, without reload", async ({
  browser,
  request,
}) => {
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

  // the booking and the parent's first sign-in each notify the parent, asynchronously (listeners run after
  // commit): wait until both notices exist, then the parent reads everything, so no late one counts below
  const parentToken = await apiAccessToken(request, staffed.parent);
  await expect
    .poll(
      async () =>
        (await call<{ content: { kind: string }[] }>(request, parentToken, 'GET', '/api/notifications')).content.map(
          (notification) => notification.kind,
        ),
      { timeout: 15_000 },
    )
    .toEqual(expect.arrayContaining(['appointment_booked', 'new_sign_in']));
  await call(request, parentToken, 'POST', '/api/notifications/read', { all: true });

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
  await expect(parentPage.getByRole('link', { name: 'Notifications, none unread' })).toBeVisible();

  // the admin, in another browser, cancels it
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, adminCredentials());
  await expect(adminPage.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeVisible();
  await call(adminPage.request, admin, 'POST', `/api/appointments/${booking.occurrences[0].id}/cancel`, {
    reason: 'Therapist ill',
  });

  await expect(item).toContainText('Cancelled', { timeout: 10_000 });
  await expect(parentPage.getByRole('link', { name: 'Notifications, 1 unread' })).toBeVisible({ timeout: 10_000 });
  await parentContext.close();
  await adminContext.close();
});

test("a parent's message appears in the therapist's open conversation, and the reply updates the parent's badge, live", async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const staffed = await aStaffedChild(request, 'Chat');

  // the parent starts the child's conversation
  const parentContext = await browser.newContext();
  const parent = await parentContext.newPage();
  await signIn(parent, staffed.parent);
  await expect(parent.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await parent.goto(`/children/${staffed.childId}`);
  await parent.getByRole('button', { name: 'Message the care team' }).click();
  const parentLog = parent.getByRole('log', { name: 'Messages' });
  await parent.getByRole('textbox', { name: 'Message' }).fill('Good morning');
  await parent.getByRole('button', { name: 'Send' }).click();
  await expect(parentLog.getByText('Good morning')).toBeVisible();

  // the therapist, in another browser, has the conversation open
  const therapistContext = await browser.newContext();
  const therapist = await therapistContext.newPage();
  await signIn(therapist, staffed.technician);
  const therapistNav = therapist.getByRole('navigation', { name: 'Main' });
  await therapistNav.getByRole('link', { name: /Messages/ }).click();
  await therapist
    .getByRole('list', { name: 'Conversations' })
    .getByRole('link', { name: new RegExp(staffed.childName) })
    .click();
  const therapistLog = therapist.getByRole('log', { name: 'Messages' });
  await expect(therapistLog.getByText('Good morning')).toBeVisible();
  await expect(therapist.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();

  // the parent writes again: it appears on the therapist's open page without reload
  await parent.getByRole('textbox', { name: 'Message' }).fill('Sam slept badly last night');
  await parent.getByRole('button', { name: 'Send' }).click();
  await expect(therapistLog.getByText('Sam slept badly last night')).toBeVisible({ timeout: 2_000 });

  // the parent goes to their home page; the therapist's reply raises the parent's unread badge there
  await parent.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My family' }).click();
  await expect(parent.getByRole('heading', { level: 1, name: 'My family' })).toBeVisible();
  await expect(parent.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  await expect(parent.getByTestId('unread-messages')).toHaveCount(0);
  await therapist.getByRole('textbox', { name: 'Message' }).fill('Thanks for telling us, we will go gently');
  await therapist.getByRole('button', { name: 'Send' }).click();
  await expect(parent.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Messages/ })).toContainText(
    '1 unread message',
    { timeout: 10_000 },
  );

  await parentContext.close();
  await therapistContext.close();
});

test('a message sent while the page is still opening its live stream is shown once the stream opens', async ({
  page,
  request,
}) => {
  const staffed = await aStaffedChild(request, 'Gap');
  const parentToken = await apiAccessToken(request, staffed.parent);
  const conversation = await call<{ id: string }>(
    request,
    parentToken,
    'GET',
    `/api/children/${staffed.childId}/conversation`,
  );

  // hold the parent's event stream back until the inbox has loaded and the therapist has written
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/events', async (route) => {
    await released;
    await route.continue();
  });
  await signIn(page, staffed.parent);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: /Messages/ })
    .click();
  const inboxEntry = page.getByRole('list', { name: 'Conversations' }).getByRole('link', {
    name: new RegExp(staffed.childName),
  });
  await expect(inboxEntry).toBeVisible();
  await expect(inboxEntry).not.toContainText('unread');
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toHaveCount(0);

  const technicianToken = await apiAccessToken(request, staffed.technician);
  await call(request, technicianToken, 'POST', `/api/conversations/${conversation.id}/messages`, {
    body: 'We moved the token board to the kitchen',
  });
  await page.waitForTimeout(500);
  await expect(inboxEntry).not.toContainText('unread');

  // the stream opens "from now": the page fetches again what it may have missed while it was opening
  release();
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  await expect(inboxEntry).toContainText('1 unread');
});
