import { useId, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { PagedResults } from '../../../components/ui/paged-results';
import { Table } from '../../../components/ui/table';
import type { User } from '../../../lib/api-types';
import { useAuth } from '../../../lib/auth';
import { formatDay } from '../../../lib/dates';
import { periodLabel, type ReportPeriod } from '../api/report-period';
import { technicianNames, useSupervisionContacts } from '../api/supervision-contacts';
import { SupervisionLogDialog } from './supervision-log-dialog';

/** A BCBA or BCaBA therapist: they log and list their own supervision contacts. */
export function isSupervisingTherapist(user: User | null): boolean {
  return user?.role === 'therapist' && (user.credential === 'BCBA' || user.credential === 'BCaBA');
}

const KIND_LABELS: Record<string, string> = { individual: 'Individual', group: 'Group' };

/**
 * The supervision log (ADR 0035) for the period: the contacts logged (an admin sees everyone's, a supervisor their
 * own), a page at a time and named by the server, and the "Log supervision" button. Nothing for anyone else.
 */
export function SupervisionLogSection({ period }: { period: ReportPeriod }) {
  const { user } = useAuth();
  const isAdmin = user?.role === 'admin';
  if (!isAdmin && !isSupervisingTherapist(user)) return null;
  return <SupervisionLog key={`${period.from}/${period.to}`} period={period} isAdmin={isAdmin} />;
}

function SupervisionLog({ period, isAdmin }: { period: ReportPeriod; isAdmin: boolean }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [logged, setLogged] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const contacts = useSupervisionContacts(period, page);
  return (
    <section className="panel report-section" aria-labelledby={id}>
      <div className="section-header">
        <h2 id={id} className="section-title">
          Supervision log
        </h2>
        <Button size="sm" onClick={() => setOpen(true)}>
          Log supervision
        </Button>
      </div>
      <div className="report-description muted">
        <p>
          {isAdmin ? 'Supervision contacts logged by any supervisor' : 'Your logged supervision contacts'} from{' '}
          {periodLabel(period)}, the latest first. They count towards each technician&apos;s monthly requirement.
        </p>
      </div>
      <p className="notice-region" role="status">
        {logged && `Supervision on ${formatDay(logged)} logged.`}
      </p>
      <PagedResults
        query={contacts}
        noun="supervision contacts"
        empty="No supervision contacts logged in this period."
        page={page}
        onPageChange={setPage}
      >
        {(rows) => (
          <Table
            caption={`Supervision contacts (${contacts.data?.page.totalElements ?? rows.length})`}
            className="report-table"
          >
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Minutes</th>
                <th scope="col">Kind</th>
                <th scope="col">With child</th>
                <th scope="col">Technicians</th>
                <th scope="col">Supervisor</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className="cell-nowrap">
                    {formatDay(row.heldOn)}
                  </th>
                  <td data-label="Minutes">{row.minutes}</td>
                  <td data-label="Kind">{KIND_LABELS[row.kind] ?? row.kind}</td>
                  <td data-label="With child">{row.withChild ? 'Yes' : 'No'}</td>
                  <td data-label="Technicians">{technicianNames(row)}</td>
                  <td data-label="Supervisor">{row.supervisorName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </PagedResults>
      <SupervisionLogDialog
        open={open}
        onClose={() => setOpen(false)}
        isAdmin={isAdmin}
        onLogged={(heldOn) => {
          setLogged(heldOn);
          setPage(0);
        }}
      />
    </section>
  );
}
