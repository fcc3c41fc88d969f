import { describe, expect, it } from 'vitest';
import type { ProgressPoint, TargetProgress } from '../api/get-child-progress';
import { layoutGraph, niceMax, pointValue, type GraphBox } from './graph-scale';

const BOX: GraphBox = { width: 440, height: 240, margin: { top: 20, right: 20, bottom: 20, left: 20 } };

function aPoint(day: number, percentCorrect: number | null, overrides: Partial<ProgressPoint> = {}): ProgressPoint {
  return {
    sessionId: `s${day}`,
    date: `2026-03-0${day}T10:00:00Z`,
    trials: 10,
    percentCorrect,
    percentIndependent: null,
    count: 0,
    ratePerHour: null,
    durationSeconds: 0,
    meetsCriterion: (percentCorrect ?? 0) >= 80,
    ...overrides,
  };
}

function aTarget(overrides: Partial<TargetProgress> = {}): TargetProgress {
  return {
    targetId: 't1',
    programId: 'p1',
    programName: 'Receptive ID',
    name: 'dog',
    measurement: 'percent_correct',
    phase: 'intervention',
    criterion: { percent: 80, consecutiveSessions: 3, minTrials: 5 },
    masteredAt: null,
    points: [aPoint(3, 100), aPoint(1, 50), aPoint(2, 0)],
    phaseChanges: [],
    ...overrides,
  };
}

describe('layoutGraph', () => {
  it('spaces sessions evenly by date and maps 0–100 % onto the plot height', () => {
    const layout = layoutGraph(aTarget(), BOX);

    expect(layout.points.map((point) => point.sessionId)).toEqual(['s1', 's2', 's3']);
    expect(layout.points.map((point) => Math.round(point.x))).toEqual([87, 220, 353]);
    expect(layout.points.map((point) => point.y)).toEqual([120, 220, 20]);
    expect(layout.criterionY).toBe(20 + 200 * 0.2);
    expect(layout.points.map((point) => point.meets)).toEqual([false, false, true]);
  });

  it('puts a phase change between the sessions around it and does not join the line across it', () => {
    const layout = layoutGraph(
      aTarget({
        phaseChanges: [
          { phase: 'intervention', at: '2026-03-01T12:00:00Z', by: null, automatic: false },
          { phase: 'mastered', at: '2026-03-03T11:00:00Z', by: null, automatic: true },
        ],
      }),
      BOX,
    );

    expect(layout.phaseLines).toEqual([
      { x: 20 + 400 / 3, label: 'Intervention', stack: 0 },
      { x: 420, label: 'Mastered', stack: 0 },
    ]);
    expect(layout.segments.map((segment) => segment.map((point) => point.sessionId))).toEqual([['s1'], ['s2', 's3']]);
  });

  it("reads only its measurement's figure, the only one an answer's point carries", () => {
    const duration = { sessionId: 's1', date: '2026-03-01T10:00:00Z', trials: 0, durationSeconds: 120 };
    const point = { ...duration, meetsCriterion: false } as unknown as ProgressPoint;

    expect(pointValue(point, 'duration')).toBe(2);
    expect(pointValue(point, 'frequency')).toBeNull();
    expect(pointValue(point, 'percent_correct')).toBeNull();
  });

  it('scales counts to a round maximum, minutes for durations, and has no criterion line for them', () => {
    const counts = layoutGraph(
      aTarget({ measurement: 'frequency', points: [aPoint(1, null, { count: 7 }), aPoint(2, null, { count: 3 })] }),
      BOX,
    );
    expect(counts.yMax).toBe(10);
    expect(counts.points[0].y).toBe(20 + 200 * 0.3);
    expect(counts.criterionY).toBeNull();

    expect(pointValue(aPoint(1, null, { durationSeconds: 90 }), 'duration')).toBe(1.5);
  });

  it('leaves sessions without a value off the line', () => {
    const layout = layoutGraph(aTarget({ points: [aPoint(1, 50), aPoint(2, null), aPoint(3, 70)] }), BOX);

    expect(layout.points[1].y).toBeNull();
    expect(layout.segments).toHaveLength(2);
  });
});

describe('niceMax', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 0.4, 1, 3, 7, 11, 49, 120].map(niceMax)).toEqual([1, 0.5, 1, 5, 10, 20, 50, 200]);
  });
});
