import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { problemResponse, renderWithProviders } from '../../../test/render';
import { INVALID_RESET_TOKEN, tokenFromHash } from '../api/reset-password';
import { ResetPasswordForm } from './reset-password-form';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const STRONG = 'tundra-marble-psalm-harbor';

describe('ResetPasswordForm', () => {
  it('reads the token from the fragment', () => {
    expect(tokenFromHash('#token=abc_DEF-1')).toBe('abc_DEF-1');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#other=1')).toBeNull();
  });

  it('applies the registration password rule', async () => {
    const { user } = renderWithProviders(<ResetPasswordForm token="t" />);

    await user.type(screen.getByLabelText('New password'), 'short');
    await user.type(screen.getByLabelText('Repeat new password'), 'other');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));

    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(/Use at least 12 characters/);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says so when the link is used or expired', async () => {
    fetchMock.mockResolvedValueOnce(
      problemResponse(400, { type: INVALID_RESET_TOKEN, title: 'Invalid password-reset link', detail: 'x' }),
    );
    const { user } = renderWithProviders(<ResetPasswordForm token="used" />);

    await user.type(screen.getByLabelText('New password'), STRONG);
    await user.type(screen.getByLabelText('Repeat new password'), STRONG);
    await user.click(screen.getByRole('button', { name: 'Set new password' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This link does not work');
    expect(screen.getByRole('link', { name: /ask for a new link/i })).toHaveAttribute('href', '/forgot-password');
    expect(JSON.parse(fetchMock.mock.calls[0][1]!.body as string)).toEqual({ token: 'used', password: STRONG });
  });

  it('shows the server’s verdict on a weak password next to the field', async () => {
    fetchMock.mockResolvedValueOnce(
      problemResponse(400, { title: 'Invalid request', errors: [{ pointer: '/password', detail: 'is too common' }] }),
    );
    const { user } = renderWithProviders(<ResetPasswordForm token="t" />);

    await user.type(screen.getByLabelText('New password'), STRONG);
    await user.type(screen.getByLabelText('Repeat new password'), STRONG);
    await user.click(screen.getByRole('button', { name: 'Set new password' }));

    expect(await screen.findByText('is too common')).toBeInTheDocument();
  });

  it('without a token tells the person to ask again', () => {
    renderWithProviders(<ResetPasswordForm token={null} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This link does not work');
  });
});
