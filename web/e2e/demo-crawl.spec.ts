import { expect, test, type Browser, type Page, type Request } from '@playwright/test';
import { signIn, type Credentials } from './support';

/**
 * Opens every page of the demo clinic a person can reach from the navigation — every child, program, session record
 * and progress page included — for each role, at desktop and phone widths, and fails on any console error, uncaught
 * exception, error page or failed request. Links are found by walking the DOM (same-origin links, and the "Next page"
 * of every pagination), not from a list, so a new page is covered as soon as something links to it.
 *
 * Runs only against a server started with the demo profile (`E2E_DEMO_CLINIC=1`, see playwright.config.ts and
 * DemoClinicCrawlIntegrationTests); the other journeys run against an empty test clinic.
 */

const PASSWORD = process.env.E2E_DEMO_PASSWORD ?? 'spark-demo-clinic-2026';

const PEOPLE: { role: string; credentials: Credentials }[] = [
  { role: 'admin', credentials: { email: 'admin@demo.sparktherapy.org', password: PASSWORD } },
  { role: 'BCBA', credentials: { email: 'maya.okafor@demo.sparktherapy.org', password: PASSWORD } },
  { role: 'RBT', credentials: { email: 'luis.romero@demo.sparktherapy.org', password: PASSWORD } },
  { role: 'parent', credentials: { email: 'emma.carter@demo.sparktherapy.org', password: PASSWORD } },
];

/**
 * Desktop visits every page found (up to a bound far above the demo's size, so a link loop cannot run away);
 * the phone visits a representative subset: the first two pages of each kind (route pattern).
 */
const WIDTHS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 }, perPattern: 1_000, touch: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, perPattern: 2, touch: true },
];
const MAX_PAGES = 600;
/** Pages of a paginated list followed per page visit. */
const MAX_LIST_PAGES = 20;

/** Failed requests the crawl expects, on the page (`on`) where they are expected, with the reason. */
const EXPECTED_FAILURES: { status: number; path: RegExp; on: RegExp }[] = [
  // the silent sign-in of a browser without a session, before signing in
  { status: 401, path: /^\/api\/auth\/refresh$/, on: /^\/sign-in$/ },
];

function expectedFailure(url: string, status: number | null, on: string): boolean {
  const { pathname } = new URL(url);
  return EXPECTED_FAILURES.some(
    (failure) => (status === null || failure.status === status) && failure.path.test(pathname) && failure.on.test(on),
  );
}

/** Addresses never opened: they end the session or leave the app. */
const SKIPPED_PATHS = [
  /^\/api\//,
  /^\/sign-in/,
  /^\/register/,
  /^\/forgot-password/,
  /^\/reset-password/,
  /^\/verify-email/,
  /^\/accept-invitation/,
];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** `/children/1b2…/progress` → `/children/:id/progress`: the kind of page, for bounds and the report. */
function patternOf(path: string): string {
  return path.replace(UUID, ':id');
}

interface Problems {
  list: string[];
  current: string;
}

/** Records what goes wrong on the page, with the address it happened at. */
function watch(page: Page, origin: string, problems: Problems) {
  const pending = new Set<Request>();
  const isStream = (request: Request) => new URL(request.url()).pathname === '/api/events';
  page.on('console', (message) => {
    // the first line says what it is; the stack of a minified bundle tells nothing more
    if (message.type() === 'error') {
      // the browser's own note of an expected failed request
      const url = message.location().url;
      if (message.text().startsWith('Failed to load resource') && url && expectedFailure(url, null, problems.current)) {
        return;
      }
      problems.list.push(`${problems.current}: console error: ${message.text().split('\n')[0]}`);
    }
  });
  page.on('pageerror', (error) => problems.list.push(`${problems.current}: uncaught ${error.name}: ${error.message}`));
  page.on('request', (request) => {
    if (!isStream(request)) pending.add(request);
  });
  page.on('requestfinished', async (request) => {
    pending.delete(request);
    const response = await request.response();
    if (!response || response.status() < 400) return;
    const url = new URL(request.url());
    if (!expectedFailure(request.url(), response.status(), problems.current)) {
      problems.list.push(
        `${problems.current}: ${request.method()} ${url.origin === origin ? url.pathname : url.href} answered ${response.status()}`,
      );
    }
  });
  page.on('requestfailed', (request) => {
    pending.delete(request);
    const failure = request.failure()?.errorText ?? 'failed';
    // the client's own cancellation (a query whose page was left, the live stream on sign-out) is no failure
    if (failure === 'net::ERR_ABORTED') return;
    problems.list.push(`${problems.current}: ${request.method()} ${request.url()} failed: ${failure}`);
  });
  return { pending };
}

/** Waits until nothing says "Loading", the page has its heading and no request is in flight. */
async function settle(page: Page, pending: Set<Request>) {
  await expect(page.locator('main h1').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('body')).not.toContainText(/Loading\b/, { timeout: 20_000 });
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
  await expect.poll(() => pending.size, { timeout: 20_000 }).toBe(0);
}

/** What the page shows instead of itself when something broke. */
async function errorShown(page: Page): Promise<string | null> {
  const heading = (await page.locator('main h1, h1, h2, h3').allTextContents()).find((text) =>
    /This page could not be shown|Unexpected Application Error|Page not found|Not allowed/.test(text),
  );
  if (heading) return heading;
  const alerts = await page.locator('[role="alert"]').allTextContents();
  const failed = alerts.find((text) => /could not|failed|went wrong|error/i.test(text));
  return failed ?? null;
}

