import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Pagination } from '../../../components/ui/pagination';
import { Table } from '../../../components/ui/table';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { ROLE_LABELS } from '../../../lib/api-types';
import { formatDateTime, isValidDay } from '../../../lib/dates';
import { useAuditEvents, type AuditOutcome } from '../api/list-audit-events';
import { useVerifyAuditLog } from '../api/verify-audit-log';

const PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const OUTCOME_BADGES: Record<AuditOutcome, { tone: 'success' | 'neutral' | 'muted'; label: string }> = {
  success: { tone: 'success', label: 'Success' },
  denied: { tone: 'neutral', label: 'Denied' },
  not_found: { tone: 'muted', label: 'Not found' },
};

interface Filters {
  childId: string;
  userId: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { childId: '', userId: '', from: '', to: '' };

/** Start of the local day `from`, and the end of the local day `to`, as instants. */
function toRange(filters: Filters) {
  return {
    from: filters.from ? new Date(`${filters.from}T00:00:00`).toISOString() : undefined,
    to: filters.to ? new Date(`${filters.to}T23:59:59.999`).toISOString() : undefined,
  };
}

function validate(filters: Filters): Partial<Filters> {
  const errors: Partial<Filters> = {};
  if (filters.childId && !UUID.test(filters.childId)) errors.childId = 'Enter a child ID (a UUID)';
  if (filters.userId && !UUID.test(filters.userId)) errors.userId = 'Enter a user ID (a UUID)';
  if (filters.from && !isValidDay(filters.from)) errors.from = 'Enter a real date';
  if (filters.to && !isValidDay(filters.to)) errors.to = 'Enter a real date';
  if (!errors.from && !errors.to && filters.from && filters.to && filters.from > filters.to) {
    errors.to = 'The end date must not be before the start date';
  }
  return errors;
}

/** The admin's view of the PHI access log, with a check of its integrity. */
export function AuditScreen() {
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [errors, setErrors] = useState<Partial<Filters>>({});
  const [page, setPage] = useState(0);
  const events = useAuditEvents({
    childId: applied.childId || undefined,
    userId: applied.userId || undefined,
    ...toRange(applied),
    page,
    size: PAGE_SIZE,
  });
  const verify = useVerifyAuditLog();

  function apply(event: FormEvent) {
    event.preventDefault();
    const trimmed = {
      childId: draft.childId.trim(),
      userId: draft.userId.trim(),
      from: draft.from,
      to: draft.to,
    };
    const found = validate(trimmed);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setApplied(trimmed);
    setPage(0);
  }

  const set = (field: keyof Filters) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: event.target.value });

  return (
    <>
      <section className="panel verify-panel" aria-labelledby="verify-heading">
        <div>
          <h2 id="verify-heading" className="section-title">
            Integrity
          </h2>
          <p className="muted">Each entry is chained to the one before it; a check finds any entry that was altered.</p>
        </div>
        <Button variant="secondary" pending={verify.isPending} onClick={() => verify.mutate()}>
          Verify integrity
        </Button>
        <div aria-live="polite" className="verify-result">
          {verify.isSuccess &&
            (verify.data.valid ? (
              <Alert tone="success">The audit log is intact: {verify.data.checked} entries checked.</Alert>
            ) : (
              <Alert title="The audit log has been altered">
                {verify.data.checked} entries checked; the first altered one is{' '}
                {verify.data.firstInvalidId ?? 'unknown'}.
              </Alert>
            ))}
          {verify.isError && <Alert>{errorMessage(verify.error)}</Alert>}
        </div>
      </section>

      <form className="audit-filters" role="search" aria-label="Filter the audit log" onSubmit={apply} noValidate>
        <TextField
          label="Child ID"
          autoComplete="off"
          spellCheck={false}
          value={draft.childId}
          error={errors.childId}
          onChange={set('childId')}
        />
        <TextField
          label="User ID"
          autoComplete="off"
          spellCheck={false}
          value={draft.userId}
          error={errors.userId}
          onChange={set('userId')}
        />
        <TextField label="From" type="date" value={draft.from} error={errors.from} onChange={set('from')} />
        <TextField label="To" type="date" value={draft.to} error={errors.to} onChange={set('to')} />
        <div className="audit-filter-actions">
          <Button type="submit">Apply filters</Button>
          <Button
            variant="ghost"
            onClick={() => {
              setDraft(NO_FILTERS);
              setApplied(NO_FILTERS);
              setErrors({});
              setPage(0);
            }}
          >
            Clear
          </Button>
        </div>
      </form>

      {events.isPending ? (
        <p className="muted" role="status">
          Loading the audit log…
        </p>
      ) : events.isError ? (
        <Alert>{errorMessage(events.error)}</Alert>
      ) : events.data.content.length === 0 ? (
        <p className="empty-state" role="status">
          No entries match these filters.
        </p>
      ) : (
        <>
          <Table caption="Audit log entries" captionHidden>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Resource</th>
                <th scope="col">Request</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody className="table-stack">
              {events.data.content.map((entry) => {
                const outcome = OUTCOME_BADGES[entry.outcome] ?? { tone: 'neutral', label: entry.outcome };
                return (
                  <tr key={entry.id}>
                    <td data-label="When" className="cell-nowrap">
                      <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                    </td>
                    <td data-label="Who">
                      <span className="cell-name">{entry.userName ?? 'Anonymous'}</span>
                      {entry.role && <span className="cell-email">{ROLE_LABELS[entry.role] ?? entry.role}</span>}
                    </td>
                    <td data-label="Action">{entry.action}</td>
                    <td data-label="Resource">
                      <span className="cell-name">{entry.resourceType}</span>
                      {entry.resourceId && <code className="cell-id">{entry.resourceId}</code>}
                    </td>
                    <td data-label="Request">
                      <code className="cell-id">{entry.endpoint}</code>
                      {entry.address && <span className="cell-email">{entry.address}</span>}
                    </td>
                    <td data-label="Outcome">
                      <Badge tone={outcome.tone}>{outcome.label}</Badge>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          <Pagination
            label="Pages of the audit log"
            page={page}
            totalPages={events.data.page.totalPages}
            totalElements={events.data.page.totalElements}
            noun="entries"
            busy={events.isFetching}
            onPageChange={setPage}
          />
        </>
      )}
    </>
  );
}
