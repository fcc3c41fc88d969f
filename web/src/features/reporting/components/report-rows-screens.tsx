import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PagedResults, type PagedQuery } from '../../../components/ui/paged-results';
import {
  useReportAppointments,
  type ReportAppointment,
  type ReportAppointmentStatus,
} from '../api/report-appointments';
import {
  useDocumentationSessions,
  type DocumentationIssue,
  type DocumentationSession,
} from '../api/report-documentation';
import { formatHours } from '../api/report-format';
import { periodLabel, periodQuery, type ReportPeriod } from '../api/report-period';
import { ReportPeriodPicker, useReportPeriod } from './report-period-picker';
import { ReportCsvButton, type ReportCsv } from './report-section';
import { ReportTable, type ReportColumn } from './report-table';

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

/**
 * The page of a drill-down list, back to the first when the period or the filter changes (both in the URL query).
 */
function usePageOf(search: string): [number, (page: number) => void] {
  const [state, setState] = useState({ search, page: 0 });
  if (state.search !== search) {
    setState({ search, page: 0 });
    return [0, (page) => setState({ search, page })];
  }
  return [state.page, (page) => setState({ search, page })];
}

/**
 * The rows a dashboard figure counts, one page at a time: back to the dashboard, the period picker, what is listed
 * with its count, the CSV of every row (not only the page's) and the table.
 */
function ReportRows<T>({
  title,
  noun,
  period,
  filter,
  csv,
  query,
  page,
  onPageChange,
  columns,
  rowKey,
}: {
  /** What is listed, e.g. "Cancelled appointments". */
  title: string;
  /** The rows in the plural, e.g. "appointments". */
  noun: string;
  period: ReportPeriod;
  filter: Record<string, string | undefined>;
  csv: ReportCsv;
  query: PagedQuery<T>;
  page: number;
  onPageChange: (page: number) => void;
  columns: ReportColumn<T>[];
  rowKey: (row: T) => string;
}) {
  const total = query.data?.page.totalElements;
  return (
    <>
      <p>
        <Link to={`/reports${periodQuery(period)}`}>Back to the dashboard</Link>
      </p>
      <ReportPeriodPicker />
      <div className="section-header">
        <p className="muted">
          {title}, {periodLabel(period)}
          {total !== undefined ? ` · ${total}` : ''}
        </p>
        <div className="report-downloads">
          <ReportCsvButton period={period} csv={csv} extra={filter} />
        </div>
      </div>
      <PagedResults query={query} noun={noun} empty={`No ${noun}.`} page={page} onPageChange={onPageChange}>
        {(rows) => <ReportTable caption={title} columns={columns} rows={rows} rowKey={rowKey} />}
      </PagedResults>
    </>
  );
}

const APPOINTMENT_COLUMNS: ReportColumn<ReportAppointment>[] = [
  {
    label: 'Start',
    rowHeader: true,
    cell: (row) =>
      row.sessionId ? <Link to={`/sessions/${row.sessionId}`}>{dateTime(row.start)}</Link> : dateTime(row.start),
  },
  { label: 'Child', cell: (row) => <Link to={`/children/${row.childId}`}>{row.childName}</Link> },
  { label: 'Therapist', cell: (row) => row.therapistName },
  { label: 'Service', cell: (row) => row.serviceCode },
  {
    label: 'Status',
    cell: (row) => (
      <span>
        {STATUS_LABELS[row.status]}
        {row.status === 'cancelled' && (
          <span className="muted">
            {' '}
            by {row.cancelledByRole === 'parent' ? 'parent' : 'clinic'}
            {row.cancelledLate ? ', late' : ''}
          </span>
        )}
      </span>
    ),
  },
  { label: 'Booked', numeric: true, cell: (row) => formatHours(row.bookedHours) },
  {
    label: 'Delivered',
    numeric: true,
    cell: (row) => (row.deliveredHours != null ? formatHours(row.deliveredHours) : '—'),
  },
];

/** The appointments a dashboard figure counts: of a child, a therapist and/or one status, in the period. */
export function ReportAppointmentsScreen() {
  const [params] = useSearchParams();
  const period = useReportPeriod();
  const filter = {
    childId: param(params, 'childId'),
    therapistId: param(params, 'therapistId'),
    status: param<ReportAppointmentStatus>(params, 'status', Object.keys(STATUS_LABELS) as ReportAppointmentStatus[]),
  };
  const [page, setPage] = usePageOf(periodQuery(period, filter));
  return (
    <ReportRows
      title={filter.status ? `${STATUS_LABELS[filter.status]} appointments` : 'Appointments'}
      noun="appointments"
      period={period}
      filter={filter}
      csv={{ path: '/api/reports/appointments.csv', name: 'appointments', label: 'All as CSV' }}
      query={useReportAppointments(period, filter, page)}
      page={page}
      onPageChange={setPage}
      columns={APPOINTMENT_COLUMNS}
      rowKey={(row) => row.appointmentId}
    />
  );
}

const ISSUE_LABELS: Record<DocumentationIssue, string> = {
  late: 'Submitted late',
  overdue: 'Open past 24 hours',
  unsigned: 'Awaiting a guardian',
};

const SESSION_COLUMNS: ReportColumn<DocumentationSession>[] = [
  {
    label: 'Started',
    rowHeader: true,
    cell: (row) => <Link to={`/sessions/${row.sessionId}`}>{dateTime(row.startedAt)}</Link>,
  },
  { label: 'Child', cell: (row) => <Link to={`/children/${row.childId}`}>{row.childName}</Link> },
  { label: 'Therapist', cell: (row) => row.therapistName },
  { label: 'Ended', cell: (row) => dateTime(row.endedAt) },
  {
    label: 'Submitted',
    cell: (row) => (
      <span>
        {dateTime(row.submittedAt)}
        {row.hoursToSubmit != null && <span className="muted"> ({formatHours(row.hoursToSubmit)} after)</span>}
      </span>
    ),
  },
  {
    label: 'Issue',
    cell: (row) =>
      [
        row.submittedLate && ISSUE_LABELS.late,
        row.openOverdue && ISSUE_LABELS.overdue,
        row.awaitingGuardian && ISSUE_LABELS.unsigned,
      ]
        .filter(Boolean)
        .join(', '),
  },
];

/** The sessions a documentation figure counts: of a therapist and/or one issue, in the period. */
export function ReportSessionsScreen() {
  const [params] = useSearchParams();
  const period = useReportPeriod();
  const filter = { therapistId: param(params, 'therapistId'), issue: param(params, 'issue', ISSUES) };
  const [page, setPage] = usePageOf(periodQuery(period, filter));
  return (
    <ReportRows
      title={filter.issue ? ISSUE_LABELS[filter.issue] : 'Sessions with a documentation issue'}
      noun="sessions"
      period={period}
      filter={filter}
      csv={{ path: '/api/reports/documentation/sessions.csv', name: 'documentation-sessions', label: 'All as CSV' }}
      query={useDocumentationSessions(period, filter, page)}
      page={page}
      onPageChange={setPage}
      columns={SESSION_COLUMNS}
      rowKey={(row) => row.sessionId}
    />
  );
}
