import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Dialog } from '../../../components/ui/dialog';
import { DialogActions } from '../../../components/ui/dialog-actions';
import { FormErrorAlert } from '../../../components/ui/form-error-alert';
import { SelectField } from '../../../components/ui/select-field';
import { Table } from '../../../components/ui/table';
import { TextField } from '../../../components/ui/text-field';
import { ApiError, errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/dates';
import {
  BATCH_STATUS_LABELS,
  formatAmount,
  batch837Path,
  CLAIM_STATE_LABELS,
  CLAIM_STATE_TONES,
  cms1500Path,
  newBatchSchema,
  useClaimBatch,
  useClaimBatches,
  useCorrectClaim,
  useCreateClaimBatch,
  useSubmitClaimBatch,
  type ClaimBatchDetail,
  type ClaimSummary,
  type NewBatchForm,
} from '../api/claims';
import { downloadPdf } from '../api/download-pdf';
import { usePayers } from '../api/payers';

/**
 * The admin's claims: batches built from an insurer's ready charges, newest first; a batch opens (`?batch=`) with
 * its claims, the 837P download, "Mark submitted", and per claim its CMS-1500, a replacement or a void.
 */
export function ClaimsScreen() {
  const [params, setParams] = useSearchParams();
  const opened = params.get('batch');
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState('');
  const open = (id: string | null) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (id) updated.set('batch', id);
      else updated.delete('batch');
      return updated;
    });

  return (
    <>
      <p className="notice-region" role="status">
        {notice}
      </p>
      {opened ? (
        <BatchDetail id={opened} onBack={() => open(null)} onOpen={open} onNotice={setNotice} />
      ) : (
        <BatchList onCreate={() => setCreating(true)} />
      )}
      <NewBatchDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          setNotice(
            `Batch ${created.batch.controlNumber} for ${created.batch.payerName}: ${created.batch.claimCount} ${
              created.batch.claimCount === 1 ? 'claim' : 'claims'
            }, ${formatAmount(created.batch.totalCharge, created.batch.currency)}.`,
          );
          open(created.batch.id);
        }}
      />
    </>
  );
}

