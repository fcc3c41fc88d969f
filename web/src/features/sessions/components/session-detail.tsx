import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/text-field';
import { TextareaField } from '../../../components/ui/textarea-field';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/dates';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { useAddAddendum } from '../api/add-addendum';
import { PLACE_LABELS, serviceCodeLabel, type Session } from '../api/session-types';
import { useSignSession } from '../api/sign-session';
import { SignaturePad } from './signature-pad';
import { TalliesTable } from './tallies-table';

export interface SessionDetailProps {
  session: Session;
  /** A therapist on the child's care team: may add addenda to a submitted session. */
  canAddAddendum: boolean;
  /** A guardian allowed to sign. */
  canCoSign: boolean;
}

const ADDENDUM_FIELDS = ['reason', 'text'] as const;

/** One session's record: details, tallies, note, guardian signature and addenda. */
export function SessionDetail({ session, canAddAddendum, canCoSign }: SessionDetailProps) {
  const [signing, setSigning] = useState(false);
  const [notice, setNotice] = useState('');
  const submitted = session.status === 'submitted';

  return (
    <div className="stack-sections stack-wide">
      {submitted && canCoSign && !session.guardianSignature && (
        <div className="action-bar">
          <Button className="btn-touch" onClick={() => setSigning(true)}>
            Co-sign
          </Button>
        </div>
      )}
      <div aria-live="polite" className="notice-region">
        {notice && <Alert tone="success">{notice}</Alert>}
      </div>

      <section className="panel" aria-labelledby="session-details-heading">
        <h2 id="session-details-heading" className="section-title">
          Details
        </h2>
        <dl className="details">
          <Detail term="Status">
            <Badge tone={submitted ? 'success' : 'info'}>{submitted ? 'Submitted' : 'Open'}</Badge>
          </Detail>
          <Detail term="Therapist">{session.therapist.name}</Detail>
          <Detail term="Service">{serviceCodeLabel(session.serviceCode)}</Detail>
          <Detail term="Place">{PLACE_LABELS[session.place] ?? session.place}</Detail>
          <Detail term="Started">{formatDateTime(session.startedAt)}</Detail>
          <Detail term="Ended">{session.endedAt ? formatDateTime(session.endedAt) : '—'}</Detail>
          <Detail term="Submitted">{session.submittedAt ? formatDateTime(session.submittedAt) : '—'}</Detail>
          <Detail term="Recorded events">{session.events.length}</Detail>
          <Detail term="Guardian signature">
            {session.guardianSignature
              ? `${session.guardianSignature.name}, ${formatDateTime(session.guardianSignature.signedAt)}`
              : 'Not signed'}
          </Detail>
          <Detail term="Note" wide>
            {session.note || 'No note'}
          </Detail>
        </dl>
      </section>

      <section aria-labelledby="tallies-heading">
        <h2 id="tallies-heading" className="section-title section-gap">
          Tallies
        </h2>
        <TalliesTable tallies={session.tallies} />
      </section>

      <section className="panel" aria-labelledby="addenda-heading">
        <h2 id="addenda-heading" className="section-title">
          Addenda
        </h2>
        {session.addenda.length === 0 ? (
          <p className="muted">No addenda.</p>
        ) : (
          <ul className="people-list">
            {session.addenda.map((addendum) => (
              <li key={addendum.id} className="person">
                <div className="person-text">
                  <span className="person-name">{addendum.reason}</span>
                  <span className="detail-text">{addendum.text}</span>
                  <span className="person-meta">
                    {addendum.by.name} · {formatDateTime(addendum.at)}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
        {submitted && canAddAddendum && (
          <AddendumForm sessionId={session.id} onAdded={() => setNotice('The addendum was added.')} />
        )}
      </section>

      {canCoSign && (
        <CoSignDialog
          session={session}
          open={signing}
          onClose={() => setSigning(false)}
          onSigned={() => {
            setSigning(false);
            setNotice('Thank you. The session is co-signed.');
          }}
        />
      )}
    </div>
  );
}

function Detail({ term, wide = false, children }: { term: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'detail detail-wide' : 'detail'}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const addendumSchema = z.object({
  reason: z.string().trim().min(1, 'Say why the record needs an addendum').max(200, 'Use at most 200 characters'),
  text: z.string().trim().min(1, 'Write the addendum').max(5000, 'Use at most 5000 characters'),
});

type AddendumForm = z.infer<typeof addendumSchema>;

function AddendumForm({ sessionId, onAdded }: { sessionId: string; onAdded: () => void }) {
  const add = useAddAddendum(sessionId);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<AddendumForm>({ resolver: zodResolver(addendumSchema), defaultValues: { reason: '', text: '' } });

  const submit = handleSubmit((values) =>
    add.mutate(values, {
      onSuccess: () => {
        reset();
        onAdded();
      },
      onError: (error) => applyServerFieldErrors(error, ADDENDUM_FIELDS, setError),
    }),
  );

  return (
    <form className="form add-target" onSubmit={submit} noValidate aria-labelledby="addendum-form-heading">
      <h3 id="addendum-form-heading" className="subsection-title">
        Add an addendum
      </h3>
      <FormErrorAlert error={add.error} fields={ADDENDUM_FIELDS} />
      <TextField label="Reason" error={errors.reason?.message} {...register('reason')} />
      <TextareaField label="Addendum" error={errors.text?.message} {...register('text')} />
      <div className="form-actions">
        <Button type="submit" variant="secondary" pending={add.isPending}>
          Add addendum
        </Button>
      </div>
    </form>
  );
}

/** Roughly the decoded size of a base64 data URL, to stay under the server's 200 kB. */
function dataUrlBytes(dataUrl: string): number {
  return Math.ceil(((dataUrl.length - dataUrl.indexOf(',') - 1) * 3) / 4);
}

function CoSignDialog({
  session,
  open,
  onClose,
  onSigned,
}: {
  session: Session;
  open: boolean;
  onClose: () => void;
  onSigned: () => void;
}) {
  const sign = useSignSession(session.id);
  const [name, setName] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  const [problem, setProblem] = useState('');

  const submit = () => {
    if (!name.trim()) return setProblem('Type your full name.');
    if (!signature) return setProblem('Draw your signature in the box.');
    if (dataUrlBytes(signature) > 200_000) return setProblem('The signature is too large; clear it and sign again.');
    setProblem('');
    sign.mutate({ name: name.trim(), signature }, { onSuccess: onSigned });
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Co-sign this session"
      description={`You confirm that the session of ${formatDateTime(session.startedAt)} took place.`}
    >
      {(problem || sign.isError) && <Alert>{problem || errorMessage(sign.error)}</Alert>}
      <TextField
        label="Your full name"
        autoComplete="name"
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <SignaturePad label="Signature" onChange={setSignature} />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button pending={sign.isPending} onClick={submit}>
          Sign
        </Button>
      </div>
    </Dialog>
  );
}
