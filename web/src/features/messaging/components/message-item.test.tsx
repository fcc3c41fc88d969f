import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { MessageItem } from './message-item';
import { aMessage } from './messaging-fixtures';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const postedAt = '2026-11-24T10:00:00Z';
const fiveMinutesLater = Date.parse(postedAt) + 5 * 60 * 1000;
const anHourLater = Date.parse(postedAt) + 60 * 60 * 1000;

describe('MessageItem', () => {
  it('lets the author edit within fifteen minutes', async () => {
    const message = aMessage({ postedAt, body: 'typo' });
    fetchMock.mockResolvedValueOnce(jsonResponse({ ...message, body: 'fixed', edited: true }));
    const { user } = renderWithProviders(
      <ul>
        <MessageItem message={message} mine now={fiveMinutesLater} />
      </ul>,
    );

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.clear(screen.getByLabelText('Edit message'));
    await user.type(screen.getByLabelText('Edit message'), 'fixed');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled(), { timeout: 5000 });
    const [url, init] = fetchMock.mock.calls[0];
    expect(String(url)).toBe(`/api/messages/${message.id}`);
    expect(init?.method).toBe('PATCH');
    expect(JSON.parse(String(init?.body))).toEqual({ body: 'fixed' });
  });

  it('offers no edit after the window and none on others’ messages', () => {
    renderWithProviders(
      <ul>
        <MessageItem message={aMessage({ postedAt, body: 'mine' })} mine now={anHourLater} />
        <MessageItem message={aMessage({ postedAt, body: 'theirs' })} mine={false} now={fiveMinutesLater} />
      </ul>,
    );

    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Delete' })).toHaveLength(1);
  });

  it('deletes after asking', async () => {
    const message = aMessage({ postedAt });
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    const { user } = renderWithProviders(
      <ul>
        <MessageItem message={message} mine now={anHourLater} />
      </ul>,
    );

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this message?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete message' }));

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled(), { timeout: 5000 });
    expect(fetchMock.mock.calls[0][1]?.method).toBe('DELETE');
  });
});
