import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { Result } from 'axe-core';
import {
  adminCredentials,
  apiAccessToken,
  at,
  aStaffedChild,
  call,
  type Credentials,
  day,
  hasHorizontalScroll,
  nextMonday,
  plusDays,
  signIn,
  sidewaysScrollingTables,
  type StaffedChild,
} from './support';

/** WCAG 2.1 level A and AA; anything axe rates serious or critical fails the screen. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING_IMPACTS = ['serious', 'critical'];

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

interface World extends StaffedChild {
  programId: string;
  conversationId: string;
}

/**
 * A staffed child with a program, an appointment today and one next week (so the week view, the therapist's today
 * list and the parent's upcoming sessions are not empty), schedule preferences and availability (so the automatic
 * schedule proposes something), an insurance authorization the two appointments use part of, and a conversation
 * with a message from the parent and a reply.
 */
async function setUp(request: APIRequestContext): Promise<World> {
  const world = await aStaffedChild(request, 'Axe');
  const { admin, childId, technician, parent } = world;
  await call(request, admin, 'PUT', `/api/therapists/${technician.id}/availability`, {
    blocks: WEEKDAYS.map((weekday) => ({ weekday, start: '07:00', end: '19:00' })),
  });
  await call(request, admin, 'PUT', `/api/children/${childId}/schedule-preferences`, {
    availableHours: WEEKDAYS.slice(0, 5).map((weekday) => ({ weekday, start: '09:00', end: '15:00' })),
    prescribedWeeklyHours: [{ serviceCode: '97153', hours: 2 }],
    preferredPlace: 'clinic',
  });
  const program = await call<{ id: string }>(request, admin, 'POST', '/api/programs', {
    childId,
    name: 'Receptive ID',
    domain: 'communication',
    kind: 'skill',
    measurement: 'percent_correct',
    masteryCriterion: { percent: 80, consecutiveSessions: 3, minTrials: 5 },
    autoAdvance: true,
    targets: [{ name: 'dog' }, { name: 'cat' }],
  });
  const today = new Date();
  for (const [date, start, end] of [
    [today, '12:00', '13:00'],
    [plusDays(nextMonday(), 2), '10:00', '11:00'],
  ] as const) {
    await call(request, admin, 'POST', '/api/appointments', {
      childId,
      therapistId: technician.id,
      serviceCode: '97153',
      place: 'clinic',
      start: at(date, start),
      end: at(date, end),
      override: { reason: 'Accessibility check data' },
    });
  }
  await call(request, admin, 'POST', `/api/children/${childId}/authorizations`, {
    payer: 'Blue Shield',
    memberId: 'M-1001',
    authorizationNumber: `AXE-${Date.now().toString(36)}`,
    serviceCode: '97153',
    // room for the draft week too: the automatic schedule never plans beyond the units left (ADR 0031)
    unitsAuthorized: 40,
    startDate: day(today),
    endDate: day(plusDays(today, 60)),
    notes: null,
  });
  const parentToken = await apiAccessToken(request, parent);
  const conversation = await call<{ id: string }>(request, parentToken, 'GET', `/api/children/${childId}/conversation`);
  await call(request, parentToken, 'POST', `/api/conversations/${conversation.id}/messages`, {
    body: 'Robin slept badly last night.',
  });
  const technicianToken = await apiAccessToken(request, technician);
  await call(request, technicianToken, 'POST', `/api/conversations/${conversation.id}/messages`, {
    body: 'Thanks for telling us, we will keep the session short.',
  });
  return { ...world, programId: program.id, conversationId: conversation.id };
}

/** One violation as a reader of the failure needs it: rule, impact, help and where. */
function describeViolation(violation: Result): string {
  const nodes = violation.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n');
  return `${violation.id} (${violation.impact}): ${violation.help} <${violation.helpUrl}>\n${nodes}`;
}

