import { createHmac } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createUserThroughApi, signIn, signOut, strongPassword, uniqueEmail } from './support';

/** RFC 4648 base32, as the enrollment shows the key (spaces between groups of four). */
function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text.replace(/\s/g, '')) {
    buffer = (buffer << 5) | alphabet.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** RFC 6238: HMAC-SHA1 over the 30-second step, dynamic truncation, 6 digits — what an authenticator app shows. */
function totp(secret: Buffer, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hash = createHmac('sha1', secret).update(counter).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  const binary = hash.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

const currentStep = () => Math.floor(Date.now() / 30_000);

test('a parent turns on two-step sign-in, signs out, and signs in again with a code from the app', async ({
  page,
  request,
}) => {
  const parent = { name: 'Two Step Parent', email: uniqueEmail('two-step'), password: strongPassword() };
  await createUserThroughApi(request, { ...parent, role: 'parent' });
  await signIn(page, parent);
  await expect(page).toHaveURL(/\/parent$/);

  await page.goto('/profile');
  const section = page.getByRole('region', { name: 'Two-step sign-in' });
  await section.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(section.getByRole('img', { name: /QR code/ })).toBeVisible();
  const secret = base32Decode(await section.locator('.secret-key').innerText());
  expect(secret).toHaveLength(20);
  const enrolledStep = currentStep();
  await section.getByLabel('6-digit code from the app').fill(totp(secret, enrolledStep));
  await section.getByRole('button', { name: 'Turn on two-step sign-in' }).click();

  const codes = section.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  await section.getByRole('button', { name: 'I saved my codes' }).click();
  await expect(section.getByText(/10 of 10 recovery codes left/)).toBeVisible();

  await signOut(page);
  await signIn(page, parent);
  const code = page.getByLabel('6-digit code');
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  // a code is accepted once: the next time step's code, as the app would show it a moment later
  await code.fill(totp(secret, Math.max(enrolledStep + 1, currentStep())));
  await page.getByRole('button', { name: 'Verify and sign in' }).click();

  await expect(page).toHaveURL(/\/parent$/);
});
