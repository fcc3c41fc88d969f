import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button } from '../../../components/ui/button';
import {
  periodFromSearch,
  presetOf,
  presetPeriod,
  REPORT_PERIOD_PRESETS,
  useClinicZone,
  type ReportPeriod,
} from '../api/report-period';

/**
 * The period in the page's URL query (`?from=&to=`), this month in the clinic's time zone by default; the picker below
 * changes it.
 */
export function useReportPeriod(): ReportPeriod {
  const [params] = useSearchParams();
  return periodFromSearch(params, useClinicZone());
}

/**
 * Chooses a report's period: presets (this month, last month, the last three months, counted in the clinic's days
 * rather than the browser's) as toggle buttons and two day fields. The period lives in the URL query, so the back
 * button and a shared link show the same report. `now` is for tests.
 */
export function ReportPeriodPicker({ now }: { now?: Date } = {}) {
  const [params, setParams] = useSearchParams();
  const zone = useClinicZone();
  const period = periodFromSearch(params, zone, now);
  const current = presetOf(period, zone, now);
  const id = useId();
  const [draft, setDraft] = useState<ReportPeriod>(period);
  const [seen, setSeen] = useState(period);
  if (seen.from !== period.from || seen.to !== period.to) {
    setSeen(period);
    setDraft(period);
  }
  const choose = (next: ReportPeriod) => {
    const copy = new URLSearchParams(params);
    copy.set('from', next.from);
    copy.set('to', next.to);
    setParams(copy);
  };
  const invalid = !draft.from || !draft.to || draft.to < draft.from;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid) choose(draft);
  };
  return (
    <form className="report-period" onSubmit={submit} aria-labelledby={`${id}-legend`}>
      <p id={`${id}-legend`} className="report-period-legend">
        Period
      </p>
      <div className="report-period-presets" role="group" aria-label="Preset periods">
        {REPORT_PERIOD_PRESETS.map(({ preset, label }) => (
          <Button
            key={preset}
            size="sm"
            variant={current === preset ? 'primary' : 'secondary'}
            aria-pressed={current === preset}
            onClick={() => choose(presetPeriod(preset, zone, now))}
          >
            {label}
          </Button>
        ))}
      </div>
      <div className="report-period-days">
        <label className="field-label" htmlFor={`${id}-from`}>
          From
          <input
            id={`${id}-from`}
            className="input"
            type="date"
            value={draft.from}
            max={draft.to || undefined}
            onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          />
        </label>
        <label className="field-label" htmlFor={`${id}-to`}>
          To
          <input
            id={`${id}-to`}
            className="input"
            type="date"
            value={draft.to}
            min={draft.from || undefined}
            onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          />
        </label>
        <Button type="submit" size="sm" variant="secondary" disabled={invalid}>
          Show
        </Button>
      </div>
    </form>
  );
}
