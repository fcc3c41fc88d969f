import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Pagination } from '../../../components/ui/pagination';
import { SelectField } from '../../../components/ui/select-field';
import { Table } from '../../../components/ui/table';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { ROLE_LABELS } from '../../../lib/api-types';
import { formatDateTime, isValidDay } from '../../../lib/dates';
import { useAuditEvents, type AuditEvent, type AuditKind, type AuditOutcome } from '../api/list-audit-events';
import { useVerifyAuditLog } from '../api/verify-audit-log';

const PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const OUTCOME_BADGES: Record<AuditOutcome, { tone: 'success' | 'neutral' | 'muted'; label: string }> = {
  success: { tone: 'success', label: 'Success' },
  denied: { tone: 'neutral', label: 'Denied' },
  not_found: { tone: 'muted', label: 'Not found' },
};

/** Actions in words; anything the server adds later shows as it is stored. */
const ACTION_LABELS: Record<string, string> = {
  read: 'Read',
  list: 'Listed',
  search: 'Searched',
  create: 'Created',
  update: 'Changed',
  archive: 'Archived',
  sign_in: 'Signed in',
  sign_in_failed: 'Sign-in failed',
  locked_out: 'Locked out',
  logout: 'Signed out',
  refresh_reuse: 'Copied sign-in token replayed',
  password_changed: 'Password changed',
  password_reset_requested: 'Password reset requested',
  password_reset: 'Password reset',
  role_changed: 'Role changed',
  credential_changed: 'Credential changed',
  deactivated: 'Account deactivated',
  reactivated: 'Account reactivated',
  audit_read: 'Read the audit log',
  second_factor_enabled: 'Two-step sign-in turned on',
  second_factor_disabled: 'Two-step sign-in turned off',
  second_factor_reset_by_admin: 'Second factor reset by an admin',
  second_factor_failed: 'Wrong sign-in code',
  recovery_code_used: 'Recovery code used',
  recovery_codes_regenerated: 'New recovery codes',
  security_setting_changed: 'Security setting changed',
};

const ACCOUNT_EVENTS = [
  'sign_in',
  'sign_in_failed',
  'locked_out',
  'logout',
  'refresh_reuse',
  'password_changed',
  'password_reset_requested',
  'password_reset',
  'role_changed',
  'credential_changed',
  'deactivated',
  'reactivated',
  'audit_read',
  'second_factor_enabled',
  'second_factor_disabled',
  'second_factor_reset_by_admin',
  'second_factor_failed',
  'recovery_code_used',
  'recovery_codes_regenerated',
  'security_setting_changed',
] as const;

/** The event filter: a kind of entry, or one account event. */
const EVENT_OPTIONS = [
  { value: 'kind:account', label: 'All account events' },
  { value: 'kind:phi', label: 'All record access' },
  ...ACCOUNT_EVENTS.map((action) => ({ value: `action:${action}`, label: ACTION_LABELS[action] ?? action })),
];

function eventFilter(event: string): { kind?: AuditKind; action?: string } {
  if (event.startsWith('kind:')) return { kind: event.slice(5) as AuditKind };
  if (event.startsWith('action:')) return { action: event.slice(7) };
  return {};
}

function resourceLabel(entry: AuditEvent) {
  if (entry.resourceType === 'account') return entry.subjectName ?? (entry.resourceId ? 'Account' : 'No account');
  if (entry.resourceType === 'audit_log') return 'Audit log';
  return entry.resourceType;
}

const optionalId = (message: string) =>
  z
    .string()
    .trim()
    .refine((value) => !value || UUID.test(value), message);
const optionalDay = z.string().refine((value) => !value || isValidDay(value), 'Enter a real date');

const filtersSchema = z
  .object({
    childId: optionalId('Enter a child ID (a UUID)'),
    userId: optionalId('Enter a user ID (a UUID)'),
    from: optionalDay,
    to: optionalDay,
    event: z.string(),
  })
  .refine(({ from, to }) => !(from && to && isValidDay(from) && isValidDay(to) && from > to), {
    path: ['to'],
    message: 'The end date must not be before the start date',
  });

type Filters = z.infer<typeof filtersSchema>;

const NO_FILTERS: Filters = { childId: '', userId: '', from: '', to: '', event: '' };

/** Start of the local day `from`, and the end of the local day `to`, as instants. */
function toRange(filters: Filters) {
  return {
    from: filters.from ? new Date(`${filters.from}T00:00:00`).toISOString() : undefined,
    to: filters.to ? new Date(`${filters.to}T23:59:59.999`).toISOString() : undefined,
  };
}

/** The admin's view of the PHI access log, with a check of its integrity. */
export function AuditScreen() {
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<Filters>({ resolver: zodResolver(filtersSchema), defaultValues: NO_FILTERS });
  const [page, setPage] = useState(0);
  const events = useAuditEvents({
    childId: applied.childId || undefined,
    userId: applied.userId || undefined,
    ...toRange(applied),
    ...eventFilter(applied.event),
    page,
    size: PAGE_SIZE,
  });
  const verify = useVerifyAuditLog();

  const apply = handleSubmit((filters) => {
    setApplied(filters);
    setPage(0);
  });

  return (
    <>
      <section className="panel verify-panel" aria-labelledby="verify-heading">
        <div>
          <h2 id="verify-heading" className="section-title">
            Integrity
          </h2>
          <p className="muted">
            Each entry is chained to the one before it under a key kept outside the database, and signed checkpoints are
            written outside it too: a check finds any entry altered, removed or recomputed.
          </p>
        </div>
        <Button variant="secondary" pending={verify.isPending} onClick={() => verify.mutate()}>
          Verify integrity
        </Button>
        <div aria-live="polite" className="verify-result">
          {verify.isSuccess &&
            (verify.data.valid ? (
              <Alert tone="success">
                The audit log is intact: {verify.data.checked} entries checked against {verify.data.checkpoints} signed{' '}
                {verify.data.checkpoints === 1 ? 'checkpoint' : 'checkpoints'}.
                {verify.data.unsealed > 0 &&
                  ` ${verify.data.unsealed} newer ${verify.data.unsealed === 1 ? 'entry is' : 'entries are'} not sealed into the chain yet; they are checked from the next time.`}
              </Alert>
            ) : (
              <Alert title="The audit log has been altered">
                {verify.data.checked} entries checked. {verify.data.problem}
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
          error={errors.childId?.message}
          {...register('childId')}
        />
        <TextField
          label="User ID"
          autoComplete="off"
          spellCheck={false}
          error={errors.userId?.message}
          {...register('userId')}
        />
        <TextField label="From" type="date" error={errors.from?.message} {...register('from')} />
        <TextField label="To" type="date" error={errors.to?.message} {...register('to')} />
        <SelectField label="Event" placeholder="Any event" options={EVENT_OPTIONS} {...register('event')} />
        <div className="audit-filter-actions">
          <Button type="submit">Apply filters</Button>
          <Button
            variant="ghost"
            onClick={() => {
              reset(NO_FILTERS);
              setApplied(NO_FILTERS);
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
                    <td data-label="Action">
                      <span className="cell-name">{ACTION_LABELS[entry.action] ?? entry.action}</span>
                      {entry.detail && <span className="cell-email">{entry.detail}</span>}
                    </td>
                    <td data-label="Resource">
                      <span className="cell-name">{resourceLabel(entry)}</span>
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
