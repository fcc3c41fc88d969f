import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { problemResponse, renderWithProviders } from '../../../test/render';
import { ExportClinicButton } from './export-clinic-button';

const fetchMock = vi.fn<typeof fetch>();

const link = {
  url: '/api/reports/clinic-export/download?token=one-time',
  expiresAt: '2026-12-03T10:01:00Z',
  format: 'json',
};

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

describe('ExportClinicButton', () => {
  it('asks for a one-time link in the chosen format and lets the browser download it', async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify(link), { status: 201, headers: { 'Content-Type': 'application/json' } }),
    );
    const followed: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      followed.push(this.getAttribute('href') ?? '');
    });
    renderWithProviders(<ExportClinicButton />);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Format' }), 'JSON');
    await userEvent.click(screen.getByRole('button', { name: 'Export clinic data' }));

    expect(await screen.findByText(/Download started/)).toBeInTheDocument();
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(String(path)).toContain('/api/reports/clinic-export/links');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ format: 'json' });
    expect(followed).toEqual([link.url]);
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
