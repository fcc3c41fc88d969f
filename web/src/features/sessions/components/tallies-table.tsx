import { Table } from '../../../components/ui/table';
import type { Tally } from '../api/session-types';
import { formatSeconds } from '../offline/tallies';

function show(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}

/** The server's per-target tallies of one session. */
export function TalliesTable({ tallies }: { tallies: Tally[] }) {
  if (tallies.length === 0) return <p className="empty-state">No data was recorded for any target.</p>;
  return (
    <Table caption="Tallies by target">
      <thead>
        <tr>
          <th scope="col">Target</th>
          <th scope="col">Trials</th>
          <th scope="col">Correct</th>
          <th scope="col">% correct</th>
          <th scope="col">% independent</th>
          <th scope="col">Steps</th>
          <th scope="col">Count</th>
          <th scope="col">Duration</th>
        </tr>
      </thead>
      <tbody className="table-stack table-stack-pairs">
        {tallies.map((tally) => (
          <tr key={tally.targetId}>
            <th scope="row">{tally.name}</th>
            <td data-label="Trials">{tally.trials}</td>
            <td data-label="Correct">{tally.correct}</td>
            <td data-label="% correct">{show(tally.percentCorrect)}</td>
            <td data-label="% independent">{show(tally.percentIndependent)}</td>
            <td data-label="Steps">{tally.steps}</td>
            <td data-label="Count">{tally.count}</td>
            <td data-label="Duration">{tally.durationSeconds ? formatSeconds(tally.durationSeconds) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
