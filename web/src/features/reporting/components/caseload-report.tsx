import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Table } from '../../../components/ui/table';
import { errorMessage } from '../../../lib/api-error';
import { useAuth } from '../../../lib/auth';
import { formatDay } from '../../../lib/dates';
import {
  CASELOAD_CSV_PATH,
  caseloadRuleParams,
  DEFAULT_CASELOAD_RULES,
  useCaseloadReport,
  type CaseloadChild,
  type CaseloadRules,
} from '../api/caseload-report';
import { downloadReportCsv } from '../api/report-download';
import type { ReportPeriod } from '../api/report-period';
import { ReportPeriodPicker, useReportPeriod } from './report-period-picker';
import { ReportSection } from './report-section';
import { isSupervisingTherapist, SupervisionLogSection } from './supervision-log-section';

function whole(value: string | null, fallback: number, max: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 && number <= max ? number : fallback;
}

/** The rules in the page's query (`?stalledSessions=&probeDays=`), the defaults when absent or out of range. */
export function rulesFromSearch(params: URLSearchParams): CaseloadRules {
  return {
    stalledSessions: whole(params.get('stalledSessions'), DEFAULT_CASELOAD_RULES.stalledSessions, 20),
    probeDays: whole(params.get('probeDays'), DEFAULT_CASELOAD_RULES.probeDays, 365),
  };
}

function day(instant: string | null | undefined): string {
  return instant ? formatDay(instant.slice(0, 10)) : '—';
}

function CaseloadRulesForm({ rules }: { rules: CaseloadRules }) {
  const [params, setParams] = useSearchParams();
  const id = useId();
  const [draft, setDraft] = useState({ stalled: String(rules.stalledSessions), probe: String(rules.probeDays) });
  const next = rulesFromSearch(new URLSearchParams({ stalledSessions: draft.stalled, probeDays: draft.probe }));
  const valid = next.stalledSessions === Number(draft.stalled) && next.probeDays === Number(draft.probe);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    const copy = new URLSearchParams(params);
    for (const [key, value] of Object.entries(caseloadRuleParams(next))) {
      if (value === undefined) copy.delete(key);
      else copy.set(key, value);
    }
    setParams(copy);
  };
  return (
    <form className="report-period caseload-rules" onSubmit={submit} aria-label="Rules">
      <label className="field-label" htmlFor={`${id}-stalled`}>
        Stalled: no improvement over (sessions)
        <input
          id={`${id}-stalled`}
          className="input"
          type="number"
          min={1}
          max={20}
          value={draft.stalled}
          onChange={(event) => setDraft({ ...draft, stalled: event.target.value })}
        />
      </label>
      <label className="field-label" htmlFor={`${id}-probe`}>
        Probe due after (days without data)
        <input
          id={`${id}-probe`}
          className="input"
          type="number"
          min={1}
          max={365}
          value={draft.probe}
          onChange={(event) => setDraft({ ...draft, probe: event.target.value })}
        />
      </label>
      <Button type="submit" size="sm" variant="secondary" disabled={!valid}>
        Apply
      </Button>
    </form>
  );
}

function CaseloadCsvButton({ period, rules }: { period: ReportPeriod; rules: CaseloadRules }) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const download = async () => {
    setPending(true);
    setFailed(null);
    try {
      await downloadReportCsv(CASELOAD_CSV_PATH, 'caseload', period, caseloadRuleParams(rules));
    } catch (error) {
      setFailed(error);
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="report-downloads">
      <Button size="sm" variant="secondary" pending={pending} onClick={() => void download()}>
        Caseload as CSV
      </Button>
      {failed !== null && <Alert>{errorMessage(failed)}</Alert>}
    </div>
  );
}

