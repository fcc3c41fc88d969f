import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import type { NewSessionEvent } from '../api/session-types';
import type { DraftTarget } from '../offline/outbox-db';

const text = (what: string) =>
  z.string().trim().min(1, `Describe the ${what}`).max(1000, 'Use at most 1000 characters');

const abcSchema = z.object({
  antecedent: text('antecedent'),
  behavior: text('behavior'),
  consequence: text('consequence'),
  targetId: z.string(),
});

type AbcForm = z.infer<typeof abcSchema>;

const EMPTY: AbcForm = { antecedent: '', behavior: '', consequence: '', targetId: '' };

/** Antecedent, behavior, consequence: a quick narrative record, optionally tied to a target. */
export function AbcForm({ targets, onRecord }: { targets: DraftTarget[]; onRecord: (event: NewSessionEvent) => void }) {
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<AbcForm>({ resolver: zodResolver(abcSchema), defaultValues: EMPTY });

  const submit = handleSubmit((values) => {
    onRecord({
      type: 'abc',
      antecedent: values.antecedent,
      behavior: values.behavior,
      consequence: values.consequence,
      ...(values.targetId ? { targetId: values.targetId } : {}),
    });
    reset(EMPTY);
  });

  return (
    <section className="panel" aria-labelledby="abc-heading">
      <h2 id="abc-heading" className="section-title">
        ABC record
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <TextField
            label="Antecedent"
            autoComplete="off"
            error={errors.antecedent?.message}
            {...register('antecedent')}
          />
          <TextField label="Behavior" autoComplete="off" error={errors.behavior?.message} {...register('behavior')} />
          <TextField
            label="Consequence"
            autoComplete="off"
            error={errors.consequence?.message}
            {...register('consequence')}
          />
          <SelectField
            label="Target (optional)"
            placeholder="No target"
            options={targets.map((target) => ({ value: target.targetId, label: target.name }))}
            {...register('targetId')}
          />
        </div>
        <div className="form-actions">
          <Button type="submit" variant="secondary" className="btn-touch">
            Record ABC
          </Button>
        </div>
      </form>
    </section>
  );
}