function BatchList({ onCreate }: { onCreate: () => void }) {
  const batches = useClaimBatches();
  return (
    <section aria-labelledby="claim-batches-heading">
      <div className="toolbar">
        <h2 id="claim-batches-heading" className="section-title">
          Claim batches
        </h2>
        <Button onClick={onCreate}>New batch</Button>
      </div>
      {batches.isPending ? (
        <p className="muted" role="status">
          Loading claim batches…
        </p>
      ) : batches.isError ? (
        <Alert>{errorMessage(batches.error)}</Alert>
      ) : batches.data.length === 0 ? (
        <p className="empty-state">
          No claim batch yet. “New batch” puts an insurer’s{' '}
          <Link to="/billing/charges?status=ready">ready charges</Link> on claims.
        </p>
      ) : (
        <Table caption="Claim batches, newest first" captionHidden>
          <thead>
            <tr>
              <th scope="col">Payer</th>
              <th scope="col">Created</th>
              <th scope="col">Claims</th>
              <th scope="col">Total</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody className="table-stack">
            {batches.data.map((batch) => (
              <tr key={batch.id}>
                <th scope="row">
                  <Link
                    to={`?batch=${encodeURIComponent(batch.id)}`}
                    aria-label={`Batch ${batch.controlNumber} for ${batch.payerName}, ${formatDateTime(batch.createdAt)}`}
                  >
                    {batch.payerName}
                  </Link>
                  <span className="cell-email">Batch {batch.controlNumber}</span>
                </th>
                <td data-label="Created" className="cell-nowrap">
                  {formatDateTime(batch.createdAt)}
                </td>
                <td data-label="Claims">{batch.claimCount}</td>
                <td data-label="Total" className="cell-nowrap">
                  {formatAmount(batch.totalCharge, batch.currency)}
                </td>
                <td data-label="State">
                  <Badge tone={batch.status === 'submitted' ? 'info' : 'neutral'}>
                    {BATCH_STATUS_LABELS[batch.status]}
                  </Badge>
                  {batch.submittedAt && <span className="cell-email">{formatDateTime(batch.submittedAt)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

function NewBatchDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (created: ClaimBatchDetail) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="New claim batch">
      {open && <NewBatchForm onClose={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}

function NewBatchForm({ onClose, onCreated }: { onClose: () => void; onCreated: (created: ClaimBatchDetail) => void }) {
  const payers = usePayers();
  const create = useCreateClaimBatch();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<NewBatchForm>({ resolver: zodResolver(newBatchSchema), defaultValues: { payerId: '', through: '' } });
  const insurers = (payers.data ?? []).filter((payer) => payer.kind === 'insurance' && payer.active);
  const onSubmit = handleSubmit((values) => create.mutate(values, { onSuccess: onCreated }));
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="New claim batch">
      <p className="muted">
        Every ready charge of the insurer (up to the date, when given) goes on a claim; the charges become claimed.
      </p>
      <FormErrorAlert error={create.error} title="No batch was built" />
      {payers.isError && <Alert>{errorMessage(payers.error)}</Alert>}
      <SelectField
        label="Payer"
        required
        placeholder={payers.isPending ? 'Loading payers…' : 'Choose an insurer'}
        options={insurers.map((payer) => ({ value: payer.id, label: payer.name }))}
        error={errors.payerId?.message}
        {...register('payerId')}
      />
      <TextField
        label="Service dates up to (optional)"
        type="date"
        hint="Empty: every ready charge."
        error={errors.through?.message}
        {...register('through')}
      />
      <DialogActions onCancel={onClose} pending={create.isPending} submitLabel="Build batch" />
    </form>
  );
}

type Pending = { kind: 'replacement' | 'void'; claim: ClaimSummary } | null;

function BatchDetail({
  id,
  onBack,
  onOpen,
  onNotice,
}: {
  id: string;
  onBack: () => void;
  onOpen: (id: string) => void;
  onNotice: (notice: string) => void;
}) {
  const detail = useClaimBatch(id);
  const submit = useSubmitClaimBatch();
  const correct = useCorrectClaim();
  const [confirming, setConfirming] = useState<Pending>(null);
  const [confirmingSubmit, setConfirmingSubmit] = useState(false);
  const [downloadError, setDownloadError] = useState<{ message: string; missing: string[] } | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);

  const download = async (key: string, path: string, filename: string) => {
    setDownloadError(null);
    setDownloading(key);
    try {
      await downloadPdf(path, filename);
    } catch (error) {
      const missing = error instanceof ApiError ? error.extensions.missing : undefined;
      setDownloadError({
        message: errorMessage(error),
        missing: Array.isArray(missing) ? missing.map(String) : [],
      });
    } finally {
      setDownloading(null);
    }
  };

  if (detail.isPending) {
    return (
      <p className="muted" role="status">
        Loading the batch…
      </p>
    );
  }
  if (detail.isError) {
    return (
      <>
        <Button variant="secondary" onClick={onBack}>
          Back to batches
        </Button>
        <Alert>{errorMessage(detail.error)}</Alert>
      </>
    );
  }
  const { batch, claims } = detail.data;
  return (
    <section aria-labelledby="claim-batch-heading">
      <Button variant="ghost" size="sm" onClick={onBack}>
        ← Back to batches
      </Button>
      <h2 id="claim-batch-heading" className="section-title">
        Batch {batch.controlNumber}: {batch.payerName}
      </h2>
      <p className="muted">
        Created {formatDateTime(batch.createdAt)} · {batch.claimCount} {batch.claimCount === 1 ? 'claim' : 'claims'} ·{' '}
        {formatAmount(batch.totalCharge, batch.currency)} ·{' '}
        {batch.submittedAt ? `Submitted ${formatDateTime(batch.submittedAt)}` : BATCH_STATUS_LABELS[batch.status]}
      </p>
      <div className="toolbar">
        <Button
          variant="secondary"
          pending={downloading === 'batch'}
          onClick={() => void download('batch', batch837Path(batch.id), `claims-${batch.controlNumber}.837`)}
        >
          Download 837P
        </Button>
        {batch.status === 'draft' && <Button onClick={() => setConfirmingSubmit(true)}>Mark submitted</Button>}
      </div>
      {downloadError && (
        <Alert title="The download failed">
          <p>{downloadError.message}</p>
          {downloadError.missing.length > 0 && (
            <ul className="alert-list">
              {downloadError.missing.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {submit.isError && !confirmingSubmit && <Alert>{errorMessage(submit.error)}</Alert>}
      <Table caption={`Claims of batch ${batch.controlNumber}`}>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Child</th>
            <th scope="col">Total</th>
            <th scope="col">State</th>
            <th scope="col">Paid</th>
            <th scope="col">Family share</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="table-stack">
          {claims.map((claim) => {
            const correctable = claim.state !== 'draft' && claim.state !== 'void' && claim.payerClaimNumber !== null;
            return (
              <tr key={claim.id}>
                <th scope="row" className="cell-nowrap">
                  {claim.claimNumber}
                  {claim.frequency !== '1' && (
                    <span className="cell-email">{claim.frequency === '7' ? 'Replacement' : 'Void'}</span>
                  )}
                  {claim.payerClaimNumber && <span className="cell-email">Payer’s no. {claim.payerClaimNumber}</span>}
                </th>
                <td data-label="Child">
                  <Link to={`/children/${claim.childId}`}>{claim.childName}</Link>
                </td>
                <td data-label="Total" className="cell-nowrap">
                  {formatAmount(claim.totalCharge, claim.currency)}
                </td>
                <td data-label="State">
                  <Badge tone={CLAIM_STATE_TONES[claim.state]}>{CLAIM_STATE_LABELS[claim.state]}</Badge>
                </td>
                <td data-label="Paid" className="cell-nowrap">
                  {formatAmount(claim.paidAmount, claim.currency)}
                </td>
                <td data-label="Family share" className="cell-nowrap">
                  {formatAmount(claim.patientResponsibility, claim.currency)}
                </td>
                <td className="cell-actions charge-actions">
                  <Button
                    variant="secondary"
                    size="sm"
                    pending={downloading === claim.id}
                    onClick={() => void download(claim.id, cms1500Path(claim.id), `cms1500-${claim.claimNumber}.pdf`)}
                    aria-label={`CMS-1500 PDF of claim ${claim.claimNumber}`}
                  >
                    CMS-1500 PDF
                  </Button>
                  {correctable && (
                    <>
                      <Button
                        variant="secondary"
                        size="sm"
                        onClick={() => setConfirming({ kind: 'replacement', claim })}
                        aria-label={`Replace claim ${claim.claimNumber}`}
                      >
                        Replace
                      </Button>
                      <Button
                        variant="danger"
                        size="sm"
                        onClick={() => setConfirming({ kind: 'void', claim })}
                        aria-label={`Void claim ${claim.claimNumber}`}
                      >
                        Void
                      </Button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <p className="muted">A claim can be replaced or voided once the payer’s claim number came with a remittance.</p>
      <ConfirmDialog
        open={confirmingSubmit}
        title="Mark the batch submitted?"
        description={`Its draft claims become submitted to ${batch.payerName}. Do this once the 837P file was sent.`}
        confirmLabel="Mark submitted"
        pending={submit.isPending}
        error={submit.isError ? errorMessage(submit.error) : undefined}
        onClose={() => {
          setConfirmingSubmit(false);
          submit.reset();
        }}
        onConfirm={() =>
          submit.mutate(batch.id, {
            onSuccess: () => {
              setConfirmingSubmit(false);
              onNotice(`Batch ${batch.controlNumber} is marked submitted.`);
            },
          })
        }
      />
      <ConfirmDialog
        open={confirming !== null}
        title={
          confirming?.kind === 'void'
            ? `Void claim ${confirming.claim.claimNumber}?`
            : `Replace claim ${confirming?.claim.claimNumber ?? ''}?`
        }
        description={
          confirming?.kind === 'void'
            ? 'A void claim (frequency 8) goes in a batch of its own; the claim becomes void and its charges can be billed again.'
            : 'A replacement claim (frequency 7) is built from its charges as they are now, in a batch of its own.'
        }
        confirmLabel={confirming?.kind === 'void' ? 'Void claim' : 'Replace claim'}
        pending={correct.isPending}
        error={correct.isError ? errorMessage(correct.error) : undefined}
        onClose={() => {
          setConfirming(null);
          correct.reset();
        }}
        onConfirm={() => {
          if (!confirming) return;
          const { kind, claim } = confirming;
          correct.mutate(
            { id: claim.id, kind },
            {
              onSuccess: (created) => {
                setConfirming(null);
                onNotice(
                  kind === 'void'
                    ? `Claim ${claim.claimNumber} is voided by batch ${created.batch.controlNumber}; send its 837P.`
                    : `Claim ${claim.claimNumber} is replaced by batch ${created.batch.controlNumber}; send its 837P.`,
                );
                onOpen(created.batch.id);
              },
            },
          );
        }}
      />
    </section>
  );
}