function ChildDetails({ child, rules }: { child: CaseloadChild; rules: CaseloadRules }) {
  const nothing =
    child.mastered.length + child.stalled.length + child.probesDue.length + child.programsWithoutData.length === 0;
  return (
    <article className="caseload-child" aria-labelledby={`caseload-${child.childId}`}>
      <h3 id={`caseload-${child.childId}`} className="caseload-child-name">
        <Link to={`/children/${child.childId}`}>{child.name}</Link>{' '}
        <span className="muted">
          · {child.sessions} {child.sessions === 1 ? 'session' : 'sessions'} ·{' '}
          <Link to={`/children/${child.childId}/progress`}>progress</Link>
        </span>
      </h3>
      {nothing && <p className="muted">Nothing needs attention in this period.</p>}
      {child.mastered.length > 0 && (
        <>
          <h4 className="caseload-kind">Mastered</h4>
          <ul className="caseload-items">
            {child.mastered.map((t) => (
              <li key={`m-${t.targetId}-${t.at ?? ''}`}>
                <Link to={`/programs/${t.programId}`}>{t.programName}</Link>: {t.name}{' '}
                <span className="muted">on {day(t.at)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {child.stalled.length > 0 && (
        <>
          <h4 className="caseload-kind">Stalled (no improvement over {rules.stalledSessions} sessions)</h4>
          <ul className="caseload-items">
            {child.stalled.map((t) => (
              <li key={`s-${t.targetId}`}>
                <Link to={`/programs/${t.programId}`}>{t.programName}</Link>: {t.name}{' '}
                <span className="muted">in this phase since {day(t.at)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {child.probesDue.length > 0 && (
        <>
          <h4 className="caseload-kind">Maintenance probe due (no data for {rules.probeDays} days)</h4>
          <ul className="caseload-items">
            {child.probesDue.map((p) => (
              <li key={`p-${p.targetId}`}>
                <Link to={`/programs/${p.programId}`}>{p.programName}</Link>: {p.name}{' '}
                <span className="muted">
                  {p.lastDataAt ? `last data ${day(p.lastDataAt)}` : `no data since ${day(p.maintenanceSince)}`}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {child.programsWithoutData.length > 0 && (
        <>
          <h4 className="caseload-kind">Sessions without data for a program</h4>
          <ul className="caseload-items">
            {child.programsWithoutData.map((g) => (
              <li key={`g-${g.programId}`}>
                <Link to={`/programs/${g.programId}`}>{g.programName}</Link>:{' '}
                <span className="muted">
                  no data in {g.sessionsWithoutData} of {g.sessions} sessions
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

/**
 * The caseload report: for each child of the caller's caseload (every active child for an admin), targets mastered
 * in the period, stalled, due for a maintenance probe, and sessions without data for a program; a summary table and
 * each child's details with links to the child and the programs.
 */
export function CaseloadReportScreen() {
  const period = useReportPeriod();
  const [params] = useSearchParams();
  const rules = rulesFromSearch(params);
  const report = useCaseloadReport(period, rules);
  const children = report.data?.children ?? [];
  const { user } = useAuth();
  return (
    <>
      <ReportPeriodPicker />
      <CaseloadRulesForm key={`${rules.stalledSessions}-${rules.probeDays}`} rules={rules} />
      <ReportSection
        title="Children"
        description="Mastered counts targets moved to mastered in the period; stalled, probes due and sessions without data are as of today."
        period={period}
        loading={report.isPending}
        error={report.error}
      >
        <CaseloadCsvButton period={period} rules={rules} />
        {children.length === 0 ? (
          <p className="muted">No active children on this caseload.</p>
        ) : (
          <>
            <Table caption="Caseload summary">
              <thead>
                <tr>
                  <th scope="col">Child</th>
                  <th scope="col">Sessions</th>
                  <th scope="col">Mastered</th>
                  <th scope="col">Stalled</th>
                  <th scope="col">Probes due</th>
                  <th scope="col">Programs without data</th>
                </tr>
              </thead>
              <tbody>
                {children.map((child) => (
                  <tr key={child.childId}>
                    <th scope="row">
                      <a href={`#caseload-${child.childId}`}>{child.name}</a>
                    </th>
                    <td>{child.sessions}</td>
                    <td>{child.mastered.length}</td>
                    <td>{child.stalled.length}</td>
                    <td>{child.probesDue.length}</td>
                    <td>{child.programsWithoutData.length}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <div className="caseload-children">
              {children.map((child) => (
                <ChildDetails key={child.childId} child={child} rules={rules} />
              ))}
            </div>
          </>
        )}
      </ReportSection>
      {isSupervisingTherapist(user) && <SupervisionLogSection period={period} />}
    </>
  );
}
