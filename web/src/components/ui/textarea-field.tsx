import type { ComponentPropsWithRef } from 'react';
import { Field } from './field';

export interface TextareaFieldProps extends Omit<ComponentPropsWithRef<'textarea'>, 'id'> {
  label: string;
  hint?: string;
  error?: string;
  id?: string;
}

export function TextareaField({ label, hint, error, id, required, rows = 3, ...textarea }: TextareaFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {({ inputId, describedBy, invalid }) => (
        <textarea
          id={inputId}
          className="input textarea"
          rows={rows}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          {...textarea}
        />
      )}
    </Field>
  );
}
