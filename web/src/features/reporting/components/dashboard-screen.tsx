import { Link } from 'react-router-dom';
import { useCancellations, type CancellationCounts, type CancellationLeader } from '../api/report-cancellations';
import { useDocumentation } from '../api/report-documentation';
import { formatHours, formatShare } from '../api/report-format';
import { periodQuery, type ReportPeriod } from '../api/report-period';
import { useUtilization } from '../api/report-utilization';
import { ReportBarChart } from './report-bar-chart';
import { ReportPeriodPicker, useReportPeriod } from './report-period-picker';
import { ReportSection } from './report-section';
import { ReportTable, type ReportColumn } from './report-table';
import { SupervisionOversightSections } from './supervision-oversight-sections';
import { MasteriesSection } from './masteries-section';

const hours = (value: number) => formatHours(value);

/** Where the appointments behind a figure are listed. */
export function appointmentRowsPath(period: ReportPeriod, filter: Record<string, string | undefined>) {
  return `/reports/appointments${periodQuery(period, filter)}`;
}

/** Where the sessions behind a documentation figure are listed. */
export function sessionRowsPath(period: ReportPeriod, filter: Record<string, string | undefined>) {
  return `/reports/sessions${periodQuery(period, filter)}`;
}

/**
 * The admin's clinic dashboard: utilization, cancellations and no-shows, documentation — one section each, for the
 * period in the page's query, with charts, tables, CSV downloads and links down to the rows each number counts.
 */
export function DashboardScreen() {
  const period = useReportPeriod();
  return (
    <>
      <ReportPeriodPicker />
      <div className="report-sections">
        <UtilizationSection period={period} />
        <CancellationsSection period={period} />
        <DocumentationSection period={period} />
        <MasteriesSection period={period} />
        <SupervisionOversightSections period={period} />
      </div>
    </>
  );
}

function UtilizationSection({ period }: { period: ReportPeriod }) {
  const query = useUtilization(period);
  const report = query.data;
  return (
    <ReportSection
      title="Utilization"
      period={period}
      loading={query.isPending}
      error={query.error}
      description={
        <p>
          Hours per child: prescribed (weekly hours over the period), scheduled (appointments not cancelled), delivered
          (completed appointments&apos; actual time) and authorized (the insurer&apos;s units, prorated to the period).
          Per therapist: billable (delivered) hours against their working hours less time off.
        </p>
      }
      csv={[
        { path: '/api/reports/utilization/children.csv', name: 'utilization-children', label: 'Children as CSV' },
        { path: '/api/reports/utilization/therapists.csv', name: 'utilization-therapists', label: 'Therapists as CSV' },
      ]}
    >
      {report && (
        <>
          <ReportBarChart
            title="Hours per child"
            labelHeading="Child"
            format={hours}
            series={[
              { key: 'prescribed', label: 'Prescribed', tone: 1 },
              { key: 'scheduled', label: 'Scheduled', tone: 2 },
              { key: 'delivered', label: 'Delivered', tone: 3 },
              { key: 'authorized', label: 'Authorized', tone: 4 },
            ]}
            data={report.children.map((child) => ({
              key: child.childId,
              label: child.childName,
              href: appointmentRowsPath(period, { childId: child.childId }),
              values: {
                prescribed: Number(child.prescribedHours),
                scheduled: Number(child.scheduledHours),
                delivered: Number(child.deliveredHours),
                authorized: Number(child.authorizedHours),
              },
            }))}
            empty="No child has prescribed hours, appointments or an authorization in this period."
          />
          <h3 className="report-subtitle">Therapists</h3>
          <ReportBarChart
            title="Billable and available hours per therapist"
            labelHeading="Therapist"
            format={hours}
            series={[
              { key: 'billable', label: 'Billable', tone: 3 },
              { key: 'available', label: 'Available', tone: 1 },
            ]}
            data={report.therapists.map((therapist) => ({
              key: therapist.therapistId,
              label: therapist.therapistName,
              href: appointmentRowsPath(period, { therapistId: therapist.therapistId, status: 'completed' }),
              values: { billable: Number(therapist.billableHours), available: Number(therapist.availableHours) },
            }))}
            empty="No therapists."
          />
          <ReportTable
            caption="Utilization per therapist"
            rows={report.therapists}
            rowKey={(therapist) => therapist.therapistId}
            columns={[
              {
                label: 'Therapist',
                rowHeader: true,
                cell: (therapist) => (
                  <>
                    <Link to={appointmentRowsPath(period, { therapistId: therapist.therapistId })}>
                      {therapist.therapistName}
                    </Link>
                    {therapist.credential && <span className="muted"> · {therapist.credential}</span>}
                  </>
                ),
              },
              { label: 'Scheduled', numeric: true, cell: (therapist) => formatHours(therapist.scheduledHours) },
              { label: 'Billable', numeric: true, cell: (therapist) => formatHours(therapist.billableHours) },
              { label: 'Available', numeric: true, cell: (therapist) => formatHours(therapist.availableHours) },
              { label: 'Utilization', numeric: true, cell: (therapist) => formatShare(therapist.utilization) },
            ]}
          />
        </>
      )}
    </ReportSection>
  );
}

