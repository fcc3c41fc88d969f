/** Dates, grid positions and drag snapping of the week grid. All times are the browser's (the clinic's) local time. */

export const GRID_START_HOUR = 7;
export const GRID_END_HOUR = 20;
export const SLOT_MINUTES = 15;
export const SLOTS = ((GRID_END_HOUR - GRID_START_HOUR) * 60) / SLOT_MINUTES;

export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days, date.getHours(), date.getMinutes());
}

/** The Monday of the week `date` falls in, at midnight. */
export function startOfWeek(date: Date): Date {
  const day = startOfDay(date);
  return addDays(day, -((day.getDay() + 6) % 7));
}

export function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "09:05" */
export function toTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** "2026-11-30T09:00:00-05:00": a local date and time with the local offset, as the API wants it. */
export function toOffsetIso(date: Date): string {
  const pad = (value: number) => String(Math.abs(value)).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** A local Date from "2026-11-30" and "09:30"; null when either is not valid. */
export function combine(day: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const date = new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  return Number.isNaN(date.getTime()) ? null : date;
}

export interface GridPosition {
  /** 1-based column among the shown days. */
  column: number;
  /** 1-based first and end (exclusive) quarter-hour rows, clipped to 7:00–20:00. */
  rowStart: number;
  rowEnd: number;
}

/** Where an appointment sits in a grid of `days` (midnights) × quarter hours; null when it is not shown. */
export function gridPosition(start: Date, end: Date, days: readonly Date[]): GridPosition | null {
  const index = days.findIndex((day) => sameDay(day, start));
  if (index < 0) return null;
  const minutesFrom = (date: Date) => (date.getHours() - GRID_START_HOUR) * 60 + date.getMinutes();
  const endMinutes = sameDay(start, end) ? minutesFrom(end) : (GRID_END_HOUR - GRID_START_HOUR) * 60;
  const first = Math.max(0, Math.floor(minutesFrom(start) / SLOT_MINUTES));
  const last = Math.min(SLOTS, Math.ceil(endMinutes / SLOT_MINUTES));
  if (last <= 0 || first >= SLOTS || last <= first) return null;
  return { column: index + 1, rowStart: first + 1, rowEnd: last + 1 };
}

export interface DragResult {
  /** Index into the shown days. */
  dayIndex: number;
  /** Minutes after midnight of the new start, on the 15-minute grid. */
  startMinutes: number;
}

/**
 * Where a block dragged by (dx, dy) pixels lands: whole columns sideways, whole quarter hours up or down, kept inside
 * the shown days and so that the appointment still ends by 20:00 (and starts at 7:00 or later).
 */
export function snapDrag(
  from: { dayIndex: number; startMinutes: number; durationMinutes: number },
  dx: number,
  dy: number,
  metrics: { columnWidth: number; slotHeight: number; dayCount: number },
): DragResult {
  const dayIndex = Math.min(metrics.dayCount - 1, Math.max(0, from.dayIndex + Math.round(dx / metrics.columnWidth)));
  const moved = from.startMinutes + Math.round(dy / metrics.slotHeight) * SLOT_MINUTES;
  const snapped = Math.round(moved / SLOT_MINUTES) * SLOT_MINUTES;
  const earliest = GRID_START_HOUR * 60;
  const latest = Math.max(earliest, GRID_END_HOUR * 60 - from.durationMinutes);
  return { dayIndex, startMinutes: Math.min(latest, Math.max(earliest, snapped)) };
}

/** Assigns side-by-side lanes to overlapping items of one day, so none hides another. */
export function assignLanes<T extends { start: Date; end: Date }>(
  items: readonly T[],
): Map<T, { lane: number; lanes: number }> {
  const sorted = [...items].sort((a, b) => a.start.getTime() - b.start.getTime());
  const result = new Map<T, { lane: number; lanes: number }>();
  let group: T[] = [];
  let groupEnd = 0;
  let laneEnds: number[] = [];
  const flush = () => {
    for (const item of group) result.set(item, { lane: result.get(item)!.lane, lanes: laneEnds.length });
    group = [];
    laneEnds = [];
  };
  for (const item of sorted) {
    if (group.length > 0 && item.start.getTime() >= groupEnd) flush();
    let lane = laneEnds.findIndex((end) => end <= item.start.getTime());
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(item.end.getTime());
    } else laneEnds[lane] = item.end.getTime();
    result.set(item, { lane, lanes: 0 });
    group.push(item);
    groupEnd = Math.max(groupEnd, item.end.getTime());
  }
  flush();
  return result;
}

/** True when the start is less than 24 hours away: a parent's cancellation then counts as late. */
export function isLateCancellation(start: Date, now: Date = new Date()): boolean {
  return start.getTime() - now.getTime() < 24 * 60 * 60 * 1000;
}

/** "9:30 AM" or "09:30", as the locale writes times. */
export function formatClock(date: Date): string {
  return date.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
}

export function formatTimeRange(start: Date, end: Date): string {
  return `${formatClock(start)}–${formatClock(end)}`;
}

export function formatDayHeading(date: Date): string {
  return date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
}

export function formatLongDay(date: Date): string {
  return date.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}
