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

  it('sends the child’s sex and home address, the state in capitals', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ id: 'c0ffee00-0000-4000-8000-000000000002' }, { status: 201 }));
    const { user, form, onCreated } = renderForm(false);

    await user.type(within(form).getByLabelText('First name'), 'Nora');
    await user.type(within(form).getByLabelText('Last name'), 'Field');
    await user.type(within(form).getByLabelText('Date of birth'), '2019-03-03');
    await user.selectOptions(within(form).getByLabelText('Sex (as on the insurance card)'), 'female');
    await user.type(within(form).getByLabelText('Street address'), '12 Elm Street');
    await user.type(within(form).getByLabelText('City'), 'Springfield');
    await user.type(within(form).getByLabelText('State'), 'il');
    await user.type(within(form).getByLabelText('ZIP code'), '62704-1234');
    await user.click(within(form).getByRole('button', { name: 'Create child' }));

    await vi.waitFor(() => expect(onCreated).toHaveBeenCalled(), { timeout: 5000 });
    const body = JSON.parse(String(fetchMock.mock.calls[0][1]?.body));
    expect(body.sex).toBe('female');
    expect(body.address).toEqual({
      line1: '12 Elm Street',
      city: 'Springfield',
      state: 'IL',
      postalCode: '62704-1234',
    });
  });

  it('asks for the rest of a started address and refuses a bad state and ZIP code', async () => {
    const { user, form } = renderForm(false);

    await user.type(within(form).getByLabelText('First name'), 'Nora');
    await user.type(within(form).getByLabelText('Last name'), 'Field');
    await user.type(within(form).getByLabelText('Date of birth'), '2019-03-03');
    await user.type(within(form).getByLabelText('Street address'), '12 Elm Street');
    await user.type(within(form).getByLabelText('State'), 'I1');
    await user.type(within(form).getByLabelText('ZIP code'), '627');
    await user.click(within(form).getByRole('button', { name: 'Create child' }));

    expect(within(form).getByLabelText('City')).toHaveAccessibleDescription('Enter the city');
    expect(within(form).getByLabelText('State')).toHaveAccessibleDescription(/Use the two-letter state code/);
    expect(within(form).getByLabelText('ZIP code')).toHaveAccessibleDescription(
      'Enter a ZIP code of 5 or 9 digits, e.g. 62704',
    );
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('puts the server’s address errors next to the address fields', async () => {
    fetchMock.mockResolvedValueOnce(
      problemResponse(400, {
        title: 'Invalid request',
        detail: 'The request has invalid fields.',
        errors: [{ pointer: '/address/state', detail: 'must be a US state, territory or military code such as CA' }],
      }),
    );
    const { user, form } = renderForm(false);

    await user.type(within(form).getByLabelText('First name'), 'Nora');
    await user.type(within(form).getByLabelText('Last name'), 'Field');
    await user.type(within(form).getByLabelText('Date of birth'), '2019-03-03');
    await user.type(within(form).getByLabelText('Street address'), '12 Elm Street');
    await user.type(within(form).getByLabelText('City'), 'Springfield');
    await user.type(within(form).getByLabelText('State'), 'ZZ');
    await user.type(within(form).getByLabelText('ZIP code'), '62704');
    await user.click(within(form).getByRole('button', { name: 'Create child' }));

    expect(
      await within(form).findByText('must be a US state, territory or military code such as CA'),
    ).toBeInTheDocument();
  });
});
