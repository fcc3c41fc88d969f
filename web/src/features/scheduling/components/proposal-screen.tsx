import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Table } from '../../../components/ui/table';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { isValidDay, toDay } from '../../../lib/dates';
import { STATUS_LABELS, placeLabel, serviceLabel, type Proposal } from '../api/appointment-types';
import { useAcceptProposal } from '../api/accept-proposal';
import { isPayerRefusal, type PayerWarning } from '../api/payer-warnings';
import { useCreateProposal } from '../api/create-proposal';
import { useAppointments } from '../api/list-appointments';
import { scheduleChildName, useScheduleChildren } from '../api/list-schedule-children';
import { useTherapists } from '../api/list-therapists';
import { AcceptProposalDialog } from './accept-proposal-dialog';
import { PayerRefusal, PayerWarnings } from './payer-warnings';
import { ConflictList, isConflictError } from './conflict-list';
import { PlacementDialog, type PlacementEdit } from './placement-dialog';
import { addDays, formatTimeRange, startOfWeek, toOffsetIso } from './schedule-math';
import { useChildNames } from './use-names';
import { WeekGrid, weekDays, type GridItem } from './week-grid';

function parseDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
}

const proposeWeekSchema = z.object({
  weekStart: z
    .string()
    .refine(isValidDay, 'Enter a date')
    .refine((day) => parseDay(day).getDay() === 1, 'Choose a Monday'),
  onlyChildId: z.string(),
});
type ProposeWeekForm = z.infer<typeof proposeWeekSchema>;

/** The request for a draft week: every active child, or the one chosen. */
const toRequest = ({ weekStart, onlyChildId }: ProposeWeekForm) => ({
  weekStart,
  ...(onlyChildId ? { childIds: [onlyChildId] } : {}),
});

/**
 * Admins ask for a draft week, look at it (placed blocks beside the week's appointments already booked, greyed and
 * fixed; unplaced hours; the score in words), adjust it (a block opens its editor; dragging one proposes a new time)
 * and accept it — after a confirmation that says what will be booked — to book it.
 */
