import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { ActiveSignIns } from './active-sign-ins';

const fetchMock = vi.fn<typeof fetch>();

const here = {
  id: 'a1',
  device: 'Firefox on Windows',
  place: '203.0.113.0/24',
  startedAt: '2026-12-03T08:00:00Z',
  lastUsedAt: '2026-12-03T09:00:00Z',
  current: true,
};
const phone = {
  id: 'b2',
  device: 'Safari on iPhone',
  place: null,
  startedAt: '2026-12-01T08:00:00Z',
  lastUsedAt: '2026-12-02T18:30:00Z',
  current: false,
};

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

describe('ActiveSignIns', () => {
  it('lists the sign-ins and signs out another one', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse([here, phone]))
      .mockResolvedValueOnce(new Response(null, { status: 204 }))
      .mockResolvedValueOnce(jsonResponse([here]));
    const { user } = renderWithProviders(<ActiveSignIns />);

    const list = await screen.findByRole('list', { name: 'Active sign-ins' });
    expect(list).toHaveTextContent('Firefox on Windows (this device)');
    expect(list).toHaveTextContent('Network 203.0.113.0/24');
    expect(list).toHaveTextContent('Safari on iPhone');
    expect(screen.getAllByRole('button', { name: /^Sign out/ })).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: /^Sign out Safari on iPhone/ }));

    expect(await screen.findByText('Firefox on Windows')).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.queryByText('Safari on iPhone')).not.toBeInTheDocument());
    const [path, init] = fetchMock.mock.calls[1];
    expect(path).toBe('/api/auth/sessions/b2');
    expect(init!.method).toBe('DELETE');
  });

  it('says so when the list cannot be read', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse({ title: 'Server error', detail: 'Try again later.', status: 500 }, { status: 500 }),
    );
    renderWithProviders(<ActiveSignIns />);

    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });
});
