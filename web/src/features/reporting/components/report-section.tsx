import { useId, useState, type ReactNode } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { errorMessage } from '../../../lib/api-error';
import { downloadReportCsv } from '../api/report-download';
import type { ReportPeriod } from '../api/report-period';

export interface ReportCsv {
  /** The table's CSV endpoint, e.g. `/api/reports/utilization/children.csv`. */
  path: string;
  /** The file's name without period and extension, e.g. `utilization-children`. */
  name: string;
  /** The button's text, e.g. "Children as CSV". */
  label: string;
}

interface ReportSectionProps {
  title: string;
  /** What the figure counts, in a sentence or two. */
  description?: ReactNode;
  period: ReportPeriod;
  /** One download per table of the figure. */
  csv?: ReportCsv[];
  loading?: boolean;
  error?: unknown;
  children?: ReactNode;
}

/** A CSV download button: fetches with the access token and saves the file; says so when it fails. */
export function ReportCsvButton({ csv, period }: { csv: ReportCsv; period: ReportPeriod }) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const download = async () => {
    setPending(true);
    setFailed(null);
    try {
      await downloadReportCsv(csv.path, csv.name, period);
    } catch (error) {
      setFailed(error);
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button size="sm" variant="secondary" pending={pending} onClick={() => void download()}>
        {csv.label}
      </Button>
      {failed !== null && <Alert>{errorMessage(failed)}</Alert>}
    </>
  );
}

/**
 * One figure of a report page: a titled panel with what it counts, a CSV download per table, and the figure itself;
 * it says so while loading and when loading failed.
 */
export function ReportSection({ title, description, period, csv = [], loading, error, children }: ReportSectionProps) {
  const id = useId();
  let body: ReactNode = children;
  if (error) body = <Alert>{errorMessage(error)}</Alert>;
  else if (loading) {
    body = (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  }
  return (
    <section className="panel report-section" aria-labelledby={id}>
      <div className="section-header">
        <h2 id={id} className="section-title">
          {title}
        </h2>
        {csv.length > 0 && (
          <div className="report-downloads">
            {csv.map((item) => (
              <ReportCsvButton key={item.path} csv={item} period={period} />
            ))}
          </div>
        )}
      </div>
      {description && <div className="report-description muted">{description}</div>}
      {body}
    </section>
  );
}
