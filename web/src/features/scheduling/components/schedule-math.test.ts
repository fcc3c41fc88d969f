import { describe, expect, it } from 'vitest';
import {
  assignLanes,
  combine,
  gridPosition,
  isLateCancellation,
  snapDrag,
  startOfWeek,
  toOffsetIso,
} from './schedule-math';
import { weekDays } from './week-grid';

const monday = new Date(2026, 10, 30);
const days = weekDays(monday);
const at = (day: number, hours: number, minutes = 0) => new Date(2026, 10, 30 + day, hours, minutes);

describe('gridPosition', () => {
  it('puts 9:00–10:00 on Wednesday in column 3, rows 9 to 13 (quarter hours from 7:00)', () => {
    expect(gridPosition(at(2, 9), at(2, 10), days)).toEqual({ column: 3, rowStart: 9, rowEnd: 13 });
  });

  it('starts the grid at 7:00 and covers partial quarter hours', () => {
    expect(gridPosition(at(0, 7), at(0, 7, 15), days)).toEqual({ column: 1, rowStart: 1, rowEnd: 2 });
    expect(gridPosition(at(0, 7, 10), at(0, 7, 20), days)).toEqual({ column: 1, rowStart: 1, rowEnd: 3 });
  });

  it('clips to 7:00–20:00 and skips what lies outside', () => {
    expect(gridPosition(at(6, 6), at(6, 8), days)).toEqual({ column: 7, rowStart: 1, rowEnd: 5 });
    expect(gridPosition(at(1, 19, 30), at(1, 21), days)).toEqual({ column: 2, rowStart: 51, rowEnd: 53 });
    expect(gridPosition(at(1, 5), at(1, 6), days)).toBeNull();
    expect(gridPosition(at(7, 9), at(7, 10), days)).toBeNull();
  });
});

describe('snapDrag', () => {
  const metrics = { columnWidth: 100, slotHeight: 14, dayCount: 7 };
  const from = { dayIndex: 1, startMinutes: 9 * 60, durationMinutes: 60 };

  it('moves by whole days and snaps to quarter hours', () => {
    expect(snapDrag(from, 160, 20, metrics)).toEqual({ dayIndex: 3, startMinutes: 9 * 60 + 15 });
    expect(snapDrag(from, -40, -45, metrics)).toEqual({ dayIndex: 1, startMinutes: 8 * 60 + 15 });
  });

  it('keeps the block inside the shown days and hours', () => {
    expect(snapDrag(from, -500, 0, metrics).dayIndex).toBe(0);
    expect(snapDrag(from, 1000, 0, metrics).dayIndex).toBe(6);
    expect(snapDrag(from, 0, -1000, metrics).startMinutes).toBe(7 * 60);
    expect(snapDrag(from, 0, 1000, metrics).startMinutes).toBe(19 * 60);
  });
});

describe('dates', () => {
  it('finds the Monday of a week', () => {
    expect(startOfWeek(new Date(2026, 11, 6, 15))).toEqual(monday);
    expect(startOfWeek(monday)).toEqual(monday);
  });

  it('writes local times with their offset', () => {
    const date = combine('2026-11-30', '09:30')!;
    const iso = toOffsetIso(date);
    expect(iso).toMatch(/^2026-11-30T09:30:00[+-]\d{2}:\d{2}$/);
    expect(new Date(iso).getTime()).toBe(date.getTime());
    expect(combine('2026-11-30', '')).toBeNull();
  });
});

describe('assignLanes', () => {
  it('puts overlapping appointments side by side', () => {
    const a = { start: at(0, 9), end: at(0, 10) };
    const b = { start: at(0, 9, 30), end: at(0, 10, 30) };
    const c = { start: at(0, 11), end: at(0, 12) };
    const lanes = assignLanes([a, b, c]);
    expect(lanes.get(a)).toEqual({ lane: 0, lanes: 2 });
    expect(lanes.get(b)).toEqual({ lane: 1, lanes: 2 });
    expect(lanes.get(c)).toEqual({ lane: 0, lanes: 1 });
  });
});

describe('isLateCancellation', () => {
  it('is late under 24 hours before the start', () => {
    const now = new Date(2026, 10, 30, 9);
    expect(isLateCancellation(new Date(2026, 11, 1, 8), now)).toBe(true);
    expect(isLateCancellation(new Date(2026, 11, 1, 10), now)).toBe(false);
  });
});
