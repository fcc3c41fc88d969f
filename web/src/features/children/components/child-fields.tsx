import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { TextareaField } from '../../../components/ui/textarea-field';
import { toDay } from '../../../lib/dates';
import { CHILD_SEXES, CHILD_SEX_LABELS, CHILD_STATUS_LABELS, EDITABLE_CHILD_STATUSES } from '../api/child-types';
import type { ChildForm } from '../api/child-schema';

interface FieldsProps {
  register: UseFormRegister<ChildForm>;
  errors: FieldErrors<ChildForm>;
}

const STATUS_OPTIONS = EDITABLE_CHILD_STATUSES.map((status) => ({ value: status, label: CHILD_STATUS_LABELS[status] }));

const SEX_OPTIONS = [
  { value: '', label: 'Not recorded' },
  ...CHILD_SEXES.map((sex) => ({ value: sex, label: CHILD_SEX_LABELS[sex] })),
];

/** Where the child lives and the sex the insurer has on file: what a claim names for the patient. */
export function ChildHomeFields({ register, errors }: FieldsProps) {
  return (
    <fieldset className="fieldset">
      <legend className="fieldset-legend">Home address</legend>
      <p className="muted">Insurance claims name the child with this address and sex, as the insurer has them.</p>
      <div className="form-grid">
        <SelectField
          label="Sex (as on the insurance card)"
          options={SEX_OPTIONS}
          error={errors.sex?.message}
          {...register('sex')}
        />
        <TextField
          label="Street address"
          autoComplete="off"
          error={errors.addressLine1?.message}
          {...register('addressLine1')}
        />
        <TextField
          label="Apartment, suite (optional)"
          autoComplete="off"
          error={errors.addressLine2?.message}
          {...register('addressLine2')}
        />
        <TextField label="City" autoComplete="off" error={errors.addressCity?.message} {...register('addressCity')} />
        <TextField
          label="State"
          autoComplete="off"
          hint="Two letters, e.g. IL"
          maxLength={2}
          error={errors.addressState?.message}
          {...register('addressState')}
        />
        <TextField
          label="ZIP code"
          autoComplete="off"
          inputMode="numeric"
          error={errors.addressPostalCode?.message}
          {...register('addressPostalCode')}
        />
      </div>
    </fieldset>
  );
}

/** Names, date of birth and school. */
export function ChildIdentityFields({ register, errors }: FieldsProps) {
  return (
    <fieldset className="fieldset">
      <legend className="fieldset-legend">About the child</legend>
      <div className="form-grid">
        <TextField
          label="First name"
          autoComplete="off"
          required
          error={errors.firstName?.message}
          {...register('firstName')}
        />
        <TextField
          label="Last name"
          autoComplete="off"
          required
          error={errors.lastName?.message}
          {...register('lastName')}
        />
        <TextField
          label="Preferred name (optional)"
          autoComplete="off"
          hint="What the child likes to be called."
          error={errors.preferredName?.message}
          {...register('preferredName')}
        />
        <TextField
          label="Date of birth"
          type="date"
          required
          max={toDay(new Date())}
          error={errors.dateOfBirth?.message}
          {...register('dateOfBirth')}
        />
        <TextField
          label="School (optional)"
          autoComplete="off"
          error={errors.school?.message}
          {...register('school')}
        />
      </div>
    </fieldset>
  );
}

/** Allergies and medical notes. */
export function ChildMedicalFields({ register, errors }: FieldsProps) {
  return (
    <fieldset className="fieldset">
      <legend className="fieldset-legend">Health</legend>
      <TextareaField
        label="Allergies (optional)"
        hint="Foods, medicines or anything else the team must avoid."
        error={errors.allergies?.message}
        {...register('allergies')}
      />
      <TextareaField
        label="Medical notes (optional)"
        hint="Conditions, medication and anything the team should know."
        rows={4}
        error={errors.medicalNotes?.message}
        {...register('medicalNotes')}
      />
    </fieldset>
  );
}

/** Emergency contacts, as rows that can be added and removed. */
export function EmergencyContactsFields({ register, errors, control }: FieldsProps & { control: Control<ChildForm> }) {
  const { fields, append, remove } = useFieldArray({ control, name: 'emergencyContacts' });
  return (
    <fieldset className="fieldset">
      <legend className="fieldset-legend">Emergency contacts</legend>
      {fields.length === 0 && <p className="muted">No emergency contacts yet.</p>}
      <ol className="contact-list">
        {fields.map((field, index) => {
          const rowErrors = errors.emergencyContacts?.[index];
          return (
            <li key={field.id} className="contact-row" aria-label={`Contact ${index + 1}`}>
              <TextField
                label="Name"
                autoComplete="off"
                required
                error={rowErrors?.name?.message}
                {...register(`emergencyContacts.${index}.name`)}
              />
              <TextField
                label="Relationship"
                autoComplete="off"
                required
                placeholder="e.g. grandmother"
                error={rowErrors?.relationship?.message}
                {...register(`emergencyContacts.${index}.relationship`)}
              />
              <TextField
                label="Phone"
                type="tel"
                autoComplete="off"
                required
                error={rowErrors?.phone?.message}
                {...register(`emergencyContacts.${index}.phone`)}
              />
              <Button variant="ghost" size="sm" className="contact-remove" onClick={() => remove(index)}>
                Remove <span className="visually-hidden">contact {index + 1}</span>
              </Button>
            </li>
          );
        })}
      </ol>
      {errors.emergencyContacts?.root?.message && (
        <p className="field-error">{errors.emergencyContacts.root.message}</p>
      )}
      <div>
        <Button variant="secondary" size="sm" onClick={() => append({ name: '', relationship: '', phone: '' })}>
          Add contact
        </Button>
      </div>
    </fieldset>
  );
}

/** What only the clinic records: status, intake date, diagnosis codes and insurance. */
export function ChildClinicFields({ register, errors }: FieldsProps) {
  return (
    <fieldset className="fieldset">
      <legend className="fieldset-legend">Clinic record</legend>
      <div className="form-grid">
        <SelectField label="Status" options={STATUS_OPTIONS} error={errors.status?.message} {...register('status')} />
        <TextField
          label="Intake date (optional)"
          type="date"
          error={errors.intakeDate?.message}
          {...register('intakeDate')}
        />
        <TextField
          label="Diagnosis codes (optional)"
          autoComplete="off"
          hint="ICD-10, separated by commas, e.g. F84.0"
          error={errors.diagnosisCodes?.message}
          {...register('diagnosisCodes')}
        />
        <TextField
          label="Insurance payer (optional)"
          autoComplete="off"
          error={errors.insurancePayer?.message}
          {...register('insurancePayer')}
        />
        <TextField
          label="Member ID (optional)"
          autoComplete="off"
          error={errors.insuranceMemberId?.message}
          {...register('insuranceMemberId')}
        />
        <TextField
          label="Group number (optional)"
          autoComplete="off"
          error={errors.insuranceGroupNumber?.message}
          {...register('insuranceGroupNumber')}
        />
      </div>
    </fieldset>
  );
}