/** Same-origin app addresses the page links to, without fragments. */
async function linksOn(page: Page, origin: string): Promise<string[]> {
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((anchors) =>
      anchors
        .filter((anchor) => !anchor.hasAttribute('download') && anchor.getAttribute('target') !== '_blank')
        .map((anchor) => (anchor as HTMLAnchorElement).href),
    );
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin && !SKIPPED_PATHS.some((skipped) => skipped.test(url.pathname)))
    .map((url) => url.pathname + url.search);
}

/**
 * Moves within the app as a link does, without reloading it (the app keeps its session and live stream), and waits
 * until the new page is there: every page focuses its heading once it renders after a navigation (`Page`), so a
 * focused heading after blurring everything is the new page's, never the old one's.
 */
async function open(page: Page, path: string) {
  await page.evaluate((target) => {
    (document.activeElement as HTMLElement | null)?.blur();
    // the state React Router's history writes: a key (pages tell navigations apart by it) and an index
    const index = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    const key = Math.random().toString(36).slice(2, 10);
    window.history.pushState({ usr: null, key, idx: index + 1 }, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await expect(page.locator('main h1:focus')).toBeVisible({ timeout: 20_000 });
}

/** Shows the next page of the first list that has one; false when there is none. */
async function nextListPage(page: Page): Promise<boolean> {
  const paginations = page.locator('nav.pagination');
  for (let index = 0; index < (await paginations.count()); index++) {
    const pagination = paginations.nth(index);
    const next = pagination.getByRole('button', { name: 'Next page' });
    if (await next.isDisabled()) continue;
    const status = pagination.locator('.pagination-status');
    const before = (await status.textContent()) ?? '';
    await next.click();
    await expect(status).not.toHaveText(before);
    return true;
  }
  return false;
}

interface CrawlResult {
  visited: string[];
  problems: string[];
}

async function crawl(browser: Browser, credentials: Credentials, width: (typeof WIDTHS)[number]): Promise<CrawlResult> {
  const context = await browser.newContext({
    viewport: width.viewport,
    hasTouch: width.touch,
    isMobile: width.touch,
    baseURL: test.info().project.use.baseURL,
  });
  const page = await context.newPage();
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const problems: Problems = { list: [], current: '/sign-in' };
  const { pending } = watch(page, origin, problems);
  await signIn(page, credentials);
  await expect(page).not.toHaveURL(/\/sign-in/);
  problems.current = new URL(page.url()).pathname;
  // on a phone the navigation is in the closed menu: there, but hidden
  const navigation = page.locator('nav#app-nav');
  await expect(navigation.locator('a[href]').first()).toBeAttached();

  // the navigation is the crawl's start: every page is reachable from it
  const home = new URL(page.url()).pathname;
  const start = await navigation
    .locator('a[href]')
    .evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
  const seen = new Set<string>([home, ...start]);
  const queue: string[] = [...seen];
  const perPattern = new Map<string, number>();
  const visited: string[] = [];

  while (queue.length > 0 && visited.length < MAX_PAGES) {
    const path = queue.shift()!;
    const pattern = patternOf(path.split('?')[0]);
    if ((perPattern.get(pattern) ?? 0) >= width.perPattern) continue;
    perPattern.set(pattern, (perPattern.get(pattern) ?? 0) + 1);
    problems.current = path;
    visited.push(path);
    try {
      if (visited.length > 1) await open(page, path);
      await settle(page, pending);
    } catch (error) {
      problems.list.push(`${path}: did not finish loading (${(error as Error).message.split('\n')[0]})`);
      continue;
    }
    const shown = await errorShown(page);
    if (shown) {
      problems.list.push(`${path}: shows "${shown}"`);
      continue;
    }
    const found = await linksOn(page, origin);
    // the later pages of every list: their rows link to records too
    for (let listPage = 0; listPage < MAX_LIST_PAGES && (await nextListPage(page)); listPage++) {
      await settle(page, pending);
      found.push(...(await linksOn(page, origin)));
    }
    for (const link of found) {
      if (!seen.has(link)) {
        seen.add(link);
        queue.push(link);
      }
    }
  }
  if (queue.some((path) => (perPattern.get(patternOf(path.split('?')[0])) ?? 0) < width.perPattern)) {
    problems.list.push(`stopped at ${MAX_PAGES} pages with more to visit: a link loop, or raise MAX_PAGES`);
  }
  await context.close();
  return { visited, problems: problems.list };
}

function summary(visited: string[]): string {
  const counts = new Map<string, number>();
  for (const path of visited) counts.set(patternOf(path), (counts.get(patternOf(path)) ?? 0) + 1);
  return [...counts].map(([pattern, count]) => `${pattern} ×${count}`).join(', ');
}

for (const width of WIDTHS) {
  for (const { role, credentials } of PEOPLE) {
    test(`every page works for the ${role} at ${width.name} width`, async ({ browser }) => {
      test.setTimeout(10 * 60_000);

      const { visited, problems } = await crawl(browser, credentials, width);

      process.stdout.write(`${role} at ${width.name}: ${visited.length} pages: ${summary(visited)}\n`);
      expect(problems, `problems found while visiting ${visited.length} pages`).toEqual([]);
      // the demo clinic has children with programs, sessions and progress for every role
      const patterns = new Set(visited.map(patternOf));
      for (const kind of ['/children/:id', '/programs/:id', '/sessions/:id', '/children/:id/progress']) {
        expect(patterns, `${role} reached a ${kind} page`).toContain(kind);
      }
    });
  }
}
