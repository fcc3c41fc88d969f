// Screenshots of the two-step sign-in screens (not committed). BASE_URL, ADMIN_EMAIL, ADMIN_PASSWORD.
import { createHmac } from 'node:crypto';
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL;
const admin = { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD };
const out = '../target/shots';

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = [];
  let buffer = 0, bits = 0;
  for (const c of text.replace(/\s/g, '')) {
    buffer = (buffer << 5) | alphabet.indexOf(c); bits += 5;
    if (bits >= 8) { bytes.push((buffer >> (bits - 8)) & 0xff); bits -= 8; }
  }
  return Buffer.from(bytes);
}
function totp(secret, step) {
  const counter = Buffer.alloc(8); counter.writeBigUInt64BE(BigInt(step));
  const hash = createHmac('sha1', secret).update(counter).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
const step = () => Math.floor(Date.now() / 30000);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });

// the admin turns on the requirement for admins and BCBAs through the API
let res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
const token = (await res.json()).accessToken;
res = await fetch(`${base}/api/security-settings`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ secondFactorRequiredFor: ['admin', 'bcba'] }) });
console.log('settings', res.status);

for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]]) {
  const context = await browser.newContext({ viewport, baseURL: base });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (name === 'phone') {
    // the admin must enroll before any token
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    await page.screenshot({ path: `${out}/enroll-at-sign-in-${name}.png`, fullPage: true });
    const secret = base32Decode(await page.locator('.secret-key').innerText());
    globalThis.secret = secret;
    globalThis.last = step();
    await page.getByLabel('6-digit code from the app').fill(totp(secret, globalThis.last));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByRole('list', { name: 'Your recovery codes' }).waitFor();
    await page.screenshot({ path: `${out}/recovery-codes-${name}.png`, fullPage: true });
    await page.getByRole('button', { name: 'I saved my codes, continue' }).click();
  } else {
    await page.getByLabel('6-digit code').waitFor();
    await page.getByLabel('6-digit code').fill('000000');
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByText('not right').waitFor();
    await page.screenshot({ path: `${out}/second-step-error-${name}.png`, fullPage: true });
    await page.getByRole('button', { name: 'Use a recovery code' }).click();
    await page.screenshot({ path: `${out}/second-step-recovery-${name}.png`, fullPage: true });
    await page.getByRole('button', { name: 'Use a code from the app' }).click();
    globalThis.last = Math.max(globalThis.last + 1, step());
    await page.getByLabel('6-digit code').fill(totp(globalThis.secret, globalThis.last));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
  }
  await page.waitForURL(/\/admin$/);
  await page.goto('/profile');
  await page.getByRole('region', { name: 'Two-step sign-in' }).getByText('recovery codes left').waitFor();
  await page.getByRole('region', { name: 'Two-step sign-in' }).screenshot({ path: `${out}/profile-two-step-${name}.png` });
  await page.goto('/users');
  await page.getByRole('region', { name: 'Two-step sign-in' }).waitFor();
  await page.getByRole('region', { name: 'Two-step sign-in' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/users-setting-${name}.png`, fullPage: true });
  await page.getByRole('button', { name: /^Edit/ }).first().click();
  await page.getByRole('dialog').getByText(/^(On|Off)\./).waitFor();
  await page.screenshot({ path: `${out}/edit-user-${name}.png`, fullPage: false });
  await context.close();
}
await browser.close();