export function ProposalScreen() {
  const {
    register,
    handleSubmit,
    getValues,
    formState: { errors },
  } = useForm<ProposeWeekForm>({
    resolver: zodResolver(proposeWeekSchema),
    defaultValues: { weekStart: toDay(addDays(startOfWeek(new Date()), 7)), onlyChildId: '' },
  });
  const children = useScheduleChildren();
  const childOptions = (children.data?.content ?? [])
    .filter((child) => child.status === 'active')
    .map((child) => ({ value: child.id, label: scheduleChildName(child) }));
  const propose = useCreateProposal();
  const accept = useAcceptProposal();
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [accepted, setAccepted] = useState<string | null>(null);
  const [acceptWarnings, setAcceptWarnings] = useState<PayerWarning[]>([]);
  // what the payer rules said of the child's sessions after the last move in the draft
  const [draftWarnings, setDraftWarnings] = useState<PayerWarning[]>([]);
  const showProposal = (proposed: Proposal) => {
    setProposal(proposed);
    setDraftWarnings([]);
  };
  const [editing, setEditing] = useState<PlacementEdit | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState('');
  const childName = useChildNames();
  const therapists = useTherapists();
  const therapistName = (id: string) =>
    therapists.data?.content.find((therapist) => therapist.id === id)?.name ?? 'Therapist';
  const conflict = isConflictError(accept.error) ? accept.error : null;

  const submit = handleSubmit((values) => {
    setAccepted(null);
    setNotice('');
    accept.reset();
    propose.mutate(toRequest(values), { onSuccess: showProposal });
  });

  const existing: GridItem[] = (proposal?.existing ?? []).map((appointment) => {
    const start = new Date(appointment.start);
    const end = new Date(appointment.end);
    const name = childName(appointment.childId);
    const therapist = therapistName(appointment.therapistId);
    return {
      key: `existing-${appointment.appointmentId}`,
      start,
      end,
      title: name,
      subtitle: `Already booked · ${therapist}`,
      tone: 'existing',
      label: `Already booked: ${formatTimeRange(start, end)}, ${name} with ${therapist}, ${serviceLabel(appointment.serviceCode)}, ${placeLabel(appointment.place)}`,
    };
  });
  const drafts: GridItem[] = (proposal?.placed ?? []).map((slot) => {
    const start = new Date(slot.start);
    const end = new Date(slot.end);
    const name = childName(slot.childId);
    const therapist = therapistName(slot.therapistId);
    return {
      key: slot.id,
      start,
      end,
      title: name,
      subtitle: therapist,
      tone: 'draft',
      label: `Draft: ${formatTimeRange(start, end)}, ${name} with ${therapist}, ${serviceLabel(slot.serviceCode)}, ${placeLabel(slot.place)}`,
      onSelect: () => setEditing({ slot, start }),
      draggable: true,
    };
  });
  const items = [...existing, ...drafts];

  return (
    <div className="sched-screen">
      <form className="panel form sched-propose" onSubmit={submit} noValidate aria-label="Propose a week">
        <TextField
          label="Week starting (Monday)"
          type="date"
          required
          error={errors.weekStart?.message}
          {...register('weekStart')}
        />
        <SelectField
          label="Only for (optional)"
          placeholder="All active children"
          options={childOptions}
          {...register('onlyChildId')}
        />
        <Button type="submit" pending={propose.isPending}>
          Propose
        </Button>
      </form>
      <FormErrorAlert error={propose.error} />
      {accepted && <AcceptedWeek weekStart={accepted} warnings={acceptWarnings} />}
      {proposal && !accepted && (
        <>
          <section className="panel" aria-labelledby="draft-title">
            <div className="section-header">
              <h2 id="draft-title" className="section-title">
                Draft week
              </h2>
              <p className="sched-score" title={`Score ${proposal.score}`}>
                {proposal.scoreSummary}
              </p>
            </div>
            <p className="muted">
              {proposal.placed.length} {proposal.placed.length === 1 ? 'session' : 'sessions'} placed
              {proposal.existing.length > 0 &&
                ` around ${proposal.existing.length} already booked (greyed, they stay as they are)`}
              . Nothing is booked until you accept. Choose a session to move it or take it out.
            </p>
            <p className="notice-region" role="status">
              {notice}
            </p>
            <PayerWarnings
              warnings={draftWarnings}
              title="The moved session goes beyond the child's authorization"
              advice="Accepting the week would book these units; the payer may not pay for them. Move the session back or check the authorization."
            />
            {conflict && <ConflictList error={conflict} />}
            {isPayerRefusal(accept.error) && <PayerRefusal error={accept.error} />}
            {!conflict && !isPayerRefusal(accept.error) && <FormErrorAlert error={accept.error} />}
            <div className="action-bar">
              <Button
                pending={accept.isPending}
                disabled={proposal.placed.length === 0}
                onClick={() => {
                  accept.reset();
                  setConfirming(true);
                }}
              >
                Accept and book
              </Button>
              {conflict && (
                <Button
                  variant="secondary"
                  pending={propose.isPending}
                  onClick={() => propose.mutate(toRequest(getValues()), { onSuccess: showProposal })}
                >
                  Propose again
                </Button>
              )}
            </div>
          </section>
          <WeekGrid
            label="Draft week calendar"
            days={weekDays(parseDay(proposal.weekStart))}
            items={items}
            onMove={(item, start) => {
              const slot = proposal.placed.find((candidate) => candidate.id === item.key);
              if (slot) setEditing({ slot, start });
            }}
          />
          <AcceptProposalDialog
            open={confirming}
            summary={proposal.summary}
            childName={childName}
            pending={accept.isPending}
            onClose={() => setConfirming(false)}
            onConfirm={() =>
              accept.mutate(proposal.id, {
                onSuccess: (booked) => {
                  setAcceptWarnings(booked.warnings);
                  setAccepted(proposal.weekStart);
                },
                onSettled: () => setConfirming(false),
              })
            }
          />
          <PlacementDialog
            proposal={proposal}
            edit={editing}
            childName={editing ? childName(editing.slot.childId) : ''}
            onClose={() => setEditing(null)}
            onChanged={(changed, message) => {
              setEditing(null);
              setProposal(changed);
              setDraftWarnings(changed.warnings);
              accept.reset();
              setNotice(message);
            }}
          />
          {proposal.unplaced.length > 0 && (
            <Table caption="Hours that could not be placed">
              <thead>
                <tr>
                  <th scope="col">Child</th>
                  <th scope="col">Service</th>
                  <th scope="col">Hours</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody className="table-stack">
                {proposal.unplaced.map((entry, index) => (
                  <tr key={index}>
                    <th scope="row">{childName(entry.childId)}</th>
                    <td data-label="Service">{serviceLabel(entry.serviceCode)}</td>
                    <td data-label="Hours">{entry.hours}</td>
                    <td data-label="Reason">{entry.reason}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </>
      )}
    </div>
  );
}

/** The booked week after accepting, read back from the server. */
function AcceptedWeek({ weekStart, warnings }: { weekStart: string; warnings: PayerWarning[] }) {
  const monday = parseDay(weekStart);
  const appointments = useAppointments({ from: toOffsetIso(monday), to: toOffsetIso(addDays(monday, 7)) });
  const childName = useChildNames();
  const items: GridItem[] = (appointments.data?.content ?? []).map((appointment) => {
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
      label: `${formatTimeRange(start, end)}, ${name} with ${appointment.therapist.name}, ${STATUS_LABELS[appointment.status]}`,
    };
  });
  return (
    <>
      <Alert tone="success" title="The week was booked">
        The appointments are on the schedule now.
      </Alert>
      <PayerWarnings warnings={warnings} />
      {appointments.isError && <Alert>{errorMessage(appointments.error)}</Alert>}
      <WeekGrid label="Booked week" days={weekDays(monday)} items={items} />
    </>
  );
}
