import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { TextareaField } from '../../../components/ui/textarea-field';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime, formatDay } from '../../../lib/dates';
import { isPreconditionFailed } from '../../../lib/use-precondition-reload';
import { useCorrectProgressReport } from '../api/correct-progress-report';
import { downloadProgressReport } from '../api/download-progress-report';
import {
  STATUS_LABELS,
  formatLevel,
  formatMinutes,
  type ProgressReport,
  type ReportTarget,
} from '../api/progress-report-types';
import { useSignProgressReport } from '../api/sign-progress-report';
import { useUpdateProgressReport } from '../api/update-progress-report';
import { ProgressReportPeriodForm } from './progress-report-period-form';

type Narrative = Pick<ProgressReport, 'summary' | 'goals' | 'recommendations'>;

const SECTIONS: { key: keyof Narrative; label: string; hint: string }[] = [
  { key: 'summary', label: 'Summary', hint: 'How the period went: progress, attendance, what changed.' },
  { key: 'goals', label: 'Goals for the next period', hint: 'What the child works on next.' },
  { key: 'recommendations', label: 'Recommendations', hint: 'Hours, settings, caregiver training, re-authorization.' },
];

/**
 * One progress report: its figures (hours and attendance, mastered targets, each target's levels and graph) and the
 * BCBA's narrative. The child's supervisors (`canWrite`) edit a draft — its narrative and its period —, preview its
 * PDF and sign it; a signed report is read-only and can only be corrected by a new version. `renderGraph` draws a target's graph (the route passes
 * the progress graph of the sessions feature, which has a data table behind it).
 */
