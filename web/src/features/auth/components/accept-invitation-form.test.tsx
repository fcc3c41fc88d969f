import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aTherapist, aTokenResponse } from '../../../test/fixtures';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { INVALID_INVITATION_TOKEN } from '../api/accept-invitation';
import { AcceptInvitationForm } from './accept-invitation-form';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const STRONG = 'tundra-marble-psalm-harbor';

const INVITATION = {
  name: 'Rob Technician',
  email: 'rob@example.test',
  role: 'therapist',
  credential: 'RBT',
  invitedByName: 'Dana Whitfield',
  clinicName: 'SPARK Demo Behavioral Health',
  expiresAt: '2026-12-11T10:00:00Z',
};

describe('AcceptInvitationForm', () => {
  it('shows who invited the person to which clinic as what', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(INVITATION));
    renderWithProviders(<AcceptInvitationForm token="t" onSignedIn={vi.fn()} onSignInNeeded={vi.fn()} />);

    const form = await screen.findByRole('form', { name: 'Accept the invitation' });
    expect(form).toHaveTextContent('Dana Whitfield invited you to SPARK Demo Behavioral Health as a therapist (RBT).');
    expect(form).toHaveTextContent('rob@example.test');
    expect(JSON.parse(fetchMock.mock.calls[0][1]!.body as string)).toEqual({ token: 't' });
  });

  it('sets the password, then signs in', async () => {
    const therapist = aTherapist({ email: 'rob@example.test' });
    fetchMock
      .mockResolvedValueOnce(jsonResponse(INVITATION))
      .mockResolvedValueOnce(jsonResponse({ email: 'rob@example.test' }))
      .mockResolvedValueOnce(jsonResponse(aTokenResponse(therapist)));
    const onSignedIn = vi.fn();
    const { user } = renderWithProviders(
      <AcceptInvitationForm token="t" onSignedIn={onSignedIn} onSignInNeeded={vi.fn()} />,
    );

    await user.type(await screen.findByLabelText('Choose a password'), STRONG);
    await user.type(screen.getByLabelText('Repeat password'), STRONG);
    await user.click(screen.getByRole('button', { name: 'Accept and sign in' }));

    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(therapist));
    expect(JSON.parse(fetchMock.mock.calls[1][1]!.body as string)).toEqual({ token: 't', password: STRONG });
    expect(JSON.parse(fetchMock.mock.calls[2][1]!.body as string)).toEqual({
      email: 'rob@example.test',
      password: STRONG,
    });
  });

  it('applies the password rule before asking the server', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(INVITATION));
    const { user } = renderWithProviders(
      <AcceptInvitationForm token="t" onSignedIn={vi.fn()} onSignInNeeded={vi.fn()} />,
    );

    await user.type(await screen.findByLabelText('Choose a password'), 'short');
    await user.type(screen.getByLabelText('Repeat password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Accept and sign in' }));

    expect(screen.getByLabelText('Choose a password')).toHaveAccessibleDescription(/Use at least 12 characters/);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('says so when the invitation was revoked, used or expired', async () => {
    fetchMock.mockResolvedValueOnce(
      problemResponse(400, { type: INVALID_INVITATION_TOKEN, title: 'Invalid invitation link', detail: 'x' }),
    );
    renderWithProviders(<AcceptInvitationForm token="old" onSignedIn={vi.fn()} onSignInNeeded={vi.fn()} />);

    expect(await screen.findByRole('alert')).toHaveTextContent('This invitation does not work');
  });
});
