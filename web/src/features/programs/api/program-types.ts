/** Shapes of `/api/programs`, written by hand until the server publishes its OpenAPI document. */

export const DOMAINS = [
  'communication',
  'social',
  'daily_living',
  'academic',
  'play',
  'motor',
  'behavior_reduction',
  'other',
] as const;
export type Domain = (typeof DOMAINS)[number];

export const DOMAIN_LABELS: Record<Domain, string> = {
  communication: 'Communication',
  social: 'Social',
  daily_living: 'Daily living',
  academic: 'Academic',
  play: 'Play',
  motor: 'Motor',
  behavior_reduction: 'Behavior reduction',
  other: 'Other',
};

export const PROGRAM_KINDS = ['skill', 'behavior'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];

export const KIND_LABELS: Record<ProgramKind, string> = {
  skill: 'Skill acquisition',
  behavior: 'Behavior reduction',
};

export type Measurement = 'percent_correct' | 'task_analysis' | 'frequency' | 'rate' | 'duration';

/** Skill programs are measured by trials; behavior programs by counting or timing. */
export const MEASUREMENTS_BY_KIND: Record<ProgramKind, readonly Measurement[]> = {
  skill: ['percent_correct', 'task_analysis'],
  behavior: ['frequency', 'rate', 'duration'],
};

export const MEASUREMENT_LABELS: Record<Measurement, string> = {
  percent_correct: 'Percent correct',
  task_analysis: 'Task analysis',
  frequency: 'Frequency',
  rate: 'Rate',
  duration: 'Duration',
};

export type ProgramStatus = 'active' | 'on_hold' | 'archived';

export const PROGRAM_STATUS_LABELS: Record<ProgramStatus, string> = {
  active: 'Active',
  on_hold: 'On hold',
  archived: 'Archived',
};

export const PHASES = ['baseline', 'intervention', 'mastered', 'maintenance', 'on_hold', 'discontinued'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  baseline: 'Baseline',
  intervention: 'Intervention',
  mastered: 'Mastered',
  maintenance: 'Maintenance',
  on_hold: 'On hold',
  discontinued: 'Discontinued',
};

export const PHASE_TONES: Record<Phase, 'neutral' | 'success' | 'muted' | 'info'> = {
  baseline: 'neutral',
  intervention: 'info',
  mastered: 'success',
  maintenance: 'success',
  on_hold: 'muted',
  discontinued: 'muted',
};

/** The phase moves the server allows (it answers 409 to any other); discontinued is final. */
export const NEXT_PHASES: Record<Phase, readonly Phase[]> = {
  baseline: ['intervention', 'on_hold', 'discontinued'],
  intervention: ['mastered', 'baseline', 'on_hold', 'discontinued'],
  mastered: ['maintenance', 'intervention', 'discontinued'],
  maintenance: ['intervention', 'on_hold', 'discontinued'],
  on_hold: ['baseline', 'intervention', 'discontinued'],
  discontinued: [],
};

export interface MasteryCriterion {
  /** Percent correct (or steps done independently) per session, 1–100. */
  percent: number;
  consecutiveSessions: number;
  minTrials: number;
}

/** A target's move to another phase: by a person, or automatically (`by` is then null). */
export interface PhaseChange {
  phase: Phase;
  at: string;
  by: { id: string; name: string } | null;
  automatic: boolean;
}

export interface Target {
  id: string;
  name: string;
  definition: string | null;
  notes: string | null;
  phase: Phase;
  position: number;
  phaseChanges: PhaseChange[];
}

export interface Program {
  id: string;
  childId: string;
  name: string;
  domain: Domain;
  objective: string | null;
  kind: ProgramKind;
  measurement: Measurement;
  masteryCriterion: MasteryCriterion | null;
  status: ProgramStatus;
  targets: Target[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const programsQueryKey = ['programs'] as const;

export function programQueryKey(id: string) {
  return [...programsQueryKey, 'detail', id] as const;
}

export function childProgramsQueryKey(childId: string) {
  return [...programsQueryKey, 'child', childId] as const;
}

export const DOMAIN_OPTIONS = DOMAINS.map((domain) => ({ value: domain, label: DOMAIN_LABELS[domain] }));
