import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { TextField } from '../../../components/ui/text-field';

interface CriterionValues {
  percent: string;
  consecutiveSessions: string;
  minTrials: string;
}

/** The mastery criterion: a percentage over a number of consecutive sessions, with a minimum of trials. */
export function CriterionFields<T extends CriterionValues>({
  register,
  errors,
  optional,
}: {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  optional: boolean;
}) {
  // The generic form type narrows to the criterion fields here.
  const reg = register as unknown as UseFormRegister<CriterionValues>;
  const errs = errors as FieldErrors<CriterionValues>;
  return (
    <fieldset className="fieldset">
      <legend className="fieldset-legend">Mastery criterion{optional ? ' (optional)' : ''}</legend>
      {optional && <p className="field-hint">Leave all three empty for no criterion.</p>}
      <div className="form-grid form-grid-3">
        <TextField
          label="Percent"
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          error={errs.percent?.message}
          {...reg('percent')}
        />
        <TextField
          label="Consecutive sessions"
          type="number"
          inputMode="numeric"
          min={1}
          max={20}
          error={errs.consecutiveSessions?.message}
          {...reg('consecutiveSessions')}
        />
        <TextField
          label="Minimum trials"
          type="number"
          inputMode="numeric"
          min={1}
          max={200}
          error={errs.minTrials?.message}
          {...reg('minTrials')}
        />
      </div>
    </fieldset>
  );
}
