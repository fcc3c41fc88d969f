import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { ApiError, errorMessage } from '../../../lib/api-error';
import {
  PLACE_OPTIONS,
  SERVICE_OPTIONS,
  WEEKDAYS,
  WEEKDAY_LABELS,
  placeLabel,
  serviceLabel,
  type TimeBlock,
} from '../api/appointment-types';
import { useSchedulePreferences, type SchedulePreferences } from '../api/get-schedule-preferences';
import { usePutSchedulePreferences } from '../api/put-schedule-preferences';
import { blockErrors, WeeklyHoursRows } from './weekly-hours-rows';

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

interface PrescriptionRow {
  serviceCode: string;
  /** As typed. */
  hours: string;
}

/** The server's field errors by pointer ("/availableHours/1/end"); those without a field here go to `other`. */
function serverErrors(error: unknown, hours: number, prescriptions: number) {
  const byPointer = new Map<string, string>();
  const other: string[] = [];
  if (error instanceof ApiError) {
    for (const { pointer, detail } of error.errors) {
      const known =
        /^\/availableHours\/(\d+)(\/(start|end|weekday))?$/.exec(pointer)?.[1] ??
        /^\/prescribedWeeklyHours\/(\d+)\/(serviceCode|hours)$/.exec(pointer)?.[1];
      const fits =
        pointer === '/preferredPlace' ||
        (known !== undefined && Number(known) < (pointer.startsWith('/availableHours') ? hours : prescriptions));
      if (fits) byPointer.set(pointer, byPointer.has(pointer) ? `${byPointer.get(pointer)}; ${detail}` : detail);
      else other.push(detail);
    }
  }
  return { at: (pointer: string) => byPointer.get(pointer), other };
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
  const [blocks, setBlocks] = useState<TimeBlock[]>(initial.availableHours);
  const [prescriptions, setPrescriptions] = useState<PrescriptionRow[]>(
    initial.prescribedWeeklyHours.map((prescription) => ({ ...prescription, hours: String(prescription.hours) })),
  );
  const [place, setPlace] = useState(initial.preferredPlace ?? 'clinic');
  const [showErrors, setShowErrors] = useState(false);
  const blockProblems = blockErrors(blocks);
  const hoursProblems = prescriptions.map((prescription) => hoursError(prescription.hours));
  // the server's errors name rows by index: they stand until the next attempt
  const server = serverErrors(save.error, blocks.length, prescriptions.length);

  const changePrescription = (index: number, patch: Partial<PrescriptionRow>) =>
    setPrescriptions(prescriptions.map((row, other) => (other === index ? { ...row, ...patch } : row)));

  function submit(event: FormEvent) {
    event.preventDefault();
    setShowErrors(true);
    if (blockProblems.some(Boolean) || hoursProblems.some(Boolean)) return;
    save.mutate(
      {
        availableHours: blocks,
        prescribedWeeklyHours: prescriptions.map((row) => ({ serviceCode: row.serviceCode, hours: Number(row.hours) })),
        preferredPlace: place,
      },
      { onSuccess: onSaved },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Edit schedule preferences">
      <fieldset className="fieldset">
        <legend className="fieldset-legend">Available hours</legend>
        {blocks.length === 0 && <p className="muted">No hours yet: the automatic schedule places nothing.</p>}
        <WeeklyHoursRows
          label="Available hours"
          noun="hours"
          blocks={blocks}
          onChange={setBlocks}
          errorsOf={(index) => ({
            weekday: server.at(`/availableHours/${index}/weekday`),
            start:
              (showErrors ? blockProblems[index] : undefined) ??
              server.at(`/availableHours/${index}`) ??
              server.at(`/availableHours/${index}/start`),
            end: server.at(`/availableHours/${index}/end`),
          })}
        />
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            const last = blocks[blocks.length - 1];
            const next = last ? WEEKDAYS[Math.min(6, WEEKDAYS.indexOf(last.weekday) + 1)] : 'MONDAY';
            setBlocks([...blocks, { weekday: next, start: last?.start ?? '15:00', end: last?.end ?? '18:00' }]);
          }}
        >
          Add hours
        </Button>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset-legend">Prescribed weekly hours</legend>
        <ul className="block-list" aria-label="Prescribed weekly hours">
          {prescriptions.map((row, index) => (
            <li key={index} className="block-row">
              <SelectField
                label="Service"
                aria-label={`Service, prescription ${index + 1}`}
                options={SERVICE_OPTIONS}
                value={row.serviceCode}
                error={server.at(`/prescribedWeeklyHours/${index}/serviceCode`)}
                onChange={(event) => changePrescription(index, { serviceCode: event.target.value })}
              />
              <TextField
                label="Hours a week"
                aria-label={`Hours a week, prescription ${index + 1}`}
                type="number"
                min={0}
                max={40}
                inputMode="numeric"
                value={row.hours}
                error={
                  (showErrors ? hoursProblems[index] : undefined) ?? server.at(`/prescribedWeeklyHours/${index}/hours`)
                }
                onChange={(event) => changePrescription(index, { hours: event.target.value })}
              />
              <Button
                variant="ghost"
                size="sm"
                className="block-remove"
                onClick={() => setPrescriptions(prescriptions.filter((_, other) => other !== index))}
              >
                Remove prescription {index + 1}
              </Button>
            </li>
          ))}
        </ul>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            const used = new Set(prescriptions.map((row) => row.serviceCode));
            const next = SERVICE_OPTIONS.find((option) => !used.has(option.value))?.value ?? '97153';
            setPrescriptions([...prescriptions, { serviceCode: next, hours: '1' }]);
          }}
        >
          Add prescription
        </Button>
      </fieldset>
      <SelectField
        label="Preferred place"
        options={PLACE_OPTIONS}
        value={place}
        error={server.at('/preferredPlace')}
        onChange={(event) => setPlace(event.target.value)}
      />
      {save.isError &&
        (server.other.length > 0 || !(save.error instanceof ApiError) || save.error.errors.length === 0) && (
          <Alert>
            {errorMessage(save.error)}
            {server.other.length > 0 && (
              <ul>
                {server.other.map((detail, index) => (
                  <li key={index}>{detail}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={save.isPending}>
          Save preferences
        </Button>
      </div>
    </form>
  );
}
