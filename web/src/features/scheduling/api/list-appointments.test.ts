import { beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../../test/render';
import { anAppointment } from './appointment-fixture';
import type { Appointment } from './appointment-types';
import { APPOINTMENT_PAGE_SIZE, listAppointments } from './list-appointments';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

function anAppointmentAt(n: number): Appointment {
  const start = new Date(2031, 0, 6, 8, 0);
  start.setMinutes(n);
  return anAppointment({
    id: `appt-${n}`,
    childId: `child-${n}`,
    start: start.toISOString(),
    end: new Date(start.getTime() + 3_600_000).toISOString(),
  });
}

function page(number: number, content: Appointment[], totalElements: number) {
  return jsonResponse({
    content,
    page: {
      number,
      size: APPOINTMENT_PAGE_SIZE,
      totalElements,
      totalPages: Math.ceil(totalElements / APPOINTMENT_PAGE_SIZE),
    },
  });
}

describe('listAppointments', () => {
  it('reads every page of a busy week', async () => {
    const all = Array.from({ length: APPOINTMENT_PAGE_SIZE + 7 }, (_, n) => anAppointmentAt(n));
    fetchMock.mockImplementation((input) => {
      const number = Number(new URL(String(input), 'http://localhost').searchParams.get('page'));
      const slice = all.slice(number * APPOINTMENT_PAGE_SIZE, (number + 1) * APPOINTMENT_PAGE_SIZE);
      return Promise.resolve(page(number, slice, all.length));
    });

    const week = await listAppointments({ from: '2031-01-06T00:00:00Z', to: '2031-01-13T00:00:00Z' });

    expect(week.content.map((appointment) => appointment.id)).toEqual(all.map((appointment) => appointment.id));
    expect(week.page.totalElements).toBe(APPOINTMENT_PAGE_SIZE + 7);
    const pages = fetchMock.mock.calls.map((call) =>
      new URL(String(call[0]), 'http://localhost').searchParams.get('page'),
    );
    expect(pages).toEqual(['0', '1']);
    const first = new URL(String(fetchMock.mock.calls[0][0]), 'http://localhost');
    expect(first.pathname).toBe('/api/appointments');
    expect(first.searchParams.get('from')).toBe('2031-01-06T00:00:00Z');
  });

  it('asks once when one page holds the range', async () => {
    fetchMock.mockResolvedValueOnce(page(0, [anAppointmentAt(1)], 1));

    const week = await listAppointments({ from: '2031-01-06T00:00:00Z', to: '2031-01-13T00:00:00Z' });

    expect(week.content).toHaveLength(1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
