import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, renderWithProviders } from '../../../test/render';
import type { SchedulePreferences } from '../api/get-schedule-preferences';
import { SchedulePreferencesSection } from './schedule-preferences-section';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

const stored: SchedulePreferences = {
  childId: 'child-1',
  availableHours: [{ weekday: 'MONDAY', start: '15:00:00', end: '18:00:00' }],
  prescribedWeeklyHours: [{ serviceCode: '97153', hours: 10 }],
  preferredPlace: 'home',
  version: 2,
};

function puts() {
  return fetchMock.mock.calls.filter((call) => call[1]?.method === 'PUT');
}

async function renderSection({ canEdit }: { canEdit: boolean }) {
  const rendered = renderWithProviders(<SchedulePreferencesSection childId="child-1" canEdit={canEdit} />);
  const section = screen.getByRole('region', { name: 'Schedule preferences' });
  await within(section).findByRole('list', { name: 'Available hours' });
  return { ...rendered, section };
}

describe('SchedulePreferencesSection', () => {
  it('shows the current preferences, read-only without the right to edit', async () => {
    fetchMock.mockResolvedValue(jsonResponse(stored));
    const { section } = await renderSection({ canEdit: false });

    expect(fetchMock.mock.calls[0][0]).toBe('/api/children/child-1/schedule-preferences');
    expect(within(section).getByRole('list', { name: 'Available hours' })).toHaveTextContent('Monday 15:00–18:00');
    expect(within(section).getByRole('list', { name: 'Prescribed weekly hours' })).toHaveTextContent('10 h a week');
    expect(section).toHaveTextContent('Home');
    expect(within(section).queryByRole('button', { name: 'Edit schedule preferences' })).not.toBeInTheDocument();
  });

  it('lets an admin add and remove rows and saves the whole set', async () => {
    fetchMock.mockImplementation((_, init) =>
      Promise.resolve(
        init?.method === 'PUT'
          ? jsonResponse({ ...stored, ...JSON.parse(String(init.body)), version: 3 })
          : jsonResponse(stored),
      ),
    );
    const { section, user } = await renderSection({ canEdit: true });

    await user.click(within(section).getByRole('button', { name: 'Edit schedule preferences' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit schedule preferences' });
    expect(within(dialog).getByLabelText('From, hours 1')).toHaveValue('15:00');
    await user.click(within(dialog).getByRole('button', { name: 'Add hours' }));
    await user.selectOptions(within(dialog).getByLabelText('Day, hours 2'), 'WEDNESDAY');
    await user.clear(within(dialog).getByLabelText('From, hours 2'));
    await user.type(within(dialog).getByLabelText('From, hours 2'), '14:00');
    await user.click(within(dialog).getByRole('button', { name: 'Add prescription' }));
    await user.selectOptions(within(dialog).getByLabelText('Service, prescription 2'), '97155');
    await user.clear(within(dialog).getByLabelText('Hours a week, prescription 2'));
    await user.type(within(dialog).getByLabelText('Hours a week, prescription 2'), '2');
    await user.click(within(dialog).getByRole('button', { name: 'Remove prescription 1' }));
    await user.selectOptions(within(dialog).getByLabelText('Preferred place'), 'school');
    await user.click(within(dialog).getByRole('button', { name: 'Save preferences' }));

    await vi.waitFor(() => expect(puts()).toHaveLength(1), { timeout: 5000 });
    expect(puts()[0][0]).toBe('/api/children/child-1/schedule-preferences');
    expect(JSON.parse(String(puts()[0][1]?.body))).toEqual({
      availableHours: [
        { weekday: 'MONDAY', start: '15:00', end: '18:00' },
        { weekday: 'WEDNESDAY', start: '14:00', end: '18:00' },
      ],
      prescribedWeeklyHours: [{ serviceCode: '97155', hours: 2 }],
      preferredPlace: 'school',
    });
    await vi.waitFor(() => expect(dialog).not.toBeInTheDocument(), { timeout: 5000 });
    expect(within(section).getByRole('status')).toHaveTextContent('The schedule preferences were saved.');
    expect(within(section).getByRole('list', { name: 'Available hours' })).toHaveTextContent('Wednesday 14:00–18:00');
  });

  it('shows the server’s validation errors at their fields', async () => {
    fetchMock.mockImplementation((_, init) =>
      Promise.resolve(
        init?.method === 'PUT'
          ? problemResponse(400, {
              type: 'https://sparktherapy.org/problems/invalid-schedule-preferences',
              title: 'Invalid schedule preferences',
              detail: 'Some schedule preferences are invalid.',
              errors: [
                { pointer: '/availableHours/1', detail: 'overlaps block 0' },
                { pointer: '/prescribedWeeklyHours/0/serviceCode', detail: 'is listed twice' },
                { pointer: '/preferredPlace', detail: 'must be one of clinic, home, school' },
              ],
            })
          : jsonResponse(stored),
      ),
    );
    const { section, user } = await renderSection({ canEdit: true });
    await user.click(within(section).getByRole('button', { name: 'Edit schedule preferences' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit schedule preferences' });
    await user.click(within(dialog).getByRole('button', { name: 'Add hours' }));
    await user.selectOptions(within(dialog).getByLabelText('Day, hours 2'), 'TUESDAY');
    await user.click(within(dialog).getByRole('button', { name: 'Save preferences' }));

    await vi.waitFor(
      () => expect(within(dialog).getByLabelText('From, hours 2')).toHaveAccessibleDescription('overlaps block 0'),
      { timeout: 5000 },
    );
    expect(within(dialog).getByLabelText('From, hours 1')).not.toHaveAccessibleDescription();
    expect(within(dialog).getByLabelText('Service, prescription 1')).toHaveAccessibleDescription('is listed twice');
    expect(within(dialog).getByLabelText('Preferred place')).toHaveAccessibleDescription(
      'must be one of clinic, home, school',
    );
    expect(dialog).toBeInTheDocument();
  });
});