/** The columns of a table of who had the most cancellations: the child or therapist (a link to their rows), counts. */
function leaderColumns(
  first: string,
  rowsPath: (leader: CancellationLeader) => string,
): ReportColumn<CancellationLeader>[] {
  const count = (label: string, value: (counts: CancellationCounts) => number): ReportColumn<CancellationLeader> => ({
    label,
    numeric: true,
    cell: (leader) => value(leader.counts),
  });
  return [
    { label: first, rowHeader: true, cell: (leader) => <Link to={rowsPath(leader)}>{leader.name}</Link> },
    count('Appointments', (c) => c.appointments),
    count('Cancelled by parent', (c) => c.cancelledByParent),
    count('Cancelled by clinic', (c) => c.cancelledByAdmin),
    count('No-shows', (c) => c.noShows),
    count('Late', (c) => c.lateCancellations),
  ];
}

function CancellationsSection({ period }: { period: ReportPeriod }) {
  const query = useCancellations(period);
  const report = query.data;
  return (
    <ReportSection
      title="Cancellations and no-shows"
      period={period}
      loading={query.isPending}
      error={query.error}
      description={
        <p>
          The period&apos;s appointments that did not take place: cancelled by a parent or by the clinic, and no-shows.
          A cancellation is late within 24 hours of the start. Weeks run Monday to Sunday.
        </p>
      }
      csv={[
        { path: '/api/reports/cancellations/weeks.csv', name: 'cancellations-weeks', label: 'Weeks as CSV' },
        { path: '/api/reports/cancellations/children.csv', name: 'cancellations-children', label: 'Children as CSV' },
        {
          path: '/api/reports/cancellations/therapists.csv',
          name: 'cancellations-therapists',
          label: 'Therapists as CSV',
        },
      ]}
    >
      {report && (
        <>
          <ul className="report-figures">
            <li>
              <strong>{report.totals.appointments}</strong> appointments
            </li>
            <li>
              <strong>{report.totals.cancelledByParent}</strong>
              <Link to={appointmentRowsPath(period, { status: 'cancelled' })}>cancelled by parents</Link>
            </li>
            <li>
              <strong>{report.totals.cancelledByAdmin}</strong> cancelled by the clinic
            </li>
            <li>
              <strong>{report.totals.noShows}</strong>
              <Link to={appointmentRowsPath(period, { status: 'no_show' })}>no-shows</Link>
            </li>
            <li>
              <strong>{formatShare(report.lateShare)}</strong> of cancellations late
            </li>
          </ul>
          <ReportBarChart
            title="Cancellations and no-shows per week"
            labelHeading="Week"
            series={[
              { key: 'parent', label: 'Cancelled by parent', tone: 1 },
              { key: 'admin', label: 'Cancelled by clinic', tone: 2 },
              { key: 'noShow', label: 'No-shows', tone: 3 },
            ]}
            data={report.weeks.map((week) => ({
              key: week.week,
              label: `${week.week} (from ${week.starts})`,
              values: {
                parent: week.counts.cancelledByParent,
                admin: week.counts.cancelledByAdmin,
                noShow: week.counts.noShows,
              },
            }))}
          />
          <h3 className="report-subtitle">Children with the most</h3>
          {report.children.length === 0 ? (
            <p className="muted">No cancellations or no-shows in this period.</p>
          ) : (
            <ReportTable
              caption="Children with the most cancellations and no-shows"
              rows={report.children}
              rowKey={(child) => child.id}
              columns={leaderColumns('Child', (child) => appointmentRowsPath(period, { childId: child.id }))}
            />
          )}
          <h3 className="report-subtitle">Therapists with the most</h3>
          {report.therapists.length === 0 ? (
            <p className="muted">No cancellations or no-shows in this period.</p>
          ) : (
            <ReportTable
              caption="Therapists with the most cancellations and no-shows"
              rows={report.therapists}
              rowKey={(therapist) => therapist.id}
              columns={leaderColumns('Therapist', (therapist) =>
                appointmentRowsPath(period, { therapistId: therapist.id }),
              )}
            />
          )}
        </>
      )}
    </ReportSection>
  );
}

