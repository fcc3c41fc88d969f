import type { Appointment } from './appointment-types';

/**
 * For tests: a scheduled one-hour appointment of child-1 with Toni Tech at the clinic, Monday 6 January 2031 at
 * 15:00 local time, with the fields a test cares about replaced.
 */
export function anAppointment(changes: Partial<Appointment> = {}): Appointment {
  return {
    id: 'appt-1',
    seriesId: null,
    childId: 'child-1',
    therapist: { id: 'rbt-1', name: 'Toni Tech' },
    serviceCode: '97153',
    place: 'clinic',
    start: new Date(2031, 0, 6, 15, 0).toISOString(),
    end: new Date(2031, 0, 6, 16, 0).toISOString(),
    status: 'scheduled',
    cancellation: null,
    override: null,
    sessionId: null,
    sessionStatus: null,
    checkInOpensAt: new Date(2031, 0, 6, 14, 30).toISOString(),
    actualStart: null,
    actualEnd: null,
    supervises: [],
    supervisedBy: [],
    version: 0,
    ...changes,
  };
}
