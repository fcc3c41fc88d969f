import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import { ScheduleRulesSection } from './schedule-rules-section';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const rules = { enforcement: 'warn', graceDays: 7, updatedAt: '2026-12-01T10:00:00Z', version: 3 };

describe('ScheduleRulesSection', () => {
  it('saves block and a grace period with the version the admin saw', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(rules));
    fetchMock.mockResolvedValueOnce(jsonResponse({ ...rules, enforcement: 'block', graceDays: 14, version: 4 }));
    const { user } = renderWithProviders(<ScheduleRulesSection />);

    await user.selectOptions(await screen.findByLabelText(/When a booking goes beyond/), 'block');
    const grace = screen.getByLabelText(/Grace period/);
    await user.clear(grace);
    await user.type(grace, '14');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    const [url, init] = fetchMock.mock.calls[1];
    expect(String(url)).toContain('/api/billing/schedule-rules');
    expect(init?.method).toBe('PUT');
    expect(new Headers(init?.headers).get('If-Match')).toBe('"3"');
    expect(JSON.parse(String(init?.body))).toEqual({ enforcement: 'block', graceDays: 14 });
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
  });

  it('refuses a grace period over 90 days before asking the server', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(rules));
    const { user } = renderWithProviders(<ScheduleRulesSection />);

    const grace = await screen.findByLabelText(/Grace period/);
    await user.clear(grace);
    await user.type(grace, '91');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('At most 90 days')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('reloads the rules when someone changed them meanwhile and says so', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(rules));
    fetchMock.mockResolvedValueOnce(problemResponse(412, { type: 'https://sparktherapy.org/problems/stale-version' }));
    fetchMock.mockResolvedValueOnce(jsonResponse({ ...rules, enforcement: 'block', version: 5 }));
    const { user } = renderWithProviders(<ScheduleRulesSection />);

    await screen.findByLabelText(/When a booking goes beyond/);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('This setting was changed by someone else')).toBeInTheDocument();
    expect(screen.getByLabelText(/When a booking goes beyond/)).toHaveValue('block');
  });
});
