import type { ComponentPropsWithRef } from 'react';
import { Field } from './field';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends Omit<ComponentPropsWithRef<'select'>, 'id'> {
  label: string;
  options: readonly SelectOption[];
  hint?: string;
  error?: string;
  id?: string;
  /** Adds a first option with an empty value, e.g. "Any role" or "Choose…". */
  placeholder?: string;
}

export function SelectField({ label, options, hint, error, id, required, placeholder, ...select }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {({ inputId, describedBy, invalid }) => (
        <select
          id={inputId}
          className="input select"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          aria-required={required || undefined}
          {...select}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
