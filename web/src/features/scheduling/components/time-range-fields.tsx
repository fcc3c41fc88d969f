import type { UseFormRegisterReturn } from 'react-hook-form';
import { z } from 'zod';
import { TextField } from '../../../components/ui/text-field';
import { toDay } from '../../../lib/dates';
import { SCOPE_LABELS, type MoveScope } from '../api/appointment-types';
import { combine, toTime } from './schedule-math';

/** A day with a start and an end time, as the move, propose-a-change and draft-adjustment forms edit it. */
export const timeRangeFields = { day: z.string(), startTime: z.string(), endTime: z.string() };
export type TimeRangeValues = { day: string; startTime: string; endTime: string };

/** The form values for a session from {@code start} to {@code end} (the end is kept on the start's day). */
export function timeRangeValues(start: Date, end: Date): TimeRangeValues {
  return { day: toDay(start), startTime: toTime(start), endTime: toTime(end) };
}

/** The chosen start and end, or why they do not make a session. */
function checkTimeRange({ day, startTime, endTime }: TimeRangeValues) {
  const from = combine(day, startTime);
  const to = combine(day, endTime);
  if (!from || !to) return { error: 'Enter a date and both times' } as const;
  if (to <= from) return { error: 'The end must be after the start' } as const;
  return { start: from, end: to } as const;
}

/** The schema refinement of a form with {@link timeRangeFields}: its message sits at the start time. */
export function refineTimeRange(values: TimeRangeValues, ctx: z.RefinementCtx) {
  const checked = checkTimeRange(values);
  if ('error' in checked) ctx.addIssue({ code: 'custom', path: ['startTime'], message: checked.error });
}

/** The start and end of values that passed {@link refineTimeRange}. */
export function chosenRange(values: TimeRangeValues): { start: Date; end: Date } {
  const checked = checkTimeRange(values);
  if ('error' in checked) throw new Error(checked.error);
  return checked;
}

/** Where the server's "/start" or "/end" lands in a form with {@link TimeRangeFields}: at its start time. */
export function timeRangeField(path: string): 'startTime' | undefined {
  return path === 'start' || path === 'end' ? 'startTime' : undefined;
}

/**
 * The date, start and end fields of a form with {@link timeRangeFields} (pass `register('day')`…); {@code prefix}
 * makes "New date", "New start"…
 */
export function TimeRangeFields({
  day,
  startTime,
  endTime,
  error,
  prefix,
}: {
  day: UseFormRegisterReturn;
  startTime: UseFormRegisterReturn;
  endTime: UseFormRegisterReturn;
  error?: string;
  prefix?: string;
}) {
  const label = (name: string) => (prefix ? `${prefix} ${name.toLowerCase()}` : name);
  return (
    <div className="form-grid form-grid-3">
      <TextField label={label('Date')} type="date" required {...day} />
      <TextField label={label('Start')} type="time" step={900} required error={error} {...startTime} />
      <TextField label={label('End')} type="time" step={900} required {...endTime} />
    </div>
  );
}

/**
 * Which occurrences of a series a change applies to; {@code name} keeps two forms' radio groups apart, {@code scopes}
 * limits the choice (a cancellation offers no "all").
 */
export function ScopeFieldset<S extends MoveScope>({
  name,
  scope,
  onChange,
  scopes = Object.keys(SCOPE_LABELS) as S[],
}: {
  name: string;
  scope: S;
  onChange: (scope: S) => void;
  scopes?: readonly S[];
}) {
  return (
    <fieldset className="fieldset">
      <legend className="fieldset-legend">Which appointments</legend>
      {scopes.map((value) => (
        <div className="field field-checkbox" key={value}>
          <input
            id={`${name}-${value}`}
            type="radio"
            name={name}
            className="checkbox"
            checked={scope === value}
            onChange={() => onChange(value)}
          />
          <label htmlFor={`${name}-${value}`}>{SCOPE_LABELS[value]}</label>
        </div>
      ))}
    </fieldset>
  );
}
