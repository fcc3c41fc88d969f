/**
 * Shapes of `/api/sessions` and `/api/children/{id}/progress`, named after the generated API types (src/types/api.ts,
 * ADR 0026).
 */
import { valuesOf, type Schema } from '../../../lib/api-types';

/** One recorded event as the server carries it: flat, with the fields of other types null. */
type FlatEvent = Schema<'Event'>;

export type ServiceCode = Schema<'SessionResponse'>['serviceCode'];
export const SERVICE_CODES = valuesOf<ServiceCode>()([
  '97151',
  '97152',
  '97153',
  '97154',
  '97155',
  '97156',
  '97157',
  '97158',
]);

const NAMED_SERVICE_CODES: Partial<Record<ServiceCode, string>> = {
  '97153': 'Direct treatment (97153)',
  '97155': 'Protocol modification (97155)',
  '97156': 'Family training (97156)',
};

export function serviceCodeLabel(code: string): string {
  return NAMED_SERVICE_CODES[code as ServiceCode] ?? code;
}

/** The three everyday codes first, by name; the others by their code. */
export const SERVICE_CODE_OPTIONS = [
  ...(['97153', '97155', '97156'] as const),
  ...SERVICE_CODES.filter((code) => !NAMED_SERVICE_CODES[code]),
].map((code) => ({ value: code, label: serviceCodeLabel(code) }));

export type Place = Schema<'SessionResponse'>['place'];
export const PLACES = valuesOf<Place>()(['clinic', 'home', 'school', 'community', 'telehealth']);

export const PLACE_LABELS: Record<Place, string> = {
  clinic: 'Clinic',
  home: 'Home',
  school: 'School',
  community: 'Community',
  telehealth: 'Telehealth',
};

export type Outcome = NonNullable<FlatEvent['outcome']>;
export const OUTCOMES = valuesOf<Outcome>()(['correct', 'incorrect', 'no_response']);

export const OUTCOME_LABELS: Record<Outcome, string> = {
  correct: 'Correct',
  incorrect: 'Incorrect',
  no_response: 'No response',
};

export type PromptLevel = NonNullable<FlatEvent['promptLevel']>;
export const PROMPT_LEVELS = valuesOf<PromptLevel>()([
  'independent',
  'gestural',
  'verbal',
  'model',
  'partial_physical',
  'full_physical',
]);

export const PROMPT_LEVEL_LABELS: Record<PromptLevel, string> = {
  independent: 'Independent',
  gestural: 'Gestural',
  verbal: 'Verbal',
  model: 'Model',
  partial_physical: 'Partial physical',
  full_physical: 'Full physical',
};

export const PROMPT_LEVEL_OPTIONS = PROMPT_LEVELS.map((level) => ({ value: level, label: PROMPT_LEVEL_LABELS[level] }));

export type Measurement = Schema<'TargetProgress'>['measurement'];

export type Phase = Schema<'TargetProgress'>['phase'];

export const PHASE_LABELS: Record<Phase, string> = {
  baseline: 'Baseline',
  intervention: 'Intervention',
  mastered: 'Mastered',
  maintenance: 'Maintenance',
  on_hold: 'On hold',
  discontinued: 'Discontinued',
};

export function phaseLabel(phase: string): string {
  return PHASE_LABELS[phase as Phase] ?? phase;
}

/** The kinds of event a session records: the union below has one member for each. */
export type SessionEventType = NonNullable<FlatEvent['type']>;

/** An event of one type with the fields that type has. */
type EventOf<Type extends SessionEventType, Fields> = {
  /** Chosen by the client (crypto.randomUUID()), so that sending twice stores once. */
  id: string;
  /** When it happened (ISO instant). */
  at: string;
  type: Type;
} & Fields;

/**
 * One event as the screens read it: by its type, with that type's fields set (the server sends the flat `Event`
 * schema, whose other fields are null; every member is one).
 */
export type SessionEvent =
  | EventOf<'trial', { targetId: string; outcome: Outcome; promptLevel: PromptLevel }>
  | EventOf<'task_step', { targetId: string; step: number; promptLevel: PromptLevel }>
  | EventOf<'frequency', { targetId: string; count: number }>
  | EventOf<'duration', { targetId: string; seconds: number }>
  | EventOf<'abc', { antecedent: string; behavior: string; consequence: string; targetId?: string }>
  | EventOf<'undo', { undoes: string }>;

/** Compiles only while the union has a member for every event type of the API. */
export const EVERY_EVENT_TYPE_MODELLED: SessionEventType extends SessionEvent['type'] ? true : never = true;

/** What a recording control hands over; id and time are added when it is stored. */
export type NewSessionEvent = SessionEvent extends infer E
  ? E extends SessionEvent
    ? Omit<E, 'id' | 'at'>
    : never
  : never;

export type PersonRef = Schema<'Person'>;
export type Tally = Schema<'TallyResponse'>;
export type Addendum = Schema<'Addendum'>;

/** A session record; its events as the union the screens read (each is one of its members). */
export type Session = Omit<Schema<'SessionResponse'>, 'events'> & { events: SessionEvent[] };
export type SessionStatus = Session['status'];

export type SessionSummary = Schema<'SessionSummary'>;

export const sessionsQueryKey = ['sessions'] as const;

export function sessionQueryKey(id: string) {
  return [...sessionsQueryKey, 'detail', id] as const;
}

export function childSessionsQueryKey(childId: string) {
  return [...sessionsQueryKey, 'child', childId] as const;
}
