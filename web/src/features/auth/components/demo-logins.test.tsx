import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { DemoLoginList } from './demo-logins';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const demo = {
  password: 'spark-demo-clinic-2026',
  logins: [
    { name: 'Dana Whitfield', email: 'admin@demo.sparktherapy.org', role: 'admin', label: 'admin' },
    {
      name: 'Luis Romero',
      email: 'luis.romero@demo.sparktherapy.org',
      role: 'therapist',
      label: 'therapist, RBT (technician)',
    },
  ],
};

describe('DemoLoginList', () => {
  it('lists the demo accounts and fills the form with the one picked', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(demo));
    const onPick = vi.fn();
    const { user } = renderWithProviders(<DemoLoginList onPick={onPick} />);

    const list = await screen.findByRole('region', { name: 'Demo clinic accounts' });
    expect(list).toHaveTextContent('spark-demo-clinic-2026');
    expect(list).toHaveTextContent('Luis Romero therapist, RBT (technician)');
    await user.click(screen.getByRole('button', { name: 'Fill in Luis Romero, therapist, RBT (technician)' }));

    expect(onPick).toHaveBeenCalledWith('luis.romero@demo.sparktherapy.org', 'spark-demo-clinic-2026');
    expect(String(fetchMock.mock.calls[0][0])).toBe('/api/demo/logins');
  });

  it('shows nothing when the server is not the demo clinic (404)', async () => {
    fetchMock.mockResolvedValueOnce(problemResponse(404, { title: 'Not Found', detail: 'No such resource' }));
    const { container, queryClient } = renderWithProviders(<DemoLoginList onPick={vi.fn()} />);

    await waitFor(() => expect(queryClient.getQueryState(['demo-logins'])?.status).toBe('success'));
    expect(queryClient.getQueryData(['demo-logins'])).toBeNull();
    expect(container).toBeEmptyDOMElement();
    expect(screen.queryByRole('region', { name: 'Demo clinic accounts' })).not.toBeInTheDocument();
  });
});
