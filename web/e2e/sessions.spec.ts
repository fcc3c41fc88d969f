import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiAccessToken, aStaffedChild, call, type Credentials, signIn } from './support';

interface Setup {
  childId: string;
  childName: string;
  skillProgramId: string;
  dogId: string;
  catId: string;
  technician: Credentials & { name: string };
  parent: Credentials & { name: string };
}

/**
 * As the admin: an RBT technician, a BCBA supervisor and a parent; an active child with the parent as guardian and
 * both therapists on the care team; a skill program ("dog" in intervention, "cat" in baseline, advancing on its own
 * after mastery) and a behavior program counted by frequency.
 */
async function setUp(request: APIRequestContext): Promise<Setup> {
  const staffed = await aStaffedChild(request, 'Session');
  const { admin } = staffed;
  const child = { id: staffed.childId };

  const skill = await call<{ id: string; targets: { id: string; name: string }[] }>(
    request,
    admin,
    'POST',
    '/api/programs',
    {
      childId: child.id,
      name: 'Receptive ID',
      domain: 'communication',
      kind: 'skill',
      measurement: 'percent_correct',
      masteryCriterion: { percent: 80, consecutiveSessions: 3, minTrials: 5 },
      autoAdvance: true,
      targets: [{ name: 'dog' }, { name: 'cat' }],
    },
  );
  const dogId = skill.targets.find((target) => target.name === 'dog')!.id;
  const catId = skill.targets.find((target) => target.name === 'cat')!.id;
  await call(request, admin, 'PUT', `/api/programs/${skill.id}/targets/${dogId}`, { phase: 'intervention' });
  await call(request, admin, 'POST', '/api/programs', {
    childId: child.id,
    name: 'Hitting',
    domain: 'behavior_reduction',
    kind: 'behavior',
    measurement: 'frequency',
    targets: [{ name: 'hitting' }],
  });

  return {
    childId: child.id,
    childName: staffed.childName,
    skillProgramId: skill.id,
    dogId,
    catId,
    technician: staffed.technician,
    parent: staffed.parent,
  };
}

/**
 * A submitted session made through the API: `correct` correct and `incorrect` incorrect trials on one target. Only
 * sessions started after the target entered intervention count towards its mastery, so qualifying sessions start now.
 */
async function submittedSessionThroughApi(
  request: APIRequestContext,
  setup: Setup,
  { daysAgo, correct, incorrect = 0 }: { daysAgo: number; correct: number; incorrect?: number },
): Promise<string> {
  const token = await apiAccessToken(request, setup.technician);
  const id = crypto.randomUUID();
  const startedAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  await call(request, token, 'PUT', `/api/sessions/${id}`, {
    childId: setup.childId,
    serviceCode: '97153',
    place: 'clinic',
    startedAt,
  });
  const trial = (outcome: string) => ({
    id: crypto.randomUUID(),
    at: startedAt,
    type: 'trial',
    targetId: setup.dogId,
    outcome,
    promptLevel: 'independent',
  });
  const events = [
    ...Array.from({ length: correct }, () => trial('correct')),
    ...Array.from({ length: incorrect }, () => trial('incorrect')),
  ];
  await call(request, token, 'POST', `/api/sessions/${id}/events`, { events });
  await call(request, token, 'POST', `/api/sessions/${id}/submit`, {});
  return id;
}

