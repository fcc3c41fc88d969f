import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { isValidDay, toDay } from '../../../lib/dates';
import { useChildProgress, type TargetProgress } from '../api/get-child-progress';
import { useSessionPrograms } from '../api/list-session-programs';
import { ProgressGraph } from './progress-graph';

const DEFAULT_WEEKS = 8;

function weeksAgo(weeks: number, today = new Date()): string {
  const date = new Date(today);
  date.setDate(date.getDate() - weeks * 7);
  return toDay(date);
}

/** Graphs of each target's data over a date range (default: the last 8 weeks), optionally for one program. */
export function ProgressScreen({ childId }: { childId: string }) {
  const [from, setFrom] = useState(() => weeksAgo(DEFAULT_WEEKS));
  const [to, setTo] = useState(() => toDay(new Date()));
  const [programId, setProgramId] = useState('');
  const programs = useSessionPrograms(childId);
  const rangeError =
    !isValidDay(from) || !isValidDay(to) ? 'Enter both dates' : from > to ? 'The start must be before the end' : '';
  const progress = useChildProgress(childId, { from, to, programId: programId || undefined }, !rangeError);

  const groups = new Map<string, { name: string; targets: TargetProgress[] }>();
  for (const target of progress.data?.targets ?? []) {
    const group = groups.get(target.programId) ?? { name: target.programName, targets: [] };
    group.targets.push(target);
    groups.set(target.programId, group);
  }

  return (
    <>
      <div className="filters progress-filters" role="search" aria-label="Choose what to graph">
        <TextField label="From" type="date" value={from} max={to} onChange={(event) => setFrom(event.target.value)} />
        <TextField
          label="To"
          type="date"
          value={to}
          min={from}
          error={rangeError || undefined}
          onChange={(event) => setTo(event.target.value)}
        />
        <SelectField
          label="Program"
          placeholder="All programs"
          options={(programs.data?.content ?? []).map((program) => ({ value: program.id, label: program.name }))}
          value={programId}
          onChange={(event) => setProgramId(event.target.value)}
        />
      </div>

      {rangeError ? null : progress.isPending ? (
        <p className="muted" role="status">
          Loading progress…
        </p>
      ) : progress.isError ? (
        <Alert>{errorMessage(progress.error)}</Alert>
      ) : groups.size === 0 ? (
        <p className="empty-state" role="status">
          No data in this period.
        </p>
      ) : (
        <div className="stack-sections stack-wide">
          {[...groups.entries()].map(([id, group]) => (
            <section key={id} className="panel" aria-label={group.name}>
              <h2 className="section-title">{group.name}</h2>
              <div className="graph-list">
                {group.targets.map((target) => (
                  <ProgressGraph key={target.targetId} target={target} />
                ))}
              </div>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
