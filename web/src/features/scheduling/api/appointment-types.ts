/**
 * Shapes of `/api/appointments`, availability, proposals and the calendar feed, named after the generated API types
 * (src/types/api.ts, ADR 0026).
 */
import { valuesOf, type Schema } from '../../../lib/api-types';

/** Times are ISO 8601 with the clinic's offset. */
export type Appointment = Schema<'AppointmentResponse'>;
export type AppointmentStatus = Appointment['status'];
/** The CPT code of an ABA service (97151–97158). */
export type ServiceCode = Appointment['serviceCode'];
export type Place = Appointment['place'];
export type PersonRef = Schema<'Person'>;
export type Cancellation = Schema<'Cancellation'>;
/** The other side of a supervision overlap (97155 over 97153, same child). */
export type Supervision = Schema<'Supervision'>;

export const APPOINTMENT_STATUSES = valuesOf<AppointmentStatus>()([
  'scheduled',
  'checked_in',
  'completed',
  'cancelled',
  'no_show',
]);

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  scheduled: 'Scheduled',
  checked_in: 'Checked in',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

/** Which occurrences of a series a move applies to. */
export type MoveScope = NonNullable<Schema<'ChangeRequest'>['scope']>;

export const SCOPE_LABELS: Record<MoveScope, string> = {
  this: 'This appointment',
  following: 'This and following',
  all: 'All in the series',
};

/** Weekly hours on one weekday, wall-clock times in the clinic's time zone ("09:00"). */
export type TimeBlock = Schema<'Block'>;
export type Weekday = TimeBlock['weekday'];

export const WEEKDAYS = valuesOf<Weekday>()([
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
]);

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  MONDAY: 'Monday',
  TUESDAY: 'Tuesday',
  WEDNESDAY: 'Wednesday',
  THURSDAY: 'Thursday',
  FRIDAY: 'Friday',
  SATURDAY: 'Saturday',
  SUNDAY: 'Sunday',
};

/** A therapist's weekly hours (what saving answers; reading adds the upcoming time off). */
export type Availability = Schema<'AvailabilityResponse'>;

/** A session placed by a proposal; `id` is what adjusting the draft names. */
export type ProposalSlot = Schema<'PlacedResponse'>;

/** An appointment the week already has for a child of the proposal: fixed, planned around, never moved. */
export type ExistingAppointment = Schema<'ExistingResponse'>;

/** What accepting books, in total, per child and per therapist, and what stays unplaced. */
export type ProposalSummary = Schema<'SummaryResponse'>;

/**
 * A draft week: `scoreSummary` is the score in words ("All rules met; every prescribed hour placed; 2 preferences
 * not met (2 place changes)"), `score` the same raw (hard/medium/soft); `version` counts the adjustments of the draft
 * and is sent back as If-Match.
 */
export type Proposal = Schema<'ProposalResponse'>;

/** Service codes and places as the sessions feature names them (features do not share code). */
const NAMED_SERVICE_CODES: Partial<Record<ServiceCode, string>> = {
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
  const names = (list: Supervision[]) => [...new Set(list.map((s) => s.therapist.name))];
  const supervised = names(appointment.supervises);
  if (supervised.length > 0) {
    return `Supervision of ${supervised.map((name) => `${name}’s`).join(' and ')} session${supervised.length > 1 ? 's' : ''}`;
  }
  const supervisors = names(appointment.supervisedBy);
  return supervisors.length > 0 ? `Supervised by ${supervisors.join(' and ')}` : null;
}

export function serviceLabel(code: string): string {
  return NAMED_SERVICE_CODES[code as ServiceCode] ?? code;
}

/** Every service code, the everyday ones first. */
export const SERVICE_CODES = valuesOf<ServiceCode>()([
  '97153',
  '97155',
  '97156',
  '97151',
  '97152',
  '97154',
  '97157',
  '97158',
]);

export const SERVICE_OPTIONS = SERVICE_CODES.map((code) => ({ value: code, label: serviceLabel(code) }));

export const PLACES = valuesOf<Place>()(['clinic', 'home', 'school', 'community', 'telehealth']);

export const PLACE_LABELS: Record<Place, string> = {
  clinic: 'Clinic',
  home: 'Home',
  school: 'School',
  community: 'Community',
  telehealth: 'Telehealth',
};

export const PLACE_OPTIONS = PLACES.map((value) => ({ value, label: PLACE_LABELS[value] }));

export function placeLabel(place: string): string {
  return PLACE_LABELS[place as Place] ?? place;
}

export const schedulingQueryKey = ['scheduling'] as const;
export const appointmentsQueryKey = [...schedulingQueryKey, 'appointments'] as const;

/** An attendance step (check-in, no-show, completion); an admin's `reason` takes it before the clock allows. */
export interface AttendanceInput {
  id: string;
  reason?: string;
}
