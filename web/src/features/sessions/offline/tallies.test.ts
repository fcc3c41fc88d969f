import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../api/session-types';
import { computeTallies, describeTally, effectiveEvents, lastUndoable, tallyOf } from './tallies';

let n = 0;
const at = '2026-03-02T10:00:00Z';
function trial(outcome: 'correct' | 'incorrect' | 'no_response', promptLevel = 'independent' as const): SessionEvent {
  n += 1;
  return { id: `e${n}`, at, type: 'trial', targetId: 'dog', outcome, promptLevel };
}

describe('tallies', () => {
  it('counts trials by outcome and independent corrects, with the percentage', () => {
    const events = [trial('correct'), trial('correct'), trial('incorrect'), trial('no_response')];
    const tally = tallyOf(computeTallies(events), 'dog');

    expect(tally).toMatchObject({ trials: 4, correct: 2, incorrect: 1, noResponse: 1, independent: 2 });
    expect(describeTally('percent_correct', tally)).toBe('2/4 correct · 50%');
  });

  it('leaves out undone events and the undo events themselves', () => {
    const first = trial('correct');
    const second = trial('incorrect');
    const undo: SessionEvent = { id: 'u1', at, type: 'undo', undoes: second.id };
    const events = [first, second, undo];

    expect(effectiveEvents(events)).toEqual([first]);
    expect(describeTally('percent_correct', tallyOf(computeTallies(events), 'dog'))).toBe('1/1 correct · 100%');
    expect(lastUndoable(events)).toEqual(first);
  });

  it('undoing everything leaves nothing to undo', () => {
    const only = trial('correct');
    const events: SessionEvent[] = [only, { id: 'u2', at, type: 'undo', undoes: only.id }];

    expect(lastUndoable(events)).toBeUndefined();
    expect(describeTally('percent_correct', tallyOf(computeTallies(events), 'dog'))).toBe('No trials yet');
  });

  it('adds up counts, durations and task steps per target', () => {
    const events: SessionEvent[] = [
      { id: 'f1', at, type: 'frequency', targetId: 'hit', count: 1 },
      { id: 'f2', at, type: 'frequency', targetId: 'hit', count: 1 },
      { id: 'd1', at, type: 'duration', targetId: 'cry', seconds: 65 },
      { id: 's1', at, type: 'task_step', targetId: 'wash', step: 1, promptLevel: 'independent' },
      { id: 's2', at, type: 'task_step', targetId: 'wash', step: 2, promptLevel: 'verbal' },
      { id: 'a1', at, type: 'abc', antecedent: 'a', behavior: 'b', consequence: 'c', targetId: 'hit' },
    ];
    const tallies = computeTallies(events);

    expect(describeTally('frequency', tallyOf(tallies, 'hit'))).toBe('Count: 2');
    expect(describeTally('duration', tallyOf(tallies, 'cry'))).toBe('Total: 1 min 05 s');
    expect(describeTally('task_analysis', tallyOf(tallies, 'wash'))).toBe('1/2 steps independent · 50%');
  });
});
