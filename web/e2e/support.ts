import { expect, type APIRequestContext, type Page } from '@playwright/test';

export interface Credentials {
  email: string;
  password: string;
}

/** The bootstrap admin the server was started with. */
export function adminCredentials(): Credentials {
  const email = process.env.E2E_ADMIN_EMAIL;
  const password = process.env.E2E_ADMIN_PASSWORD;
  if (!email || !password) throw new Error('Set E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD to the bootstrap admin');
  return { email, password };
}

/** An email address no earlier run has used. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.sparktherapy.test`;
}

/** A password the server accepts: long and not a common one. */
export function strongPassword(): string {
  return `Spark-e2e-${Date.now().toString(36)}-Kite!`;
}

/** Signs in through the API as a non-web client, which gets the access token in the body. */
export async function apiAccessToken(request: APIRequestContext, credentials: Credentials): Promise<string> {
  const response = await request.post('/api/auth/login', {
    data: { email: credentials.email, password: credentials.password },
  });
  expect(response.status(), await response.text()).toBe(200);
  const body = (await response.json()) as { accessToken: string };
  return body.accessToken;
}

export interface NewUser {
  name: string;
  email: string;
  password: string;
  role: 'admin' | 'therapist' | 'parent';
  credential?: 'BCBA' | 'BCaBA' | 'RBT' | 'other' | null;
}

/** Creates a user as the bootstrap admin, through `POST /api/users`; resolves to the new user's id. */
export async function createUserThroughApi(request: APIRequestContext, user: NewUser): Promise<string> {
  const token = await apiAccessToken(request, adminCredentials());
  const response = await request.post('/api/users', {
    data: { credential: null, ...user },
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

export async function signIn(page: Page, credentials: Credentials): Promise<void> {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill(credentials.email);
  await page.getByLabel('Password', { exact: true }).fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
}

/** True when the page is wider than the viewport, i.e. the user would have to scroll sideways. */
export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/**
 * The tables (by their region's name) that scroll sideways inside their own box: on a phone a table stacks its rows
 * (`.table-stack`) or keeps few enough columns to fit, so none should.
 */
export async function sidewaysScrollingTables(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.table-wrap'))
      .filter((wrap) => wrap.scrollWidth > wrap.clientWidth)
      .map((wrap) => wrap.getAttribute('aria-label') ?? '(unnamed table)'),
  );
}

/** Calls the API with a bearer token and expects one of the given statuses; returns the parsed body. */
export async function call<T>(
  request: APIRequestContext,
  token: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  data?: unknown,
  expected: number[] = [200, 201],
): Promise<T> {
  const response = await request.fetch(path, { method, data, headers: { Authorization: `Bearer ${token}` } });
  const text = await response.text();
  expect(expected, `${method} ${path}: ${text}`).toContain(response.status());
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A person created for one journey, with the password to sign in. */
export type Person = Credentials & { name: string; id: string };

/** An active child with a guardian and a care team, made through the API as the bootstrap admin. */
export interface StaffedChild {
  childId: string;
  childName: string;
  admin: string;
  technician: Person;
  supervisor: Person;
  parent: Person;
}

/**
 * As the admin: an RBT technician, a BCBA supervisor and a parent (unique per call); an active child named
 * "Robin <lastNamePrefix…>" with the parent as guardian (may sign) and both therapists on the care team.
 */
export async function aStaffedChild(request: APIRequestContext, lastNamePrefix: string): Promise<StaffedChild> {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const person = async (name: string, prefix: string, user: Pick<NewUser, 'role' | 'credential'>) => {
    const credentials = { name: `${name} ${stamp}`, email: uniqueEmail(prefix), password: strongPassword() };
    const id = await createUserThroughApi(request, { ...credentials, ...user });
    return { ...credentials, id };
  };
  const technician = await person('Toni Tech', 'rbt', { role: 'therapist', credential: 'RBT' });
  const supervisor = await person('Bea Supervisor', 'bcba', { role: 'therapist', credential: 'BCBA' });
  const parent = await person('Pat Parent', 'parent', { role: 'parent' });

  const admin = await apiAccessToken(request, adminCredentials());
  const lastName = `${lastNamePrefix}${stamp}`;
  const child = await call<{ id: string }>(request, admin, 'POST', '/api/children', {
    firstName: 'Robin',
    lastName,
    dateOfBirth: '2020-04-07',
  });
  await call(request, admin, 'PUT', `/api/children/${child.id}`, { status: 'active' });
  await call(request, admin, 'POST', `/api/children/${child.id}/care-team`, {
    userId: technician.id,
    role: 'technician',
  });
  await call(request, admin, 'POST', `/api/children/${child.id}/care-team`, {
    userId: supervisor.id,
    role: 'supervisor',
  });
  await call(request, admin, 'POST', `/api/children/${child.id}/guardians`, {
    userId: parent.id,
    relationship: 'mother',
    canSign: true,
  });
  return { childId: child.id, childName: `Robin ${lastName}`, admin, technician, supervisor, parent };
}

/** YYYY-MM-DD of a local date. */
export function day(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The Monday after this week, at midnight (local time of the test runner: the clinic's, see playwright.config.ts). */
export function nextMonday(): Date {
  const today = new Date();
  const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7));
  return plusDays(monday, 7);
}

export function plusDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** An ISO instant with the local offset for a date and "HH:MM". */
export function at(date: Date, time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  const local = new Date(date.getFullYear(), date.getMonth(), date.getDate(), hours, minutes);
  const offset = -local.getTimezoneOffset();
  const pad = (value: number) => String(Math.abs(value)).padStart(2, '0');
  return `${day(local)}T${time}:00${offset >= 0 ? '+' : '-'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/**
 * Resolves once today has at least `margin` milliseconds left, waiting for the next day if it has not: a journey that
 * books "today" and then opens today's list must not see the day change in between. Resolves to the time waited.
 */
export async function notNearMidnight(margin = 60_000): Promise<number> {
  const now = new Date();
  const left = plusDays(now, 1).getTime() - now.getTime();
  if (left >= margin) return 0;
  const wait = left + 1_000;
  await new Promise((resolve) => setTimeout(resolve, wait));
  return wait;
}

/** A mail the server sent, as the test mail server received it. */
export interface ReceivedMail {
  subject: string;
  text: string;
}

/**
 * Whether the journeys can read the server's mail: `E2E_MAIL_URL` points at the test mail server's reading endpoint
 * (BrowserJourneyIntegrationTests serves one over the GreenMail server the app sends to). Hand runs against a server
 * without it skip the mail journeys; CI always has it.
 */
export function mailReadable(): boolean {
  return Boolean(process.env.E2E_MAIL_URL);
}

/** Waits for a mail to the address whose subject starts with the prefix, and returns it. */
export async function awaitMail(request: APIRequestContext, to: string, subjectPrefix: string): Promise<ReceivedMail> {
  const url = process.env.E2E_MAIL_URL;
  if (!url) throw new Error('Set E2E_MAIL_URL to the test mail server (see BrowserJourneyIntegrationTests)');
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(`${url}?to=${encodeURIComponent(to)}`);
        const mails = (await response.json()) as ReceivedMail[];
        found = mails.find((mail) => mail.subject.startsWith(subjectPrefix));
        return found !== undefined;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

/** The path and fragment of the first link into the app in a mail (`/verify-email#token=…`). */
export function linkIn(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${path}#token=[A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return match[1];
}
