import { expect, test } from '@playwright/test';
import {
  adminCredentials,
  awaitMail,
  linkIn,
  mailReadable,
  signIn,
  signOut,
  strongPassword,
  uniqueEmail,
} from './support';

test.skip(!mailReadable() && !process.env.CI, 'needs the test mail server (E2E_MAIL_URL); CI always has it');

test('a parent registers, follows the mailed link, confirms with the password and lands signed in', async ({
  page,
  request,
}) => {
  const parent = { name: `Robin Register ${Date.now()}`, email: uniqueEmail('register'), password: strongPassword() };

  await page.goto('/register');
  await page.getByLabel('Your name').fill(parent.name);
  await page.getByLabel('Email', { exact: true }).fill(parent.email);
  await page.getByLabel('Password', { exact: true }).fill(parent.password);
  await page.getByLabel('Repeat password').fill(parent.password);
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Check your e-mail' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(parent.email);

  await signIn(page, parent);
  await expect(page.getByRole('alert')).toContainText('Invalid email or password');

  const mail = await awaitMail(request, parent.email, 'Confirm your e-mail');
  await page.goto(linkIn(mail, '/verify-email'));
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your e-mail address' })).toBeVisible();
  await expect(page).toHaveURL(/\/verify-email$/);
  await page.getByLabel('Password', { exact: true }).fill(parent.password);
  await page.getByRole('button', { name: 'Confirm and sign in' }).click();

  await expect(page.getByText(`Welcome, ${parent.name}`)).toBeVisible();
  await signOut(page);
  await signIn(page, parent);
  await expect(page.getByText(`Welcome, ${parent.name}`)).toBeVisible();
});

test('the admin invites a therapist who accepts, chooses a password and lands on their day', async ({
  page,
  request,
}) => {
  const therapist = { name: `Ivy Invited ${Date.now()}`, email: uniqueEmail('invited'), password: strongPassword() };

  await signIn(page, adminCredentials());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await expect(dialog.getByLabel('Send an invitation by e-mail')).toBeChecked();
  await dialog.getByLabel('Name', { exact: true }).fill(therapist.name);
  await dialog.getByLabel('Email', { exact: true }).fill(therapist.email);
  await dialog.getByLabel('Role', { exact: true }).selectOption('therapist');
  await dialog.getByLabel('Credential').selectOption('RBT');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();

  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: `An invitation was sent to ${therapist.email}` }),
  ).toBeVisible();
  const invitations = page.getByRole('table', { name: 'Open invitations' });
  await expect(invitations.getByRole('row', { name: new RegExp(therapist.name) })).toContainText('Pending');
  await signOut(page);

  const mail = await awaitMail(request, therapist.email, 'You are invited to');
  await page.goto(linkIn(mail, '/accept-invitation'));
  const form = page.getByRole('form', { name: 'Accept the invitation' });
  await expect(form).toContainText('invited you to');
  await expect(form).toContainText('as a therapist (RBT)');
  await form.getByLabel('Choose a password').fill(therapist.password);
  await form.getByLabel('Repeat password').fill(therapist.password);
  await form.getByRole('button', { name: 'Accept and sign in' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'My day' })).toBeVisible();
  await expect(page.getByText(`Welcome, ${therapist.name}`)).toBeVisible();
});
