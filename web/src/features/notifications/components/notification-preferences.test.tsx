import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { NotificationPreferences } from './notification-preferences';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const matrix = (movedEmail: boolean) => ({
  channels: ['in_app', 'email'],
  preferences: [
    { kind: 'appointment_moved', label: 'Appointments moved', channel: 'in_app', enabled: true, locked: false },
    { kind: 'appointment_moved', label: 'Appointments moved', channel: 'email', enabled: movedEmail, locked: false },
    { kind: 'password_changed', label: 'Password changed', channel: 'in_app', enabled: true, locked: false },
    { kind: 'password_changed', label: 'Password changed', channel: 'email', enabled: true, locked: true },
  ],
});

describe('NotificationPreferences', () => {
  it('shows a checkbox per kind and channel, account security mail locked on', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(matrix(true)));

    renderWithProviders(<NotificationPreferences />);

    expect(await screen.findByRole('checkbox', { name: 'Appointments moved: by email' })).toBeChecked();
    const locked = screen.getByRole('checkbox', { name: 'Password changed: by email' });
    expect(locked).toBeChecked();
    expect(locked).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Save settings' })).toBeDisabled();
  });

  it('saves only the changed cells', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(matrix(true))).mockResolvedValueOnce(jsonResponse(matrix(false)));
    const { user } = renderWithProviders(<NotificationPreferences />);

    await user.click(await screen.findByRole('checkbox', { name: 'Appointments moved: by email' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Your settings were saved.')).toBeInTheDocument();
    const [path, init] = fetchMock.mock.calls[1];
    expect(path).toBe('/api/notifications/preferences');
    expect(init!.method).toBe('PUT');
    expect(JSON.parse(init!.body as string)).toEqual({
      preferences: [{ kind: 'appointment_moved', channel: 'email', enabled: false }],
    });
    expect(screen.getByRole('checkbox', { name: 'Appointments moved: by email' })).not.toBeChecked();
  });
});
