import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { Table } from '../../../components/ui/table';
import { TextField } from '../../../components/ui/text-field';
import { errorMessage } from '../../../lib/api-error';
import { applyServerFieldErrors } from '../../../lib/form-errors';
import { isPreconditionFailed } from '../../../lib/use-precondition-reload';
import {
  useBillingSettings,
  useProviderNumbers,
  useSaveBillingSettings,
  useSaveProviderNumber,
  useTherapistOptions,
} from '../api/billing-settings';
import {
  npiFormSchema,
  settingsField,
  settingsFormSchema,
  toSettingsForm,
  toSettingsRequest,
  type NpiForm,
  type SettingsForm,
} from '../api/charge-schema';
import type { BillingSettings } from '../api/charge-types';

/** The clinic as the billing provider of its claims, and the NPIs of its rendering and supervising providers. */
export function BillingSettingsScreen() {
  const settings = useBillingSettings();
  return (
    <div className="billing-sections">
      <section className="panel" aria-labelledby="clinic-billing-heading">
        <h2 id="clinic-billing-heading" className="section-title">
          The clinic on claims
        </h2>
        <p className="muted">
          Also the letterhead of the families’ statements and invoices: legal name, address, phone, NPI and tax ID.
        </p>
        {settings.isPending && <p className="muted">Loading settings…</p>}
        {settings.isError && <Alert>{errorMessage(settings.error)}</Alert>}
        {settings.data && <SettingsForm key={settings.data.version ?? 'new'} settings={settings.data} />}
      </section>
      <ProviderNumbers />
    </div>
  );
}

function SettingsForm({ settings }: { settings: BillingSettings }) {
  const save = useSaveBillingSettings();
  const [notice, setNotice] = useState('');
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<SettingsForm>({ resolver: zodResolver(settingsFormSchema), defaultValues: toSettingsForm(settings) });

  const onSubmit = handleSubmit((values) => {
    setNotice('');
    save.mutate(
      { request: toSettingsRequest(values), version: settings.version },
      {
        onSuccess: () => setNotice('The billing settings were saved; open charges were checked again.'),
        onError: (error) => applyServerFieldErrors(error, settingsField, setError),
      },
    );
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Billing settings">
      <p className="notice-region" role="status">
        {notice}
      </p>
      {isPreconditionFailed(save.error) ? (
        <Alert>Someone else saved the settings meanwhile. Reload the page and apply your change again.</Alert>
      ) : (
        <FormErrorAlert error={save.error} fields={settingsField} />
      )}
      <div className="form-grid">
        <TextField
          label="Legal name"
          required
          autoComplete="organization"
          error={errors.legalName?.message}
          {...register('legalName')}
        />
        <TextField
          label="NPI (organization)"
          inputMode="numeric"
          autoComplete="off"
          error={errors.npi?.message}
          {...register('npi')}
        />
        <TextField label="Tax ID (EIN)" autoComplete="off" error={errors.taxId?.message} {...register('taxId')} />
        <TextField
          label="Taxonomy code"
          hint="Behavior analyst: 103K00000X"
          autoComplete="off"
          error={errors.taxonomyCode?.message}
          {...register('taxonomyCode')}
        />
        <TextField label="Street" autoComplete="address-line1" error={errors.line1?.message} {...register('line1')} />
        <TextField label="City" autoComplete="address-level2" error={errors.city?.message} {...register('city')} />
        <TextField label="State" autoComplete="address-level1" error={errors.state?.message} {...register('state')} />
        <TextField
          label="ZIP code"
          autoComplete="postal-code"
          error={errors.postalCode?.message}
          {...register('postalCode')}
        />
        <TextField label="Phone" type="tel" autoComplete="tel" error={errors.phone?.message} {...register('phone')} />
        <SelectField
          label="Telehealth sessions are billed as"
          options={[
            { value: '10', label: '10 Telehealth in the child’s home' },
            { value: '02', label: '02 Telehealth elsewhere' },
          ]}
          error={errors.telehealthPlaceOfService?.message}
          {...register('telehealthPlaceOfService')}
        />
        <TextField
          label="Submitter ID at the clearinghouse (optional)"
          hint="The ID your clearinghouse gave the clinic; the 837 file sends the clinic’s NPI when empty."
          autoComplete="off"
          error={errors.submitterId?.message}
          {...register('submitterId')}
        />
      </div>
      <div className="action-bar">
        <Button type="submit" pending={save.isPending}>
          Save settings
        </Button>
      </div>
    </form>
  );
}

function ProviderNumbers() {
  const numbers = useProviderNumbers();
  const therapists = useTherapistOptions();
  const save = useSaveProviderNumber();
  const [notice, setNotice] = useState('');
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<NpiForm>({ resolver: zodResolver(npiFormSchema), defaultValues: { accountId: '', npi: '' } });

  const onSubmit = handleSubmit((values) =>
    save.mutate(
      { accountId: values.accountId, npi: values.npi.trim() },
      {
        onSuccess: (saved) => {
          setNotice(`${saved.name}’s NPI was saved.`);
          reset({ accountId: '', npi: '' });
        },
        onError: (error) => applyServerFieldErrors(error, ['npi'], setError),
      },
    ),
  );

  return (
    <section className="panel" aria-labelledby="npis-heading">
      <h2 id="npis-heading" className="section-title">
        Providers’ NPIs
      </h2>
      <p className="notice-region" role="status">
        {notice}
      </p>
      <form onSubmit={onSubmit} noValidate className="form" aria-label="Record an NPI">
        <FormErrorAlert error={save.error} fields={['npi']} />
        <div className="form-grid">
          <SelectField
            label="Therapist"
            placeholder="Choose…"
            options={(therapists.data ?? []).map((t) => ({
              value: t.id,
              label: t.credential ? `${t.name} (${t.credential})` : t.name,
            }))}
            error={errors.accountId?.message}
            {...register('accountId')}
          />
          <TextField
            label="NPI"
            inputMode="numeric"
            autoComplete="off"
            error={errors.npi?.message}
            {...register('npi')}
          />
        </div>
        <div className="action-bar">
          <Button type="submit" variant="secondary" pending={save.isPending}>
            Save NPI
          </Button>
        </div>
      </form>
      {numbers.isError && <Alert>{errorMessage(numbers.error)}</Alert>}
      {numbers.data && numbers.data.length === 0 && <p className="muted">No NPIs recorded yet.</p>}
      {numbers.data && numbers.data.length > 0 && (
        <Table caption="Providers’ NPIs" captionHidden>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Credential</th>
              <th scope="col">NPI</th>
            </tr>
          </thead>
          <tbody className="table-stack">
            {numbers.data.map((number) => (
              <tr key={number.accountId}>
                <th scope="row">{number.name}</th>
                <td data-label="Credential">{number.credential ?? '—'}</td>
                <td data-label="NPI">{number.npi}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
