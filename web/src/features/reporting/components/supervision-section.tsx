import { Link } from 'react-router-dom';
import { Badge } from '../../../components/ui/badge';
import { Table } from '../../../components/ui/table';
import {
  formatPercent,
  minutesAsHours,
  monthLabel,
  useSupervisionReport,
  type SupervisionRow,
} from '../api/oversight-reports';
import type { ReportPeriod } from '../api/report-period';
import { ReportBarChart } from './report-bar-chart';
import { ReportSection } from './report-section';

const SHORTFALLS: Record<string, string> = {
  share: 'under 5 % supervised',
  contacts: 'fewer than 2 contacts',
  individual: 'no individual contact',
  with_child: 'not observed with a child',
};

function shortfallText(row: SupervisionRow): string {
  return row.shortfalls.map((rule) => SHORTFALLS[rule] ?? rule).join(', ');
}

/**
 * RBT supervision (BACB): each technician's months — service hours, the share supervised (at least 5 %) and the
 * contacts (at least two, one individual, one observing the technician with a child); the ones below are marked.
 */
export function SupervisionSection({ period }: { period: ReportPeriod }) {
  const report = useSupervisionReport(period);
  const rows = report.data?.rows ?? [];
  const withService = rows.filter((row) => row.serviceMinutes > 0);
  const below = rows.filter((row) => row.shortfalls.length > 0);
  const months = new Set(rows.map((row) => row.month));
  const label = (row: SupervisionRow) =>
    months.size > 1 ? `${row.technicianName} (${monthLabel(row.month)})` : row.technicianName;
  return (
    <ReportSection
      title="RBT supervision"
      period={period}
      loading={report.isPending}
      error={report.error}
      csv={[
        {
          path: '/api/reports/supervision/technicians.csv',
          name: 'supervision-technicians',
          label: 'Technicians as CSV',
        },
      ]}
      description={
        <p>
          Per technician and calendar month: supervised share of service hours (BACB: at least 5 %) and supervision
          contacts (at least 2, one individual, one observing the technician with a child). A supervisor&apos;s 97155
          during the technician&apos;s 97153 with the same child counts; other supervision comes from the supervision
          log.
        </p>
      }
    >
      {below.length > 0 && (
        <p role="status">
          <Badge tone="warning">Below</Badge> {below.length} technician month{below.length === 1 ? '' : 's'} below the
          requirement: {below.map((row) => `${label(row)} — ${shortfallText(row)}`).join('; ')}.
        </p>
      )}
      <ReportBarChart
        title="Supervised share of service hours (%)"
        labelHeading="Technician"
        series={[
          { key: 'share', label: 'Supervised %', tone: 1 },
          { key: 'required', label: 'Required %', tone: 4 },
        ]}
        data={withService.map((row) => ({
          key: `${row.technicianId}-${row.month}`,
          label: label(row),
          values: { share: Number(row.sharePercent), required: report.data?.minSharePercent ?? 5 },
          href: row.link,
        }))}
        format={(value) => `${value.toLocaleString(undefined, { maximumFractionDigits: 1 })} %`}
        empty="No technician delivered services in this period."
      />
      <Table caption="Technicians' supervision by month" className="report-table">
        <thead>
          <tr>
            <th scope="col">Technician</th>
            <th scope="col">Month</th>
            <th scope="col" className="cell-number">
              Service
            </th>
            <th scope="col" className="cell-number">
              Supervised
            </th>
            <th scope="col" className="cell-number">
              Share
            </th>
            <th scope="col" className="cell-number">
              Contacts (individual, with a child)
            </th>
            <th scope="col">Requirement</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.technicianId}-${row.month}`}>
              <th scope="row" className="cell-nowrap">
                <Link to={row.link}>{row.technicianName}</Link>
              </th>
              <td data-label="Month" className="cell-nowrap">
                {monthLabel(row.month)}
              </td>
              <td className="cell-number" data-label="Service">
                {minutesAsHours(row.serviceMinutes)}
              </td>
              <td className="cell-number" data-label="Supervised">
                {minutesAsHours(row.supervisedMinutes)}
              </td>
              <td className="cell-number" data-label="Share">
                {formatPercent(row.sharePercent)}
              </td>
              <td className="cell-number" data-label="Contacts (individual, with a child)">
                {row.contacts} ({row.individualContacts}, {row.withChildContacts})
              </td>
              <td data-label="Requirement">
                <span className="report-badges">
                  {row.serviceMinutes === 0 ? (
                    <Badge tone="muted">No service</Badge>
                  ) : row.shortfalls.length === 0 ? (
                    <Badge tone="success">Met</Badge>
                  ) : (
                    row.shortfalls.map((rule) => (
                      <Badge key={rule} tone="warning">
                        {SHORTFALLS[rule] ?? rule}
                      </Badge>
                    ))
                  )}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </ReportSection>
  );
}
