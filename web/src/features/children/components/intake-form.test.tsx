import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { IntakeForm } from './intake-form';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

function renderForm(asParent = true) {
  const onCreated = vi.fn();
  const rendered = renderWithProviders(<IntakeForm asParent={asParent} onCreated={onCreated} />);
  return { ...rendered, onCreated, form: screen.getByRole('form', { name: 'Child intake' }) };
}

describe('IntakeForm', () => {
  it('says what is missing and sends nothing', async () => {
    const { user, form } = renderForm();

    await user.click(within(form).getByRole('button', { name: 'Add child' }));

    expect(within(form).getByLabelText('First name')).toHaveAccessibleDescription('Enter the child’s first name');
    expect(within(form).getByLabelText('Last name')).toHaveAccessibleDescription('Enter the child’s last name');
    expect(within(form).getByLabelText('Date of birth')).toHaveAccessibleDescription('Enter the date of birth');
    expect(within(form).getByLabelText('First name')).toHaveFocus();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('refuses a date of birth in the future and an emergency contact without a phone number', async () => {
    const { user, form } = renderForm();

    await user.type(within(form).getByLabelText('First name'), 'Sam');
    await user.type(within(form).getByLabelText('Last name'), 'Lee');
    await user.type(within(form).getByLabelText('Date of birth'), '2999-01-01');
    await user.click(within(form).getByRole('button', { name: 'Add contact' }));
    const contact = within(form).getByRole('listitem', { name: 'Contact 1' });
    await user.type(within(contact).getByLabelText('Name'), 'Grandma Lee');
    await user.type(within(contact).getByLabelText('Relationship'), 'grandmother');
    await user.type(within(contact).getByLabelText('Phone'), 'call me');
    await user.click(within(form).getByRole('button', { name: 'Add child' }));

    expect(within(form).getByLabelText('Date of birth')).toHaveAccessibleDescription(
      'The date of birth cannot be in the future',
    );
    expect(within(contact).getByLabelText('Phone')).toHaveAccessibleDescription(
      'Enter a phone number, e.g. 555-123-4567',
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('lets contacts be added and removed', async () => {
    const { user, form } = renderForm();

    await user.click(within(form).getByRole('button', { name: 'Add contact' }));
    await user.click(within(form).getByRole('button', { name: 'Add contact' }));
    expect(within(form).getAllByRole('listitem')).toHaveLength(2);

    await user.click(within(form).getByRole('button', { name: 'Remove contact 1' }));
    expect(within(form).getAllByRole('listitem')).toHaveLength(1);
  });

  it('sends a parent’s intake with their relationship and leaves empty fields out', async () => {
    const created = { id: 'c0ffee00-0000-4000-8000-000000000001' };
    fetchMock.mockResolvedValueOnce(jsonResponse(created, { status: 201 }));
    const { user, form, onCreated } = renderForm();

    await user.type(within(form).getByLabelText('First name'), 'Samuel');
    await user.type(within(form).getByLabelText('Last name'), 'Lee');
    await user.type(within(form).getByLabelText('Preferred name (optional)'), 'Sam');
    await user.type(within(form).getByLabelText('Date of birth'), '2020-04-07');
    const relationship = within(form).getByLabelText('Your relationship to the child');
    await user.clear(relationship);
    await user.type(relationship, 'mother');
    await user.type(within(form).getByLabelText('Allergies (optional)'), 'Peanuts');
    await user.click(within(form).getByRole('button', { name: 'Add child' }));

    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith(created), { timeout: 5000 });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/children');
    expect(JSON.parse(String(init?.body))).toEqual({
      firstName: 'Samuel',
      lastName: 'Lee',
      preferredName: 'Sam',
      dateOfBirth: '2020-04-07',
      allergies: 'Peanuts',
      emergencyContacts: [],
      guardianRelationship: 'mother',
    });
  });

  it('does not ask an admin for their relationship to the child', () => {
    const { form } = renderForm(false);

    expect(within(form).queryByLabelText('Your relationship to the child')).not.toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Create child' })).toBeInTheDocument();
  });

  it('puts the server’s field errors next to the fields', async () => {
    fetchMock.mockResolvedValueOnce(
      problemResponse(400, {
        title: 'Bad Request',
        detail: 'Invalid request',
        errors: [{ pointer: '/lastName', detail: 'Last name is too long' }],
      }),
    );
    const { user, form } = renderForm();

    await user.type(within(form).getByLabelText('First name'), 'Sam');
    await user.type(within(form).getByLabelText('Last name'), 'Lee');
    await user.type(within(form).getByLabelText('Date of birth'), '2020-04-07');
    await user.click(within(form).getByRole('button', { name: 'Add child' }));

    expect(await within(form).findByText('Last name is too long')).toBeInTheDocument();
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
  });
});
