/** Shapes of `/api/sessions` and `/api/children/{id}/progress`, written by hand until the server publishes OpenAPI. */

export const SERVICE_CODES = ['97151', '97152', '97153', '97154', '97155', '97156', '97157', '97158'] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];

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

export const PLACES = ['clinic', 'home', 'school', 'community', 'telehealth'] as const;
export type Place = (typeof PLACES)[number];

export const PLACE_LABELS: Record<Place, string> = {
  clinic: 'Clinic',
  home: 'Home',
  school: 'School',
  community: 'Community',
  telehealth: 'Telehealth',
};

export const OUTCOMES = ['correct', 'incorrect', 'no_response'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  correct: 'Correct',
  incorrect: 'Incorrect',
  no_response: 'No response',
};

export const PROMPT_LEVELS = [
  'independent',
  'gestural',
  'verbal',
  'model',
  'partial_physical',
  'full_physical',
] as const;
export type PromptLevel = (typeof PROMPT_LEVELS)[number];

export const PROMPT_LEVEL_LABELS: Record<PromptLevel, string> = {
  independent: 'Independent',
  gestural: 'Gestural',
  verbal: 'Verbal',
  model: 'Model',
  partial_physical: 'Partial physical',
  full_physical: 'Full physical',
};

export const PROMPT_LEVEL_OPTIONS = PROMPT_LEVELS.map((level) => ({ value: level, label: PROMPT_LEVEL_LABELS[level] }));

export type Measurement = 'percent_correct' | 'task_analysis' | 'frequency' | 'rate' | 'duration';

export type Phase = 'baseline' | 'intervention' | 'mastered' | 'maintenance' | 'on_hold' | 'discontinued';

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

interface EventBase {
  /** Chosen by the client (crypto.randomUUID()), so that sending twice stores once. */
  id: string;
  /** When it happened (ISO instant). */
  at: string;
}

export type SessionEvent = EventBase &
  (
    | { type: 'trial'; targetId: string; outcome: Outcome; promptLevel: PromptLevel }
    | { type: 'task_step'; targetId: string; step: number; promptLevel: PromptLevel }
    | { type: 'frequency'; targetId: string; count: number }
    | { type: 'duration'; targetId: string; seconds: number }
    | { type: 'abc'; antecedent: string; behavior: string; consequence: string; targetId?: string }
    | { type: 'undo'; undoes: string }
  );

/** What a recording control hands over; id and time are added when it is stored. */
export type NewSessionEvent = SessionEvent extends infer E
  ? E extends SessionEvent
    ? Omit<E, 'id' | 'at'>
    : never
  : never;

export type SessionStatus = 'open' | 'submitted';

export interface PersonRef {
  id: string;
  name: string;
}

export interface Tally {
  targetId: string;
  programId: string;
  name: string;
  trials: number;
  correct: number;
  incorrect: number;
  noResponse: number;
  independent: number;
  percentCorrect: number | null;
  percentIndependent: number | null;
  steps: number;
  count: number;
  durationSeconds: number;
}

export interface Addendum {
  id: string;
  at: string;
  by: PersonRef;
  reason: string;
  text: string;
}

export interface Session {
  id: string;
  childId: string;
  therapist: PersonRef;
  serviceCode: ServiceCode;
  place: Place;
  startedAt: string;
  endedAt: string | null;
  status: SessionStatus;
  note: string | null;
  submittedAt: string | null;
  guardianSignature: { name: string; signedAt: string } | null;
  addenda: Addendum[];
  events: SessionEvent[];
  tallies: Tally[];
  version: number;
}

export interface SessionSummary {
  id: string;
  therapist: PersonRef;
  serviceCode: ServiceCode;
  place: Place;
  startedAt: string;
  endedAt: string | null;
  status: SessionStatus;
  submittedAt: string | null;
  guardianSigned: boolean;
}

export const sessionsQueryKey = ['sessions'] as const;

export function sessionQueryKey(id: string) {
  return [...sessionsQueryKey, 'detail', id] as const;
}

export function childSessionsQueryKey(childId: string) {
  return [...sessionsQueryKey, 'child', childId] as const;
}