export function ProgressReportScreen({
  report,
  canWrite,
  renderGraph,
}: {
  report: ProgressReport;
  canWrite: boolean;
  renderGraph?: (target: ReportTarget) => ReactNode;
}) {
  const editable = canWrite && report.status === 'draft';
  const [text, setText] = useState<Narrative>({
    summary: report.summary,
    goals: report.goals,
    recommendations: report.recommendations,
  });
  const [notice, setNotice] = useState('');
  const [signing, setSigning] = useState(false);
  const [pdfError, setPdfError] = useState('');
  const update = useUpdateProgressReport();
  const sign = useSignProgressReport();
  const correct = useCorrectProgressReport();
  const navigate = useNavigate();
  const figures = report.figures;
  const dirty =
    text.summary !== report.summary || text.goals !== report.goals || text.recommendations !== report.recommendations;

  const save = (then?: (saved: ProgressReport) => void) =>
    update.mutate(
      { report, change: text },
      {
        onSuccess: (saved) => {
          setNotice('Draft saved.');
          then?.(saved);
        },
      },
    );

  const confirmSign = () => {
    const signNow = (current: ProgressReport) =>
      sign.mutate(current, {
        onSuccess: () => {
          setSigning(false);
          setNotice('The report is signed. Guardians can now read and download it.');
        },
      });
    if (dirty) save(signNow);
    else signNow(report);
  };

  const pdf = () => {
    setPdfError('');
    downloadProgressReport(report.id, report.periodEnd).catch((error: unknown) => setPdfError(errorMessage(error)));
  };

  return (
    <div className="stack-sections stack-wide">
      <div className="action-bar">
        <Badge tone={report.status === 'signed' ? 'success' : report.status === 'draft' ? 'info' : 'muted'}>
          {STATUS_LABELS[report.status]}
        </Badge>
        <Button variant="secondary" onClick={pdf}>
          {report.status === 'draft' ? 'Preview PDF' : 'Download PDF'}
        </Button>
        {editable && (
          <Button onClick={() => setSigning(true)} className="action-end">
            Sign report
          </Button>
        )}
        {canWrite && report.status === 'signed' && (
          <Button
            variant="secondary"
            className="action-end"
            pending={correct.isPending}
            onClick={() =>
              correct.mutate(report.id, { onSuccess: (draft) => navigate(`/progress-reports/${draft.id}`) })
            }
          >
            Correct this report
          </Button>
        )}
      </div>
      <div aria-live="polite" className="notice-region">
        {notice && <Alert tone="success">{notice}</Alert>}
      </div>
      {pdfError && <Alert>{pdfError}</Alert>}
      {correct.isError && <Alert>{errorMessage(correct.error)}</Alert>}

      <section className="panel" aria-labelledby="report-about-heading">
        <h2 id="report-about-heading" className="section-title">
          Report
        </h2>
        <dl className="details">
          <Detail term="Child">{figures.childName}</Detail>
          <Detail term="Period">
            {formatDay(report.periodStart)} – {formatDay(report.periodEnd)}
          </Detail>
          <Detail term="Signed">
            {report.signedAt ? `${formatDateTime(report.signedAt)} by ${report.signedBy?.name ?? ''}` : 'Not yet'}
          </Detail>
          {report.status === 'draft' && (
            <Detail term="Figures">As of {formatDateTime(figures.computedAt)}; frozen when signed.</Detail>
          )}
          {report.supersedes && <Detail term="Correction">This version corrects an earlier signed report.</Detail>}
          {report.status === 'superseded' && (
            <Detail term="Superseded">A later signed version corrects this one.</Detail>
          )}
        </dl>
        {editable && (
          <ProgressReportPeriodForm
            report={report}
            onChanged={() => setNotice('Period changed. The figures below are computed for the new period.')}
          />
        )}
      </section>

      <section className="panel" aria-labelledby="report-hours-heading">
        <h2 id="report-hours-heading" className="section-title">
          Hours and attendance
        </h2>
        <dl className="details">
          <Detail term="Hours delivered">
            {formatMinutes(figures.hours.deliveredMinutes)} of {formatMinutes(figures.hours.authorizedMinutes)}{' '}
            authorized
          </Detail>
          <Detail term="Appointments">{figures.attendance.appointments}</Detail>
          <Detail term="Attended">{figures.attendance.completed}</Detail>
          <Detail term="Cancelled by the family">{figures.attendance.cancelledByFamily}</Detail>
          <Detail term="Cancelled by the clinic">{figures.attendance.cancelledByClinic}</Detail>
          <Detail term="No-shows">{figures.attendance.noShows}</Detail>
          <Detail term="Attendance">
            {figures.attendance.rate === null || figures.attendance.rate === undefined
              ? '—'
              : `${figures.attendance.rate}%`}
          </Detail>
          <Detail term="Authorizations" wide>
            {figures.hours.authorizations.length === 0 ? (
              'None in this period'
            ) : (
              <ul className="plain-list">
                {figures.hours.authorizations.map((authorization) => (
                  <li key={authorization.number + authorization.serviceCode}>
                    {authorization.payer} {authorization.number} · {authorization.serviceCode} · {authorization.units}{' '}
                    units · {formatDay(authorization.startsOn)} – {formatDay(authorization.endsOn)}
                  </li>
                ))}
              </ul>
            )}
          </Detail>
        </dl>
      </section>

      <section className="panel" aria-labelledby="report-mastered-heading">
        <h2 id="report-mastered-heading" className="section-title">
          Mastered in this period
        </h2>
        {figures.mastered.length === 0 ? (
          <p className="muted">No target was mastered in this period.</p>
        ) : (
          <ul className="plain-list">
            {figures.mastered.map((target) => (
              <li key={target.targetId}>
                <strong>{target.name}</strong> <span className="muted">({target.programName})</span> — mastered{' '}
                {formatDay(target.masteredAt.slice(0, 10))}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="report-targets-heading">
        <h2 id="report-targets-heading" className="section-title">
          Progress by target
        </h2>
        {figures.targets.length === 0 && <p className="muted">The child has no targets.</p>}
        <div className="graph-list">
          {figures.targets.map((target) => (
            <div key={target.targetId} className="report-target">
              {renderGraph ? (
                renderGraph(target)
              ) : (
                <p>
                  {target.name} <span className="muted">({target.programName})</span>: {target.points.length} sessions
                </p>
              )}
              <p className="report-levels">
                <span>
                  Baseline: <strong>{formatLevel(target.baseline, target.measurement)}</strong>
                </span>
                <span>
                  Current: <strong>{formatLevel(target.current, target.measurement)}</strong>
                </span>
              </p>
            </div>
          ))}
        </div>
      </section>

      <section className="panel" aria-labelledby="report-narrative-heading">
        <h2 id="report-narrative-heading" className="section-title">
          Narrative
        </h2>
        {editable ? (
          <form
            className="form"
            onSubmit={(event) => {
              event.preventDefault();
              save();
            }}
          >
            {SECTIONS.map((section) => (
              <TextareaField
                key={section.key}
                label={section.label}
                hint={section.hint}
                rows={5}
                maxLength={20000}
                value={text[section.key]}
                onChange={(event) => setText({ ...text, [section.key]: event.target.value })}
              />
            ))}
            {update.isError && (
              <Alert>
                {isPreconditionFailed(update.error)
                  ? 'Someone else saved this draft in between. Reload the page and apply your change again.'
                  : errorMessage(update.error)}
              </Alert>
            )}
            <div className="form-actions">
              <Button type="submit" variant="secondary" pending={update.isPending} disabled={!dirty}>
                Save draft
              </Button>
            </div>
          </form>
        ) : (
          <dl className="details">
            {SECTIONS.map((section) => (
              <Detail key={section.key} term={section.label} wide>
                {report[section.key] || <span className="muted">Not written yet</span>}
              </Detail>
            ))}
          </dl>
        )}
      </section>

      <ConfirmDialog
        open={signing}
        title="Sign this progress report?"
        description="The figures are frozen as they are now, and the report can no longer be edited; a later correction becomes a new version. Guardians can read and download it once it is signed."
        confirmLabel="Sign report"
        pending={sign.isPending || update.isPending}
        error={sign.isError ? errorMessage(sign.error) : update.isError ? errorMessage(update.error) : undefined}
        onConfirm={confirmSign}
        onClose={() => {
          sign.reset();
          setSigning(false);
        }}
      />
    </div>
  );
}

function Detail({ term, wide = false, children }: { term: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'detail detail-wide' : 'detail'}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
