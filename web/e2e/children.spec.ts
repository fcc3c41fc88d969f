import { expect, test, type Page } from '@playwright/test';
import { adminCredentials, createUserThroughApi, signIn, signOut, strongPassword, uniqueEmail } from './support';

async function openFromNav(page: Page, label: string, heading: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

test('a parent registers a child, the admin staffs it, the supervisor builds a program the parent can only read', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const parent = { name: `Pat Parent ${stamp}`, email: uniqueEmail('parent'), password: strongPassword() };
  const otherParent = { name: `Olly Other ${stamp}`, email: uniqueEmail('other-parent'), password: strongPassword() };
  const supervisor = { name: `Bea Supervisor ${stamp}`, email: uniqueEmail('bcba'), password: strongPassword() };
  await createUserThroughApi(request, { ...parent, role: 'parent' });
  await createUserThroughApi(request, { ...otherParent, role: 'parent' });
  await createUserThroughApi(request, { ...supervisor, role: 'therapist', credential: 'BCBA' });
  const lastName = `Journey${stamp}`;
  const childHeading = new RegExp(`Robin .*${lastName}`);

  // 1. The parent adds their child through the intake form.
  await signIn(page, parent);
  await expect(page.getByRole('heading', { level: 1, name: 'My family' })).toBeVisible();
  await openFromNav(page, 'My children', 'My children');
  await page.getByRole('link', { name: 'Add a child' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a child' })).toBeVisible();
  await page.getByLabel('First name').fill('Robin');
  await page.getByLabel('Last name').fill(lastName);
  await page.getByLabel('Preferred name (optional)').fill('Rob');
  await page.getByLabel('Date of birth').fill('2020-04-07');
  await page.getByLabel('Your relationship to the child').fill('mother');
  await page.getByLabel('Allergies (optional)').fill('Peanuts');
  await page.getByRole('button', { name: 'Add contact' }).click();
  const contact = page.getByRole('listitem', { name: 'Contact 1' });
  await contact.getByLabel('Name').fill('Grandma Journey');
  await contact.getByLabel('Relationship').fill('grandmother');
  await contact.getByLabel('Phone').fill('555-123-4567');
  await page.getByRole('button', { name: 'Add child' }).click();

  await expect(page.getByRole('heading', { level: 1, name: childHeading })).toBeVisible();
  await expect(page).toHaveURL(/\/children\/[0-9a-f-]{36}$/);
  const childPath = new URL(page.url()).pathname;
  await expect(page.getByRole('region', { name: 'Guardians' })).toContainText(parent.name);
  await expect(page.getByText('Intake', { exact: true })).toBeVisible();
  await signOut(page);

  // 2. The admin finds the child, activates it and makes the BCBA its supervisor.
  await signIn(page, adminCredentials());
  await openFromNav(page, 'Children', 'Children');
  await page.getByLabel('Search', { exact: true }).fill(lastName);
  await page.getByRole('link', { name: `Robin ${lastName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: childHeading })).toBeVisible();
  await page.getByRole('button', { name: 'Activate' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The child is now active.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Activate' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Add therapist' }).click();
  const addTherapist = page.getByRole('dialog', { name: 'Add therapist' });
  await addTherapist.getByLabel('Search therapists').fill(supervisor.email);
  await expect(addTherapist.getByText('1 match')).toBeVisible();
  await addTherapist.getByLabel('Therapist', { exact: true }).selectOption({ label: `${supervisor.name} (BCBA)` });
  await addTherapist.getByLabel('Care team role').selectOption('supervisor');
  await addTherapist.getByRole('button', { name: 'Add to care team' }).click();
  await expect(addTherapist).toBeHidden();
  const careTeam = page.getByRole('region', { name: 'Care team' });
  await expect(careTeam).toContainText(supervisor.name);
  await expect(careTeam).toContainText('Supervisor');
  await signOut(page);

  // 3. The supervisor opens the child from their caseload and builds a program.
  await signIn(page, supervisor);
  await openFromNav(page, 'My caseload', 'My caseload');
  await page.getByRole('link', { name: `Robin ${lastName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: childHeading })).toBeVisible();
  await page.getByRole('button', { name: 'New program' }).click();
  const newProgram = page.getByRole('dialog', { name: 'New program' });
  await newProgram.getByLabel('Program name').fill('Receptive ID');
  await newProgram.getByRole('textbox', { name: 'Target 1' }).fill('dog');
  await newProgram.getByRole('button', { name: 'Add target' }).click();
  await newProgram.getByRole('textbox', { name: 'Target 2' }).fill('cat');
  await newProgram.getByRole('button', { name: 'Create program' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Receptive ID' })).toBeVisible();
  const targets = page.getByRole('list', { name: 'Targets' });
  await expect(targets.getByRole('heading', { level: 3 })).toHaveText(['dog', 'cat']);
  await page.getByRole('button', { name: 'Move dog to Intervention' }).click();
  await expect(page.getByText('dog is now in intervention.')).toBeAttached();
  await expect(targets.getByRole('listitem').filter({ hasText: 'dog' })).toContainText('Intervention');
  await expect(page.getByRole('button', { name: 'Move dog to Mastered' })).toBeVisible();
  await signOut(page);

  // 4. The parent sees the program, read-only.
  await signIn(page, parent);
  await expect(page.getByRole('heading', { level: 1, name: 'My family' })).toBeVisible();
  await page.goto(childPath);
  const programs = page.getByRole('region', { name: 'Programs' });
  await expect(programs.getByRole('link', { name: 'Receptive ID' })).toBeVisible();
  await expect(programs).toContainText('Intervention');
  await expect(page.getByRole('button', { name: 'New program' })).toHaveCount(0);
  await programs.getByRole('link', { name: 'Receptive ID' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Receptive ID' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Targets' })).toContainText('dog');
  await expect(page.getByRole('button', { name: /edit|archive|move|add/i })).toHaveCount(0);
  await expect(page.getByLabel('Target name')).toHaveCount(0);
  await signOut(page);

  // 5. Another parent neither finds the child nor opens it by its address.
  await signIn(page, otherParent);
  await expect(page.getByRole('heading', { level: 1, name: 'My family' })).toBeVisible();
  await openFromNav(page, 'My children', 'My children');
  await page.getByLabel('Search', { exact: true }).fill(lastName);
  await expect(page.getByText('No children match these filters.')).toBeVisible();
  await page.goto(childPath);
  await expect(page.getByRole('heading', { level: 1, name: 'Child not found' })).toBeVisible();
  await expect(page.getByText('Peanuts')).toHaveCount(0);
});
