import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { TextareaField } from '../../../components/ui/textarea-field';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/dates';
import { draftQueryKey, useDraft } from '../api/get-draft';
import { useSession } from '../api/get-session';
import { listSessionPrograms, sessionProgramsQueryKey, useSessionPrograms } from '../api/list-session-programs';
import {
  OUTCOME_LABELS,
  PLACE_LABELS,
  PROMPT_LEVEL_LABELS,
  phaseLabel,
  serviceCodeLabel,
  sessionsQueryKey,
  type NewSessionEvent,
  type PromptLevel,
  type Session,
  type SessionEvent,
} from '../api/session-types';
import { groupByProgram, toDraftTargets, visibleTargets } from '../offline/draft-targets';
import { getDraft, recordEvent, requestSubmit, startDraft, undoLastEvent, updateDraft } from '../offline/outbox';
import type { DraftTarget, SessionDraft } from '../offline/outbox-db';
import { computeTallies, effectiveEvents, tallyOf } from '../offline/tallies';
import { AbcForm } from './abc-form';
import { SyncErrorActions, SyncStatusPill } from './sync-status-pill';
import { TalliesTable } from './tallies-table';
import { TargetCard } from './target-card';

/**
 * The recording screen of a session kept on this device, or its summary once submitted. A session that is only on the
 * server (opened by completing an appointment) is offered for recording here to its own therapist (`userId`).
 */
export function RecordSession({
  sessionId,
  therapistName,
  userId,
}: {
  sessionId: string;
  therapistName: string;
  userId?: string;
}) {
  const draft = useDraft(sessionId);
  if (draft.isPending) {
    return (
      <p className="muted" role="status">
        Opening the session…
      </p>
    );
  }
  if (draft.isError) return <Alert>This device could not open its saved sessions. {errorMessage(draft.error)}</Alert>;
  if (!draft.data) return <ServerSession sessionId={sessionId} userId={userId} />;
  if (draft.data.submitRequested) return <SubmittedSession draft={draft.data} />;
  return <Recorder draft={draft.data} therapistName={therapistName} />;
}

/** "Correct (Verbal) · dog": what the last tap recorded, for the status line. */
export function describeEvent(event: SessionEvent, targets: readonly DraftTarget[]): string {
  const name = (id?: string) => targets.find((target) => target.targetId === id)?.name ?? 'target';
  switch (event.type) {
    case 'trial':
      return `${OUTCOME_LABELS[event.outcome]} (${PROMPT_LEVEL_LABELS[event.promptLevel]}) · ${name(event.targetId)}`;
    case 'task_step':
      return `Step ${event.step} (${PROMPT_LEVEL_LABELS[event.promptLevel]}) · ${name(event.targetId)}`;
    case 'frequency':
      return `+${event.count} · ${name(event.targetId)}`;
    case 'duration':
      return `${event.seconds} s · ${name(event.targetId)}`;
    case 'abc':
      return 'ABC record';
    case 'undo':
      return 'Undo';
  }
}

