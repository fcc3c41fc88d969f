import { useState } from 'react';
import { TextField } from '../../../components/ui/text-field';
import { toDay } from '../../../lib/dates';
import { SCOPE_LABELS, type MoveScope } from '../api/appointment-types';
import { combine, toTime } from './schedule-math';

/** A day with a start and an end time, as the move, propose-a-change and draft-adjustment forms edit it. */
export interface TimeRange {
  day: string;
  startTime: string;
  endTime: string;
  setDay: (value: string) => void;
  setStartTime: (value: string) => void;
  setEndTime: (value: string) => void;
  /** The chosen start and end, or why they do not make a session. */
  check: () => { start: Date; end: Date; error?: undefined } | { error: string };
}

/** Form state for a session from {@code start} to {@code end} (the end is kept on the start's day). */
export function useTimeRange(start: Date, end: Date): TimeRange {
  const [day, setDay] = useState(toDay(start));
  const [startTime, setStartTime] = useState(toTime(start));
  const [endTime, setEndTime] = useState(toTime(end));
  return {
    day,
    startTime,
    endTime,
    setDay,
    setStartTime,
    setEndTime,
    check: () => {
      const from = combine(day, startTime);
      const to = combine(day, endTime);
      if (!from || !to) return { error: 'Enter a date and both times' };
      if (to <= from) return { error: 'The end must be after the start' };
      return { start: from, end: to };
    },
  };
}

/** Where the server's "/start" or "/end" lands in a form with {@link TimeRangeFields}: at its time fields. */
export function timeRangeField(path: string): 'when' | undefined {
  return path === 'start' || path === 'end' ? 'when' : undefined;
}

/** The date, start and end fields of a {@link TimeRange}; {@code prefix} makes "New date", "New start"… */
export function TimeRangeFields({ range, error, prefix }: { range: TimeRange; error?: string; prefix?: string }) {
  const label = (name: string) => (prefix ? `${prefix} ${name.toLowerCase()}` : name);
  return (
    <div className="form-grid form-grid-3">
      <TextField
        label={label('Date')}
        type="date"
        required
        value={range.day}
        onChange={(event) => range.setDay(event.target.value)}
      />
      <TextField
        label={label('Start')}
        type="time"
        step={900}
        required
        value={range.startTime}
        error={error}
        onChange={(event) => range.setStartTime(event.target.value)}
      />
      <TextField
        label={label('End')}
        type="time"
        step={900}
        required
        value={range.endTime}
        onChange={(event) => range.setEndTime(event.target.value)}
      />
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
