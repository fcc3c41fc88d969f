import type { ComponentPropsWithRef } from 'react';
import { Field } from './field';

export interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id'> {
  label: string;
  hint?: string;
  error?: string;
  id?: string;
}

export function TextField({ label, hint, error, id, required, className, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {({ inputId, describedBy, invalid }) => (
        <input
          id={inputId}
          className={`input${className ? ` ${className}` : ''}`}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          {...input}
        />
      )}
    </Field>
  );
}
