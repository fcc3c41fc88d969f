import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { problemResponse, renderWithProviders } from '../../../test/render';
import { ExportClinicButton } from './export-clinic-button';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  URL.createObjectURL = vi.fn(() => 'blob:archive');
  URL.revokeObjectURL = vi.fn();
});

describe('ExportClinicButton', () => {
  it('downloads the archive and says it is saved', async () => {
    fetchMock.mockResolvedValue(new Response('PK', { headers: { 'Content-Type': 'application/zip' } }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderWithProviders(<ExportClinicButton />);

    await userEvent.click(screen.getByRole('button', { name: 'Export clinic data' }));

    expect(await screen.findByText('Archive saved.')).toBeInTheDocument();
    expect(String(fetchMock.mock.calls[0]?.[0])).toContain('/api/reports/clinic-export');
    expect(click).toHaveBeenCalledOnce();
    click.mockRestore();
  });

  it('says why when the server refuses', async () => {
    fetchMock.mockResolvedValue(
      problemResponse(403, { title: 'Forbidden', detail: "Only an admin exports the clinic's data." }),
    );
    renderWithProviders(<ExportClinicButton />);

    await userEvent.click(screen.getByRole('button', { name: 'Export clinic data' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Only an admin');
  });
});
