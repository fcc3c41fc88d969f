import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { errorMessage } from '../../../lib/api-error';
import { toDay } from '../../../lib/dates';
import { STATUS_LABELS, serviceLabel, type Appointment } from '../api/appointment-types';
import { useAppointments } from '../api/list-appointments';
import { scheduleChildName, useScheduleChildren } from '../api/list-schedule-children';
import { useTherapists } from '../api/list-therapists';
import type { PayerWarning } from '../api/payer-warnings';
import { AppointmentDialog } from './appointment-dialog';
import { ChangeRequestsPanel } from './change-requests-panel';
import { CancelDialog } from './cancel-dialog';
import { DayList } from './day-list';
import { MoveDialog, type MoveRequest } from './move-dialog';
import { NewAppointmentDialog } from './new-appointment-dialog';
import { PayerWarnings } from './payer-warnings';
import { ProposeChangeDialog } from './propose-change-dialog';
import { addDays, formatLongDay, formatTimeRange, startOfDay, startOfWeek, toOffsetIso } from './schedule-math';
import { useChildNames } from './use-names';
import { useNarrowScreen } from './use-narrow-screen';
import { WeekGrid, weekDays, type GridItem } from './week-grid';

type View = 'week' | 'day';

/**
 * The clinic schedule for admins and therapists: a week or day grid (a day list on phones), filtered by therapist or
 * child. Blocks open their details; admins book, move (also by dragging), cancel and decide on the changes therapists
 * propose; therapists propose changes of their own appointments and follow them.
 */