/** Scans the page as it is now; a serious or critical violation fails the test (after the other screens ran). */
async function expectAccessible(page: Page, screen: string) {
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ['violations'] })
    .analyze();
  const failing = results.violations.filter((violation) => FAILING_IMPACTS.includes(violation.impact ?? ''));
  expect.soft(failing.map(describeViolation), `${screen}: serious or critical WCAG violations`).toEqual([]);
  if (isPhone(page)) {
    expect.soft(await hasHorizontalScroll(page), `${screen}: wider than the phone screen`).toBe(false);
    expect.soft(await sidewaysScrollingTables(page), `${screen}: tables that scroll sideways`).toEqual([]);
  }
}

/** Scans the open dialog of that name, then closes it. */
async function expectDialogAccessible(page: Page, name: string, role: 'dialog' | 'alertdialog' = 'dialog') {
  const dialog = page.getByRole(role, { name });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/^Loading/)).toHaveCount(0);
  await expectAccessible(page, `the dialog "${name}"`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

function isPhone(page: Page): boolean {
  return (page.viewportSize()?.width ?? 1280) < 600;
}

/**
 * Opens a screen as a link inside the app would (no reload: the scans, not the app's start, are what this spec
 * spends its time on), waits for its heading and its data, and scans it.
 */
async function visit(page: Page, path: string, heading: string | RegExp, ready?: () => Promise<void>) {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
  if (ready) await ready();
  await expectAccessible(page, `${path} (${heading})`);
}

async function signedIn(page: Page, who: Credentials, home: string) {
  await signIn(page, who);
  await expect(page.getByRole('heading', { level: 1, name: home })).toBeVisible();
}

let world: World;

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(150_000);
  const request = await playwright.request.newContext({ baseURL: process.env.BASE_URL });
  world = await setUp(request);
  await request.dispose();
});

