import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { Table } from '../../../components/ui/table';
import { ApiError, errorMessage } from '../../../lib/api-error';
import { formatDateTime, formatDay } from '../../../lib/dates';
import {
  formatAmount,
  getRemittance,
  OUTCOME_LABELS,
  OUTCOME_TONES,
  remittancesQueryKey,
  useImportRemittance,
  useRemittance,
  useRemittances,
  type RemittanceDetail,
} from '../api/claims';

const MAX_BYTES = 10 * 1024 * 1024;

const uploadSchema = z.object({
  file: z
    .custom<FileList>()
    .refine((files) => files instanceof FileList && files.length === 1, 'Choose an 835 file.')
    .refine((files) => !(files instanceof FileList) || (files[0]?.size ?? 0) <= MAX_BYTES, 'The file is over 10 MB.'),
});
type UploadForm = z.infer<typeof uploadSchema>;

/**
 * The admin's remittances: upload an X12 835 file from the payer; what it posted shows at once (per claim: paid,
 * partially paid, denied or unmatched, with the family share). Below, every import, each with its detail
 * (`?remittance=`).
 */
export function RemittancesScreen() {
  const [params, setParams] = useSearchParams();
  const opened = params.get('remittance');
  const [posted, setPosted] = useState<RemittanceDetail[] | null>(null);
  const open = (id: string | null) => {
    setPosted(null);
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (id) updated.set('remittance', id);
      else updated.delete('remittance');
      return updated;
    });
  };

  if (opened) {
    return <OpenedRemittance id={opened} onBack={() => open(null)} />;
  }
  return (
    <div className="claims-sections">
      <UploadSection onPosted={setPosted} onOpen={open} />
      {posted && (
        <section aria-labelledby="posted-heading">
          <h2 id="posted-heading" className="section-title">
            Posted from the file
          </h2>
          {posted.map((detail) => (
            <RemittanceView key={detail.remittance.id} detail={detail} />
          ))}
        </section>
      )}
      <RemittanceList />
    </div>
  );
}

