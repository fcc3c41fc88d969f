import { z } from 'zod';
import { PLACES, SERVICE_CODES, WEEKDAYS } from '../api/appointment-types';

const time = z.string().regex(/^\d{2}:\d{2}$/, 'Enter a time');

export const newAppointmentSchema = z
  .object({
    childId: z.string().min(1, 'Choose a child'),
    therapistId: z.string().min(1, 'Choose a therapist'),
    serviceCode: z.enum(SERVICE_CODES, { message: 'Choose a service' }),
    place: z.enum(PLACES, { message: 'Choose a place' }),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date'),
    start: time,
    end: time,
    repeats: z.boolean(),
    days: z.array(z.enum(WEEKDAYS)),
    endKind: z.enum(['count', 'until']),
    count: z.string(),
    until: z.string(),
    override: z.boolean(),
    overrideReason: z.string(),
  })
  .superRefine((values, ctx) => {
    if (values.start && values.end && values.end <= values.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'The end must be after the start' });
    }
    if (values.override && !values.overrideReason.trim()) {
      ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: 'Give a reason for the override' });
    }
    if (!values.repeats) return;
    if (values.days.length === 0) ctx.addIssue({ code: 'custom', path: ['days'], message: 'Choose at least one day' });
    if (values.endKind === 'count') {
      const count = Number(values.count);
      if (!Number.isInteger(count) || count < 1 || count > 200) {
        ctx.addIssue({ code: 'custom', path: ['count'], message: 'Enter a number from 1 to 200' });
      }
    } else if (!/^\d{4}-\d{2}-\d{2}$/.test(values.until) || values.until < values.date) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'Enter an end date on or after the first date' });
    }
  });

export type NewAppointmentForm = z.infer<typeof newAppointmentSchema>;
