import { fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { ComposeForm } from './compose-form';
import { aMessage } from './messaging-fixtures';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

function png(name = 'photo.png', size = 100) {
  return new File([new Uint8Array(size)], name, { type: 'image/png' });
}

describe('ComposeForm', () => {
  it('sends text alone as JSON', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(aMessage(), { status: 201 }));
    const { user } = renderWithProviders(<ComposeForm conversationId="c1" />);

    await user.type(screen.getByLabelText('Message'), 'See you Tuesday');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled(), { timeout: 5000 });
    const [url, init] = fetchMock.mock.calls[0];
    expect(String(url)).toBe('/api/conversations/c1/messages');
    expect(JSON.parse(String(init?.body))).toEqual({ body: 'See you Tuesday' });
    await vi.waitFor(() => expect(screen.getByLabelText('Message')).toHaveValue(''), { timeout: 5000 });
  });

  it('sends each message with its own Idempotency-Key, and the same key when sending it again after a failure', async () => {
    fetchMock
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(jsonResponse(aMessage(), { status: 200 }))
      .mockResolvedValueOnce(jsonResponse(aMessage(), { status: 201 }))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(jsonResponse(aMessage(), { status: 201 }));
    const keyOf = (call: number) =>
      (fetchMock.mock.calls[call][1]?.headers as Headers | Record<string, string> | undefined) instanceof Headers
        ? (fetchMock.mock.calls[call][1]?.headers as Headers).get('Idempotency-Key')
        : (fetchMock.mock.calls[call][1]?.headers as Record<string, string>)['Idempotency-Key'];
    const { user } = renderWithProviders(<ComposeForm conversationId="c1" />);
    const message = screen.getByLabelText('Message');
    const send = screen.getByRole('button', { name: 'Send' });

    await user.type(message, 'See you Tuesday');
    await user.click(send);
    await vi.waitFor(() => expect(screen.getByRole('alert')).toBeInTheDocument(), { timeout: 5000 });
    await user.click(send);
    await vi.waitFor(() => expect(message).toHaveValue(''), { timeout: 5000 });

    await user.type(message, 'And Thursday');
    await user.click(send);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(3), { timeout: 5000 });
    await vi.waitFor(() => expect(message).toHaveValue(''), { timeout: 5000 });

    await user.type(message, 'One more');
    await user.click(send);
    await vi.waitFor(() => expect(screen.getByRole('alert')).toBeInTheDocument(), { timeout: 5000 });
    await user.type(message, ' thing');
    await user.click(send);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(5), { timeout: 5000 });

    const keys = [0, 1, 2, 3, 4].map(keyOf);
    keys.forEach((key) => expect(key).toMatch(/^[0-9a-f-]{36}$/));
    expect(keys[1]).toBe(keys[0]); // sent again unchanged: stored once
    expect(keys[2]).not.toBe(keys[0]); // the next message
    expect(keys[4]).not.toBe(keys[3]); // changed after the failure: another message
  });

  it('sends attachments as multipart form data', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(aMessage(), { status: 201 }));
    const { user } = renderWithProviders(<ComposeForm conversationId="c1" />);

    await user.upload(screen.getByLabelText('Attach files'), png());
    await user.click(screen.getByRole('button', { name: 'Send' }));

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled(), { timeout: 5000 });
    const body = fetchMock.mock.calls[0][1]?.body;
    expect(body).toBeInstanceOf(FormData);
    expect((body as FormData).getAll('files')).toHaveLength(1);
    expect((body as FormData).get('body')).toBe('');
  });

  it('refuses forbidden types, too large files and too many before sending', async () => {
    const { user } = renderWithProviders(<ComposeForm conversationId="c1" />, {});
    const input = screen.getByLabelText('Attach files');

    await user.upload(input, png('huge.png', 10 * 1024 * 1024 + 1));
    expect(screen.getByRole('alert')).toHaveTextContent('huge.png is larger than 10 MB');

    await user.upload(input, [png('1.png'), png('2.png'), png('3.png'), png('4.png'), png('5.png'), png('6.png')]);
    expect(screen.getByRole('alert')).toHaveTextContent('at most 5 files');

    // a browser's file picker can be told to show all files; the form checks again
    fireEvent.change(input, { target: { files: [new File(['<html>'], 'page.html', { type: 'text/html' })] } });
    expect(screen.getByRole('alert')).toHaveTextContent('page.html is not an image');

    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks for text or a file and shows the server’s refusal', async () => {
    fetchMock.mockResolvedValueOnce(
      problemResponse(400, {
        title: 'Invalid request',
        detail: 'The request has invalid fields.',
        errors: [{ pointer: '/body', detail: 'must be at most 5000 characters' }],
      }),
    );
    const { user } = renderWithProviders(<ComposeForm conversationId="c1" />);

    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Write a message or attach a file.')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Message'), 'x');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('must be at most 5000 characters')).toBeInTheDocument();
  });
});
