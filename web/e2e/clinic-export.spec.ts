import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { adminCredentials, signIn } from './support';

test('the admin exports the clinic as JSON and the browser saves the archive itself', async ({ page }) => {
  await signIn(page, adminCredentials());
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Format' }).selectOption('json');
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export clinic data' }).click();
  const download = await saved;

  expect(download.suggestedFilename()).toMatch(/^sparktherapy-export-\d{4}-\d{2}-\d{2}-json\.zip$/);
  expect(download.url()).toContain('/api/reports/clinic-export/download?token=');
  const archive = readFileSync(await download.path());
  expect(archive.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(archive.toString('latin1')).toContain('manifest.json');
  await expect(page.getByRole('status').filter({ hasText: 'Download started' })).toBeVisible();

  const shots = process.env.SCREENSHOTS;
  if (shots) {
    await page.screenshot({ path: `${shots}-export-1280.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}-export-390.png` });
  }

  // the link worked once: following it again is refused with a clear problem
  const again = await page.request.get(download.url());
  expect(again.status()).toBe(410);
  expect(((await again.json()) as { detail: string }).detail).toContain('used already');
});