export function ScheduleScreen({ user }: { user: { id: string; name: string; role: string } }) {
  const isAdmin = user.role === 'admin';
  const narrow = useNarrowScreen();
  const [view, setView] = useState<View>('week');
  const [anchor, setAnchor] = useState(() => startOfDay(new Date()));
  const [therapistId, setTherapistId] = useState('');
  const [childId, setChildId] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [moving, setMoving] = useState<MoveRequest | null>(null);
  const [cancelling, setCancelling] = useState<Appointment | null>(null);
  const [proposing, setProposing] = useState<Appointment | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNoticeText] = useState('');
  /** What the last booking, move or approval went beyond the child's authorization with. */
  const [payerWarnings, setPayerWarnings] = useState<PayerWarning[]>([]);
  const setNotice = (message: string, warnings: PayerWarning[] = []) => {
    setNoticeText(message);
    setPayerWarnings(warnings);
  };

  const shownView: View = narrow ? 'day' : view;
  const days = useMemo(() => (shownView === 'week' ? weekDays(startOfWeek(anchor)) : [anchor]), [shownView, anchor]);
  const from = days[0];
  const to = addDays(days[days.length - 1], 1);
  const appointments = useAppointments({
    from: toOffsetIso(from),
    to: toOffsetIso(to),
    therapistId: therapistId || undefined,
    childId: childId || undefined,
  });
  const childName = useChildNames();
  const children = useScheduleChildren();
  const therapists = useTherapists({ enabled: isAdmin });

  const list = appointments.data?.content ?? [];
  const selected = list.find((appointment) => appointment.id === selectedId) ?? null;
  const therapistOptions = isAdmin
    ? (therapists.data?.content ?? []).map((therapist) => ({ value: therapist.id, label: therapist.name }))
    : [{ value: user.id, label: `${user.name} (me)` }];
  const childOptions = (children.data?.content ?? []).map((child) => ({
    value: child.id,
    label: scheduleChildName(child),
  }));

  const items: GridItem[] = list.map((appointment) => {
    const start = new Date(appointment.start);
    const end = new Date(appointment.end);
    const name = childName(appointment.childId);
    return {
      key: appointment.id,
      start,
      end,
      title: name,
      subtitle: appointment.therapist.name,
      tone: appointment.status,
      label: `${formatTimeRange(start, end)}, ${name} with ${appointment.therapist.name}, ${serviceLabel(appointment.serviceCode)}, ${STATUS_LABELS[appointment.status]}`,
      onSelect: () => setSelectedId(appointment.id),
      draggable: isAdmin && appointment.status === 'scheduled',
    };
  });

  const step = shownView === 'week' ? 7 : 1;
  const rangeLabel =
    shownView === 'week'
      ? `Week of ${days[0].toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' })}`
      : formatLongDay(anchor);

  return (
    <div className="sched-screen">
      <div className="sched-toolbar">
        <div className="sched-nav" role="group" aria-label="Dates">
          <Button variant="secondary" size="sm" onClick={() => setAnchor(addDays(anchor, -step))}>
            {shownView === 'week' ? 'Previous week' : 'Previous day'}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setAnchor(startOfDay(new Date()))}>
            Today
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setAnchor(addDays(anchor, step))}>
            {shownView === 'week' ? 'Next week' : 'Next day'}
          </Button>
          <p className="sched-range" aria-live="polite">
            {rangeLabel}
          </p>
        </div>
        {!narrow && (
          <div className="sched-views" role="group" aria-label="View">
            {(['week', 'day'] as const).map((value) => (
              <Button
                key={value}
                size="sm"
                variant={view === value ? 'primary' : 'secondary'}
                aria-pressed={view === value}
                onClick={() => setView(value)}
              >
                {value === 'week' ? 'Week' : 'Day'}
              </Button>
            ))}
          </div>
        )}
        {isAdmin && <Button onClick={() => setCreating(true)}>New appointment</Button>}
      </div>
      <div className="sched-filters">
        <SelectField
          label="Therapist"
          placeholder={isAdmin ? 'All therapists' : 'Everyone I can see'}
          options={therapistOptions}
          value={therapistId}
          onChange={(event) => setTherapistId(event.target.value)}
        />
        <SelectField
          label="Child"
          placeholder="All children"
          options={childOptions}
          value={childId}
          onChange={(event) => setChildId(event.target.value)}
        />
        {isAdmin && (
          <p className="sched-links">
            <Link to="/schedule/availability">Availability</Link>
            <Link to="/schedule/proposals">Automatic schedule</Link>
          </p>
        )}
        {!isAdmin && (
          <p className="sched-links">
            <Link to="/schedule/today">Today’s sessions</Link>
          </p>
        )}
      </div>
      <p className="notice-region" role="status">
        {notice}
      </p>
      <PayerWarnings warnings={payerWarnings} />
      {(isAdmin || user.role === 'therapist') && (
        <ChangeRequestsPanel mode={isAdmin ? 'admin' : 'therapist'} childName={childName} onNotice={setNotice} />
      )}
      {appointments.isError && <Alert>{errorMessage(appointments.error)}</Alert>}
      {appointments.isPending ? (
        <p className="muted" role="status">
          Loading appointments…
        </p>
      ) : narrow ? (
        <DayList
          label={`Appointments on ${formatLongDay(anchor)}`}
          appointments={list}
          childName={childName}
          onSelect={(appointment) => setSelectedId(appointment.id)}
          empty="No appointments this day."
        />
      ) : (
        <WeekGrid
          label={rangeLabel}
          days={days}
          items={items}
          onMove={
            isAdmin
              ? (item, start) => {
                  const appointment = list.find((candidate) => candidate.id === item.key);
                  if (appointment) setMoving({ appointment, start });
                }
              : undefined
          }
        />
      )}
      {!appointments.isPending && !narrow && list.length === 0 && !appointments.isError && (
        <p className="muted">No appointments in this range.</p>
      )}

      <AppointmentDialog
        appointment={selected}
        childName={selected ? childName(selected.childId) : ''}
        isAdmin={isAdmin}
        isOwnTherapist={selected?.therapist.id === user.id}
        onClose={() => setSelectedId(null)}
        onMove={(appointment) => {
          setSelectedId(null);
          setMoving({ appointment, start: new Date(appointment.start) });
        }}
        onCancel={(appointment) => {
          setSelectedId(null);
          setCancelling(appointment);
        }}
        onPropose={(appointment) => {
          setSelectedId(null);
          setProposing(appointment);
        }}
      />
      <ProposeChangeDialog
        appointment={proposing}
        childName={proposing ? childName(proposing.childId) : ''}
        therapistId={user.id}
        onClose={() => setProposing(null)}
        onProposed={(message) => {
          setProposing(null);
          setNotice(message);
        }}
      />
      <MoveDialog
        request={moving}
        childName={moving ? childName(moving.appointment.childId) : ''}
        onClose={() => setMoving(null)}
        onMoved={(message, warnings) => {
          setMoving(null);
          setNotice(message, warnings);
        }}
      />
      <CancelDialog
        appointment={cancelling}
        childName={cancelling ? childName(cancelling.childId) : ''}
        onClose={() => setCancelling(null)}
        onCancelled={() => setNotice('The appointment was cancelled.')}
      />
      <NewAppointmentDialog
        open={creating}
        defaultDate={toDay(anchor)}
        onClose={() => setCreating(false)}
        onBooked={(message, result) => {
          setCreating(false);
          setNotice(message, result.warnings);
          const first = result.occurrences[0];
          if (first) setAnchor(startOfDay(new Date(first.start)));
        }}
      />
    </div>
  );
}