function UploadSection({
  onPosted,
  onOpen,
}: {
  onPosted: (posted: RemittanceDetail[]) => void;
  onOpen: (id: string) => void;
}) {
  const upload = useImportRemittance();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<UploadForm>({ resolver: zodResolver(uploadSchema) });
  const onSubmit = handleSubmit(({ file }) =>
    upload.mutate(file[0], {
      onSuccess: (posted) => {
        reset();
        onPosted(posted);
      },
    }),
  );
  const duplicateId =
    upload.error instanceof ApiError && upload.error.status === 409
      ? (upload.error.extensions.remittanceId as string | undefined)
      : undefined;
  return (
    <section className="panel" aria-labelledby="upload-heading">
      <h2 id="upload-heading" className="section-title">
        Import a remittance (835)
      </h2>
      <form onSubmit={onSubmit} noValidate className="form" aria-label="Import a remittance">
        {upload.isError &&
          (duplicateId ? (
            <DuplicateAlert remittanceId={duplicateId} onOpen={onOpen} />
          ) : (
            <Alert title="The file was not imported">{errorMessage(upload.error)}</Alert>
          ))}
        <Field
          label="835 file from the payer"
          hint="The ERA file (X12 835), at most 10 MB. Nothing is posted twice."
          error={errors.file?.message}
        >
          {({ inputId, describedBy, invalid }) => (
            <input
              id={inputId}
              type="file"
              className="input"
              accept=".835,.txt,.edi,.x12,text/plain,application/edi-x12"
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              aria-required
              {...register('file')}
            />
          )}
        </Field>
        <div>
          <Button type="submit" pending={upload.isPending}>
            Import and post
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The 409 of a repeated import, named plainly with the date of the first one. */
function DuplicateAlert({ remittanceId, onOpen }: { remittanceId: string; onOpen: (id: string) => void }) {
  const earlier = useQuery({
    queryKey: [...remittancesQueryKey, 'one', remittanceId],
    queryFn: ({ signal }) => getRemittance(remittanceId, signal),
  });
  const when = earlier.data ? formatDateTime(earlier.data.remittance.importedAt) : null;
  return (
    <Alert title="Already imported">
      <p>
        {when ? `This payment was imported on ${when}.` : 'This payment was imported before.'} Nothing was posted again.
      </p>
      <Button variant="secondary" size="sm" onClick={() => onOpen(remittanceId)}>
        Open the earlier import
      </Button>
    </Alert>
  );
}

function RemittanceList() {
  const remittances = useRemittances();
  return (
    <section aria-labelledby="imports-heading">
      <h2 id="imports-heading" className="section-title">
        Past imports
      </h2>
      {remittances.isPending ? (
        <p className="muted" role="status">
          Loading remittances…
        </p>
      ) : remittances.isError ? (
        <Alert>{errorMessage(remittances.error)}</Alert>
      ) : remittances.data.length === 0 ? (
        <p className="empty-state">No remittance imported yet.</p>
      ) : (
        <Table caption="Imported remittances, newest first" captionHidden>
          <thead>
            <tr>
              <th scope="col">Payer and payment</th>
              <th scope="col">Paid on</th>
              <th scope="col">Imported</th>
              <th scope="col">Claims</th>
              <th scope="col">Paid</th>
              <th scope="col">Family share</th>
            </tr>
          </thead>
          <tbody className="table-stack">
            {remittances.data.map((remittance) => (
              <tr key={remittance.id}>
                <th scope="row">
                  <Link
                    to={`?remittance=${encodeURIComponent(remittance.id)}`}
                    aria-label={`Remittance ${remittance.traceNumber} from ${remittance.payerName ?? remittance.payerIdentifier}`}
                  >
                    {remittance.payerName ?? remittance.payerIdentifier}
                  </Link>
                  <span className="cell-email">Trace {remittance.traceNumber}</span>
                </th>
                <td data-label="Paid on" className="cell-nowrap">
                  {formatDay(remittance.paymentDate)}
                </td>
                <td data-label="Imported" className="cell-nowrap">
                  {formatDateTime(remittance.importedAt)}
                </td>
                <td data-label="Claims">{remittance.claimCount}</td>
                <td data-label="Paid" className="cell-nowrap">
                  {formatAmount(remittance.totalPaid, remittance.currency)}
                </td>
                <td data-label="Family share" className="cell-nowrap">
                  {formatAmount(remittance.familyShare, remittance.currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

function OpenedRemittance({ id, onBack }: { id: string; onBack: () => void }) {
  const detail = useRemittance(id);
  return (
    <section aria-label="Remittance">
      <Button variant="ghost" size="sm" onClick={onBack}>
        ← Back to remittances
      </Button>
      {detail.isPending ? (
        <p className="muted" role="status">
          Loading the remittance…
        </p>
      ) : detail.isError ? (
        <Alert>{errorMessage(detail.error)}</Alert>
      ) : (
        <RemittanceView detail={detail.data} level={2} />
      )}
    </section>
  );
}

/** One payment: its totals, and per claim what was paid, the family share, and the adjustment reasons. */
function RemittanceView({ detail, level = 3 }: { detail: RemittanceDetail; level?: 2 | 3 }) {
  const { remittance, claims } = detail;
  const Heading = level === 2 ? 'h2' : 'h3';
  const payer = remittance.payerName ?? remittance.payerIdentifier;
  return (
    <article className="panel" aria-labelledby={`remittance-${remittance.id}`}>
      <Heading id={`remittance-${remittance.id}`} className="section-title">
        {payer}: payment {remittance.traceNumber}
      </Heading>
      <dl className="details ledger-summary">
        <div>
          <dt>Paid</dt>
          <dd>{formatAmount(remittance.totalPaid, remittance.currency)}</dd>
        </div>
        <div>
          <dt>Family share</dt>
          <dd>{formatAmount(remittance.familyShare, remittance.currency)}</dd>
        </div>
        <div>
          <dt>Paid on</dt>
          <dd>
            {formatDay(remittance.paymentDate)}
            {remittance.paymentMethod ? ` (${remittance.paymentMethod})` : ''}
          </dd>
        </div>
        <div>
          <dt>Imported</dt>
          <dd>{formatDateTime(remittance.importedAt)}</dd>
        </div>
      </dl>
      <Table caption={`Claims in payment ${remittance.traceNumber}`}>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Outcome</th>
            <th scope="col">Charged</th>
            <th scope="col">Paid</th>
            <th scope="col">Family share</th>
            <th scope="col">Adjustments</th>
          </tr>
        </thead>
        <tbody className="table-stack">
          {claims.map((claim, index) => (
            <tr key={`${claim.claimNumber}-${index}`}>
              <th scope="row" className="cell-nowrap">
                {claim.claimNumber}
                {claim.payerClaimNumber && <span className="cell-email">Payer’s no. {claim.payerClaimNumber}</span>}
              </th>
              <td data-label="Outcome">
                <Badge tone={OUTCOME_TONES[claim.outcome]}>{OUTCOME_LABELS[claim.outcome]}</Badge>
              </td>
              <td data-label="Charged" className="cell-nowrap">
                {formatAmount(claim.charge, remittance.currency)}
              </td>
              <td data-label="Paid" className="cell-nowrap">
                {formatAmount(claim.paid, remittance.currency)}
              </td>
              <td data-label="Family share" className="cell-nowrap">
                {formatAmount(claim.patientResponsibility, remittance.currency)}
              </td>
              <td data-label="Adjustments">
                {claim.adjustments.length === 0
                  ? '—'
                  : claim.adjustments
                      .map((a) => `${a.group}-${a.reasonCode} ${formatAmount(a.amount, remittance.currency)}`)
                      .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </article>
  );
}
