import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { pointerPath, serverFormErrors } from '../../../lib/form-errors';
import {
  PLACES,
  PLACE_OPTIONS,
  SERVICE_CODES,
  SERVICE_OPTIONS,
  WEEKDAYS,
  WEEKDAY_LABELS,
  placeLabel,
  serviceLabel,
} from '../api/appointment-types';
import { useSchedulePreferences, type SchedulePreferences } from '../api/get-schedule-preferences';
import { usePutSchedulePreferences } from '../api/put-schedule-preferences';
import { WeeklyHoursRows, weeklyHoursSchema } from './weekly-hours-rows';

/**
 * The child's schedule preferences on the child page: when sessions may take place, the weekly hours prescribed per
 * service and the preferred place — what the automatic schedule places. Everyone who may see the child reads them;
 * admins (`canEdit`) change them in a dialog.
 */
export function SchedulePreferencesSection({ childId, canEdit }: { childId: string; canEdit: boolean }) {
  const preferences = useSchedulePreferences(childId);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState('');

  return (
    <section className="panel" aria-labelledby="schedule-preferences-heading">
      <div className="section-header">
        <h2 id="schedule-preferences-heading" className="section-title">
          Schedule preferences
        </h2>
        {canEdit && preferences.data && (
          <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
            Edit schedule preferences
          </Button>
        )}
      </div>
      <p className="notice-region" role="status">
        {notice}
      </p>
      {preferences.isPending && <p className="muted">Loading schedule preferences…</p>}
      {preferences.isError && <Alert>{errorMessage(preferences.error)}</Alert>}
      {preferences.data && <PreferencesDetails preferences={preferences.data} />}
      {canEdit && preferences.data && (
        <Dialog open={editing} onClose={() => setEditing(false)} title="Edit schedule preferences" size="wide">
          {editing && (
            <PreferencesForm
              childId={childId}
              initial={preferences.data}
              onClose={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                setNotice('The schedule preferences were saved.');
              }}
            />
          )}
        </Dialog>
      )}
    </section>
  );
}

