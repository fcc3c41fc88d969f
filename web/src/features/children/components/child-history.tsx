import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Pagination } from '../../../components/ui/pagination';
import { Table } from '../../../components/ui/table';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/dates';
import { useChildHistory, type HistoryAction, type HistoryEntity, type HistoryEntry } from '../api/get-child-history';

const PAGE_SIZE = 25;

const ENTITY_LABELS: Record<HistoryEntity, string> = {
  child: 'Child record',
  guardian: 'Guardian',
  careTeam: 'Care team',
  program: 'Program',
  target: 'Target',
  authorization: 'Insurance authorization',
  coverage: 'Insurance coverage',
  invoice: 'Invoice',
  payment: 'Payment',
  ledger_entry: 'Account entry',
  appointment: 'Appointment',
};

const ACTION_LABELS: Record<HistoryAction, string> = {
  created: 'created',
  updated: 'updated',
  archived: 'archived',
  added: 'added',
  removed: 'removed',
  phase_changed: 'phase changed',
  deleted: 'deleted',
  issued: 'issued',
  voided: 'voided',
  credit_note_issued: 'credited (credit note issued)',
  recorded: 'recorded',
  refunded: 'refunded',
  charge_posted: 'posted (charge)',
  family_share_posted: 'posted (family’s share)',
  reversed: 'reversed',
  written_off: 'posted (write-off)',
  adjusted: 'posted (adjustment)',
  checked_in_early: 'checked in before its time',
  completed_early: 'completed before its time',
  no_show_early: 'marked no-show before its time',
};

/** Every change to the child's record, newest first: who, when, what, from → to. */
export function ChildHistory({ childId }: { childId: string }) {
  const [page, setPage] = useState(0);
  const history = useChildHistory(childId, { page, size: PAGE_SIZE });

  if (history.isPending) {
    return (
      <p className="muted" role="status">
        Loading history…
      </p>
    );
  }
  if (history.isError) return <Alert>{errorMessage(history.error)}</Alert>;
  if (history.data.content.length === 0) return <p className="empty-state">No changes recorded yet.</p>;

  return (
    <>
      <Table caption="Changes to this child’s record" captionHidden>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody className="table-stack">
          {history.data.content.map((entry) => (
            <tr key={entry.id}>
              <td data-label="When" className="cell-nowrap">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </td>
              <td data-label="Who">{entry.by ? entry.by.name : 'SPARKTherapy (automatic)'}</td>
              <td data-label="What">
                {ENTITY_LABELS[entry.entity] ?? entry.entity} {ACTION_LABELS[entry.action] ?? entry.action}
              </td>
              <td data-label="Changes">
                <Changes entry={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination
        label="Pages of history"
        page={page}
        totalPages={history.data.page.totalPages}
        totalElements={history.data.page.totalElements}
        noun="changes"
        busy={history.isFetching}
        onPageChange={setPage}
      />
    </>
  );
}

function Changes({ entry }: { entry: HistoryEntry }) {
  if (entry.changes.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="plain-list">
      {entry.changes.map((change) =>
        change.from === null && change.to === null ? (
          // a value the history keeps to itself (e.g. an insurance member id): only that it changed
          <li key={change.field}>
            <span className="change-field">{change.field}</span>: changed
          </li>
        ) : (
          <li key={change.field}>
            <span className="change-field">{change.field}</span>: {show(change.from)} <span aria-hidden="true">→</span>
            <span className="visually-hidden">to</span> {show(change.to)}
          </li>
        ),
      )}
    </ul>
  );
}

/** A changed value as text; structured values (contacts, insurance) as compact JSON. */
function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
