import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router-dom';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/dates';
import { useOpenDrafts } from '../api/get-draft';
import { caseloadName, useCaseload, type CaseloadChild } from '../api/list-caseload';
import { listSessionPrograms, sessionProgramsQueryKey } from '../api/list-session-programs';
import { PLACE_LABELS, PLACES, SERVICE_CODE_OPTIONS, SERVICE_CODES, serviceCodeLabel } from '../api/session-types';
import { startDraft } from '../offline/outbox';
import { toDraftTargets } from '../offline/draft-targets';
import { SyncErrorActions, SyncStatusPill } from './sync-status-pill';

const PLACE_OPTIONS = PLACES.map((place) => ({ value: place, label: PLACE_LABELS[place] }));

const startSchema = z.object({
  serviceCode: z.enum(SERVICE_CODES, { message: 'Choose a service' }),
  place: z.enum(PLACES, { message: 'Choose a place' }),
  startedAt: z
    .string()
    .min(1, 'Enter when the session started')
    .refine((value) => !Number.isNaN(new Date(value).getTime()), 'Enter a valid date and time')
    .refine((value) => new Date(value).getTime() <= Date.now() + 5 * 60_000, 'The start cannot be in the future'),
});

type StartForm = z.infer<typeof startSchema>;

/** The value of a datetime-local input for `date`, in local time. */
function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/**
 * Pick a child from the caseload (or resume a session kept on this device), then start recording. Offline, only
 * resuming works: the caseload and the child's programs come from the server.
 */
export function StartSession({ userId, offline = false }: { userId: string; offline?: boolean }) {
  const caseload = useCaseload({ enabled: !offline });
  const drafts = useOpenDrafts(userId);
  const [child, setChild] = useState<CaseloadChild | null>(null);
  const names = new Map((caseload.data?.content ?? []).map((item) => [item.id, caseloadName(item)]));

  return (
    <div className="stack-sections stack-wide">
      <div className="action-bar">
        <SyncStatusPill />
        <SyncErrorActions userId={userId} />
      </div>

      {drafts.data && drafts.data.length > 0 && (
        <section className="panel" aria-labelledby="resume-heading">
          <h2 id="resume-heading" className="section-title">
            Sessions not submitted yet
          </h2>
          <ul className="pick-list">
            {drafts.data.map((draft) => (
              <li key={draft.id} className="pick-item">
                <span className="pick-text">
                  <span className="person-name">{names.get(draft.childId) ?? 'Child'}</span>
                  <span className="person-meta">
                    Started {formatDateTime(draft.startedAt)} · {serviceCodeLabel(draft.serviceCode)}
                  </span>
                </span>
                <Link
                  to={`/sessions/run/${draft.id}`}
                  className="btn btn-primary btn-touch"
                  aria-label={`Resume session with ${names.get(draft.childId) ?? 'child'}, started ${formatDateTime(draft.startedAt)}`}
                >
                  Resume session
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="panel" aria-labelledby="caseload-heading">
        <h2 id="caseload-heading" className="section-title">
          Choose a child
        </h2>
        {offline ? (
          <Alert tone="info">Starting a new session needs the network. Sessions on this device can be resumed.</Alert>
        ) : caseload.isPending ? (
          <p className="muted" role="status">
            Loading your caseload…
          </p>
        ) : caseload.isError ? (
          <Alert>{errorMessage(caseload.error)}</Alert>
        ) : caseload.data.content.length === 0 ? (
          <p className="empty-state">No active children on your care teams.</p>
        ) : (
          <ul className="pick-list">
            {caseload.data.content.map((item) => (
              <li key={item.id} className="pick-item">
                <span className="person-name">{caseloadName(item)}</span>
                <Button
                  className="btn-touch"
                  aria-label={`Start session with ${caseloadName(item)}`}
                  onClick={() => setChild(item)}
                >
                  Start session
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>

      {child && <StartDialog child={child} userId={userId} onClose={() => setChild(null)} />}
    </div>
  );
}

function StartDialog({ child, userId, onClose }: { child: CaseloadChild; userId: string; onClose: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState('');
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<StartForm>({
    resolver: zodResolver(startSchema),
    defaultValues: { serviceCode: '97153', place: 'clinic', startedAt: toLocalInput(new Date()) },
  });

  const start = handleSubmit(async (values) => {
    setFailure('');
    try {
      const programs = await queryClient.fetchQuery({
        queryKey: sessionProgramsQueryKey(child.id),
        queryFn: ({ signal }) => listSessionPrograms(child.id, signal),
      });
      const id = crypto.randomUUID();
      const startedAt = new Date(values.startedAt).toISOString();
      await startDraft(
        {
          id,
          userId,
          childId: child.id,
          serviceCode: values.serviceCode,
          place: values.place,
          startedAt,
          note: '',
          targets: toDraftTargets(programs.content),
          events: [],
          promptLevels: {},
          submitRequested: false,
        },
        { childId: child.id, serviceCode: values.serviceCode, place: values.place, startedAt, endedAt: null },
      );
      navigate(`/sessions/run/${id}`);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  });

  return (
    <Dialog open title="Start a session" description={`With ${caseloadName(child)}.`} onClose={onClose}>
      <form className="form" onSubmit={start} noValidate>
        {failure && <Alert>{failure}</Alert>}
        <SelectField
          label="Service"
          options={SERVICE_CODE_OPTIONS}
          error={errors.serviceCode?.message}
          {...register('serviceCode')}
        />
        <SelectField label="Place" options={PLACE_OPTIONS} error={errors.place?.message} {...register('place')} />
        <TextField
          label="Start time"
          type="datetime-local"
          error={errors.startedAt?.message}
          {...register('startedAt')}
        />
        <div className="dialog-actions">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" pending={isSubmitting} className="btn-touch">
            Start recording
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
