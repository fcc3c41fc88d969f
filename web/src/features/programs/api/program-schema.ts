import { z } from 'zod';
import type { CreateProgramRequest } from './create-program';
import { DOMAINS, PROGRAM_KINDS, type MasteryCriterion, type Measurement, type Program } from './program-types';
import type { UpdateProgramRequest } from './update-program';

const CRITERION_LIMITS = {
  percent: { min: 1, max: 100, label: 'a percentage from 1 to 100' },
  consecutiveSessions: { min: 1, max: 20, label: 'a number of sessions from 1 to 20' },
  minTrials: { min: 1, max: 200, label: 'a number of trials from 1 to 200' },
} as const;

type CriterionField = keyof typeof CRITERION_LIMITS;
const CRITERION_FIELDS = Object.keys(CRITERION_LIMITS) as CriterionField[];

const criterionFields = {
  percent: z.string().trim(),
  consecutiveSessions: z.string().trim(),
  minTrials: z.string().trim(),
};

/**
 * Skill programs need a mastery criterion; for behavior programs it is optional, but all three numbers or none.
 */
function checkCriterion(values: Record<CriterionField, string> & { kind: string }, ctx: z.RefinementCtx) {
  const filled = CRITERION_FIELDS.filter((field) => values[field] !== '');
  if (values.kind === 'behavior' && filled.length === 0) return;
  for (const field of CRITERION_FIELDS) {
    const { min, max, label } = CRITERION_LIMITS[field];
    const number = Number(values[field]);
    if (values[field] === '' || !Number.isInteger(number) || number < min || number > max) {
      ctx.addIssue({ code: 'custom', path: [field], message: `Enter ${label}` });
    }
  }
}

const baseFields = {
  name: z.string().trim().min(1, 'Enter a name for the program').max(200, 'Use at most 200 characters'),
  domain: z.enum(DOMAINS, { message: 'Choose a domain' }),
  objective: z.string().trim().max(2000, 'Use at most 2000 characters'),
  ...criterionFields,
};

export const targetDraftSchema = z.object({
  name: z.string().trim().min(1, 'Enter what is taught').max(200, 'Use at most 200 characters'),
  definition: z.string().trim().max(2000, 'Use at most 2000 characters'),
});

export const createProgramSchema = z
  .object({
    ...baseFields,
    kind: z.enum(PROGRAM_KINDS),
    measurement: z.enum(['percent_correct', 'task_analysis', 'frequency', 'rate', 'duration']),
    targets: z.array(targetDraftSchema),
  })
  .superRefine(checkCriterion);

export const editProgramSchema = z
  .object({ ...baseFields, kind: z.enum(PROGRAM_KINDS), status: z.enum(['active', 'on_hold']) })
  .superRefine(checkCriterion);

export type CreateProgramForm = z.infer<typeof createProgramSchema>;
export type EditProgramForm = z.infer<typeof editProgramSchema>;
export type TargetDraft = z.infer<typeof targetDraftSchema>;

export const EMPTY_PROGRAM_FORM: CreateProgramForm = {
  name: '',
  domain: 'communication',
  objective: '',
  kind: 'skill',
  measurement: 'percent_correct' satisfies Measurement,
  percent: '80',
  consecutiveSessions: '3',
  minTrials: '10',
  targets: [{ name: '', definition: '' }],
};

function toCriterion(values: Record<CriterionField, string>): MasteryCriterion | undefined {
  if (values.percent === '') return undefined;
  return {
    percent: Number(values.percent),
    consecutiveSessions: Number(values.consecutiveSessions),
    minTrials: Number(values.minTrials),
  };
}

export function toCreateProgramRequest(childId: string, values: CreateProgramForm): CreateProgramRequest {
  return {
    childId,
    name: values.name,
    domain: values.domain,
    objective: values.objective || undefined,
    kind: values.kind,
    measurement: values.measurement,
    masteryCriterion: toCriterion(values),
    targets: values.targets.map((target) => ({ name: target.name, definition: target.definition || undefined })),
  };
}

export function toEditProgramForm(program: Program): EditProgramForm {
  const criterion = program.masteryCriterion;
  return {
    name: program.name,
    domain: program.domain,
    objective: program.objective ?? '',
    kind: program.kind,
    percent: criterion ? String(criterion.percent) : '',
    consecutiveSessions: criterion ? String(criterion.consecutiveSessions) : '',
    minTrials: criterion ? String(criterion.minTrials) : '',
    status: program.status === 'on_hold' ? 'on_hold' : 'active',
  };
}

export function toUpdateProgramRequest(values: EditProgramForm): UpdateProgramRequest {
  return {
    name: values.name,
    domain: values.domain,
    objective: values.objective.trim(),
    masteryCriterion: toCriterion(values) ?? undefined,
    status: values.status,
  };
}

/** "80% correct over 3 consecutive sessions (at least 10 trials)". */
export function describeCriterion(criterion: MasteryCriterion | null): string {
  if (!criterion) return 'None';
  return `${criterion.percent}% over ${criterion.consecutiveSessions} consecutive ${
    criterion.consecutiveSessions === 1 ? 'session' : 'sessions'
  } (at least ${criterion.minTrials} ${criterion.minTrials === 1 ? 'trial' : 'trials'})`;
}

/** Form fields a server error pointer ("/name") can land on, per form. */
/**
 * Where a server error's path lands in a program form showing `shown`: "masteryCriterion.percent" → `percent`,
 * "targets.0.name" → that row's box; undefined for a field the form does not show.
 */
function programFormField<F extends string>(shown: readonly F[], targets: boolean): (path: string) => F | undefined {
  return (path) => {
    if (targets && /^targets\.\d+\.(name|definition)$/.test(path)) return path as F;
    const field = path.startsWith('masteryCriterion.') ? path.slice('masteryCriterion.'.length) : path;
    return shown.find((name) => name === field);
  };
}

export const CREATE_PROGRAM_FIELDS = programFormField(
  ['name', 'domain', 'objective', 'measurement', ...CRITERION_FIELDS] as const,
  true,
);
export const EDIT_PROGRAM_FIELDS = programFormField(
  ['name', 'domain', 'objective', 'status', ...CRITERION_FIELDS] as const,
  false,
);
