import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aTokenResponse, aUser } from '../../../test/fixtures';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { tokenFromLink } from '../api/token-from-link';
import { INVALID_VERIFICATION_TOKEN } from '../api/verify-email';
import { VerifyEmailForm } from './verify-email-form';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

describe('VerifyEmailForm', () => {
  it('reads the token from the fragment, or from the query of a hand-written link', () => {
    expect(tokenFromLink({ hash: '#token=abc_DEF-1', search: '' })).toBe('abc_DEF-1');
    expect(tokenFromLink({ hash: '', search: '?token=q-1' })).toBe('q-1');
    expect(tokenFromLink({ hash: '#other=1', search: '' })).toBeNull();
  });

  it('opens the account with the token and the chosen password, then signs in with the address it answers', async () => {
    const parent = aUser();
    fetchMock
      .mockResolvedValueOnce(jsonResponse({ email: parent.email }))
      .mockResolvedValueOnce(jsonResponse(aTokenResponse(parent)));
    const onSignedIn = vi.fn();
    const { user } = renderWithProviders(
      <VerifyEmailForm token="t-1" onSignedIn={onSignedIn} onSignInNeeded={vi.fn()} />,
    );

    await user.type(screen.getByLabelText('Password'), 'lantern-orchid-velvet-42');
    await user.click(screen.getByRole('button', { name: 'Confirm and sign in' }));

    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(parent));
    expect(String(fetchMock.mock.calls[0][0])).toContain('/api/auth/verify-email');
    expect(JSON.parse(fetchMock.mock.calls[0][1]!.body as string)).toEqual({
      token: 't-1',
      password: 'lantern-orchid-velvet-42',
    });
    expect(String(fetchMock.mock.calls[1][0])).toContain('/api/auth/login');
    expect(JSON.parse(fetchMock.mock.calls[1][1]!.body as string)).toEqual({
      email: parent.email,
      password: 'lantern-orchid-velvet-42',
    });
  });

  it('sends someone who must set up a second factor to the sign-in page instead of signing in', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse({ email: 'new.bcba@example.org' }))
      .mockResolvedValueOnce(
        jsonResponse({ enrollmentRequired: true, challengeToken: 'c-1', methods: ['totp'], expiresIn: 900 }),
      );
    const onSignedIn = vi.fn();
    const onSignInNeeded = vi.fn();
    const { user } = renderWithProviders(
      <VerifyEmailForm token="t-2" onSignedIn={onSignedIn} onSignInNeeded={onSignInNeeded} />,
    );

    await user.type(screen.getByLabelText('Password'), 'lantern-orchid-velvet-42');
    await user.click(screen.getByRole('button', { name: 'Confirm and sign in' }));

    await vi.waitFor(() => expect(onSignInNeeded).toHaveBeenCalledWith('new.bcba@example.org'));
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('shows a password that is not the registered one at the field', async () => {
    fetchMock.mockResolvedValueOnce(
      problemResponse(400, {
        title: 'Invalid request',
        errors: [{ pointer: '/password', detail: 'is not the password chosen when registering with this link' }],
      }),
    );
    const { user } = renderWithProviders(<VerifyEmailForm token="t" onSignedIn={vi.fn()} onSignInNeeded={vi.fn()} />);

    await user.type(screen.getByLabelText('Password'), 'something-else-entirely');
    await user.click(screen.getByRole('button', { name: 'Confirm and sign in' }));

    expect(await screen.findByText(/not the password chosen/)).toBeInTheDocument();
  });

  it('says so when the link is used or expired', async () => {
    fetchMock.mockResolvedValueOnce(
      problemResponse(400, { type: INVALID_VERIFICATION_TOKEN, title: 'Invalid verification link', detail: 'x' }),
    );
    const { user } = renderWithProviders(
      <VerifyEmailForm token="used" onSignedIn={vi.fn()} onSignInNeeded={vi.fn()} />,
    );

    await user.type(screen.getByLabelText('Password'), 'lantern-orchid-velvet-42');
    await user.click(screen.getByRole('button', { name: 'Confirm and sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This link does not work');
    expect(screen.getByRole('link', { name: /register again/i })).toHaveAttribute('href', '/register');
  });

  it('says so at once when the link carried no token', () => {
    renderWithProviders(<VerifyEmailForm token={null} onSignedIn={vi.fn()} onSignInNeeded={vi.fn()} />);

    expect(screen.getByRole('alert')).toHaveTextContent('This link does not work');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
