import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { bellLabel, NotificationBell } from './notification-bell';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

describe('NotificationBell', () => {
  it('names the unread count for screen readers', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ unreadCount: 3 }));

    renderWithProviders(<NotificationBell />);

    const bell = await screen.findByRole('link', { name: 'Notifications, 3 unread' });
    expect(bell).toHaveAttribute('href', '/notifications');
    expect(bell).toHaveTextContent('3');
  });

  it('says when nothing is unread', () => {
    expect(bellLabel(0)).toBe('Notifications, none unread');
    expect(bellLabel(undefined)).toBe('Notifications, none unread');
  });
});
