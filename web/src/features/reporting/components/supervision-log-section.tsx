import { useId, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Table } from '../../../components/ui/table';
import type { User } from '../../../lib/api-types';
import { errorMessage } from '../../../lib/api-error';
import { useAuth } from '../../../lib/auth';
import { formatDay } from '../../../lib/dates';
import { minutesAsHours } from '../api/oversight-reports';
import { periodLabel, type ReportPeriod } from '../api/report-period';
import { useSupervisionContacts, useSupervisionPeople } from '../api/supervision-contacts';
import { SupervisionLogDialog } from './supervision-log-dialog';

/** A BCBA or BCaBA therapist: they log and list their own supervision contacts. */
export function isSupervisingTherapist(user: User | null): boolean {
  return user?.role === 'therapist' && (user.credential === 'BCBA' || user.credential === 'BCaBA');
}

const KIND_LABELS: Record<string, string> = { individual: 'Individual', group: 'Group' };

/**
 * The supervision log (ADR 0035) for the period: the contacts logged (an admin sees everyone's, a supervisor their
 * own) and the "Log supervision" button. Nothing for anyone else.
 */
export function SupervisionLogSection({ period }: { period: ReportPeriod }) {
  const { user } = useAuth();
  const isAdmin = user?.role === 'admin';
  if (!isAdmin && !isSupervisingTherapist(user)) return null;
  return <SupervisionLog period={period} isAdmin={isAdmin} />;
}

function SupervisionLog({ period, isAdmin }: { period: ReportPeriod; isAdmin: boolean }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [logged, setLogged] = useState<string | null>(null);
  const contacts = useSupervisionContacts(period);
  const people = useSupervisionPeople(isAdmin);
  const names = new Map((people.data?.technicians ?? []).map((person) => [person.id, person.name]));
  const rows = contacts.data?.content ?? [];
  const total = rows.reduce((sum, row) => sum + row.minutes, 0);
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
          {periodLabel(period)}. They count towards each technician&apos;s monthly requirement.
        </p>
      </div>
      <p className="notice-region" role="status">
        {logged && `Supervision on ${formatDay(logged)} logged.`}
      </p>
      {contacts.error ? (
        <Alert>{errorMessage(contacts.error)}</Alert>
      ) : contacts.isPending ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : rows.length === 0 ? (
        <p className="muted">No supervision contacts logged in this period.</p>
      ) : (
        <Table caption={`Supervision contacts (${rows.length}, ${minutesAsHours(total)})`}>
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
                <th scope="row">{formatDay(row.heldOn)}</th>
                <td>{row.minutes}</td>
                <td>{KIND_LABELS[row.kind] ?? row.kind}</td>
                <td>{row.withChild ? 'Yes' : 'No'}</td>
                <td>{row.technicianIds.map((technician) => names.get(technician) ?? 'Unknown technician').join(', ')}</td>
                <td>{row.supervisorName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <SupervisionLogDialog
        open={open}
        onClose={() => setOpen(false)}
        isAdmin={isAdmin}
        onLogged={(heldOn) => setLogged(heldOn)}
      />
    </section>
  );
}
