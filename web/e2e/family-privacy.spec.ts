import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { adminCredentials, aStaffedChild, signIn, signOut } from './support';

/**
 * A family's data and erasure (ADR 0040): the parent downloads their family's data from their child's page; the admin
 * erases the family after typing the child's name, and the child shows as its pseudonym.
 */
test("a parent downloads their family's data and the admin erases the family", async ({ page, request }) => {
  const world = await aStaffedChild(request, 'Privacy');

  await signIn(page, world.parent);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.goto(`/children/${world.childId}`);
  await expect(page.getByRole('heading', { level: 1, name: world.childName })).toBeVisible();
  const privacy = page.getByRole('region', { name: 'Privacy' });
  await expect(privacy.getByRole('button', { name: 'Erase the family' })).toHaveCount(0);
  const saved = page.waitForEvent('download');
  await privacy.getByRole('button', { name: "Download my family's data" }).click();
  const download = await saved;
  expect(download.suggestedFilename()).toMatch(/^sparktherapy-family-data-\d{4}-\d{2}-\d{2}\.zip$/);
  expect(download.url()).not.toContain(world.childId);
  const archive = readFileSync(await download.path()).toString('latin1');
  expect(archive.startsWith('PK')).toBe(true);
  expect(archive).toContain('manifest.json');
  expect(archive).toContain('children.json');
  const shots = process.env.SCREENSHOTS;
  if (shots) await privacy.screenshot({ path: `${shots}-privacy-parent.png` });

  await signOut(page);
  await signIn(page, adminCredentials());
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.goto(`/children/${world.childId}`);
  await page.getByRole('region', { name: 'Privacy' }).getByRole('button', { name: 'Erase the family' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Erase this family?' });
  await expect(dialog).toContainText('cannot be undone');
  const confirm = dialog.getByRole('button', { name: 'Erase the family' });
  await expect(confirm).toBeDisabled();
  await dialog
    .getByRole('textbox', { name: new RegExp(`Type the child's name, ${world.childName}`) })
    .fill(world.childName);
  if (shots) {
    await page.screenshot({ path: `${shots}-erase-1280.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}-erase-390.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  await confirm.click();
  await expect(
    page.getByText(/The family was erased\. The child is now shown as Child-[0-9A-F]{6} Erased\./),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /^Child-[0-9A-F]{6} Erased$/ })).toBeVisible();
  await expect(page.getByText(world.childName)).toHaveCount(0);
  if (shots) await page.screenshot({ path: `${shots}-erased-1280.png`, fullPage: true });
});
