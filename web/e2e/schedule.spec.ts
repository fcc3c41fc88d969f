import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { adminCredentials, apiAccessToken, aStaffedChild, call, type Credentials, signIn } from './support';

interface Setup {
  childId: string;
  childName: string;
  technicianId: string;
  technician: Credentials & { name: string };
  parent: Credentials & { name: string };
}

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];

/** YYYY-MM-DD of a local date. */
function day(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The Monday after this week, at midnight (local time of the test runner, assumed to be the clinic's). */
function nextMonday(): Date {
  const today = new Date();
  const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7));
  return plusDays(monday, 7);
}

function plusDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** An ISO instant with the local offset for a date and "HH:MM". */
function at(date: Date, time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  const local = new Date(date.getFullYear(), date.getMonth(), date.getDate(), hours, minutes);
  const offset = -local.getTimezoneOffset();
  const pad = (value: number) => String(Math.abs(value)).padStart(2, '0');
  return `${day(local)}T${time}:00${offset >= 0 ? '+' : '-'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/**
 * As the admin: a BCBA and an RBT, a parent, an active child with the parent as guardian and both therapists on the
 * care team; the RBT is available Monday to Friday 08:00–18:00 and the child's preferences ask for two hours a week.
 */
async function setUp(request: APIRequestContext): Promise<Setup> {
  const staffed = await aStaffedChild(request, 'Sched');
  const { childId, admin } = staffed;
  await call(request, admin, 'PUT', `/api/therapists/${staffed.technician.id}/availability`, {
    blocks: WEEKDAYS.map((weekday) => ({ weekday, start: '08:00', end: '18:00' })),
  });
  await call(request, admin, 'PUT', `/api/children/${childId}/schedule-preferences`, {
    availableHours: WEEKDAYS.map((weekday) => ({ weekday, start: '09:00', end: '15:00' })),
    prescribedWeeklyHours: [{ serviceCode: '97153', hours: 2 }],
    preferredPlace: 'clinic',
  });
  return {
    childId,
    childName: staffed.childName,
    technicianId: staffed.technician.id,
    technician: staffed.technician,
    parent: staffed.parent,
  };
}

async function bookThroughApi(request: APIRequestContext, setup: Setup, date: Date, start: string, end: string) {
  const admin = await apiAccessToken(request, adminCredentials());
  await call(request, admin, 'POST', '/api/appointments', {
    childId: setup.childId,
    therapistId: setup.technicianId,
    serviceCode: '97153',
    place: 'clinic',
    start: at(date, start),
    end: at(date, end),
  });
}

async function openNewAppointment(page: Page) {
  await signIn(page, adminCredentials());
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
  await page.getByRole('button', { name: 'New appointment' }).click();
  return page.getByRole('dialog', { name: 'New appointment' });
}

async function fillAppointment(
  dialog: ReturnType<Page['getByRole']>,
  setup: Setup,
  date: Date,
  start: string,
  end: string,
) {
  await dialog.getByLabel('Child').selectOption({ label: setup.childName });
  await expect(dialog.getByLabel('Therapist')).toBeEnabled();
  await dialog.getByLabel('Therapist').selectOption({ label: `${setup.technician.name} (RBT)` });
  await dialog.getByLabel('Date').fill(day(date));
  await dialog.getByLabel('Start time').fill(start);
  await dialog.getByLabel('End time').fill(end);
}

test('the admin books a weekly appointment and sees it in the week view', async ({ page, request }) => {
  test.setTimeout(90_000);
  const setup = await setUp(request);
  const monday = nextMonday();
  const dialog = await openNewAppointment(page);
  await fillAppointment(dialog, setup, monday, '09:00', '10:00');
  await dialog.getByLabel('Repeats weekly').check();
  await dialog.getByLabel('Wednesday').check();
  await expect(dialog.getByLabel('Monday')).toBeChecked();
  await dialog.getByRole('spinbutton', { name: 'Number of appointments' }).fill('4');
  await dialog.getByRole('button', { name: 'Book' }).click();

  await expect(page.getByRole('status').filter({ hasText: '4 appointments were booked.' })).toBeVisible();
  const week = page.getByRole('region', { name: /^Week of/ });
  const blocks = week.getByRole('button', { name: new RegExp(`${setup.childName} with ${setup.technician.name}`) });
  await expect(blocks).toHaveCount(2);
  await blocks.first().click();
  const details = page.getByRole('dialog', { name: `Appointment with ${setup.childName}` });
  await expect(details).toContainText('Repeats weekly');
  await expect(details).toContainText('Scheduled');
});

test('booking the same therapist at an overlapping time is refused with the conflict', async ({ page, request }) => {
  test.setTimeout(90_000);
  const setup = await setUp(request);
  const tuesday = plusDays(nextMonday(), 1);
  await bookThroughApi(request, setup, tuesday, '10:00', '11:00');

  const dialog = await openNewAppointment(page);
  await fillAppointment(dialog, setup, tuesday, '10:30', '11:30');
  await dialog.getByRole('button', { name: 'Book' }).click();

  await expect(dialog.getByRole('alert')).toContainText('This clashes with the schedule');
  await expect(dialog.getByRole('list', { name: 'Conflicts' }).getByRole('listitem')).not.toHaveCount(0);
  await expect(dialog.getByLabel('Book anyway (override)')).toBeVisible();
  await expect(dialog).toBeVisible();
});

test('a parent cancels an upcoming session and sees it cancelled', async ({ page, request }) => {
  test.setTimeout(90_000);
  const setup = await setUp(request);
  const thursday = plusDays(nextMonday(), 3);
  await bookThroughApi(request, setup, thursday, '13:00', '14:00');

  await signIn(page, setup.parent);
  await expect(page.getByRole('heading', { level: 1, name: 'My family' })).toBeVisible();
  await page.getByRole('link', { name: 'Upcoming sessions' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Upcoming sessions' })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(`Cancel the session of ${setup.childName}`) }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel appointment' });
  await expect(dialog.getByText('Late cancellation')).toHaveCount(0);
  await dialog.getByLabel('Reason').fill('Family trip');
  await dialog.getByRole('button', { name: 'Cancel appointment' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'The session was cancelled' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: setup.childName });
  await expect(item).toContainText('Cancelled');
  await expect(page.getByRole('button', { name: new RegExp(`Cancel the session of ${setup.childName}`) })).toHaveCount(
    0,
  );
});

test('the admin accepts a proposal for next week and the appointments are booked', async ({ page, request }) => {
  test.setTimeout(90_000);
  const setup = await setUp(request);
  await signIn(page, adminCredentials());
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeVisible();
  await page.goto('/schedule/proposals');
  await expect(page.getByRole('heading', { level: 1, name: 'Automatic schedule' })).toBeVisible();
  await expect(page.getByLabel('Week starting (Monday)')).toHaveValue(day(nextMonday()));
  await page.getByLabel('Only for (optional)').selectOption({ label: setup.childName });
  await page.getByRole('button', { name: 'Propose' }).click();

  await expect(page.getByRole('heading', { name: 'Draft week' })).toBeVisible();
  await expect(page.getByText(/^Score:/)).toBeVisible();
  const drafts = page
    .getByRole('region', { name: 'Draft week' })
    .getByRole('note', { name: new RegExp(setup.childName) });
  await expect(drafts.first()).toBeVisible();
  await page.getByRole('button', { name: 'Accept and book' }).click();

  await expect(page.getByText('The week was booked')).toBeVisible();
  const booked = page
    .getByRole('region', { name: 'Booked week' })
    .getByRole('note', { name: new RegExp(setup.childName) });
  await expect(booked.first()).toBeVisible();

  const admin = await apiAccessToken(request, adminCredentials());
  const monday = nextMonday();
  const from = at(monday, '00:00');
  const to = at(plusDays(monday, 7), '00:00');
  const list = await call<{ content: { childId: string; status: string }[] }>(
    request,
    admin,
    'GET',
    `/api/appointments?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&childId=${setup.childId}&size=200`,
  );
  expect(list.content.length).toBeGreaterThan(0);
  expect(list.content.every((appointment) => appointment.status === 'scheduled')).toBe(true);
});
