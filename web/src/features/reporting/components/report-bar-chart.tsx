import { useId, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ReportTable } from './report-table';

export interface ReportBarSeries {
  key: string;
  label: string;
  /** One of the chart's colours, 1 to 4 (`report-bar-1` … `report-bar-4` in styles.css). */
  tone: 1 | 2 | 3 | 4;
}

export interface ReportBarDatum {
  /** Unique within the chart (an id). */
  key: string;
  label: string;
  values: Record<string, number>;
  /** Where the rows this bar counts are listed (a route of the app). */
  href?: string;
}

interface ReportBarChartProps {
  title: string;
  series: ReportBarSeries[];
  data: ReportBarDatum[];
  /** Formats a value for the labels and the table, e.g. hours. */
  format?: (value: number) => string;
  /** The first column's heading in the table, e.g. "Child". */
  labelHeading: string;
  /** Shows the table open (it is always there, behind a disclosure otherwise). */
  tableOpen?: boolean;
  /** Said instead of an empty chart. */
  empty?: ReactNode;
}

const BAR = 10;
const GAP = 2;

/**
 * A horizontal bar chart, drawn in SVG by hand: one group of bars per row (a child, a therapist, a week), one bar per
 * series, every bar on the same scale. The chart is a picture for those who look; its numbers are in the table below it
 * (a disclosure, open on request), which is what assistive technology reads — the picture names itself and points
 * there.
 */
export function ReportBarChart({
  title,
  series,
  data,
  format = (value) => value.toLocaleString(),
  labelHeading,
  tableOpen = false,
  empty,
}: ReportBarChartProps) {
  const id = useId();
  if (data.length === 0) return <p className="muted">{empty ?? 'Nothing to show for this period.'}</p>;
  const max = Math.max(1, ...data.flatMap((datum) => series.map((s) => datum.values[s.key] ?? 0)));
  const height = series.length * (BAR + GAP) - GAP;
  return (
    <figure className="report-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="report-chart-title">
        {title}
      </figcaption>
      {series.length > 1 && (
        <ul className="report-legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.key}>
              <span className={`report-swatch report-bar-${s.tone}`} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <div className="report-bars" role="img" aria-label={`${title}: bar chart; the numbers are in the table below.`}>
        {data.map((datum) => (
          <div className="report-bar-row" key={datum.key}>
            <span className="report-bar-label">{datum.label}</span>
            <svg
              className="report-bar-svg"
              viewBox={`0 0 100 ${height}`}
              preserveAspectRatio="none"
              height={height}
              aria-hidden="true"
              focusable="false"
            >
              {series.map((s, index) => (
                <rect
                  key={s.key}
                  className={`report-bar-${s.tone}`}
                  x={0}
                  y={index * (BAR + GAP)}
                  width={(Math.max(0, datum.values[s.key] ?? 0) / max) * 100}
                  height={BAR}
                />
              ))}
            </svg>
            <span className="report-bar-values" aria-hidden="true">
              {series.map((s) => format(datum.values[s.key] ?? 0)).join(' · ')}
            </span>
          </div>
        ))}
      </div>
      <details className="report-chart-table" open={tableOpen || undefined}>
        <summary>Show the numbers as a table</summary>
        <ReportTable
          caption={title}
          rows={data}
          rowKey={(datum) => datum.key}
          columns={[
            {
              label: labelHeading,
              rowHeader: true,
              cell: (datum) => (datum.href ? <Link to={datum.href}>{datum.label}</Link> : datum.label),
            },
            ...series.map((s) => ({
              label: s.label,
              numeric: true,
              cell: (datum: ReportBarDatum) => format(datum.values[s.key] ?? 0),
            })),
          ]}
        />
      </details>
    </figure>
  );
}
