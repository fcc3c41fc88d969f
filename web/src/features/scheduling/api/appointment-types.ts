import type { PayerWarning } from './payer-warnings';
/** Shapes of `/api/appointments`, availability, proposals and the calendar feed, written by hand until OpenAPI. */

export const APPOINTMENT_STATUSES = ['scheduled', 'checked_in', 'completed', 'cancelled', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  scheduled: 'Scheduled',
  checked_in: 'Checked in',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

export interface PersonRef {
  id: string;
  name: string;
}

export interface Cancellation {
  by: PersonRef;
  at: string;
  reason: string;
  late: boolean;
}

export interface Appointment {
  id: string;
  seriesId: string | null;
  childId: string;
  therapist: PersonRef;
  serviceCode: string;
  place: string;
  /** ISO 8601 with the clinic's offset. */
  start: string;
  end: string;
  status: AppointmentStatus;
  cancellation: Cancellation | null;
  override: { reason?: string } | null;
  sessionId: string | null;
  /** The linked session's state: `open` while it is still to be recorded, `submitted` once signed off. */
  sessionStatus: 'open' | 'submitted' | null;
  /** From when it can be checked in and recorded (the server's rule: 30 minutes before the start by default). */
  checkInOpensAt?: string;
  /** When a completed appointment really took place: what its units are counted from. */
  actualStart?: string | null;
  actualEnd?: string | null;
  /** A supervisor's 97155: the technicians' 97153 appointments of the child it overlaps. */
  supervises?: Supervision[];
  /** A technician's 97153: the supervisors' 97155 appointments over it. */
  supervisedBy?: Supervision[];
  version: number;
}

/** The other side of a supervision overlap (97155 over 97153, same child). */
export interface Supervision {
  appointmentId: string;
  therapist: PersonRef;
}

export type MoveScope = 'this' | 'following' | 'all';

export const SCOPE_LABELS: Record<MoveScope, string> = {
  this: 'This appointment',
  following: 'This and following',
  all: 'All in the series',
};

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  MONDAY: 'Monday',
  TUESDAY: 'Tuesday',
  WEDNESDAY: 'Wednesday',
  THURSDAY: 'Thursday',
  FRIDAY: 'Friday',
  SATURDAY: 'Saturday',
  SUNDAY: 'Sunday',
};

export interface TimeBlock {
  weekday: Weekday;
  /** "09:00" */
  start: string;
  end: string;
}

export interface Availability {
  therapistId: string;
  blocks: TimeBlock[];
}

export interface ProposalSlot {
  /** The placed session's id, for adjusting the draft. */
  id: string;
  childId: string;
  therapistId: string;
  serviceCode: string;
  place: string;
  start: string;
  end: string;
}

/** An appointment the week already has for a child of the proposal: fixed, planned around, never moved. */
export interface ExistingAppointment {
  appointmentId: string;
  childId: string;
  therapistId: string;
  serviceCode: string;
  place: string;
  start: string;
  end: string;
}

/** What accepting books, in total, per child and per therapist, and what stays unplaced. */
export interface ProposalSummary {
  sessions: number;
  hours: number;
  /** Children who get at least one session. */
  children: number;
  unplacedHours: number;
  perChild: { childId: string; sessions: number; hours: number; alreadyBookedHours: number; unplacedHours: number }[];
  perTherapist: { therapistId: string; name: string; sessions: number; hours: number }[];
}

export interface Proposal {
  id: string;
  weekStart: string;
  /** The score in words: "All rules met; every prescribed hour placed; 2 preferences not met (2 place changes)". */
  scoreSummary: string;
  /** The same, raw (hard/medium/soft), for support. */
  score: string;
  placed: ProposalSlot[];
  unplaced: { childId: string; serviceCode: string; hours: number; reason: string }[];
  existing: ExistingAppointment[];
  summary: ProposalSummary;
  status: string;
  /** Counts the adjustments of the draft; sent back as If-Match. */
  version: number;
  /** An acceptance's: where the booked week goes beyond a child's insurance authorization (ADR 0031). */
  warnings: PayerWarning[];
}

/** Service codes and places as the sessions feature names them (features do not share code). */
const NAMED_SERVICE_CODES: Record<string, string> = {
  '97153': 'Direct treatment (97153)',
  '97155': 'Protocol modification (97155)',
  '97156': 'Family training (97156)',
};

const SUPERVISOR_CREDENTIALS = ['BCBA', 'BCaBA'];

/**
 * Whether a therapist with this credential may deliver the service: 97151 and 97155–97158 need a BCBA or BCaBA,
 * 97152–97154 an RBT or above (the server's `ServiceCodes.mayDeliver`; it decides, this only trims choices).
 */
export function mayDeliver(credential: string | null | undefined, serviceCode: string): boolean {
  if (!credential) return false;
  if (['97152', '97153', '97154'].includes(serviceCode)) return [...SUPERVISOR_CREDENTIALS, 'RBT'].includes(credential);
  return SUPERVISOR_CREDENTIALS.includes(credential);
}

/**
 * "Supervision of Luis Romero's session" for a supervisor's 97155 over a technician's 97153, "Supervised by Maya
 * Okafor" for the 97153; null for any other appointment.
 */
export function supervisionLabel(appointment: Pick<Appointment, 'supervises' | 'supervisedBy'>): string | null {
  const names = (list: Supervision[] | undefined) => [...new Set((list ?? []).map((s) => s.therapist.name))];
  const supervised = names(appointment.supervises);
  if (supervised.length > 0) {
    return `Supervision of ${supervised.map((name) => `${name}’s`).join(' and ')} session${supervised.length > 1 ? 's' : ''}`;
  }
  const supervisors = names(appointment.supervisedBy);
  return supervisors.length > 0 ? `Supervised by ${supervisors.join(' and ')}` : null;
}

export function serviceLabel(code: string): string {
  return NAMED_SERVICE_CODES[code] ?? code;
}

export const SERVICE_OPTIONS = ['97153', '97155', '97156', '97151', '97152', '97154', '97157', '97158'].map((code) => ({
  value: code,
  label: serviceLabel(code),
}));

export const PLACE_LABELS: Record<string, string> = {
  clinic: 'Clinic',
  home: 'Home',
  school: 'School',
  community: 'Community',
  telehealth: 'Telehealth',
};

export const PLACE_OPTIONS = Object.entries(PLACE_LABELS).map(([value, label]) => ({ value, label }));

export function placeLabel(place: string): string {
  return PLACE_LABELS[place] ?? place;
}

export const schedulingQueryKey = ['scheduling'] as const;
export const appointmentsQueryKey = [...schedulingQueryKey, 'appointments'] as const;
