import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { ChildHistory } from './child-history';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

describe('ChildHistory', () => {
  it('names an authorization change and says only that a withheld value changed', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse({
        content: [
          {
            id: 'h-1',
            at: '2026-11-26T10:00:00Z',
            by: { id: 'admin-1', name: 'Clinic Admin' },
            entity: 'authorization',
            entityId: 'auth-1',
            action: 'updated',
            changes: [
              { field: 'unitsAuthorized', from: '40', to: '60' },
              { field: 'memberId', from: null, to: null },
            ],
          },
        ],
        page: { number: 0, size: 25, totalElements: 1, totalPages: 1 },
      }),
    );

    renderWithProviders(<ChildHistory childId="child-1" />);

    expect(await screen.findByText('Insurance authorization updated')).toBeInTheDocument();
    const changes = screen.getAllByRole('listitem');
    expect(changes[0]).toHaveTextContent(/unitsAuthorized: 40 →\s*to 60/);
    expect(changes[1]).toHaveTextContent('memberId: changed');
    expect(changes[1]).not.toHaveTextContent('(empty)');
  });

  it('names attendance taken before its time with its reason, and the ledger’s automatic postings', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse({
        content: [
          {
            id: 'h-2',
            at: '2026-11-27T10:00:00Z',
            by: { id: 'admin-1', name: 'Clinic Admin' },
            entity: 'appointment',
            entityId: 'appt-1',
            action: 'checked_in_early',
            changes: [
              { field: 'status', from: 'scheduled', to: 'checked_in' },
              { field: 'overrideReason', from: null, to: 'The family arrived early' },
            ],
          },
          {
            id: 'h-3',
            at: '2026-11-27T11:00:00Z',
            by: null,
            entity: 'ledger_entry',
            entityId: 'entry-1',
            action: 'charge_posted',
            changes: [{ field: 'amount', from: null, to: null }],
          },
        ],
        page: { number: 0, size: 25, totalElements: 2, totalPages: 1 },
      }),
    );

    renderWithProviders(<ChildHistory childId="child-1" />);

    expect(await screen.findByText('Appointment checked in before its time')).toBeInTheDocument();
    expect(screen.getByText(/The family arrived early/)).toBeInTheDocument();
    expect(screen.getByText('Account entry posted (charge)')).toBeInTheDocument();
    expect(screen.getByText('SPARKTherapy (automatic)')).toBeInTheDocument();
  });
});