const VIEWPORTS = [
  { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
  { name: 'phone', use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
];

for (const { name, use } of VIEWPORTS) {
  test.describe(`accessibility on a ${name}`, () => {
    test.use(use);

    test('the signed-out screens', async ({ page }) => {
      test.setTimeout(150_000);
      await page.goto('/sign-in');
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
      await expectAccessible(page, 'sign-in');
      await page.getByRole('link', { name: 'Forgot password?' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();
      await expectAccessible(page, 'forgotten password');
    });

    test("the admin's screens", async ({ page }) => {
      test.setTimeout(300_000);
      await signedIn(page, adminCredentials(), 'Clinic overview');
      await visit(page, '/admin', 'Clinic overview', async () => {
        await expect(page.getByRole('region', { name: /Authorizations running out/ })).toBeVisible();
      });
      await visit(page, '/children', 'Children');
      await visit(page, `/children/${world.childId}`, world.childName, async () => {
        await expect(page.getByRole('region', { name: 'Programs' }).getByRole('link')).not.toHaveCount(0);
        await expect(page.getByRole('region', { name: 'Insurance authorizations' }).getByRole('meter')).toHaveCount(1);
      });
      await page.getByRole('button', { name: 'Add authorization' }).click();
      await expectDialogAccessible(page, 'Add authorization');
      await page.getByRole('button', { name: 'Add coverage' }).click();
      await expectDialogAccessible(page, 'Add coverage');
      await visit(page, `/children/${world.childId}/history`, `History of ${world.childName}`, async () => {
        await expect(page.getByRole('table', { name: 'Changes to this child’s record' })).toBeVisible();
      });
      await visit(page, `/programs/${world.programId}`, 'Receptive ID');
      await visit(page, '/schedule', 'Schedule');
      await page.getByRole('button', { name: 'New appointment' }).click();
      await expectDialogAccessible(page, 'New appointment');
      await visit(page, '/schedule/availability', 'Availability');
      await visit(page, '/schedule/proposals', 'Automatic schedule', async () => {
        await page.getByLabel('Only for (optional)').selectOption({ label: world.childName });
        await page.getByRole('button', { name: 'Propose' }).click();
        // the solver works for up to about 5 s of wall clock, more on a busy machine
        await expect(page.getByRole('heading', { name: 'Draft week' })).toBeVisible({ timeout: 30_000 });
      });
      await page
        .getByRole('region', { name: 'Draft week calendar' })
        .getByRole('button', { name: new RegExp(world.childName) })
        .first()
        .click();
      await expectDialogAccessible(page, 'Adjust draft session');
      await page.getByRole('button', { name: 'Accept and book' }).click();
      await expectDialogAccessible(page, 'Book this week?', 'alertdialog');
      await visit(page, '/notifications', 'Notifications');
      await visit(page, '/profile/notifications', 'Notification settings');
      await visit(page, '/authorizations', 'Authorizations', async () => {
        await expect(page.getByRole('table', { name: 'Current authorizations' }).getByRole('link')).not.toHaveCount(0);
      });
      await visit(page, '/billing/charges', 'Charges');
      await visit(page, '/billing/payers', 'Payers and fees', async () => {
        await expect(page.getByRole('table', { name: 'Service catalogue' })).toBeVisible();
      });
      await page.getByRole('button', { name: 'Add an insurer' }).click();
      await expectDialogAccessible(page, 'Add an insurer');
      await visit(page, '/billing/settings', 'Billing settings');
      await visit(page, '/billing/payments', 'Payments');
      await visit(page, '/billing/aging', 'Aging');
      await visit(page, '/admin/users', 'Users');
      await visit(page, '/admin/audit', 'Audit log');
    });

    test("the therapist's screens", async ({ page }) => {
      test.setTimeout(150_000);
      await signedIn(page, world.technician, 'My day');
      await visit(page, '/therapist', 'My day', async () => {
        await expect(page.getByRole('region', { name: 'Today’s sessions' }).getByText(world.childName)).toBeVisible();
      });
      await visit(page, '/schedule/today', 'Today’s sessions', async () => {
        await expect(page.getByText(world.childName).first()).toBeVisible();
      });
      await visit(page, '/schedule', 'Schedule');
      // the week grid on a desktop, today's list on a phone
      await page
        .getByRole('main')
        .getByRole('button', { name: new RegExp(world.childName) })
        .first()
        .click();
      await expectDialogAccessible(page, `Appointment with ${world.childName}`);
      if (isPhone(page)) {
        await page.getByRole('button', { name: 'Menu' }).click();
        await expect(
          page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My day' }),
        ).toBeVisible();
        await expectAccessible(page, 'the open phone menu');
      }
    });

    test("the supervisor's home", async ({ page }) => {
      test.setTimeout(150_000);
      await signedIn(page, world.supervisor, 'My day');
      await visit(page, '/therapist', 'My day', async () => {
        await expect(page.getByRole('region', { name: /Targets near mastery/ })).toBeVisible();
        await expect(page.getByRole('region', { name: /Notes to review/ })).toBeVisible();
      });
    });

    test("the parent's screens", async ({ page }) => {
      test.setTimeout(150_000);
      await signedIn(page, world.parent, 'My family');
      await visit(page, '/parent', 'My family', async () => {
        // the unread messages are read by the time the phone run comes: only the next session is sure to be there
        await expect(page.getByRole('region', { name: /Next session/ }).getByText(world.childName)).toBeVisible();
        await expect(page.getByRole('region', { name: /Unread messages/ })).toBeVisible();
      });
      await visit(page, '/schedule/upcoming', 'Upcoming sessions', async () => {
        await expect(page.getByText(world.childName).first()).toBeVisible();
      });
      await visit(page, '/messages', 'Messages', async () => {
        await expect(page.getByRole('list', { name: 'Conversations' }).getByRole('link')).not.toHaveCount(0);
      });
      await visit(page, `/messages/${world.conversationId}`, world.childName, async () => {
        await expect(page.getByRole('log', { name: 'Messages' }).getByText('slept badly')).toBeVisible();
      });
    });
  });
}
