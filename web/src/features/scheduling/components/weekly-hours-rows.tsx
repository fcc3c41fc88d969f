import { z } from 'zod';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { WEEKDAYS, WEEKDAY_LABELS, type TimeBlock, type Weekday } from '../api/appointment-types';

const WEEKDAY_OPTIONS = WEEKDAYS.map((day) => ({ value: day, label: WEEKDAY_LABELS[day] }));

/** Problems with a set of weekly blocks, by row: end before start, or overlapping another block of the same day. */
export function blockErrors(blocks: readonly TimeBlock[]): (string | undefined)[] {
  return blocks.map((block, index) => {
    if (!block.start || !block.end) return 'Enter both times';
    if (block.end <= block.start) return 'The end must be after the start';
    const overlaps = blocks.some(
      (other, otherIndex) =>
        otherIndex !== index && other.weekday === block.weekday && other.start < block.end && block.start < other.end,
    );
    return overlaps ? `Overlaps another ${WEEKDAY_LABELS[block.weekday]} block` : undefined;
  });
}

/** Weekly hours rows in a form's schema: each row's problem (see {@link blockErrors}) at its start time. */
export const weeklyHoursSchema = z
  .array(z.object({ weekday: z.enum(WEEKDAYS), start: z.string(), end: z.string() }))
  .superRefine((blocks, ctx) =>
    blockErrors(blocks).forEach((message, index) => {
      if (message) ctx.addIssue({ code: 'custom', path: [index, 'start'], message });
    }),
  );

/** What a row shows as wrong, field by field. */
export interface BlockRowErrors {
  weekday?: string;
  start?: string;
  end?: string;
}

/**
 * Weekly hours as editable rows — a day, from, to and a remove button each — for a therapist's availability and a
 * child's available hours alike. `noun` names the rows for assistive technology ("Day, block 2", "Remove hours 2").
 */
export function WeeklyHoursRows({
  label,
  noun,
  blocks,
  onChange,
  errorsOf = () => ({}),
}: {
  label: string;
  noun: string;
  blocks: readonly TimeBlock[];
  onChange: (blocks: TimeBlock[]) => void;
  errorsOf?: (index: number) => BlockRowErrors;
}) {
  const change = (index: number, patch: Partial<TimeBlock>) =>
    onChange(blocks.map((block, other) => (other === index ? { ...block, ...patch } : block)));
  return (
    <ul className="block-list" aria-label={label}>
      {blocks.map((block, index) => {
        const errors = errorsOf(index);
        return (
          <li key={index} className="block-row">
            <SelectField
              label="Day"
              aria-label={`Day, ${noun} ${index + 1}`}
              options={WEEKDAY_OPTIONS}
              value={block.weekday}
              error={errors.weekday}
              onChange={(event) => change(index, { weekday: event.target.value as Weekday })}
            />
            <TextField
              label="From"
              aria-label={`From, ${noun} ${index + 1}`}
              type="time"
              step={900}
              value={block.start}
              error={errors.start}
              onChange={(event) => change(index, { start: event.target.value })}
            />
            <TextField
              label="To"
              aria-label={`To, ${noun} ${index + 1}`}
              type="time"
              step={900}
              value={block.end}
              error={errors.end}
              onChange={(event) => change(index, { end: event.target.value })}
            />
            <Button
              variant="ghost"
              size="sm"
              className="block-remove"
              onClick={() => onChange(blocks.filter((_, other) => other !== index))}
            >
              Remove {noun} {index + 1}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
