import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { ConversationView } from './conversation-view';
import { aConversation, aMessage, aMessagePage } from './messaging-fixtures';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

function calls(method: string, path: string) {
  return fetchMock.mock.calls.filter(
    ([url, init]) => String(url).startsWith(path) && (init?.method ?? 'GET') === method,
  );
}

describe('ConversationView', () => {
  it('shows a script as literal text, never as markup', async () => {
    const script = '<script>window.hacked = true</script><b>bold</b>';
    fetchMock.mockImplementation(async (url) =>
      String(url).includes('/read')
        ? jsonResponse({ unreadCount: 0 })
        : jsonResponse(aMessagePage({ messages: [aMessage({ body: script })] })),
    );
    const { container } = renderWithProviders(
      <ConversationView conversationId={aConversation().id} userId="parent-1" />,
    );

    expect(await screen.findByText(script)).toBeInTheDocument();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('lists messages oldest to newest across pages and loads older ones on request', async () => {
    const conversation = aConversation();
    fetchMock.mockImplementation(async (url) => {
      const address = String(url);
      if (address.includes('/read')) return jsonResponse({ unreadCount: 0 });
      if (address.includes('before=older-cursor')) {
        return jsonResponse(aMessagePage({ conversation, messages: [aMessage({ body: 'first' })] }));
      }
      return jsonResponse(
        aMessagePage({
          conversation,
          messages: [aMessage({ body: 'second', id: 'older-cursor' }), aMessage({ body: 'third' })],
          nextBefore: 'older-cursor',
        }),
      );
    });
    const { user } = renderWithProviders(<ConversationView conversationId={conversation.id} userId="parent-1" />);

    await user.click(await screen.findByRole('button', { name: 'Load older messages' }));

    const log = await screen.findByRole('log', { name: 'Messages' });
    await vi.waitFor(
      () =>
        expect(
          within(log)
            .getAllByRole('listitem')
            .map((item) => item.querySelector('.message-body')?.textContent),
        ).toEqual(['first', 'second', 'third']),
      { timeout: 5000 },
    );
    expect(screen.queryByRole('button', { name: 'Load older messages' })).not.toBeInTheDocument();
  });

  it('marks the conversation read up to its newest message', async () => {
    const newest = aMessage({ body: 'newest' });
    fetchMock.mockImplementation(async (url) =>
      String(url).includes('/read')
        ? jsonResponse({ conversationId: 'c', upTo: newest.id, unreadCount: 0 })
        : jsonResponse(
            aMessagePage({ conversation: aConversation({ unreadCount: 2 }), messages: [aMessage(), newest] }),
          ),
    );
    renderWithProviders(<ConversationView conversationId={aConversation().id} userId="parent-1" />);

    await vi.waitFor(() => expect(calls('POST', `/api/conversations/${aConversation().id}/read`)).toHaveLength(1), {
      timeout: 5000,
    });
    const [, init] = calls('POST', `/api/conversations/${aConversation().id}/read`)[0];
    expect(JSON.parse(String(init?.body))).toEqual({ upTo: newest.id });
  });

  it('shows a deleted message as a tombstone', async () => {
    fetchMock.mockImplementation(async () =>
      jsonResponse(aMessagePage({ messages: [aMessage({ body: null, deleted: true })] })),
    );
    renderWithProviders(<ConversationView conversationId={aConversation().id} userId="parent-1" />);

    expect(await screen.findByText('Message deleted')).toBeInTheDocument();
  });

  it('offers no compose box to an admin reading for supervision', async () => {
    fetchMock.mockImplementation(async () =>
      jsonResponse(aMessagePage({ conversation: aConversation({ member: false, canPost: false }) })),
    );
    renderWithProviders(<ConversationView conversationId={aConversation().id} userId="admin-1" />);

    expect(await screen.findByText(/read this conversation for supervision/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Message')).not.toBeInTheDocument();
    expect(calls('POST', '/api/conversations')).toHaveLength(0);
  });
});
