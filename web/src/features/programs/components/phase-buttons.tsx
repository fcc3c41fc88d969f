import { Button } from '../../../components/ui/button';
import { NEXT_PHASES, PHASE_LABELS, type Phase, type Target } from '../api/program-types';

/** One button per phase the target may move to next; none once it is discontinued. */
export function PhaseButtons({
  target,
  pending,
  onMove,
}: {
  target: Target;
  pending: boolean;
  onMove: (phase: Phase) => void;
}) {
  const next = NEXT_PHASES[target.phase];
  if (next.length === 0) return null;
  return (
    <div className="phase-buttons" role="group" aria-label={`Move ${target.name} to another phase`}>
      <span className="phase-label" aria-hidden="true">
        Move to
      </span>
      {next.map((phase) => (
        <Button key={phase} variant="secondary" size="sm" disabled={pending} onClick={() => onMove(phase)}>
          <span className="visually-hidden">Move {target.name} to</span> {PHASE_LABELS[phase]}
        </Button>
      ))}
    </div>
  );
}
