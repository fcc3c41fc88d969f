import type { Measurement, SessionEvent } from '../api/session-types';

/** A target's running numbers, counted on the device from the events recorded so far. */
export interface LocalTally {
  trials: number;
  correct: number;
  incorrect: number;
  noResponse: number;
  independent: number;
  steps: number;
  stepsIndependent: number;
  count: number;
  durationSeconds: number;
}

const EMPTY: LocalTally = {
  trials: 0,
  correct: 0,
  incorrect: 0,
  noResponse: 0,
  independent: 0,
  steps: 0,
  stepsIndependent: 0,
  count: 0,
  durationSeconds: 0,
};

/** The events that still count: undo events and the events they undo are left out. */
export function effectiveEvents(events: readonly SessionEvent[]): SessionEvent[] {
  const undone = new Set(events.flatMap((event) => (event.type === 'undo' ? [event.undoes] : [])));
  return events.filter((event) => event.type !== 'undo' && !undone.has(event.id));
}

/** What "Undo last" takes back: the latest event that still counts. */
export function lastUndoable(events: readonly SessionEvent[]): SessionEvent | undefined {
  return effectiveEvents(events).at(-1);
}

export function computeTallies(events: readonly SessionEvent[]): Map<string, LocalTally> {
  const tallies = new Map<string, LocalTally>();
  for (const event of effectiveEvents(events)) {
    if (event.type === 'abc' || event.type === 'undo') continue;
    const tally = { ...(tallies.get(event.targetId) ?? EMPTY) };
    switch (event.type) {
      case 'trial':
        tally.trials += 1;
        if (event.outcome === 'correct') tally.correct += 1;
        if (event.outcome === 'incorrect') tally.incorrect += 1;
        if (event.outcome === 'no_response') tally.noResponse += 1;
        if (event.promptLevel === 'independent' && event.outcome === 'correct') tally.independent += 1;
        break;
      case 'task_step':
        tally.steps += 1;
        if (event.promptLevel === 'independent') tally.stepsIndependent += 1;
        break;
      case 'frequency':
        tally.count += event.count;
        break;
      case 'duration':
        tally.durationSeconds += event.seconds;
        break;
    }
    tallies.set(event.targetId, tally);
  }
  return tallies;
}

export function tallyOf(tallies: Map<string, LocalTally>, targetId: string): LocalTally {
  return tallies.get(targetId) ?? EMPTY;
}

/** Whole percent, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100);
}

/** "3 min 05 s"; "45 s" under a minute. */
export function formatSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes === 0 ? `${rest} s` : `${minutes} min ${String(rest).padStart(2, '0')} s`;
}

/** The one-line tally a target card shows, e.g. "7/10 correct · 70%". */
export function describeTally(measurement: Measurement, tally: LocalTally): string {
  switch (measurement) {
    case 'percent_correct':
      return tally.trials === 0
        ? 'No trials yet'
        : `${tally.correct}/${tally.trials} correct · ${percent(tally.correct, tally.trials)}%`;
    case 'task_analysis':
      return tally.steps === 0
        ? 'No steps yet'
        : `${tally.stepsIndependent}/${tally.steps} steps independent · ${percent(tally.stepsIndependent, tally.steps)}%`;
    case 'frequency':
    case 'rate':
      return `Count: ${tally.count}`;
    case 'duration':
      return tally.durationSeconds === 0 ? 'No time recorded yet' : `Total: ${formatSeconds(tally.durationSeconds)}`;
  }
}
