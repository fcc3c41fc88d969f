import { useId, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { isValidDay, toDay } from '../../../lib/dates';
import { serverFormErrors } from '../../../lib/form-errors';
import { isPreconditionFailed } from '../../../lib/use-precondition-reload';
import type { ProgressReport } from '../api/progress-report-types';
import { useUpdateProgressReport } from '../api/update-progress-report';

type PeriodField = 'periodStart' | 'periodEnd';
type Period = Record<PeriodField, string>;

/** The longest period a report covers (the server's rule, ADR 0034). */
const MAX_MONTHS = 12;

/** The first day a period ending on `end` may start: the day after the same date twelve months before. */
function earliestStart(end: string): string {
  const [year, month, day] = end.split('-').map(Number);
  const limit = new Date(year, month - 1 - MAX_MONTHS, day);
  limit.setDate(limit.getDate() + 1);
  return toDay(limit);
}

/** What is wrong with a period before it is sent, field by field, as the server would say it in words. */
export function periodErrors(period: Period, today: string = toDay(new Date())): Partial<Period> {
  const errors: Partial<Period> = {};
  if (!isValidDay(period.periodStart)) errors.periodStart = 'Enter the first day of the period.';
  if (!isValidDay(period.periodEnd)) errors.periodEnd = 'Enter the last day of the period.';
  if (errors.periodStart || errors.periodEnd) return errors;
  if (period.periodEnd > today) errors.periodEnd = 'The period ends today at the latest.';
  else if (period.periodEnd < period.periodStart) errors.periodEnd = 'The period ends on or after the day it starts.';
  else if (period.periodStart < earliestStart(period.periodEnd))
    errors.periodStart = `A report covers at most ${MAX_MONTHS} months.`;
  return errors;
}

const SERVER_FIELDS = ['periodStart', 'periodEnd'] as const;

/**
 * Changes a draft's period (both days included). The draft's figures are computed for the new period on saving, so
 * the screen shows them as soon as the server answers; the narrative is left as it is (saved or not).
 */
export function ProgressReportPeriodForm({ report, onChanged }: { report: ProgressReport; onChanged: () => void }) {
  const [period, setPeriod] = useState<Period>({ periodStart: report.periodStart, periodEnd: report.periodEnd });
  const [shown, setShown] = useState<Partial<Period>>({});
  const update = useUpdateProgressReport();
  const changed = period.periodStart !== report.periodStart || period.periodEnd !== report.periodEnd;
  const server = serverFormErrors(update.error, SERVER_FIELDS);
  const today = toDay(new Date());
  const headingId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = periodErrors(period, today);
    setShown(errors);
    if (errors.periodStart || errors.periodEnd) return;
    update.mutate({ report, change: period }, { onSuccess: onChanged });
  };

  const edit = (field: PeriodField, value: string) => {
    setPeriod({ ...period, [field]: value });
    setShown({ ...shown, [field]: undefined });
    update.reset();
  };

  return (
    <form className="form report-period-change" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h3 id={headingId} className="subsection-title">
        Change the period
      </h3>
      <div className="report-period-change-fields">
        <TextField
          label="From"
          type="date"
          value={period.periodStart}
          max={period.periodEnd || today}
          error={shown.periodStart ?? server.fields.periodStart}
          onChange={(event) => edit('periodStart', event.target.value)}
        />
        <TextField
          label="To"
          type="date"
          value={period.periodEnd}
          max={today}
          error={shown.periodEnd ?? server.fields.periodEnd}
          onChange={(event) => edit('periodEnd', event.target.value)}
        />
      </div>
      {update.isError && server.alert.length > 0 && (
        <Alert>
          {isPreconditionFailed(update.error)
            ? 'Someone else saved this draft in between. Reload the page and change the period again.'
            : server.alert.join(' ')}
        </Alert>
      )}
      <div className="form-actions">
        <Button type="submit" variant="secondary" pending={update.isPending} disabled={!changed}>
          Change period
        </Button>
      </div>
    </form>
  );
}
