import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { Inbox } from './inbox';
import { aConversation } from './messaging-fixtures';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

function list(...content: ReturnType<typeof aConversation>[]) {
  return jsonResponse({
    content,
    page: { number: 0, size: 100, totalElements: content.length, totalPages: 1 },
    unreadTotal: content.reduce((sum, c) => sum + c.unreadCount, 0),
  });
}

describe('Inbox', () => {
  it('lists conversations by title with their unread badges', async () => {
    fetchMock.mockResolvedValue(
      list(
        aConversation({ id: 'a', title: 'Avery Lane', unreadCount: 3 }),
        aConversation({ id: 'b', kind: 'announcement', title: 'Holiday hours', audience: 'everyone', childId: null }),
      ),
    );
    renderWithProviders(<Inbox role="parent" />);

    const conversations = await screen.findByRole('list', { name: 'Conversations' });
    const avery = within(conversations).getByRole('link', { name: /Avery Lane/ });
    expect(avery).toHaveAttribute('href', '/messages/a');
    expect(avery).toHaveTextContent('3 unread');
    expect(within(conversations).getByRole('link', { name: /Holiday hours/ })).not.toHaveTextContent('unread');
  });

  it('lets staff start conversations and only admins announce', async () => {
    fetchMock.mockResolvedValue(list());
    const { unmount } = renderWithProviders(<Inbox role="parent" />);
    expect(screen.queryByRole('button', { name: 'New message' })).not.toBeInTheDocument();
    unmount();

    renderWithProviders(<Inbox role="therapist" />);
    expect(screen.getByRole('button', { name: 'New message' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New announcement' })).not.toBeInTheDocument();
  });

  it('posts an admin’s announcement to the chosen audience', async () => {
    fetchMock.mockImplementation(async (_url, init) =>
      init?.method === 'POST'
        ? jsonResponse(aConversation({ id: 'n', kind: 'announcement' }), { status: 201 })
        : list(),
    );
    const { user } = renderWithProviders(<Inbox role="admin" />);

    await user.click(screen.getByRole('button', { name: 'New announcement' }));
    const dialog = screen.getByRole('dialog', { name: 'New announcement' });
    await user.selectOptions(within(dialog).getByLabelText('Audience'), 'parent');
    await user.type(within(dialog).getByLabelText('Title'), 'Closed Friday');
    await user.type(within(dialog).getByLabelText('Announcement'), 'The clinic is closed.');
    await user.click(within(dialog).getByRole('button', { name: 'Post announcement' }));

    await vi.waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(true), {
      timeout: 5000,
    });
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      audience: 'parent',
      title: 'Closed Friday',
      body: 'The clinic is closed.',
    });
  });
});
