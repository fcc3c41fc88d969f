import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import type { Authorization } from '../api/authorization-types';
import { AuthorizationsScreen } from './authorizations-screen';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const runningOut: Authorization = {
  id: 'auth-1',
  childId: 'child-1',
  childName: 'Samuel Lee',
  payer: 'Blue Shield',
  memberId: null,
  authorizationNumber: 'PA-2026-001',
  serviceCode: '97153',
  unitsAuthorized: 96,
  startDate: '2026-01-01',
  endDate: '2026-06-30',
  notes: null,
  unitsUsed: 80,
  unitsScheduled: 0,
  unitsRemaining: 16,
  status: 'active',
  alert: 'running_out',
  version: 1,
};

function page(content: Authorization[], totalPages = 1) {
  return { content, page: { number: 0, size: 20, totalElements: content.length, totalPages } };
}

describe('AuthorizationsScreen', () => {
  it('lists the current authorizations, each leading to its child', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(page([runningOut]))));
    renderWithProviders(<AuthorizationsScreen />);

    const table = await screen.findByRole('table', { name: 'Current authorizations' });
    const row = within(table).getByRole('row', { name: /Samuel Lee/ });
    expect(within(row).getByRole('link', { name: 'Samuel Lee' })).toHaveAttribute('href', '/children/child-1');
    expect(row).toHaveTextContent('Direct treatment (97153)');
    expect(row).toHaveTextContent('Running out');
    expect(within(row).getByRole('meter')).toHaveAttribute(
      'aria-valuetext',
      '80 of 96 units used, 0 scheduled, 16 left',
    );
    expect(fetchMock.mock.calls[0][0]).toBe('/api/authorizations?page=0&size=20');
    expect(screen.queryByRole('navigation', { name: 'Pages of authorizations' })).not.toBeInTheDocument();
  });

  it('filters by alert and pages through many', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(page([runningOut], 3))));
    const { user } = renderWithProviders(<AuthorizationsScreen />);
    await screen.findByRole('table', { name: 'Current authorizations' });

    await user.selectOptions(screen.getByLabelText('Show'), 'Running out');
    await vi.waitFor(
      () => expect(fetchMock.mock.calls.at(-1)?.[0]).toBe('/api/authorizations?alert=running_out&page=0&size=20'),
      { timeout: 5000 },
    );
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await vi.waitFor(
      () => expect(fetchMock.mock.calls.at(-1)?.[0]).toBe('/api/authorizations?alert=running_out&page=1&size=20'),
      { timeout: 5000 },
    );
  });

  it('says when nothing needs attention', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(page([]))));
    const { user } = renderWithProviders(<AuthorizationsScreen />);
    expect(await screen.findByText('No current authorizations.')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Show'), 'Over');
    expect(await screen.findByText('No authorization is over its units.')).toBeInTheDocument();
  });
});
