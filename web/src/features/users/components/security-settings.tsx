import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { errorMessage } from '../../../lib/api-error';
import { useSaveSecuritySettings, useSecuritySettings, type SecondFactorGroup } from '../api/second-factor';

const GROUPS: { value: SecondFactorGroup; label: string }[] = [
  { value: 'admin', label: 'Admins' },
  { value: 'bcba', label: 'BCBAs' },
  { value: 'bcaba', label: 'BCaBAs' },
  { value: 'rbt', label: 'RBTs' },
  { value: 'other-therapist', label: 'Other therapists' },
  { value: 'parent', label: 'Parents' },
];

/** The clinic's setting of who must use two-step sign-in (admins only; each change is audited). */
export function SecuritySettingsSection() {
  const settings = useSecuritySettings();
  return (
    <section className="panel security-settings" aria-labelledby="security-settings-heading">
      <h2 id="security-settings-heading" className="section-title">
        Two-step sign-in
      </h2>
      {settings.isPending ? (
        <p className="muted">Loading…</p>
      ) : settings.isError ? (
        <Alert>{errorMessage(settings.error)}</Alert>
      ) : (
        <RequiredGroupsForm saved={settings.data.secondFactorRequiredFor} />
      )}
    </section>
  );
}

function RequiredGroupsForm({ saved }: { saved: SecondFactorGroup[] }) {
  const save = useSaveSecuritySettings();
  const [chosen, setChosen] = useState<Set<SecondFactorGroup>>(new Set(saved));
  const [notice, setNotice] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(false);
    save.mutate(
      { secondFactorRequiredFor: GROUPS.map((g) => g.value).filter((g) => chosen.has(g)) },
      { onSuccess: () => setNotice(true) },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="fieldset">
        <legend>Required for</legend>
        <p className="field-hint">
          People in these groups must set up an authenticator app at their next sign-in and cannot turn it off.
        </p>
        <div className="checkbox-grid">
          {GROUPS.map((group) => (
            <CheckboxField
              key={group.value}
              label={group.label}
              checked={chosen.has(group.value)}
              onChange={(event) => {
                const next = new Set(chosen);
                if (event.target.checked) next.add(group.value);
                else next.delete(group.value);
                setChosen(next);
              }}
            />
          ))}
        </div>
      </fieldset>
      <div aria-live="polite">{notice && <Alert tone="success">Saved.</Alert>}</div>
      {save.isError && <Alert>{errorMessage(save.error)}</Alert>}
      <div>
        <Button type="submit" pending={save.isPending}>
          Save
        </Button>
      </div>
    </form>
  );
}
