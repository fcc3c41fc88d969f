import { Link, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Table } from '../../../components/ui/table';
import { errorMessage } from '../../../lib/api-error';
import { useReportAppointments, type ReportAppointmentStatus } from '../api/report-appointments';
import { useDocumentationSessions, type DocumentationIssue } from '../api/report-documentation';
import { formatHours } from '../api/report-format';
import { periodLabel, periodQuery } from '../api/report-period';
import { ReportPeriodPicker, useReportPeriod } from './report-period-picker';
import { ReportCsvButton } from './report-section';

const STATUS_LABELS: Record<ReportAppointmentStatus, string> = {
  scheduled: 'Scheduled',
  checked_in: 'Checked in',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

const ISSUES: DocumentationIssue[] = ['late', 'overdue', 'unsigned'];

function dateTime(value: string | null | undefined): string {
  if (!value) return '—';
  return new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function param<T extends string>(params: URLSearchParams, name: string, allowed?: readonly T[]): T | undefined {
  const value = params.get(name);
  if (!value) return undefined;
  if (allowed && !allowed.includes(value as T)) return undefined;
  return value as T;
}

function BackToDashboard() {
  const period = useReportPeriod();
  return (
    <p>
      <Link to={`/reports${periodQuery(period)}`}>Back to the dashboard</Link>
    </p>
  );
}

/** The appointments a dashboard figure counts: of a child, a therapist and/or one status, in the period. */
export function ReportAppointmentsScreen() {
  const [params] = useSearchParams();
  const period = useReportPeriod();
  const filter = {
    childId: param(params, 'childId'),
    therapistId: param(params, 'therapistId'),
    status: param<ReportAppointmentStatus>(params, 'status', Object.keys(STATUS_LABELS) as ReportAppointmentStatus[]),
  };
  const query = useReportAppointments(period, filter);
  const rows = query.data;
  return (
    <>
      <BackToDashboard />
      <ReportPeriodPicker />
      <div className="section-header">
        <p className="muted">
          {filter.status ? `${STATUS_LABELS[filter.status]} appointments` : 'Appointments'}, {periodLabel(period)}
          {rows ? ` · ${rows.length}` : ''}
        </p>
        <div className="report-downloads">
          <ReportCsvButton
            period={period}
            csv={{ path: '/api/reports/appointments.csv', name: 'appointments', label: 'As CSV' }}
            extra={filter}
          />
        </div>
      </div>
      {query.error ? (
        <Alert>{errorMessage(query.error)}</Alert>
      ) : !rows ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : rows.length === 0 ? (
        <p className="muted">No appointments.</p>
      ) : (
        <Table caption="Appointments" captionHidden>
          <thead>
            <tr>
              <th scope="col">Start</th>
              <th scope="col">Child</th>
              <th scope="col">Therapist</th>
              <th scope="col">Service</th>
              <th scope="col">Status</th>
              <th scope="col" className="cell-number">
                Booked
              </th>
              <th scope="col" className="cell-number">
                Delivered
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.appointmentId}>
                <td>
                  {row.sessionId ? (
                    <Link to={`/sessions/${row.sessionId}`}>{dateTime(row.start)}</Link>
                  ) : (
                    dateTime(row.start)
                  )}
                </td>
                <td>
                  <Link to={`/children/${row.childId}`}>{row.childName}</Link>
                </td>
                <td>{row.therapistName}</td>
                <td>{row.serviceCode}</td>
                <td>
                  {STATUS_LABELS[row.status]}
                  {row.status === 'cancelled' && (
                    <span className="muted">
                      {' '}
                      by {row.cancelledByRole === 'parent' ? 'parent' : 'clinic'}
                      {row.cancelledLate ? ', late' : ''}
                    </span>
                  )}
                </td>
                <td className="cell-number">{formatHours(row.bookedHours)}</td>
                <td className="cell-number">{row.deliveredHours != null ? formatHours(row.deliveredHours) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

const ISSUE_LABELS: Record<DocumentationIssue, string> = {
  late: 'Submitted late',
  overdue: 'Open past 24 hours',
  unsigned: 'Awaiting a guardian',
};

/** The sessions a documentation figure counts: of a therapist and/or one issue, in the period. */
export function ReportSessionsScreen() {
  const [params] = useSearchParams();
  const period = useReportPeriod();
  const filter = { therapistId: param(params, 'therapistId'), issue: param(params, 'issue', ISSUES) };
  const query = useDocumentationSessions(period, filter);
  const rows = query.data;
  return (
    <>
      <BackToDashboard />
      <ReportPeriodPicker />
      <div className="section-header">
        <p className="muted">
          {filter.issue ? ISSUE_LABELS[filter.issue] : 'Sessions with a documentation issue'}, {periodLabel(period)}
          {rows ? ` · ${rows.length}` : ''}
        </p>
        <div className="report-downloads">
          <ReportCsvButton
            period={period}
            csv={{ path: '/api/reports/documentation/sessions.csv', name: 'documentation-sessions', label: 'As CSV' }}
            extra={filter}
          />
        </div>
      </div>
      {query.error ? (
        <Alert>{errorMessage(query.error)}</Alert>
      ) : !rows ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : rows.length === 0 ? (
        <p className="muted">No sessions.</p>
      ) : (
        <Table caption="Sessions" captionHidden>
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Child</th>
              <th scope="col">Therapist</th>
              <th scope="col">Ended</th>
              <th scope="col">Submitted</th>
              <th scope="col">Issue</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.sessionId}>
                <td>
                  <Link to={`/sessions/${row.sessionId}`}>{dateTime(row.startedAt)}</Link>
                </td>
                <td>
                  <Link to={`/children/${row.childId}`}>{row.childName}</Link>
                </td>
                <td>{row.therapistName}</td>
                <td>{dateTime(row.endedAt)}</td>
                <td>
                  {dateTime(row.submittedAt)}
                  {row.hoursToSubmit != null && (
                    <span className="muted"> ({formatHours(row.hoursToSubmit)} after)</span>
                  )}
                </td>
                <td>
                  {[
                    row.submittedLate && ISSUE_LABELS.late,
                    row.openOverdue && ISSUE_LABELS.overdue,
                    row.awaitingGuardian && ISSUE_LABELS.unsigned,
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
