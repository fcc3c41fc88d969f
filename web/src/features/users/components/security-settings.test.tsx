import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { ResetSecondFactor } from './reset-second-factor';
import { SecuritySettingsSection } from './security-settings';
import { aTherapist } from '../../../test/fixtures';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

describe('SecuritySettingsSection', () => {
  it('shows who must use two-step sign-in and saves a change', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ secondFactorRequiredFor: ['admin', 'bcba'] }));
    fetchMock.mockResolvedValueOnce(jsonResponse({ secondFactorRequiredFor: ['admin', 'bcba', 'rbt'] }));
    const { user } = renderWithProviders(<SecuritySettingsSection />);

    expect(await screen.findByRole('checkbox', { name: 'Admins' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'BCBAs' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Parents' })).not.toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'RBTs' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[1];
    expect(url).toBe('/api/security-settings');
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(init?.body as string)).toEqual({ secondFactorRequiredFor: ['admin', 'bcba', 'rbt'] });
  });
});

describe('ResetSecondFactor', () => {
  it('asks before resetting a user’s second factor and says what happened', async () => {
    const therapist = aTherapist({ name: 'Tess Therapist' });
    fetchMock.mockResolvedValueOnce(
      jsonResponse({ enabled: true, enabledAt: '2026-12-01T10:00:00Z', recoveryCodesLeft: 8, required: true }),
    );
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    fetchMock.mockResolvedValue(
      jsonResponse({ enabled: false, enabledAt: null, recoveryCodesLeft: 0, required: true }),
    );
    const { user } = renderWithProviders(<ResetSecondFactor user={therapist} />);

    await user.click(await screen.findByRole('button', { name: 'Reset second factor' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Reset second factor' }));

    expect(await screen.findByText(/signed out everywhere/)).toBeInTheDocument();
    expect(fetchMock.mock.calls[1][0]).toBe(`/api/users/${therapist.id}/second-factor`);
    expect(fetchMock.mock.calls[1][1]?.method).toBe('DELETE');
  });
});
