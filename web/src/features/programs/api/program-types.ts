/** Shapes of `/api/programs`, named after the generated API types (src/types/api.ts). */
import { valuesOf, type Schema } from '../../../lib/api-types';

export type Program = Schema<'ProgramResponse'>;
export type Domain = Program['domain'];
export type ProgramKind = Program['kind'];
export type Measurement = Program['measurement'];
export type ProgramStatus = Program['status'];
/** Percent correct (or steps done independently) per session 1–100, over consecutive sessions of enough trials. */
export type MasteryCriterion = Schema<'MasteryCriterion'>;
export type Target = Schema<'Target'>;
export type Phase = Target['phase'];
/** A target's move to another phase: by a person, or automatically (`by` is then null). */
export type PhaseChange = Schema<'PhaseChange'>;

export const DOMAINS = valuesOf<Domain>()([
  'communication',
  'social',
  'daily_living',
  'academic',
  'play',
  'motor',
  'behavior_reduction',
  'other',
]);

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

export const PROGRAM_KINDS = valuesOf<ProgramKind>()(['skill', 'behavior']);

export const KIND_LABELS: Record<ProgramKind, string> = {
  skill: 'Skill acquisition',
  behavior: 'Behavior reduction',
};

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

export const PROGRAM_STATUS_LABELS: Record<ProgramStatus, string> = {
  active: 'Active',
  on_hold: 'On hold',
  archived: 'Archived',
};

export const PHASES = valuesOf<Phase>()([
  'baseline',
  'intervention',
  'mastered',
  'maintenance',
  'on_hold',
  'discontinued',
]);

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

export const programsQueryKey = ['programs'] as const;

export function programQueryKey(id: string) {
  return [...programsQueryKey, 'detail', id] as const;
}

export function childProgramsQueryKey(childId: string) {
  return [...programsQueryKey, 'child', childId] as const;
}

export const DOMAIN_OPTIONS = DOMAINS.map((domain) => ({ value: domain, label: DOMAIN_LABELS[domain] }));
