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
      <tbody>
        {tallies.map((tally) => (
          <tr key={tally.targetId}>
            <th scope="row">{tally.name}</th>
            <td>{tally.trials}</td>
            <td>{tally.correct}</td>
            <td>{show(tally.percentCorrect)}</td>
            <td>{show(tally.percentIndependent)}</td>
            <td>{tally.steps}</td>
            <td>{tally.count}</td>
            <td>{tally.durationSeconds ? formatSeconds(tally.durationSeconds) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