function PreferencesDetails({ preferences }: { preferences: SchedulePreferences }) {
  return (
    <dl className="details">
      <div className="detail detail-wide">
        <dt>Available hours</dt>
        <dd>
          {preferences.availableHours.length === 0 ? (
            'None set'
          ) : (
            <ul className="plain-list" aria-label="Available hours">
              {preferences.availableHours.map((block, index) => (
                <li key={index}>
                  {WEEKDAY_LABELS[block.weekday]} {block.start}–{block.end}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div className="detail detail-wide">
        <dt>Prescribed weekly hours</dt>
        <dd>
          {preferences.prescribedWeeklyHours.length === 0 ? (
            'None set'
          ) : (
            <ul className="plain-list" aria-label="Prescribed weekly hours">
              {preferences.prescribedWeeklyHours.map((prescription) => (
                <li key={prescription.serviceCode}>
                  {serviceLabel(prescription.serviceCode)}: {prescription.hours} h a week
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div className="detail">
        <dt>Preferred place</dt>
        <dd>
          {preferences.preferredPlace ? placeLabel(preferences.preferredPlace) : `${placeLabel('clinic')} (default)`}
        </dd>
      </div>
    </dl>
  );
}

const preferencesSchema = z.object({
  availableHours: weeklyHoursSchema,
  prescriptions: z.array(
    z.object({
      serviceCode: z.enum(SERVICE_CODES),
      /** As typed. */
      hours: z.string().refine((hours) => hoursError(hours) === undefined, 'Whole hours from 0 to 40'),
    }),
  ),
  preferredPlace: z.enum(PLACES),
});
type PreferencesValues = z.infer<typeof preferencesSchema>;

/**
 * Where the server's pointers land among `hours` rows of available hours and `prescriptions` rows of prescribed hours:
 * "/availableHours/1" (an overlap) and "/availableHours/1/start" at that row's start, its end and weekday at theirs.
 */
function preferenceFields(hours: number, prescriptions: number) {
  return (path: string): string | undefined => {
    if (path === 'preferredPlace') return path;
    const hoursRow = /^availableHours\.(\d+)(?:\.(start|end|weekday))?$/.exec(path);
    if (hoursRow)
      return Number(hoursRow[1]) < hours ? `availableHours.${hoursRow[1]}.${hoursRow[2] ?? 'start'}` : undefined;
    const prescription = /^prescribedWeeklyHours\.(\d+)\.(serviceCode|hours)$/.exec(path);
    return prescription && Number(prescription[1]) < prescriptions ? path : undefined;
  };
}

function hoursError(hours: string): string | undefined {
  const value = Number(hours);
  return hours.trim() === '' || !Number.isInteger(value) || value < 0 || value > 40
    ? 'Whole hours from 0 to 40'
    : undefined;
}

function PreferencesForm({
  childId,
  initial,
  onClose,
  onSaved,
}: {
  childId: string;
  initial: SchedulePreferences;
  onClose: () => void;
  onSaved: () => void;
}) {
  const save = usePutSchedulePreferences(childId);
  const {
    register,
    control,
    handleSubmit,
    getValues,
    formState: { errors },
  } = useForm<PreferencesValues>({
    resolver: zodResolver(preferencesSchema),
    defaultValues: {
      availableHours: initial.availableHours,
      prescriptions: initial.prescribedWeeklyHours.map((prescription) => ({
        serviceCode: prescription.serviceCode,
        hours: String(prescription.hours),
      })),
      preferredPlace: initial.preferredPlace ?? 'clinic',
    },
  });
  const prescriptions = useFieldArray({ control, name: 'prescriptions' });
  const blockCount = useWatch({ control, name: 'availableHours' }).length;
  // the server's errors name rows by index: they stand until the next attempt
  const fields = preferenceFields(blockCount, prescriptions.fields.length);
  const placed: Partial<Record<string, string>> = serverFormErrors(save.error, fields).fields;
  const server = { at: (pointer: string) => placed[pointerPath(pointer)] };

  const submit = handleSubmit((values) =>
    save.mutate(
      {
        availableHours: values.availableHours,
        prescribedWeeklyHours: values.prescriptions.map((row) => ({
          serviceCode: row.serviceCode,
          hours: Number(row.hours),
        })),
        preferredPlace: values.preferredPlace,
      },
      { onSuccess: onSaved },
    ),
  );

  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Edit schedule preferences">
      <fieldset className="fieldset">
        <legend className="fieldset-legend">Available hours</legend>
        <Controller
          control={control}
          name="availableHours"
          render={({ field: { value: blocks, onChange } }) => {
            const last = blocks[blocks.length - 1];
            return (
              <>
                {blocks.length === 0 && <p className="muted">No hours yet: the automatic schedule places nothing.</p>}
                <WeeklyHoursRows
                  label="Available hours"
                  noun="hours"
                  blocks={blocks}
                  onChange={onChange}
                  errorsOf={(index) => ({
                    weekday: server.at(`/availableHours/${index}/weekday`),
                    start:
                      errors.availableHours?.[index]?.start?.message ?? server.at(`/availableHours/${index}/start`),
                    end: server.at(`/availableHours/${index}/end`),
                  })}
                />
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => {
                    const next = last ? WEEKDAYS[Math.min(6, WEEKDAYS.indexOf(last.weekday) + 1)] : 'MONDAY';
                    onChange([...blocks, { weekday: next, start: last?.start ?? '15:00', end: last?.end ?? '18:00' }]);
                  }}
                >
                  Add hours
                </Button>
              </>
            );
          }}
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset-legend">Prescribed weekly hours</legend>
        <ul className="block-list" aria-label="Prescribed weekly hours">
          {prescriptions.fields.map((row, index) => (
            <li key={row.id} className="block-row">
              <SelectField
                label="Service"
                aria-label={`Service, prescription ${index + 1}`}
                options={SERVICE_OPTIONS}
                error={server.at(`/prescribedWeeklyHours/${index}/serviceCode`)}
                {...register(`prescriptions.${index}.serviceCode`)}
              />
              <TextField
                label="Hours a week"
                aria-label={`Hours a week, prescription ${index + 1}`}
                type="number"
                min={0}
                max={40}
                inputMode="numeric"
                error={
                  errors.prescriptions?.[index]?.hours?.message ?? server.at(`/prescribedWeeklyHours/${index}/hours`)
                }
                {...register(`prescriptions.${index}.hours`)}
              />
              <Button variant="ghost" size="sm" className="block-remove" onClick={() => prescriptions.remove(index)}>
                Remove prescription {index + 1}
              </Button>
            </li>
          ))}
        </ul>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            const used = new Set(getValues('prescriptions').map((row) => row.serviceCode));
            const next = SERVICE_OPTIONS.find((option) => !used.has(option.value))?.value ?? '97153';
            prescriptions.append({ serviceCode: next, hours: '1' }, { shouldFocus: false });
          }}
        >
          Add prescription
        </Button>
      </fieldset>
      <SelectField
        label="Preferred place"
        options={PLACE_OPTIONS}
        error={server.at('/preferredPlace')}
        {...register('preferredPlace')}
      />
      <FormErrorAlert error={save.error} fields={fields} />
      <DialogActions onCancel={onClose} pending={save.isPending} submitLabel="Save preferences" />
    </form>
  );
}
