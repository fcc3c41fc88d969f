import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getSessionSnapshot } from '../../../lib/auth-session';
import { aTherapist, aTokenResponse } from '../../../test/fixtures';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { QrCode } from './qr-code';
import { RecoveryCodes } from './recovery-codes';
import { SignInForm } from './sign-in-form';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const CODES = Array.from({ length: 10 }, (_, i) => `ABCDE-${String(i).padStart(5, '2')}`);

const VERIFY = {
  secondFactorRequired: true,
  enrollmentRequired: false,
  challengeToken: 'challenge-1',
  methods: ['totp', 'recovery_code'],
  expiresIn: 300,
};

function bodyOf(call: number): Record<string, unknown> {
  return JSON.parse(fetchMock.mock.calls[call][1]?.body as string) as Record<string, unknown>;
}

async function passwordStep() {
  const onSignedIn = vi.fn();
  const rendered = renderWithProviders(<SignInForm onSignedIn={onSignedIn} />);
  await rendered.user.type(screen.getByLabelText(/email/i), 'tess@example.test');
  await rendered.user.type(screen.getByLabelText(/password/i), 'correct horse battery');
  await rendered.user.click(screen.getByRole('button', { name: 'Sign in' }));
  return { ...rendered, onSignedIn };
}

describe('Sign-in second step', () => {
  it('asks for a one-time code after the password and signs in with it', async () => {
    const therapist = aTherapist({ name: 'Tess Therapist' });
    fetchMock.mockResolvedValueOnce(jsonResponse(VERIFY));
    fetchMock.mockResolvedValueOnce(jsonResponse(aTokenResponse(therapist)));
    const { user, onSignedIn } = await passwordStep();

    const code = await screen.findByLabelText('6-digit code');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(getSessionSnapshot().session).toBeNull();
    await user.type(code, '123 456');
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));

    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(therapist));
    expect(fetchMock.mock.calls[1][0]).toBe('/api/auth/login/second-factor');
    expect(bodyOf(1)).toEqual({ challengeToken: 'challenge-1', code: '123456' });
    expect(getSessionSnapshot().session?.user).toEqual(therapist);
  });

  it('shows a wrong code at the field and lets the person use a recovery code instead', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(VERIFY));
    fetchMock.mockResolvedValueOnce(
      problemResponse(401, {
        type: 'https://sparktherapy.org/problems/invalid-second-factor-code',
        detail: 'That code is not right',
        errors: [{ pointer: '/code', detail: 'is not right' }],
      }),
    );
    fetchMock.mockResolvedValueOnce(jsonResponse(aTokenResponse(aTherapist())));
    const { user, onSignedIn } = await passwordStep();

    await user.type(await screen.findByLabelText('6-digit code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
    expect(await screen.findByLabelText('6-digit code')).toHaveAccessibleDescription(/not right/);

    await user.click(screen.getByRole('button', { name: 'Use a recovery code' }));
    await user.type(screen.getByLabelText('Recovery code'), 'abcde-23456');
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));

    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(bodyOf(2)).toEqual({ challengeToken: 'challenge-1', recoveryCode: 'abcde-23456' });
  });

  it('sends the person back to the password when the step expired', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(VERIFY));
    fetchMock.mockResolvedValueOnce(
      problemResponse(401, { type: 'https://sparktherapy.org/problems/invalid-second-factor-challenge' }),
    );
    const { user } = await passwordStep();

    await user.type(await screen.findByLabelText('6-digit code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Sign in again');
    await user.click(screen.getByRole('button', { name: 'Back to sign-in' }));

    expect(screen.getByLabelText(/password/i)).toBeInTheDocument();
  });

  it('makes a required person set up an app, shows the recovery codes once, then signs in', async () => {
    const therapist = aTherapist();
    fetchMock.mockResolvedValueOnce(
      jsonResponse({ ...VERIFY, secondFactorRequired: false, enrollmentRequired: true, methods: [] }),
    );
    fetchMock.mockResolvedValueOnce(
      jsonResponse({
        secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
        otpauthUri: 'otpauth://totp/SPARKTherapy:tess',
        qr: { size: 21, rows: Array.from({ length: 21 }, () => '1'.repeat(21)) },
      }),
    );
    fetchMock.mockResolvedValueOnce(jsonResponse({ ...aTokenResponse(therapist), recoveryCodes: CODES }));
    const { user, onSignedIn } = await passwordStep();

    expect(await screen.findByRole('img', { name: /QR code/ })).toBeInTheDocument();
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).toBeInTheDocument();
    await user.type(screen.getByLabelText('6-digit code from the app'), '654321');
    await user.click(screen.getByRole('button', { name: 'Turn on two-step sign-in' }));

    const list = await screen.findByRole('list', { name: 'Your recovery codes' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(bodyOf(2)).toEqual({ challengeToken: 'challenge-1', code: '654321' });
    await user.click(screen.getByRole('button', { name: 'I saved my codes, continue' }));
    expect(onSignedIn).toHaveBeenCalledWith(therapist);
    expect(getSessionSnapshot().session?.user).toEqual(therapist);
  });
});

describe('QrCode', () => {
  it('draws each dark module inside a quiet zone', () => {
    const { container } = renderWithProviders(<QrCode qr={{ size: 2, rows: ['10', '01'] }} label="QR" />);
    const svg = container.querySelector('svg');
    expect(svg).toHaveAttribute('viewBox', '0 0 10 10');
    expect(container.querySelector('path')).toHaveAttribute('d', 'M4 4h1v1h-1zM5 5h1v1h-1z');
  });
});

describe('RecoveryCodes', () => {
  it('copies the codes to the clipboard', async () => {
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    const { user } = renderWithProviders(<RecoveryCodes codes={CODES} />);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

    await user.click(screen.getByRole('button', { name: 'Copy codes' }));

    expect(writeText).toHaveBeenCalledWith(expect.stringContaining(CODES.join('\n')));
    expect(await screen.findByText('Copied to the clipboard.')).toBeInTheDocument();
  });
});
