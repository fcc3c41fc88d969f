import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { errorMessage } from '../../../lib/api-error';
import { formatDay } from '../../../lib/dates';
import { useCreateProgressReport } from '../api/create-progress-report';
import { downloadProgressReport } from '../api/download-progress-report';
import { useProgressReports } from '../api/list-progress-reports';
import { STATUS_LABELS, type ProgressReportSummary, type ReportStatus } from '../api/progress-report-types';
import { ReportTable, type ReportColumn } from './report-table';

const TONES: Record<ReportStatus, 'info' | 'success' | 'muted'> = {
  draft: 'info',
  signed: 'success',
  superseded: 'muted',
};

/**
 * A child's progress reports on the child page: period, status, who signed; each opens the report, signed ones
 * download as PDF. The child's supervisors (`canWrite`) start a new report (six months to today). Guardians and
 * technicians are sent signed reports only, by the server.
 */
export function ProgressReportsSection({ childId, canWrite }: { childId: string; canWrite: boolean }) {
  const reports = useProgressReports(childId);
  const create = useCreateProgressReport(childId);
  const navigate = useNavigate();
  const [downloadError, setDownloadError] = useState('');
  const list = reports.data?.content ?? [];

  const download = (report: ProgressReportSummary) => {
    setDownloadError('');
    downloadProgressReport(report.id, report.periodEnd).catch((error: unknown) =>
      setDownloadError(errorMessage(error)),
    );
  };

  const columns: ReportColumn<ProgressReportSummary>[] = [
    {
      label: 'Period',
      rowHeader: true,
      cell: (report) => `${formatDay(report.periodStart)} – ${formatDay(report.periodEnd)}`,
    },
    {
      label: 'Status',
      cell: (report) => (
        <span>
          <Badge tone={TONES[report.status]}>{STATUS_LABELS[report.status]}</Badge>
          {report.supersedes && <span className="muted"> correction</span>}
        </span>
      ),
    },
    {
      label: 'Signed',
      cell: (report) => (
        <span>
          {report.signedAt ? `${formatDay(report.signedAt.slice(0, 10))} · ${report.signedBy?.name ?? ''}` : '—'}
        </span>
      ),
    },
    {
      label: 'Actions',
      cell: (report) => (
        <span className="cell-actions">
          <Link to={`/progress-reports/${report.id}`} className="btn btn-secondary btn-sm">
            {report.status === 'draft' && canWrite ? 'Edit' : 'Open'}
            <span className="visually-hidden">
              {' '}
              report {formatDay(report.periodStart)} to {formatDay(report.periodEnd)}
            </span>
          </Link>
          {report.status !== 'draft' && (
            <Button variant="secondary" size="sm" onClick={() => download(report)}>
              PDF
              <span className="visually-hidden">
                {' '}
                of the report {formatDay(report.periodStart)} to {formatDay(report.periodEnd)}
              </span>
            </Button>
          )}
        </span>
      ),
    },
  ];

  return (
    <section className="panel" id="progress-reports" aria-labelledby="progress-reports-heading">
      <div className="section-header">
        <h2 id="progress-reports-heading" className="section-title">
          Progress reports
        </h2>
        {canWrite && (
          <Button
            variant="secondary"
            size="sm"
            pending={create.isPending}
            onClick={() => create.mutate({}, { onSuccess: (draft) => navigate(`/progress-reports/${draft.id}`) })}
          >
            New report
          </Button>
        )}
      </div>
      {create.isError && <Alert>{errorMessage(create.error)}</Alert>}
      {downloadError && <Alert>{downloadError}</Alert>}
      {reports.isPending && <p className="muted">Loading progress reports…</p>}
      {reports.isError && <Alert>{errorMessage(reports.error)}</Alert>}
      {reports.data && list.length === 0 && (
        <p className="muted">
          No progress reports yet.{canWrite && ' Start one for the last six months with “New report”.'}
        </p>
      )}
      {list.length > 0 && (
        <ReportTable caption="Progress reports" columns={columns} rows={list} rowKey={(report) => report.id} />
      )}
    </section>
  );
}
