import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { ReloadedAlert } from '../../../components/ui/reloaded-alert';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { isPreconditionFailed } from '../../../lib/use-precondition-reload';
import { getScheduleRules, usePutScheduleRules, useScheduleRules, type ScheduleRules } from '../api/schedule-rules';

const ENFORCEMENT_OPTIONS = [
  { value: 'warn', label: 'Warn, and book all the same' },
  { value: 'block', label: 'Block: do not book' },
];

const scheduleRulesSchema = z.object({
  enforcement: z.enum(['warn', 'block'], { message: 'Choose warn or block' }),
  graceDays: z
    .string()
    .trim()
    .regex(/^\d+$/, 'Enter a whole number of days')
    .refine((value) => Number(value) <= 90, 'At most 90 days'),
});
type ScheduleRulesForm = z.infer<typeof scheduleRulesSchema>;

const RULES_FIELDS = (path: string) =>
  (['enforcement', 'graceDays'] as const).find((field) => field === path) as keyof ScheduleRulesForm | undefined;

function formValues(rules: ScheduleRules): ScheduleRulesForm {
  return { enforcement: rules.enforcement, graceDays: String(rules.graceDays) };
}

/**
 * The clinic's rules for booking beyond a child's authorization (admins, ADR 0031): warn or block when a booking,
 * move or accepted week runs past the units, falls outside the dates or has no authorization for its code; and after
 * how many days an appointment nobody completed stops counting as planned units.
 */
export function ScheduleRulesSection() {
  const rules = useScheduleRules();
  return (
    <section className="panel" aria-labelledby="schedule-rules-title">
      <h2 id="schedule-rules-title" className="section-title">
        Bookings beyond an authorization
      </h2>
      {rules.isPending ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : rules.isError ? (
        <Alert>{errorMessage(rules.error)}</Alert>
      ) : (
        <ScheduleRulesFormView rules={rules.data} />
      )}
    </section>
  );
}

function ScheduleRulesFormView({ rules }: { rules: ScheduleRules }) {
  const save = usePutScheduleRules();
  const [version, setVersion] = useState(rules.version);
  const [reloaded, setReloaded] = useState(false);
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<ScheduleRulesForm>({ resolver: zodResolver(scheduleRulesSchema), defaultValues: formValues(rules) });

  const submit = handleSubmit((values) => {
    setReloaded(false);
    setSaved(false);
    save.mutate(
      { version, request: { enforcement: values.enforcement, graceDays: Number(values.graceDays) } },
      {
        onSuccess: (latest) => {
          setVersion(latest.version);
          setSaved(true);
        },
        onError: async (error) => {
          if (isPreconditionFailed(error)) {
            const latest = await getScheduleRules().catch(() => null);
            if (latest) {
              setVersion(latest.version);
              reset(formValues(latest));
              setReloaded(true);
            }
            return;
          }
          applyServerFieldErrors(error, RULES_FIELDS, setError);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Bookings beyond an authorization">
      <p className="muted">
        When a booking, a move or an accepted week runs past a child’s authorized units, falls outside its dates or has
        no authorization for its service. Children without any authorization pay privately and are not checked.
      </p>
      <div className="form-grid">
        <SelectField
          label="When a booking goes beyond"
          required
          options={ENFORCEMENT_OPTIONS}
          error={errors.enforcement?.message}
          {...register('enforcement')}
        />
        <TextField
          label="Grace period (days)"
          hint="A past appointment nobody completed stops counting as planned after this many days."
          type="number"
          min={0}
          max={90}
          inputMode="numeric"
          required
          error={errors.graceDays?.message}
          {...register('graceDays')}
        />
      </div>
      {reloaded && <ReloadedAlert record="setting" />}
      {!reloaded && !isPreconditionFailed(save.error) && <FormErrorAlert error={save.error} fields={RULES_FIELDS} />}
      <p className="notice-region" role="status">
        {saved ? 'Saved.' : ''}
      </p>
      <div className="action-bar">
        <Button type="submit" pending={save.isPending}>
          Save
        </Button>
      </div>
    </form>
  );
}
