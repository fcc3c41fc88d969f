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

/** Browser journeys against a running server, driven through Debian's chromium (no browser download). */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  timeout: 30_000,
  // a busy shared CI machine answers slowly; waiting longer for a condition weakens nothing (no retries: a flake is
  // to be fixed, not hidden)
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  fullyParallel: false,
  reporter: 'list',
  use: {
    baseURL,
    timezoneId: clinicZone,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