function Recorder({ draft, therapistName }: { draft: SessionDraft; therapistName: string }) {
  const queryClient = useQueryClient();
  const [showMastered, setShowMastered] = useState(false);
  const [note, setNote] = useState(draft.note);
  const [lastAction, setLastAction] = useState('');
  const [failure, setFailure] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const programs = useSessionPrograms(draft.childId);

  const apply = (next: SessionDraft | undefined) => {
    if (next) queryClient.setQueryData(draftQueryKey(draft.id), next);
  };

  // Online, the target list follows the programs (a phase may have moved since the session started).
  const fresh = programs.data;
  useEffect(() => {
    if (!fresh) return;
    const targets = toDraftTargets(fresh.content);
    if (JSON.stringify(targets) !== JSON.stringify(draft.targets)) void updateDraft(draft.id, { targets }).then(apply);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the programs change
  }, [fresh]);

  const tallies = useMemo(() => computeTallies(draft.events), [draft.events]);
  const lastSteps = useMemo(() => {
    const steps = new Map<string, number>();
    for (const event of effectiveEvents(draft.events))
      if (event.type === 'task_step') steps.set(event.targetId, event.step);
    return steps;
  }, [draft.events]);
  const groups = groupByProgram(visibleTargets(draft.targets, showMastered));
  const canUndo = effectiveEvents(draft.events).length > 0;

  const act = async (task: () => Promise<string>) => {
    setFailure('');
    try {
      setLastAction(await task());
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'This could not be saved on the device.');
    }
  };

  const record = (event: NewSessionEvent) =>
    act(async () => {
      const next = await recordEvent(draft.id, event);
      apply(next);
      return `Recorded: ${describeEvent(next.events[next.events.length - 1], draft.targets)}`;
    });

  const undo = () =>
    act(async () => {
      const { draft: next, undone } = await undoLastEvent(draft.id);
      apply(next);
      return undone ? `Undone: ${describeEvent(undone, draft.targets)}` : 'Nothing to undo.';
    });

  const setPromptLevel = (targetId: string, level: PromptLevel) =>
    void updateDraft(draft.id, { promptLevels: { ...draft.promptLevels, [targetId]: level } }).then(apply);

  const submit = async () => {
    setSubmitting(true);
    try {
      apply(await requestSubmit(draft.id, note));
      void queryClient.invalidateQueries({ queryKey: [...sessionsQueryKey, 'drafts'] });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'The session could not be submitted.');
      setConfirming(false);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="recorder">
      <div className="rec-bar">
        <SyncStatusPill />
        <p className="rec-last" role="status">
          {lastAction}
        </p>
        <Button variant="secondary" className="btn-touch" disabled={!canUndo} onClick={() => void undo()}>
          Undo last
        </Button>
      </div>
      <SyncErrorActions userId={draft.userId} />
      {failure && <Alert>{failure}</Alert>}

      <p className="muted">
        Started {formatDateTime(draft.startedAt)} · {serviceCodeLabel(draft.serviceCode)} · {PLACE_LABELS[draft.place]}
      </p>
      <CheckboxField
        label="Show mastered targets (probes)"
        checked={showMastered}
        onChange={(event) => setShowMastered(event.target.checked)}
      />

      {groups.length === 0 && <p className="empty-state">No targets to run. ABC records and the note still work.</p>}
      {groups.map((group) => (
        <section key={group.programId} className="rec-program" aria-label={group.name}>
          <h2 className="section-title">{group.name}</h2>
          <div className="rec-grid">
            {group.targets.map((target) => (
              <TargetCard
                key={target.targetId}
                target={target}
                tally={tallyOf(tallies, target.targetId)}
                promptLevel={draft.promptLevels[target.targetId] ?? 'independent'}
                onPromptLevelChange={(level) => setPromptLevel(target.targetId, level)}
                onRecord={(event) => void record(event)}
                lastStep={lastSteps.get(target.targetId)}
              />
            ))}
          </div>
        </section>
      ))}

      <AbcForm targets={visibleTargets(draft.targets, true)} onRecord={(event) => void record(event)} />

      <section className="panel" aria-labelledby="note-heading">
        <h2 id="note-heading" className="section-title">
          Session note
        </h2>
        <TextareaField
          label="Note (optional)"
          rows={4}
          maxLength={10000}
          value={note}
          onChange={(event) => {
            setNote(event.target.value);
            void updateDraft(draft.id, { note: event.target.value });
          }}
        />
      </section>

      <div className="form-actions">
        <Button className="btn-touch" onClick={() => setConfirming(true)}>
          Sign and submit
        </Button>
      </div>

      <Dialog
        open={confirming}
        title="Sign and submit this session?"
        description="The session is locked once submitted; later corrections are made as addenda."
        onClose={() => setConfirming(false)}
      >
        <p>
          Signed by <strong className="signature-text">{therapistName}</strong>
        </p>
        <p className="muted">
          {effectiveEvents(draft.events).length} recorded{' '}
          {effectiveEvents(draft.events).length === 1 ? 'entry' : 'entries'}.
        </p>
        <div className="dialog-actions">
          <Button variant="secondary" onClick={() => setConfirming(false)} data-autofocus>
            Keep recording
          </Button>
          <Button pending={submitting} onClick={() => void submit()}>
            Sign and submit
          </Button>
        </div>
      </Dialog>
    </div>
  );
}

