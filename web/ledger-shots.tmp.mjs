import { chromium } from 'playwright-core';
const base = 'http://localhost:5105';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
async function shoot(email, pages, width, height, suffix) {
  const context = await browser.newContext({ viewport: { width, height }, isMobile: width < 500, hasTouch: width < 500 });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(base + '/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('spark-demo-clinic-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  for (const [name, path, action] of pages) {
    await page.goto(base + path);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    if (action) await action(page);
    await page.screenshot({ path: `/tmp/ledger-shots/${name}-${suffix}.png`, fullPage: true });
  }
  console.log(email, suffix, 'console errors:', errors);
  await context.close();
}
const adminPages = [
  ['balances', '/billing/families'],
  ['aging', '/billing/aging'],
];
for (const [w, h, s] of [[1280, 800, 'desktop'], [390, 844, 'phone']]) {
  await shoot('admin@demo.sparktherapy.org', adminPages, w, h, s);
  await shoot('emma.carter@demo.sparktherapy.org', [['parent-billing', '/billing']], w, h, s);
}
// the family account and the record-payment dialog
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(base + '/sign-in');
  await page.getByLabel('Email').fill('admin@demo.sparktherapy.org');
  await page.getByLabel('Password').fill('spark-demo-clinic-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  await page.goto(base + '/billing/families');
  await page.getByRole('link', { name: /Carter/ }).first().click();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/ledger-shots/account-desktop.png', fullPage: true });
  await page.getByRole('button', { name: 'Record payment' }).first().click();
  await page.getByLabel('Amount (USD)').fill('12.345');
  await page.getByRole('dialog').getByRole('button', { name: 'Record payment' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/ledger-shots/record-payment-desktop.png' });
  await page.getByLabel('Amount (USD)').fill('100.00');
  await page.getByRole('dialog').getByRole('button', { name: 'Record payment' }).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/ledger-shots/after-payment-desktop.png', fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Statement .* as PDF$/ }).first().click();
  const file = await download;
  console.log('downloaded', file.suggestedFilename());
  await context.close();
}
await browser.close();