/** Signs in as the technician and starts a session with the child from "Run a session"; resolves to its id. */
async function startSessionInUi(page: Page, setup: Setup): Promise<string> {
  await signIn(page, setup.technician);
  await expect(page.getByRole('heading', { level: 1, name: 'My day' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Run a session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Run a session' })).toBeVisible();
  await page.getByRole('button', { name: `Start session with ${setup.childName}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a session' });
  await expect(dialog.getByLabel('Service')).toHaveValue('97153');
  await expect(dialog.getByLabel('Place')).toHaveValue('clinic');
  await dialog.getByRole('button', { name: 'Start recording' }).click();
  await expect(page.getByRole('region', { name: 'dog' })).toBeVisible();
  await expect(page).toHaveURL(/\/sessions\/run\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

async function tap(page: Page, target: string, button: string, times: number) {
  const card = page.getByRole('region', { name: target, exact: true });
  for (let i = 0; i < times; i += 1) await card.getByRole('button', { name: button, exact: true }).click();
}

async function signAndSubmit(page: Page, therapistName: string) {
  await page.getByRole('button', { name: 'Sign and submit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign and submit this session?' });
  await expect(dialog).toContainText(therapistName);
  await dialog.getByRole('button', { name: 'Sign and submit' }).click();
  await expect(page.getByText('Session submitted')).toBeVisible({ timeout: 15_000 });
}

const pill = (page: Page) =>
  page
    .getByRole('status')
    .filter({ hasText: /All saved|waiting|Sync error/ })
    .first();

test('a technician records a whole session, undoes a tap, signs and submits it', async ({ page, request }) => {
  test.setTimeout(90_000);
  const setup = await setUp(request);
  await startSessionInUi(page, setup);

  await tap(page, 'dog', 'Correct', 7);
  await tap(page, 'dog', 'Incorrect', 2);
  await tap(page, 'dog', 'No response', 1);
  const dog = page.getByRole('region', { name: 'dog', exact: true });
  await expect(dog).toContainText('7/10 correct · 70%');
  await tap(page, 'hitting', '+1 hitting', 2);
  await page.getByRole('button', { name: 'Undo last' }).click();
  await expect(page.getByRole('region', { name: 'hitting', exact: true })).toContainText('Count: 1');
  await page.getByLabel('Note (optional)').fill('Worked at the table; good attention.');
  await expect(pill(page)).toHaveText('All saved');

  await signAndSubmit(page, setup.technician.name);
  await page.getByRole('link', { name: 'Open the session record' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /Session of/ })).toBeVisible();
  const tallies = page.getByRole('table', { name: 'Tallies by target' });
  await expect(tallies.getByRole('row', { name: /dog/ })).toContainText('70%');
  await expect(tallies.getByRole('row', { name: /dog/ }).getByRole('cell').first()).toHaveText('10');
  await expect(tallies.getByRole('row', { name: /hitting/ })).toContainText('1');
  await expect(page.getByText('Worked at the table; good attention.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Details' })).toContainText('Submitted');
});

test('taps recorded offline wait on the device and reach the server exactly once', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(90_000);
  const setup = await setUp(request);
  const sessionId = await startSessionInUi(page, setup);
  await expect(pill(page)).toHaveText('All saved');

  await context.setOffline(true);
  await tap(page, 'dog', 'Correct', 4);
  await tap(page, 'dog', 'Incorrect', 1);
  await expect(page.getByRole('region', { name: 'dog', exact: true })).toContainText('4/5 correct · 80%');
  await expect(pill(page)).toHaveText('Offline — 5 waiting');

  await context.setOffline(false);
  await expect(pill(page)).toHaveText('All saved', { timeout: 20_000 });

  const token = await apiAccessToken(request, setup.technician);
  const session = await call<{ status: string; events: { id: string }[] }>(
    request,
    token,
    'GET',
    `/api/sessions/${sessionId}`,
  );
  expect(session.status).toBe('open');
  expect(session.events).toHaveLength(5);
  expect(new Set(session.events.map((event) => event.id)).size).toBe(5);
});

test('a reload while offline reopens the recording as an offline session', async ({ page, context, request }) => {
  test.setTimeout(90_000);
  const setup = await setUp(request);
  const sessionId = await startSessionInUi(page, setup);
  await tap(page, 'dog', 'Correct', 2);
  await tap(page, 'dog', 'Incorrect', 1);
  await expect(pill(page)).toHaveText('All saved');
  // The service worker (production builds) serves the app shell once the network is gone.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);

  await context.setOffline(true);
  await page.reload();

  const dog = page.getByRole('region', { name: 'dog', exact: true });
  await expect(dog).toContainText('2/3 correct · 67%');
  await expect(page.getByRole('banner').getByText('Offline', { exact: true })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(setup.technician.name);
  await tap(page, 'dog', 'Correct', 2);
  await tap(page, 'hitting', '+1 hitting', 1);
  await expect(dog).toContainText('4/5 correct · 80%');
  // the offline taps wait on the device (the outbox may hold them as one or several batches)
  await expect(pill(page)).toHaveText(/^Offline — \d+ waiting$/);
  const waiting = Number((await pill(page).textContent())?.match(/(\d+) waiting/)?.[1]);
  expect(waiting).toBeGreaterThanOrEqual(1);

  await context.setOffline(false);
  await expect(pill(page)).toHaveText('All saved', { timeout: 45_000 });
  await expect(page.getByRole('banner').getByText('Offline', { exact: true })).toBeHidden();

  const token = await apiAccessToken(request, setup.technician);
  const session = await call<{ status: string; events: { id: string }[] }>(
    request,
    token,
    'GET',
    `/api/sessions/${sessionId}`,
  );
  expect(session.status).toBe('open');
  expect(session.events).toHaveLength(6);
  expect(new Set(session.events.map((event) => event.id)).size).toBe(6);
});

test('a parent sees the progress graph of their child', async ({ page, request }) => {
  test.setTimeout(90_000);
  const setup = await setUp(request);
  await submittedSessionThroughApi(request, setup, { daysAgo: 3, correct: 3, incorrect: 2 });
  await submittedSessionThroughApi(request, setup, { daysAgo: 1, correct: 5 });

  await signIn(page, setup.parent);
  await expect(page.getByRole('heading', { level: 1, name: 'My family' })).toBeVisible();
  await page.goto(`/children/${setup.childId}`);
  await page.getByRole('link', { name: 'Progress', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: /Progress of Robin/ })).toBeVisible();
  const dog = page.getByRole('figure', { name: 'dog' });
  await expect(dog.locator('svg')).toBeVisible();
  await expect(dog.locator('polyline.graph-line')).toHaveCount(1);
  await expect(dog.locator('circle.graph-point')).toHaveCount(2);
  await expect(dog.locator('circle.graph-point-meets')).toHaveCount(1);
  await dog.getByText('Data table').click();
  await expect(dog.getByRole('table', { name: 'Sessions of dog' }).locator('tbody tr')).toHaveCount(2);
});

test('the third qualifying session masters "dog" and starts "cat"', async ({ page, request }) => {
  test.setTimeout(120_000);
  const setup = await setUp(request);
  await submittedSessionThroughApi(request, setup, { daysAgo: 0, correct: 5 });
  await submittedSessionThroughApi(request, setup, { daysAgo: 0, correct: 5 });

  await startSessionInUi(page, setup);
  await tap(page, 'dog', 'Correct', 5);
  await tap(page, 'dog', 'Incorrect', 1);
  await expect(page.getByRole('region', { name: 'dog', exact: true })).toContainText('5/6 correct · 83%');
  await signAndSubmit(page, setup.technician.name);

  await expect(page.getByRole('status').filter({ hasText: 'Mastered in this session' })).toContainText('dog');
  const changes = page.getByRole('region', { name: 'Phase changes' });
  await expect(changes).toContainText(/dog: Intervention.*Mastered/);
  await expect(changes).toContainText(/cat: Baseline.*Intervention/);

  await page.goto(`/children/${setup.childId}/progress`);
  const dog = page.getByRole('figure', { name: 'dog' });
  await expect(dog.locator('circle.graph-point')).toHaveCount(3);
  await expect(dog.locator('g.graph-phase[data-phase="Mastered"]')).toHaveCount(1);
  await expect(dog.locator('svg').getByText('Mastered', { exact: true })).toBeVisible();

  const token = await apiAccessToken(request, setup.technician);
  const programs = await call<{ content: { id: string; targets: { id: string; phase: string }[] }[] }>(
    request,
    token,
    'GET',
    `/api/programs/child/${setup.childId}`,
  );
  const skill = programs.content.find((program) => program.id === setup.skillProgramId)!;
  expect(skill.targets.find((target) => target.id === setup.catId)?.phase).toBe('intervention');
  expect(skill.targets.find((target) => target.id === setup.dogId)?.phase).toBe('mastered');
});