/** After "Sign and submit": waits for the outbox, then shows the server's tallies and any automatic phase moves. */
function SubmittedSession({ draft }: { draft: SessionDraft }) {
  // The sync loop deletes the draft once the server has the submit.
  const onDevice = useQuery({
    queryKey: [...sessionsQueryKey, 'draft-kept', draft.id],
    queryFn: async () => Boolean(await getDraft(draft.id)),
    networkMode: 'always',
    refetchInterval: (query) => (query.state.data === false ? false : 1000),
  });
  const sent = onDevice.data === false;
  const session = useSession(draft.id, { enabled: sent });
  const after = useQuery({
    queryKey: [...sessionsQueryKey, 'programs-after', draft.id],
    queryFn: ({ signal }) => listSessionPrograms(draft.childId, signal),
    enabled: sent,
    staleTime: Infinity,
  });

  if (!sent) {
    return (
      <div className="stack-sections stack-wide">
        <SyncStatusPill />
        <SyncErrorActions userId={draft.userId} />
        <Alert tone="info" title="Signed and waiting to send">
          The session is kept on this device and is submitted as soon as the connection allows. You can close this page.
        </Alert>
        <p>
          <Link to="/sessions/run">Run another session</Link>
        </p>
      </div>
    );
  }

  const changes = after.data
    ? toDraftTargets(after.data.content).flatMap((target) => {
        const before = draft.targets.find((item) => item.targetId === target.targetId);
        return before && before.phase !== target.phase
          ? [{ name: target.name, from: before.phase, to: target.phase }]
          : [];
      })
    : [];
  const mastered = changes.filter((change) => change.to === 'mastered');

  return (
    <div className="stack-sections stack-wide">
      <SyncStatusPill />
      <Alert tone="success" title="Session submitted">
        <Link to={`/sessions/${draft.id}`}>Open the session record</Link> ·{' '}
        <Link to="/sessions/run">Run another session</Link>
      </Alert>
      {mastered.length > 0 && (
        <Alert tone="info" title="Mastered in this session">
          {mastered.map((change) => change.name).join(', ')}
        </Alert>
      )}
      {changes.length > 0 && (
        <section className="panel" aria-labelledby="phase-changes-heading">
          <h2 id="phase-changes-heading" className="section-title">
            Phase changes
          </h2>
          <ul className="plain-list">
            {changes.map((change) => (
              <li key={change.name}>
                {change.name}: {phaseLabel(change.from)} <span aria-hidden="true">→</span>
                <span className="visually-hidden">to</span> {phaseLabel(change.to)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {session.isPending ? (
        <p className="muted" role="status">
          Loading the summary…
        </p>
      ) : session.isError ? (
        <Alert>{errorMessage(session.error)}</Alert>
      ) : (
        <TalliesTable tallies={session.data.tallies} />
      )}
    </div>
  );
}

/** No copy on this device: the session was submitted (or started elsewhere); the server has it. */
function ServerSession({ sessionId, userId }: { sessionId: string; userId?: string }) {
  const session = useSession(sessionId);
  if (session.isPending) {
    return (
      <p className="muted" role="status">
        Loading the session…
      </p>
    );
  }
  if (session.isError) return <Alert>This session is not on this device. {errorMessage(session.error)}</Alert>;
  if (isAdoptable(session.data, userId)) return <AdoptSession session={session.data} userId={userId} />;
  return (
    <div className="stack-sections stack-wide">
      <Alert tone="info">
        {session.data.status === 'submitted'
          ? 'This session has been submitted.'
          : 'This session was started on another device; record it there.'}{' '}
        <Link to={`/sessions/${sessionId}`}>Open the session record</Link>
      </Alert>
      <TalliesTable tallies={session.data.tallies} />
    </div>
  );
}

/**
 * An open session of the user's own with nothing recorded yet — as completing an appointment opens it — can be
 * recorded on this device. One with events was recorded somewhere else: those would be missing here.
 */
function isAdoptable(session: Session, userId: string | undefined): userId is string {
  return session.status === 'open' && session.therapist.id === userId && session.events.length === 0;
}

/** Keeps the server's session on this device, as if started here, so the recorder opens on it. */
function AdoptSession({ session, userId }: { session: Session; userId: string }) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState('');

  async function adopt() {
    setPending(true);
    setFailure('');
    try {
      const programs = await queryClient.fetchQuery({
        queryKey: sessionProgramsQueryKey(session.childId),
        queryFn: ({ signal }) => listSessionPrograms(session.childId, signal),
      });
      await startDraft(
        {
          id: session.id,
          userId,
          childId: session.childId,
          serviceCode: session.serviceCode,
          place: session.place,
          startedAt: session.startedAt,
          note: session.note ?? '',
          targets: toDraftTargets(programs.content),
          events: [],
          promptLevels: {},
          submitRequested: false,
        },
        {
          childId: session.childId,
          serviceCode: session.serviceCode,
          place: session.place,
          startedAt: session.startedAt,
          endedAt: session.endedAt,
        },
      );
      await queryClient.invalidateQueries({ queryKey: draftQueryKey(session.id) });
    } catch (error) {
      setFailure(errorMessage(error));
      setPending(false);
    }
  }

  return (
    <div className="stack-sections stack-wide">
      <Alert tone="info" title="Opened from the schedule">
        This session was opened when the appointment was completed. Record it on this device: what you record is kept
        here and sent like any session started on this device.
      </Alert>
      {failure && <Alert>{failure}</Alert>}
      <p className="form-actions">
        <Button pending={pending} onClick={() => void adopt()}>
          Record on this device
        </Button>
        <Link to={`/sessions/${session.id}`}>Open the session record</Link>
      </p>
    </div>
  );
}
