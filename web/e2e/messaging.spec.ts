import { expect, test, type Browser, type Page } from '@playwright/test';
import { aStaffedChild, signIn, type Credentials } from './support';

/** A real 1×1 PNG, so the browser can show the thumbnail. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const SCRIPT = '<script>window.__hacked = true</script><img src=x onerror="window.__hacked = true">';

async function signedIn(browser: Browser, who: Credentials): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  return page;
}

test('a parent writes to the care team with a photo; the therapist reads it as text and replies', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const world = await aStaffedChild(request, 'Messenger');

  // the parent opens the child's conversation from the child's page and posts a script and a photo
  const parent = await signedIn(browser, world.parent);
  await parent.goto(`/children/${world.childId}`);
  await parent.getByRole('button', { name: 'Message the care team' }).click();
  await expect(parent.getByRole('heading', { level: 1, name: world.childName })).toBeVisible();
  await parent.getByRole('textbox', { name: 'Message' }).fill(`${SCRIPT}\nHello team`);
  await parent.getByLabel('Attach files').setInputFiles({ name: 'drawing.png', mimeType: 'image/png', buffer: PNG });
  await expect(parent.getByRole('list', { name: 'Files to send' })).toContainText('drawing.png');
  await parent.getByRole('button', { name: 'Send' }).click();
  const log = parent.getByRole('log', { name: 'Messages' });
  await expect(log.getByText('Hello team')).toBeVisible();
  await expect(log.locator('.message-body').first()).toContainText(SCRIPT);
  expect(await parent.evaluate(() => (window as unknown as { __hacked?: boolean }).__hacked)).toBeUndefined();

  // the therapist sees the unread badge, opens the conversation and the photo
  const therapist = await signedIn(browser, world.technician);
  const nav = therapist.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: /Messages/ })).toContainText('1 unread message');
  await nav.getByRole('link', { name: /Messages/ }).click();
  await therapist
    .getByRole('list', { name: 'Conversations' })
    .getByRole('link', { name: new RegExp(world.childName) })
    .click();
  const therapistLog = therapist.getByRole('log', { name: 'Messages' });
  await expect(therapistLog.locator('.message-body').first()).toHaveText(`${SCRIPT}\nHello team`);
  const photo = therapistLog.getByRole('img', { name: 'drawing.png' });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  expect(await therapist.evaluate(() => (window as unknown as { __hacked?: boolean }).__hacked)).toBeUndefined();
  // viewing marks it read
  await expect(nav.getByTestId('unread-messages')).toHaveCount(0);
  await therapist.screenshot({ path: 'test-results/messaging-therapist.png', fullPage: true });

  // the parent leaves the conversation for the inbox (an open conversation is read as messages arrive)
  await parent.goto('/messages');
  await therapist.getByRole('textbox', { name: 'Message' }).fill('Thanks! We will bring the token board.');
  await therapist.getByRole('button', { name: 'Send' }).click();
  await expect(therapistLog.getByText('Thanks! We will bring the token board.')).toBeVisible();

  // the parent's open inbox counts the reply, and the conversation shows it
  const conversations = parent.getByRole('list', { name: 'Conversations' });
  await expect(conversations.getByRole('link', { name: new RegExp(world.childName) })).toContainText('1 unread');
  await conversations.getByRole('link', { name: new RegExp(world.childName) }).click();
  await expect(
    parent.getByRole('log', { name: 'Messages' }).getByText('Thanks! We will bring the token board.'),
  ).toBeVisible();
  await parent.screenshot({ path: 'test-results/messaging-parent.png', fullPage: true });
});
