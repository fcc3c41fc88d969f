import type { SessionProgram } from '../api/list-session-programs';
import type { Phase } from '../api/session-types';
import type { DraftTarget } from './outbox-db';

/** Phases in which a target is taught, and so recorded, by default. */
export const RUNNING_PHASES: readonly Phase[] = ['baseline', 'intervention', 'maintenance'];

/** The targets of the child's active programs, in program and target order, as a session records them. */
export function toDraftTargets(programs: readonly SessionProgram[]): DraftTarget[] {
  return programs
    .filter((program) => program.status === 'active')
    .flatMap((program) =>
      [...program.targets]
        .sort((a, b) => a.position - b.position)
        .map((target) => ({
          targetId: target.id,
          programId: program.id,
          programName: program.name,
          programKind: program.kind,
          name: target.name,
          measurement: program.measurement,
          phase: target.phase,
        })),
    );
}

/** The targets to show: running ones, and mastered ones too when asked (for probes). */
export function visibleTargets(targets: readonly DraftTarget[], showMastered: boolean): DraftTarget[] {
  return targets.filter(
    (target) => RUNNING_PHASES.includes(target.phase) || (showMastered && target.phase === 'mastered'),
  );
}

/** Targets grouped by program, keeping order. */
export function groupByProgram(
  targets: readonly DraftTarget[],
): { programId: string; name: string; targets: DraftTarget[] }[] {
  const groups = new Map<string, { programId: string; name: string; targets: DraftTarget[] }>();
  for (const target of targets) {
    const group = groups.get(target.programId) ?? {
      programId: target.programId,
      name: target.programName,
      targets: [],
    };
    group.targets.push(target);
    groups.set(target.programId, group);
  }
  return [...groups.values()];
}
