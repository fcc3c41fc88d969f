import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { AuditScreen } from './audit-screen';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockImplementation(() =>
    Promise.resolve(jsonResponse({ content: [], page: { number: 0, size: 50, totalElements: 0, totalPages: 0 } })),
  );
});

const urls = () => fetchMock.mock.calls.map(([url]) => String(url));

describe('AuditScreen filters', () => {
  it('say what is wrong and do not search', async () => {
    const { user } = renderWithProviders(<AuditScreen />);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));

    await user.type(screen.getByLabelText('Child ID'), 'not-an-id');
    await user.type(screen.getByLabelText('From'), '2026-03-10');
    await user.type(screen.getByLabelText('To'), '2026-03-01');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    expect(screen.getByLabelText('Child ID')).toHaveAccessibleDescription('Enter a child ID (a UUID)');
    expect(screen.getByLabelText('To')).toHaveAccessibleDescription('The end date must not be before the start date');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('search with the trimmed filters, and clear them', async () => {
    const childId = '0b7e2c7a-52f4-4c7e-9a55-1f0a3c1d2e3f';
    const { user } = renderWithProviders(<AuditScreen />);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));

    await user.type(screen.getByLabelText('Child ID'), `  ${childId} `);
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await vi.waitFor(() => expect(urls().some((url) => url.includes(`childId=${childId}`))).toBe(true));
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.getByLabelText('Child ID')).toHaveValue('');
  });
});
