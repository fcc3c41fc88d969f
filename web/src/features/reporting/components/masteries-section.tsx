import { Link } from 'react-router-dom';
import { MASTERIES_CSV_PATH, monthLabel, useMasteriesReport } from '../api/report-masteries';
import type { ReportPeriod } from '../api/report-period';
import { ReportBarChart } from './report-bar-chart';
import { ReportSection } from './report-section';

/**
 * Masteries per month: how many targets reached mastery in each month of the period, as a chart with its numbers
 * behind it, and every mastery as a row (child, program, target, day) with a link to the child's progress.
 */
export function MasteriesSection({ period }: { period: ReportPeriod }) {
  const report = useMasteriesReport(period);
  // a body without the figures (another report's, an older server) shows nothing rather than failing
  const masteries = Array.isArray(report.data?.months) ? report.data : undefined;
  return (
    <ReportSection
      title="Masteries per month"
      period={period}
      loading={report.isPending}
      error={report.error}
      csv={[{ path: MASTERIES_CSV_PATH, name: 'masteries', label: 'Masteries as CSV' }]}
      description={
        <p>
          Targets moved to mastered in the period, automatically or by their supervisor, counted in the month of the
          move. A target mastered twice counts twice.
        </p>
      }
    >
      {masteries && (
        <>
          <dl className="report-figures">
            <div>
              <dt>Targets mastered</dt>
              <dd>{masteries.total.toLocaleString()}</dd>
            </div>
          </dl>
          <ReportBarChart
            title="Targets mastered per month"
            labelHeading="Month"
            series={[{ key: 'mastered', label: 'Mastered', tone: 2 }]}
            data={masteries.months.map((month) => ({
              key: month.month,
              label: monthLabel(month.month),
              values: { mastered: month.mastered },
            }))}
          />
          {masteries.rows.length === 0 ? (
            <p className="muted">No target was mastered in this period.</p>
          ) : (
            <details className="report-chart-table">
              <summary>Show the {masteries.rows.length.toLocaleString()} masteries</summary>
              <div className="table-wrap" role="region" aria-label="Masteries" tabIndex={0}>
                <table className="table report-table">
                  <caption className="visually-hidden">Masteries</caption>
                  <thead>
                    <tr>
                      <th scope="col">Child</th>
                      <th scope="col">Program</th>
                      <th scope="col">Target</th>
                      <th scope="col">Mastered on</th>
                    </tr>
                  </thead>
                  <tbody>
                    {masteries.rows.map((row) => (
                      <tr key={`${row.targetId}-${row.masteredAt}`}>
                        <td data-label="Child">
                          <Link to={`/children/${row.childId}/progress`}>{row.childName}</Link>
                        </td>
                        <td data-label="Program">{row.programName}</td>
                        <td data-label="Target">{row.targetName}</td>
                        <td data-label="Mastered on">
                          <time dateTime={row.masteredOn}>
                            {new Date(`${row.masteredOn}T12:00:00`).toLocaleDateString(undefined, {
                              day: 'numeric',
                              month: 'short',
                              year: 'numeric',
                            })}
                          </time>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          )}
        </>
      )}
    </ReportSection>
  );
}
