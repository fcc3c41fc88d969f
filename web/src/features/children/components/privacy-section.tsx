import { useId, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import type { Child, ChildAccess } from '../api/child-types';
import { downloadFamilyData } from '../api/download-family-data';
import { useEraseFamily } from '../api/erase-family';

/**
 * The family's privacy (ADR 0040): admins download the family's data or erase the family; a guardian downloads their
 * own family's data. Nothing for the care team.
 */
export function PrivacySection({
  child,
  access,
  onNotice,
}: {
  child: Child;
  access: ChildAccess;
  onNotice: (notice: string) => void;
}) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const [erasing, setErasing] = useState(false);
  const headingId = useId();
  if (!access.canAdmin && !access.isGuardian) return null;

  const download = async () => {
    setPending(true);
    setFailed(null);
    try {
      await downloadFamilyData(child.id);
      onNotice('Download started: your browser saves the archive.');
    } catch (error) {
      setFailed(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="panel privacy-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        Privacy
      </h2>
      <p className="muted">
        {access.canAdmin
          ? 'Everything the clinic holds about this child and the guardians, as JSON files with the signed progress reports and message attachments, in one ZIP archive.'
          : 'Everything the clinic holds about your child and you, as JSON files with the signed progress reports and message attachments, in one ZIP archive.'}
      </p>
      <div className="privacy-actions">
        <Button variant="secondary" pending={pending} onClick={() => void download()}>
          {access.canAdmin ? "Download the family's data" : "Download my family's data"}
        </Button>
        {access.canAdmin && !child.erasedAt && (
          <Button variant="danger" onClick={() => setErasing(true)}>
            Erase the family
          </Button>
        )}
      </div>
      {child.erasedAt && (
        <p className="muted">
          This family was erased on {new Date(child.erasedAt).toLocaleDateString()}: the names are a pseudonym, and the
          clinical record is kept for its retention period.
        </p>
      )}
      {failed !== null && <Alert>{errorMessage(failed)}</Alert>}
      {access.canAdmin && (
        <EraseFamilyDialog
          child={child}
          open={erasing}
          onClose={() => setErasing(false)}
          onErased={(name) => {
            setErasing(false);
            onNotice(`The family was erased. The child is now shown as ${name}.`);
          }}
        />
      )}
    </section>
  );
}

/** Asks for the child's name, typed, after spelling out what erasing does and keeps. */
export function EraseFamilyDialog({
  child,
  open,
  onClose,
  onErased,
}: {
  child: Child;
  open: boolean;
  onClose: () => void;
  onErased: (displayName: string) => void;
}) {
  const [typed, setTyped] = useState('');
  const erase = useEraseFamily();
  const name = `${child.firstName} ${child.lastName}`;
  const matches = typed.trim().replace(/\s+/g, ' ').toLowerCase() === name.toLowerCase();
  const close = () => {
    erase.reset();
    setTyped('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!matches) return;
    erase.mutate(
      { childId: child.id, confirmation: typed },
      {
        onSuccess: (erased) => {
          setTyped('');
          erase.reset();
          onErased(erased.displayName);
        },
      },
    );
  };
  return (
    <Dialog open={open} onClose={close} role="alertdialog" title="Erase this family?">
      <form onSubmit={submit} noValidate>
        <div className="dialog-description">
          <p>This cannot be undone. Download the family&apos;s data first if they asked for a copy.</p>
          <ul className="erase-consequences">
            <li>
              The child&apos;s name, preferred name, school, address, emergency contacts and insurance notes are
              replaced by a pseudonym or removed, and the child is archived.
            </li>
            <li>
              The guardians&apos; accounts get a pseudonym and an address that receives no mail; their password,
              sign-ins, notifications and settings are removed and they can no longer sign in. A guardian of another
              child keeps their account.
            </li>
            <li>Message attachments about the child or with the guardians are deleted.</li>
            <li>
              Kept for the retention periods: programs, sessions, notes and signatures, progress reports, appointments,
              billing records and the audit log.
            </li>
          </ul>
        </div>
        <TextField
          label={`Type the child's name, ${name}, to confirm`}
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setTyped(event.target.value)}
          data-autofocus
        />
        {erase.isError && <Alert>{errorMessage(erase.error)}</Alert>}
        <div className="dialog-actions">
          <Button type="button" variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" pending={erase.isPending} disabled={!matches}>
            Erase the family
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
