import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  adminCredentials,
  apiAccessToken,
  aStaffedChild,
  at,
  call,
  day,
  nextMonday,
  plusDays,
  signIn,
  signOut,
  type StaffedChild,
} from './support';

/** The child page's section, once its authorizations have loaded. */
async function authorizationsOf(page: Page, child: StaffedChild): Promise<Locator> {
  await page.goto(`/children/${child.childId}`);
  await expect(page.getByRole('heading', { level: 1, name: child.childName })).toBeVisible();
  const section = page.getByRole('region', { name: 'Insurance authorizations' });
  await expect(section.getByText(/^Loading/)).toHaveCount(0);
  return section;
}

async function fillAuthorization(dialog: Locator, number: string, start: Date, end: Date, units: number) {
  await dialog.getByLabel('Payer').fill('Blue Shield');
  await dialog.getByLabel('Member ID (optional)').fill('M-4471');
  await dialog.getByLabel('Authorization number').fill(number);
  await dialog.getByLabel('Service').selectOption('97153');
  await dialog.getByLabel('Units authorized').fill(String(units));
  await dialog.getByLabel('First day').fill(day(start));
  await dialog.getByLabel('Last day').fill(day(end));
}

test('an admin tracks an authorization’s units from booking to completion; the parent reads it', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const child = await aStaffedChild(request, 'Bill');
  const number = `PA-${Date.now().toString(36)}`;
  const today = new Date();
  const monday = nextMonday();

  // the admin adds a 10-unit (2.5 h) authorization of direct treatment for the next two months
  await signIn(page, adminCredentials());
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeVisible();
  let section = await authorizationsOf(page, child);
  await expect(section).toContainText('No authorizations recorded.');
  await section.getByRole('button', { name: 'Add authorization' }).click();
  let dialog = page.getByRole('dialog', { name: 'Add authorization' });
  await fillAuthorization(dialog, number, today, plusDays(today, 60), 10);
  await dialog.getByRole('button', { name: 'Save authorization' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByRole('status')).toHaveText(`Authorization ${number} was added.`);
  const card = section.getByRole('listitem', { name: 'Direct treatment (97153)' });
  await expect(card).toContainText('10 units (2.5 h)');
  await expect(card.getByRole('meter', { name: `Units of authorization ${number}` })).toHaveAttribute(
    'aria-valuetext',
    '0 of 10 units used, 0 scheduled, 10 left',
  );

  // a two-hour session next Monday (8 units) is booked, checked in and completed (by an admin's override)
  const admin = await apiAccessToken(request, adminCredentials());
  const booked = await call<{ occurrences: { id: string }[] }>(request, admin, 'POST', '/api/appointments', {
    childId: child.childId,
    therapistId: child.technician.id,
    serviceCode: '97153',
    place: 'clinic',
    start: at(monday, '10:00'),
    end: at(monday, '12:00'),
    override: { reason: 'Billing journey' },
  });
  const appointmentId = booked.occurrences[0].id;
  section = await authorizationsOf(page, child);
  await expect(card).toContainText('0 of 10 units used, 8 scheduled, 2 left');
  // ahead of its time: the admin records it anyway, saying why (kept in the child's history)
  const early = { override: { reason: 'Recorded ahead for the billing journey' } };
  await call(request, admin, 'POST', `/api/appointments/${appointmentId}/check-in`, early);
  await call(request, admin, 'POST', `/api/appointments/${appointmentId}/complete`, early);
  section = await authorizationsOf(page, child);
  await expect(card).toContainText('8 of 10 units used, 0 scheduled, 2 left');
  await expect(card).toContainText('Running out');

  // a second authorization of the same service over some of the same days is refused, naming the first
  await section.getByRole('button', { name: 'Add authorization' }).click();
  dialog = page.getByRole('dialog', { name: 'Add authorization' });
  await fillAuthorization(dialog, `${number}-B`, plusDays(today, 30), plusDays(today, 90), 40);
  await dialog.getByRole('button', { name: 'Save authorization' }).click();
  await expect(dialog.getByRole('alert')).toContainText('This overlaps another authorization for the same service');
  await expect(dialog.getByRole('alert')).toContainText(number);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(section.getByRole('listitem')).toHaveCount(1);

  // the clinic's list shows it among those running out, leading back to the child
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Authorizations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Authorizations' })).toBeVisible();
  await page.getByLabel('Show').selectOption({ label: 'Running out' });
  const row = page.getByRole('row').filter({ hasText: child.childName });
  await expect(row).toContainText('8 of 10 units used');
  await expect(row).toContainText('Running out');
  await page.getByLabel('Show').selectOption({ label: 'Over' });
  await expect(page.getByRole('row').filter({ hasText: child.childName })).toHaveCount(0);
  await page.getByLabel('Show').selectOption({ label: 'Running out' });
  await row.getByRole('link', { name: child.childName }).click();
  await expect(page.getByRole('heading', { level: 1, name: child.childName })).toBeVisible();
  await signOut(page);

  // the parent reads it and changes nothing
  await signIn(page, child.parent);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  section = await authorizationsOf(page, child);
  await expect(section.getByRole('listitem', { name: 'Direct treatment (97153)' })).toContainText(
    '8 of 10 units used, 0 scheduled, 2 left',
  );
  await expect(section.getByRole('button')).toHaveCount(0);
  await signOut(page);

  // the technician on the care team does not see authorizations at all
  await signIn(page, child.technician);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.goto(`/children/${child.childId}`);
  await expect(page.getByRole('heading', { level: 1, name: child.childName })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Schedule preferences' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Insurance authorizations' })).toHaveCount(0);
});

test('an admin adjusts a family’s balance and reverses the adjustment; the payments list is a nav entry', async ({
  page,
  request,
}) => {
  const child = await aStaffedChild(request, 'Ledg');
  await signIn(page, adminCredentials());
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic overview' })).toBeVisible();

  await page.goto(`/billing/families/${child.childId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Family account' })).toBeVisible();
  await page.getByRole('button', { name: 'Adjust balance' }).click();
  let dialog = page.getByRole('dialog', { name: 'Adjust balance' });
  await dialog.getByLabel('Amount (USD)').fill('25');
  await dialog.getByLabel('Description').fill('Late cancellation fee');
  await dialog.getByRole('button', { name: 'Post adjustment' }).click();
  await expect(dialog).toBeHidden();
  const ledger = page.getByRole('table', { name: 'Ledger entries' });
  const row = ledger.getByRole('row', { name: /Late cancellation fee/ });
  await expect(row).toContainText('$25.00');

  await row.getByRole('button', { name: 'Reverse' }).click();
  dialog = page.getByRole('dialog', { name: 'Reverse entry' });
  await dialog.getByLabel('Reason').fill('Fee waived');
  await dialog.getByRole('button', { name: 'Reverse' }).click();
  await expect(dialog).toBeHidden();
  await expect(ledger).toContainText('Reversal: Fee waived');
  await expect(ledger.getByRole('row', { name: /Late cancellation fee/ })).toContainText('(reversed)');
  await expect(page.getByLabel('Balance', { exact: true })).toContainText('$0.00');

  await page.getByRole('link', { name: 'Payments', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payments' })).toBeVisible();
  await expect(page.getByRole('search', { name: 'Filter payments' })).toBeVisible();
});
