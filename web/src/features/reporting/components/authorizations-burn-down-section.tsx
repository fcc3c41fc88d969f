import { Link } from 'react-router-dom';
import { Badge } from '../../../components/ui/badge';
import { Table } from '../../../components/ui/table';
import { formatDay } from '../../../lib/dates';
import { useBurnDownReport, type BurnDownRow } from '../api/oversight-reports';
import type { ReportPeriod } from '../api/report-period';
import { ReportBarChart } from './report-bar-chart';
import { ReportSection } from './report-section';

function label(row: BurnDownRow): string {
  return `${row.childName} · ${row.serviceCode} · ${row.authorizationNumber}`;
}

function flags(row: BurnDownRow) {
  return (
    <span className="report-badges">
      {row.runsOut && (
        <Badge tone="danger">Runs out{row.runsOutWeekOf ? ` (week of ${formatDay(row.runsOutWeekOf)})` : ''}</Badge>
      )}
      {row.expiresUnused && <Badge tone="warning">Units unused at its end</Badge>}
      {row.reauthorizationDue && (
        <>
          <Badge tone="info">Re-authorization due</Badge>
          <Link to={row.progressReportLink} aria-label={`Progress report needed: ${row.childName}`}>
            Progress report needed
          </Link>
        </>
      )}
    </span>
  );
}

/**
 * Authorizations' burn-down: per authorization the units used and planned against those authorized, week by week;
 * the ones that run out, would end with units unused, or end within 30 days (a progress report is needed: the flag
 * links to the child's newest draft, else to the child's progress reports).
 */
export function AuthorizationsBurnDownSection({ period }: { period: ReportPeriod }) {
  const report = useBurnDownReport(period);
  const rows = report.data?.rows ?? [];
  return (
    <ReportSection
      title="Authorizations"
      period={period}
      loading={report.isPending}
      error={report.error}
      csv={[
        {
          path: '/api/reports/authorizations/authorizations.csv',
          name: 'authorizations',
          label: 'Authorizations as CSV',
        },
        { path: '/api/reports/authorizations/weeks.csv', name: 'authorization-weeks', label: 'Weeks as CSV' },
      ]}
      description={
        <p>
          Units used (completed sessions) and planned (scheduled from today) within each authorization&apos;s dates,
          against the units authorized.
        </p>
      }
    >
      <ReportBarChart
        title="Units used, planned and authorized"
        labelHeading="Authorization"
        series={[
          { key: 'used', label: 'Used', tone: 1 },
          { key: 'planned', label: 'Planned', tone: 2 },
          { key: 'authorized', label: 'Authorized', tone: 4 },
        ]}
        data={rows.map((row) => ({
          key: row.authorizationId,
          label: label(row),
          values: { used: row.unitsUsed, planned: row.unitsPlanned, authorized: row.unitsAuthorized },
          href: row.link,
        }))}
        empty="No authorization covers this period."
      />
      <Table caption="Authorizations of the period" className="report-table">
        <thead>
          <tr>
            <th scope="col">Child</th>
            <th scope="col">Code</th>
            <th scope="col">Dates</th>
            <th scope="col" className="cell-number">
              Used + planned / authorized
            </th>
            <th scope="col" className="cell-number">
              Left
            </th>
            <th scope="col">Attention</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.authorizationId}>
              <th scope="row" className="cell-nowrap">
                <Link to={row.link}>{row.childName}</Link>
              </th>
              <td data-label="Code">{row.serviceCode}</td>
              <td data-label="Dates">
                <span className="cell-nowrap">{formatDay(row.startsOn)}</span> –{' '}
                <span className="cell-nowrap">{formatDay(row.endsOn)}</span>
              </td>
              <td className="cell-number" data-label="Used + planned / authorized">
                {row.unitsUsed} + {row.unitsPlanned} / {row.unitsAuthorized}
              </td>
              <td className="cell-number" data-label="Left">
                {row.unitsRemaining}
              </td>
              <td data-label="Attention">{flags(row)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {rows
        .filter((row) => row.runsOut || row.reauthorizationDue)
        .map((row) => (
          <details key={row.authorizationId} className="report-burn-down">
            <summary>Weekly burn-down: {label(row)}</summary>
            <ReportBarChart
              title={`Units by week, ${label(row)}`}
              labelHeading="Week of"
              series={[
                { key: 'cumulative', label: 'Used + planned so far', tone: 1 },
                { key: 'ideal', label: 'Even pace', tone: 3 },
              ]}
              data={row.weeks.map((week) => ({
                key: week.weekOf,
                label: week.weekOf,
                values: { cumulative: week.cumulative, ideal: week.ideal },
              }))}
            />
          </details>
        ))}
    </ReportSection>
  );
}
