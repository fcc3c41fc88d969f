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
        title: "Ava C.'s appointment moved to Tue 3 Mar 15:00",
        link: '/schedule/upcoming',
        createdAt: '2026-03-01T10:00:00Z',
        read,
        task: false,
        resolvedAt: null,
      },
      {
        id: 'n2',
        kind: 'new_message',
        title: 'New message from Maya Patel about Ava C.',
        link: '/messages/c1',
        createdAt: '2026-02-28T10:00:00Z',
        read: true,
        task: false,
        resolvedAt: null,
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
    expect(items[0]).toHaveTextContent("Unread: Ava C.'s appointment moved to Tue 3 Mar 15:00");
    expect(items[1]).toHaveTextContent('New message from Maya Patel about Ava C.');
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

  it('shows a task as to do until it is done, by anyone, and then as done and read', async () => {
    const note = {
      id: 'n3',
      kind: 'signature_requested',
      title: "Ava C.'s session note of Mon 2 Mar with Luis Romero is waiting for your signature",
      link: '/sessions/s1',
      createdAt: '2026-03-02T10:00:00Z',
      task: true,
    };
    fetchMock.mockResolvedValueOnce(
      jsonResponse({
        content: [
          { ...note, read: false, resolvedAt: null },
          { ...note, id: 'n4', link: '/sessions/s2', read: true, resolvedAt: '2026-03-02T18:00:00Z' },
        ],
        page: { number: 0, size: 20, totalElements: 2, totalPages: 1 },
        unreadCount: 1,
      }),
    );

    renderWithProviders(<NotificationCentre />);

    const items = within(await screen.findByRole('list', { name: 'Notifications' })).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      "Unread: Ava C.'s session note of Mon 2 Mar with Luis Romero is waiting for your signature",
    );
    expect(within(items[0]).getByText('To do')).toBeInTheDocument();
    expect(within(items[0]).queryByText('Done')).not.toBeInTheDocument();
    expect(items[1]).not.toHaveTextContent('Unread');
    expect(within(items[1]).getByText('Done')).toBeInTheDocument();
    expect(within(items[1]).queryByText('To do')).not.toBeInTheDocument();
    expect(within(items[1]).queryByRole('button', { name: /Mark read/ })).not.toBeInTheDocument();
    expect(items[1]).toHaveTextContent(/done/);
  });

  it('shows no task state on a notice that is not a task', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(centre(1, false)));

    renderWithProviders(<NotificationCentre />);

    const list = await screen.findByRole('list', { name: 'Notifications' });
    expect(within(list).queryByText('To do')).not.toBeInTheDocument();
    expect(within(list).queryByText('Done')).not.toBeInTheDocument();
  });
});
