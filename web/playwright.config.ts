import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const baseURL = process.env.BASE_URL;
if (!baseURL) {
  throw new Error('Set BASE_URL to the running SPARKTherapy server, e.g. BASE_URL=http://localhost:5000');
}

/**
 * The clinic's time zone (the server's default). support.ts computes "today" and "next Monday" with the runner's
 * local dates, so the runner (this process and its workers, which inherit the environment) and the browser both
 * use it, whatever the machine's own zone.
 */
const clinicZone = 'UTC';
process.env.TZ = clinicZone;

/**
 * The crawl of the demo clinic (e2e/demo-crawl.spec.ts) and the reports' journey (e2e/reports.spec.ts, which needs the
 * demo's weeks of appointments) need a server started with the demo profile; every other journey needs an empty test
 * clinic. `E2E_DEMO_CLINIC=1` runs only those; without it, everything but those.
 */
const demoClinic = process.env.E2E_DEMO_CLINIC === '1';
const crawl = ['**/demo-crawl.spec.ts', '**/reports.spec.ts'];

/**
 * Debian's `chromium-headless-shell` when installed (`.ci/run` installs it): the headless-only build of the same
 * Chromium that Playwright itself uses for headless runs, about a third less CPU than the full browser (ADR 0032).
 * Otherwise the full `chromium`; `CHROMIUM_PATH` picks another.
 */
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
const chromium = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

/** Browser journeys against a running server, driven through Debian's chromium (no browser download). */
export default defineConfig({
  testDir: './e2e',
  ...(demoClinic ? { testMatch: crawl } : { testIgnore: crawl }),
  outputDir: './test-results',
  timeout: 30_000,
  // a busy shared CI machine answers slowly; waiting longer for a condition weakens nothing (no retries: a flake is
  // to be fixed, not hidden)
  expect: { timeout: 10_000 },
  // The crawl's eight people × widths only read, each in its own browser context: two at a time (ADR 0032; more did
  // not help on two cores). The journeys share one server and its admin, and run one at a time.
  workers: demoClinic ? 2 : 1,
  retries: 0,
  fullyParallel: demoClinic,
  reporter: 'list',
  use: {
    baseURL,
    timezoneId: clinicZone,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
});
