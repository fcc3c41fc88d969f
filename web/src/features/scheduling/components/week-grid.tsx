import { useRef, useState, type CSSProperties, type PointerEvent } from 'react';
import type { AppointmentStatus } from '../api/appointment-types';
import {
  GRID_END_HOUR,
  GRID_START_HOUR,
  SLOTS,
  SLOT_MINUTES,
  addDays,
  assignLanes,
  formatDayHeading,
  formatClock,
  gridPosition,
  sameDay,
  snapDrag,
  startOfDay,
} from './schedule-math';

/** Height of one quarter hour in pixels. */
export const SLOT_PX = 14;
const DRAG_THRESHOLD_PX = 6;

export interface GridItem {
  key: string;
  start: Date;
  end: Date;
  title: string;
  subtitle: string;
  /** An appointment's status; a draft session; or an appointment already booked that a draft plans around. */
  tone: AppointmentStatus | 'draft' | 'existing';
  /** Spoken name of the block, e.g. "9:00–10:00, Robin Lee with Toni Tech, Scheduled". */
  label: string;
  onSelect?: () => void;
  /** Admins may drag it to another day or time. */
  draggable?: boolean;
}

interface WeekGridProps {
  /** Names the grid, e.g. "Week of 30 Nov". */
  label: string;
  days: readonly Date[];
  items: readonly GridItem[];
  /** Called when a block is dropped on another slot, with the new start (15-minute snap). */
  onMove?: (item: GridItem, start: Date) => void;
  now?: Date;
}

interface Drag {
  key: string;
  pointerId: number;
  x: number;
  y: number;
  dx: number;
  dy: number;
  moved: boolean;
}

/**
 * Days as columns and 7:00–20:00 as quarter-hour rows (CSS grid); each appointment is a button positioned by its time,
 * coloured by status. Admin blocks can be dragged: the drop snaps to whole days and quarter hours.
 */
export function WeekGrid({ label, days, items, onMove, now = new Date() }: WeekGridProps) {
  const columnsRef = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const suppressClick = useRef(false);
  const hours = Array.from({ length: GRID_END_HOUR - GRID_START_HOUR }, (_, index) => GRID_START_HOUR + index);

  const positioned = items
    .map((item) => ({ item, position: gridPosition(item.start, item.end, days) }))
    .filter((entry) => entry.position !== null);
  const lanes = new Map<GridItem, { lane: number; lanes: number }>();
  days.forEach((_, index) => {
    const ofDay = positioned.filter((entry) => entry.position!.column === index + 1).map((entry) => entry.item);
    for (const [item, lane] of assignLanes(ofDay)) lanes.set(item, lane);
  });

  function onPointerDown(event: PointerEvent<HTMLButtonElement>, item: GridItem) {
    if (!item.draggable || !onMove || event.button !== 0) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    setDrag({
      key: item.key,
      pointerId: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      dx: 0,
      dy: 0,
      moved: false,
    });
  }

  function onPointerMove(event: PointerEvent<HTMLButtonElement>) {
    if (!drag || drag.pointerId !== event.pointerId) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    const moved = drag.moved || Math.hypot(dx, dy) > DRAG_THRESHOLD_PX;
    setDrag({ ...drag, dx, dy, moved });
  }

  function onPointerUp(event: PointerEvent<HTMLButtonElement>, item: GridItem, column: number) {
    if (!drag || drag.pointerId !== event.pointerId) return;
    setDrag(null);
    if (!drag.moved || !onMove) return;
    suppressClick.current = true;
    const width = columnsRef.current?.getBoundingClientRect().width ?? 0;
    const durationMinutes = Math.round((item.end.getTime() - item.start.getTime()) / 60000);
    const result = snapDrag(
      { dayIndex: column - 1, startMinutes: item.start.getHours() * 60 + item.start.getMinutes(), durationMinutes },
      drag.dx,
      drag.dy,
      { columnWidth: width / days.length || 1, slotHeight: SLOT_PX, dayCount: days.length },
    );
    const day = startOfDay(days[result.dayIndex]);
    const start = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, result.startMinutes);
    if (start.getTime() !== item.start.getTime()) onMove(item, start);
  }

  const gridStyle = {
    '--days': days.length,
    '--slot': `${SLOT_PX}px`,
    '--slots': SLOTS,
  } as CSSProperties;

  return (
    <div className="sched-wrap" role="region" aria-label={label} tabIndex={0}>
      <div className="sched-grid" style={gridStyle}>
        <div className="sched-corner" aria-hidden="true" />
        {days.map((day, index) => (
          <div
            key={`head-${day.toISOString()}`}
            className={`sched-day-head${sameDay(day, now) ? ' sched-today' : ''}`}
            style={{ gridColumn: index + 2 }}
          >
            {formatDayHeading(day)}
          </div>
        ))}
        {hours.map((hour, index) => (
          <div
            key={`hour-${hour}`}
            className="sched-hour"
            style={{ gridRow: `${index * (60 / SLOT_MINUTES) + 2} / span ${60 / SLOT_MINUTES}` }}
            aria-hidden="true"
          >
            {`${String(hour).padStart(2, '0')}:00`}
          </div>
        ))}
        <div ref={columnsRef} className="sched-columns" aria-hidden="true">
          {days.map((day) => (
            <div key={`col-${day.toISOString()}`} className="sched-column" />
          ))}
        </div>
        {positioned.map(({ item, position }) => {
          const lane = lanes.get(item) ?? { lane: 0, lanes: 1 };
          const dragging = drag?.key === item.key && drag.moved;
          const style: CSSProperties = {
            gridColumn: position!.column + 1,
            gridRow: `${position!.rowStart + 1} / ${position!.rowEnd + 1}`,
            width: `calc(${100 / lane.lanes}% - 4px)`,
            marginLeft: `calc(${(100 * lane.lane) / lane.lanes}% + 2px)`,
            transform: dragging ? `translate(${drag.dx}px, ${drag.dy}px)` : undefined,
          };
          const className = `sched-block sched-${item.tone}${item.draggable && onMove ? ' sched-draggable' : ''}${dragging ? ' sched-dragging' : ''}`;
          const content = (
            <>
              <span className="sched-block-time">{formatClock(item.start)}</span>
              <span className="sched-block-title">{item.title}</span>
              <span className="sched-block-sub">{item.subtitle}</span>
            </>
          );
          if (!item.onSelect) {
            return (
              <div key={item.key} className={className} style={style} role="note" aria-label={item.label}>
                {content}
              </div>
            );
          }
          return (
            <button
              key={item.key}
              type="button"
              className={className}
              style={style}
              aria-label={item.label}
              onClick={() => {
                if (suppressClick.current) {
                  suppressClick.current = false;
                  return;
                }
                item.onSelect?.();
              }}
              onPointerDown={(event) => onPointerDown(event, item)}
              onPointerMove={onPointerMove}
              onPointerUp={(event) => onPointerUp(event, item, position!.column)}
              onPointerCancel={() => setDrag(null)}
            >
              {content}
            </button>
          );
        })}
      </div>
    </div>
  );
}

/** The seven days of the week starting on `monday`. */
export function weekDays(monday: Date): Date[] {
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}
