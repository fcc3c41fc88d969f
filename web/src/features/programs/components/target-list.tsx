import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/dates';
import { PHASE_LABELS, type Phase, type PhaseChange, type Program, type Target } from '../api/program-types';
import { useReorderTargets } from '../api/reorder-targets';
import { useUpdateTarget } from '../api/update-target';
import { PhaseBadge } from './phase-badge';
import { PhaseButtons } from './phase-buttons';

type Direction = 'up' | 'down';

function moveButtonId(targetId: string, direction: Direction) {
  return `move-${direction}-${targetId}`;
}

/**
 * The program's targets in teaching order. With `canEdit`, each has a button per allowed next phase and
 * up/down buttons; without it, the list is read-only and shows no controls at all.
 */
export function TargetList({ program, canEdit }: { program: Program; canEdit: boolean }) {
  const updateTarget = useUpdateTarget(program.id);
  const reorder = useReorderTargets(program.id);
  const [announcement, setAnnouncement] = useState('');
  const focusAfterMove = useRef<{ id: string; direction: Direction } | null>(null);
  const targets = program.targets;

  // Moving a row re-inserts its DOM nodes, which drops focus: put it back on the moved target's button.
  useEffect(() => {
    if (!focusAfterMove.current) return;
    const { id, direction } = focusAfterMove.current;
    focusAfterMove.current = null;
    const same = document.getElementById(moveButtonId(id, direction)) as HTMLButtonElement | null;
    const other = document.getElementById(moveButtonId(id, direction === 'up' ? 'down' : 'up'));
    (same && !same.disabled ? same : other)?.focus();
  }, [targets]);

  function move(target: Target, direction: Direction) {
    const from = targets.findIndex((t) => t.id === target.id);
    const to = direction === 'up' ? from - 1 : from + 1;
    // Buttons stay enabled while a move is saved (disabling them would drop focus); extra clicks wait.
    if (reorder.isPending || from < 0 || to < 0 || to >= targets.length) return;
    const ids = targets.map((t) => t.id);
    [ids[from], ids[to]] = [ids[to], ids[from]];
    focusAfterMove.current = { id: target.id, direction };
    setAnnouncement(`${target.name} moved to position ${to + 1} of ${targets.length}.`);
    reorder.mutate(ids, { onError: () => setAnnouncement('') });
  }

  function changePhase(target: Target, phase: Phase) {
    updateTarget.mutate(
      { targetId: target.id, changes: { phase } },
      { onSuccess: (saved) => setAnnouncement(`${saved.name} is now in ${PHASE_LABELS[saved.phase].toLowerCase()}.`) },
    );
  }

  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {updateTarget.isError && <Alert>{errorMessage(updateTarget.error)}</Alert>}
      {reorder.isError && <Alert>{errorMessage(reorder.error)}</Alert>}
      {targets.length === 0 ? (
        <p className="muted">No targets yet.</p>
      ) : (
        <ol className="target-list" aria-label="Targets">
          {targets.map((target, index) => (
            <li key={target.id} className="target">
              <div className="target-main">
                <div className="target-heading">
                  <h3 className="target-name">{target.name}</h3>
                  <PhaseBadge phase={target.phase} />
                </div>
                {target.definition && <p className="target-text">{target.definition}</p>}
                {target.notes && <p className="target-text muted">{target.notes}</p>}
                {target.phaseChanges.length > 0 && <PhaseHistory target={target} />}
              </div>
              {canEdit && (
                <div className="target-controls">
                  <PhaseButtons
                    target={target}
                    pending={updateTarget.isPending && updateTarget.variables?.targetId === target.id}
                    onMove={(phase) => changePhase(target, phase)}
                  />
                  <div className="order-buttons" role="group" aria-label={`Order of ${target.name}`}>
                    <button
                      type="button"
                      id={moveButtonId(target.id, 'up')}
                      className="btn btn-ghost btn-sm"
                      disabled={index === 0}
                      onClick={() => move(target, 'up')}
                    >
                      <span aria-hidden="true">↑</span>
                      <span className="visually-hidden">Move {target.name} up</span>
                    </button>
                    <button
                      type="button"
                      id={moveButtonId(target.id, 'down')}
                      className="btn btn-ghost btn-sm"
                      disabled={index === targets.length - 1}
                      onClick={() => move(target, 'down')}
                    >
                      <span aria-hidden="true">↓</span>
                      <span className="visually-hidden">Move {target.name} down</span>
                    </button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/**
 * Who moved the target: a person, or the system — mastery evaluation marks a target mastered when its criterion is
 * met, and auto-advance then moves the next target from baseline into intervention.
 */
function changedBy(change: PhaseChange): string {
  if (change.by) return change.by.name;
  if (change.phase === 'mastered') return 'automatically (mastery criterion met)';
  if (change.phase === 'intervention') return 'automatically (previous target mastered)';
  return 'automatically';
}

function PhaseHistory({ target }: { target: Target }) {
  return (
    <details className="phase-history">
      <summary>Phase history</summary>
      <ol className="plain-list">
        {[...target.phaseChanges].reverse().map((change, index) => (
          <li key={`${change.at}-${index}`}>
            {PHASE_LABELS[change.phase]} · <time dateTime={change.at}>{formatDateTime(change.at)}</time> ·{' '}
            {changedBy(change)}
          </li>
        ))}
      </ol>
    </details>
  );
}
