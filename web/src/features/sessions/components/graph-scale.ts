import type { ProgressPoint, TargetProgress } from '../api/get-child-progress';
import { phaseLabel, type Measurement } from '../api/session-types';

/**
 * The number a graph shows for one session, by how the target is measured. A point carries only the figure of its
 * target's measurement; the others are absent.
 */
export function pointValue(point: ProgressPoint, measurement: Measurement): number | null {
  switch (measurement) {
    case 'percent_correct':
      return point.percentCorrect ?? null;
    case 'task_analysis':
      return point.percentIndependent ?? null;
    case 'frequency':
      return point.count ?? null;
    case 'rate':
      return point.ratePerHour ?? null;
    case 'duration': {
      const seconds: number | null | undefined = point.durationSeconds;
      return seconds == null ? null : Math.round((seconds / 60) * 10) / 10;
    }
  }
}

export const Y_LABELS: Record<Measurement, string> = {
  percent_correct: '% correct',
  task_analysis: '% independent',
  frequency: 'Count',
  rate: 'Per hour',
  duration: 'Minutes',
};

export function isPercent(measurement: Measurement): boolean {
  return measurement === 'percent_correct' || measurement === 'task_analysis';
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least 1), so the axis ends on a round number. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= value) ?? 10 * power;
}

export interface GraphBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface PlottedPoint {
  sessionId: string;
  date: string;
  value: number | null;
  x: number;
  /** null when the session has no value (e.g. no trials). */
  y: number | null;
  meets: boolean;
}

export interface PhaseLine {
  x: number;
  label: string;
  /** 0 for the first line at this x, 1 for the second…: labels stack instead of overlapping. */
  stack: number;
}

export interface GraphLayout {
  points: PlottedPoint[];
  /** Runs of neighbouring points to connect; data is not joined across a phase change. */
  segments: PlottedPoint[][];
  phaseLines: PhaseLine[];
  criterionY: number | null;
  yMax: number;
  yTicks: { value: number; y: number }[];
  /** Points whose date is written under the axis (every one when there is room). */
  labelled: PlottedPoint[];
}

/**
 * Places sessions evenly from left to right (in date order, as ABA graphs do), values from bottom (0) to top.
 * A phase change sits between the last session before it and the first after it.
 */
export function layoutGraph(target: TargetProgress, box: GraphBox): GraphLayout {
  const { margin } = box;
  const plotWidth = Math.max(1, box.width - margin.left - margin.right);
  const plotHeight = Math.max(1, box.height - margin.top - margin.bottom);
  const sorted = [...target.points].sort((a, b) => a.date.localeCompare(b.date));
  const values = sorted.map((point) => pointValue(point, target.measurement));
  const percent = isPercent(target.measurement);
  const yMax = percent ? 100 : niceMax(Math.max(0, ...values.filter((value): value is number => value !== null)));
  const step = plotWidth / Math.max(1, sorted.length);
  const toY = (value: number) => margin.top + plotHeight - (Math.min(value, yMax) / yMax) * plotHeight;

  const points: PlottedPoint[] = sorted.map((point, index) => ({
    sessionId: point.sessionId,
    date: point.date,
    value: values[index],
    x: margin.left + (index + 0.5) * step,
    y: values[index] === null ? null : toY(values[index] as number),
    meets: point.meetsCriterion,
  }));

  const boundaries = target.phaseChanges.map((change) => ({
    index: sorted.filter((point) => point.date < change.at).length,
    label: phaseLabel(change.phase),
  }));
  const phaseLines = boundaries.map((boundary, i) => ({
    x: margin.left + boundary.index * step,
    label: boundary.label,
    stack: boundaries.slice(0, i).filter((other) => other.index === boundary.index).length,
  }));

  const breaks = new Set(boundaries.map((boundary) => boundary.index));
  const segments: PlottedPoint[][] = [];
  let current: PlottedPoint[] = [];
  points.forEach((point, index) => {
    if (breaks.has(index) || point.y === null) {
      if (current.length) segments.push(current);
      current = [];
    }
    if (point.y !== null) current.push(point);
  });
  if (current.length) segments.push(current);

  const criterionY = percent && target.criterion ? toY(target.criterion.percent) : null;
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((fraction) => ({ value: fraction * yMax, y: toY(fraction * yMax) }));
  const every = Math.max(1, Math.ceil(points.length / Math.max(1, Math.floor(plotWidth / 64))));
  const labelled = points.filter((_, index) => index % every === 0);

  return { points, segments, phaseLines, criterionY, yMax, yTicks, labelled };
}