function DocumentationSection({ period }: { period: ReportPeriod }) {
  const query = useDocumentation(period);
  const therapists = query.data?.therapists;
  return (
    <ReportSection
      title="Documentation"
      period={period}
      loading={query.isPending}
      error={query.error}
      description={
        <p>
          The period&apos;s sessions per therapist: submitted more than 24 hours after they ended, still open past 24
          hours, and submitted notes waiting for a guardian&apos;s signature.
        </p>
      }
      csv={[
        { path: '/api/reports/documentation/therapists.csv', name: 'documentation-therapists', label: 'Table as CSV' },
        { path: '/api/reports/documentation/sessions.csv', name: 'documentation-sessions', label: 'Sessions as CSV' },
      ]}
    >
      {therapists && (
        <>
          <ReportBarChart
            title="Documentation issues per therapist"
            labelHeading="Therapist"
            series={[
              { key: 'late', label: 'Submitted late', tone: 3 },
              { key: 'overdue', label: 'Open past 24 h', tone: 4 },
              { key: 'unsigned', label: 'Awaiting guardian', tone: 1 },
            ]}
            data={therapists.map((t) => ({
              key: t.therapistId,
              label: t.therapistName,
              href: sessionRowsPath(period, { therapistId: t.therapistId }),
              values: { late: t.submittedLate, overdue: t.openOverdue, unsigned: t.awaitingGuardian },
            }))}
            empty="No sessions in this period."
          />
          {therapists.length > 0 && (
            <ReportTable
              caption="Documentation per therapist"
              rows={therapists}
              rowKey={(t) => t.therapistId}
              columns={[
                { label: 'Therapist', rowHeader: true, cell: (t) => t.therapistName },
                { label: 'Sessions', numeric: true, cell: (t) => t.sessions },
                { label: 'On time', numeric: true, cell: (t) => t.submittedOnTime },
                {
                  label: 'Submitted late',
                  numeric: true,
                  cell: (t) => (
                    <Link
                      to={sessionRowsPath(period, { therapistId: t.therapistId, issue: 'late' })}
                      aria-label={`${t.submittedLate} sessions of ${t.therapistName} submitted late`}
                    >
                      {t.submittedLate}
                    </Link>
                  ),
                },
                {
                  label: 'Open past 24 h',
                  numeric: true,
                  cell: (t) => (
                    <Link
                      to={sessionRowsPath(period, { therapistId: t.therapistId, issue: 'overdue' })}
                      aria-label={`${t.openOverdue} sessions of ${t.therapistName} open past 24 hours`}
                    >
                      {t.openOverdue}
                    </Link>
                  ),
                },
                {
                  label: 'Awaiting guardian',
                  numeric: true,
                  cell: (t) => (
                    <Link
                      to={sessionRowsPath(period, { therapistId: t.therapistId, issue: 'unsigned' })}
                      aria-label={`${t.awaitingGuardian} sessions of ${t.therapistName} awaiting a guardian`}
                    >
                      {t.awaitingGuardian}
                    </Link>
                  ),
                },
              ]}
            />
          )}
        </>
      )}
    </ReportSection>
  );
}
