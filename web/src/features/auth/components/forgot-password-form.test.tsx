import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { ForgotPasswordForm } from './forgot-password-form';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

describe('ForgotPasswordForm', () => {
  it('asks for a valid email first', async () => {
    const { user } = renderWithProviders(<ForgotPasswordForm />);

    await user.type(screen.getByLabelText(/email/i), 'nope');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));

    expect(screen.getByLabelText(/email/i)).toHaveAccessibleDescription('Enter a valid email address');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('confirms the same way whatever the server knows', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ detail: 'If an account uses this email…' }, { status: 202 }));
    const { user } = renderWithProviders(<ForgotPasswordForm />);

    await user.type(screen.getByLabelText(/email/i), 'ada@example.test');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));

    expect(await screen.findByRole('status')).toHaveTextContent('If an account uses this email');
    const [path, init] = fetchMock.mock.calls[0];
    expect(path).toBe('/api/auth/forgot-password');
    expect(JSON.parse(init!.body as string)).toEqual({ email: 'ada@example.test' });
    expect(new Headers(init!.headers).get('Authorization')).toBeNull();
  });
});
