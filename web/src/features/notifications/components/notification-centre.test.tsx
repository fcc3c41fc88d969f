import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { NotificationCentre } from './notification-centre';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

function centre(unreadCount: number, read: boolean) {
  return {
    content: [
      {
        id: 'n1',
        kind: 'appointment_moved',
        title: 'Appointment moved to Tue 3 Mar 15:00',
        link: '/schedule/upcoming',
        createdAt: '2026-03-01T10:00:00Z',
        read,
      },
      {
        id: 'n2',
        kind: 'new_message',
        title: 'New message',
        link: '/messages/c1',
        createdAt: '2026-02-28T10:00:00Z',
        read: true,
      },
    ],
    page: { number: 0, size: 20, totalElements: 2, totalPages: 1 },
    unreadCount,
  };
}

describe('NotificationCentre', () => {
  it('lists notifications with the unread ones marked', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(centre(1, false)));

    renderWithProviders(<NotificationCentre />);

    const list = await screen.findByRole('list', { name: 'Notifications' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Unread: Appointment moved to Tue 3 Mar 15:00');
    expect(within(items[0]).getByRole('link')).toHaveAttribute('href', '/schedule/upcoming');
    expect(items[1]).not.toHaveTextContent('Unread');
    expect(screen.getByText('1 unread')).toBeInTheDocument();
  });

  it('marks all read and refetches', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(centre(1, false)))
      .mockResolvedValueOnce(jsonResponse({ unreadCount: 0 }))
      .mockResolvedValue(jsonResponse(centre(0, true)));
    const { user } = renderWithProviders(<NotificationCentre />);

    await user.click(await screen.findByRole('button', { name: 'Mark all read' }));

    expect(await screen.findByText('No unread notifications')).toBeInTheDocument();
    const [path, init] = fetchMock.mock.calls[1];
    expect(path).toBe('/api/notifications/read');
    expect(JSON.parse(init!.body as string)).toEqual({ all: true });
  });

  it('asks the server for unread ones only', async () => {
    fetchMock.mockResolvedValue(jsonResponse(centre(1, false)));
    const { user } = renderWithProviders(<NotificationCentre />);
    await screen.findByRole('list', { name: 'Notifications' });

    await user.click(screen.getByRole('radio', { name: 'Unread' }));

    expect(fetchMock.mock.calls.at(-1)![0]).toContain('unreadOnly=true');
  });
});
