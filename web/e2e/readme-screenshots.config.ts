import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

/**
 * Retakes the README's screenshots (docs/images/*.png) from a running demo clinic; not part of the browser journeys.
 *   ./mvnw spring-boot:run -Dspring-boot.run.profiles=demo   (in another terminal, PORT=… for another port)
 *   cd web && BASE_URL=http://localhost:5000 npx playwright test -c e2e/readme-screenshots.config.ts
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'readme-screenshots.ts',
  outputDir: '../test-results/readme-screenshots',
  timeout: 120_000,
  use: { ...base.use, viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  projects: undefined,
});
