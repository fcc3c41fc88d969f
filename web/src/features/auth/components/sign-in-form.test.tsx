import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getSessionSnapshot } from '../../../lib/auth-session';
import { aTherapist, aTokenResponse } from '../../../test/fixtures';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { SignInForm } from './sign-in-form';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

function renderForm() {
  const onSignedIn = vi.fn();
  const rendered = renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);
  return { ...rendered, onSignedIn };
}

describe('SignInForm', () => {
  it('shows field errors tied to the inputs when submitted empty', async () => {
    const { user } = renderForm();

    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const email = screen.getByLabelText(/email/i);
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter your email address');
    expect(screen.getByLabelText(/password/i)).toHaveAccessibleDescription('Enter your password');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('rejects an email address that is not one', async () => {
    const { user } = renderForm();

    await user.type(screen.getByLabelText(/email/i), 'not-an-email');
    await user.type(screen.getByLabelText(/password/i), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByLabelText(/email/i)).toHaveAccessibleDescription('Enter a valid email address');
  });

  it('shows the server’s message when the credentials are wrong', async () => {
    fetchMock.mockResolvedValueOnce(
      problemResponse(401, { title: 'Unauthorized', detail: 'Invalid email or password' }),
    );
    const { user, onSignedIn } = renderForm();

    await user.type(screen.getByLabelText(/email/i), 'ada@example.test');
    await user.type(screen.getByLabelText(/password/i), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid email or password');
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(getSessionSnapshot().session).toBeNull();
  });

  it('tells how long to wait after too many attempts', async () => {
    fetchMock.mockResolvedValueOnce(
      problemResponse(429, { title: 'Too Many Requests', detail: 'Locked' }, { 'Retry-After': '100' }),
    );
    const { user } = renderForm();

    await user.type(screen.getByLabelText(/email/i), 'ada@example.test');
    await user.type(screen.getByLabelText(/password/i), 'whatever');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts, try again in 2 minutes');
  });

  it('signs in as the web client and starts the session', async () => {
    const therapist = aTherapist({ name: 'Tess Therapist' });
    fetchMock.mockResolvedValueOnce(jsonResponse(aTokenResponse(therapist)));
    const { user, onSignedIn } = renderForm();

    await user.type(screen.getByLabelText(/email/i), '  tess@example.test ');
    await user.type(screen.getByLabelText(/password/i), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(therapist), { timeout: 5000 });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/auth/login');
    expect(new Headers(init?.headers).get('X-Spark-Client')).toBe('web');
    expect(new Headers(init?.headers).get('Authorization')).toBeNull();
    expect(JSON.parse(String(init?.body))).toEqual({ email: 'tess@example.test', password: 'correct horse battery' });
    expect(getSessionSnapshot()).toMatchObject({ status: 'signed-in', session: { user: therapist } });
  });
});
