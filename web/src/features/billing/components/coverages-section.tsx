import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { ApiError, errorMessage } from '../../../lib/api-error';
import { formatDay } from '../../../lib/dates';
import type { Coverage } from '../api/charge-types';
import { useChildCoverages, useDeleteCoverage } from '../api/coverages';
import { usePayers } from '../api/payers';
import { CoverageDialog } from './coverage-dialog';

const PRIORITY_LABELS: Record<number, string> = { 1: 'Primary', 2: 'Secondary', 3: 'Tertiary' };

/** "40 Birch Road, Unit 9, Chatham, IL 62629-1234" */
function formatSubscriberAddress(address: NonNullable<Coverage['subscriberAddress']>): string {
  const zip = address.postalCode ?? '';
  const street = [address.line1, address.line2].filter(Boolean).join(', ');
  return `${street}, ${address.city ?? ''}, ${address.state ?? ''} ${zip.length === 9 ? `${zip.slice(0, 5)}-${zip.slice(5)}` : zip}`;
}

/**
 * A child's insurance coverages on the child page, next to its authorizations (admins only; the server answers
 * others 403 and then the section shows nothing). Without a coverage the child's sessions are private pay.
 */
export function CoveragesSection({ childId, canEdit }: { childId: string; canEdit: boolean }) {
  const coverages = useChildCoverages(childId);
  const payers = usePayers();
  const [editing, setEditing] = useState<Coverage | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Coverage | null>(null);
  const [notice, setNotice] = useState('');
  const remove = useDeleteCoverage();

  if (coverages.error instanceof ApiError && coverages.error.status === 403) return null;
  const list = coverages.data ?? [];
  const payerName = (id: string) => payers.data?.find((payer) => payer.id === id)?.name ?? 'Insurer';

  return (
    <section className="panel" id="coverage" aria-labelledby="coverages-heading">
      <div className="section-header">
        <h2 id="coverages-heading" className="section-title">
          Insurance coverage
        </h2>
        {canEdit && coverages.data && payers.data && (
          <Button variant="secondary" size="sm" onClick={() => setEditing('new')}>
            Add coverage
          </Button>
        )}
      </div>
      <p className="notice-region" role="status">
        {notice}
      </p>
      {coverages.isPending && <p className="muted">Loading coverage…</p>}
      {coverages.isError && <Alert>{errorMessage(coverages.error)}</Alert>}
      {coverages.data && list.length === 0 && (
        <p className="muted">No coverage recorded: this child’s sessions are billed as private pay.</p>
      )}
      {list.length > 0 && (
        <ul className="auth-list" aria-label="Insurance coverages">
          {list.map((coverage) => {
            const headingId = `coverage-${coverage.id}`;
            return (
              <li key={coverage.id} className="auth-card" aria-labelledby={headingId}>
                <div className="auth-card-head">
                  <h3 id={headingId} className="subsection-title">
                    {payerName(coverage.payerId)}
                  </h3>
                  <span className="muted">{PRIORITY_LABELS[coverage.priority] ?? coverage.priority}</span>
                </div>
                <dl className="details auth-details">
                  <div className="detail">
                    <dt>Member ID</dt>
                    <dd>{coverage.memberId ?? <span className="text-warning">Missing: charges are held</span>}</dd>
                  </div>
                  <div className="detail">
                    <dt>Group number</dt>
                    <dd>{coverage.groupNumber ?? '—'}</dd>
                  </div>
                  <div className="detail">
                    <dt>Subscriber</dt>
                    <dd>
                      {coverage.subscriberName ?? '—'} ({coverage.subscriberRelationship})
                    </dd>
                  </div>
                  {coverage.subscriberAddress && (
                    <div className="detail">
                      <dt>Subscriber’s address</dt>
                      <dd>{formatSubscriberAddress(coverage.subscriberAddress)}</dd>
                    </div>
                  )}
                  <div className="detail">
                    <dt>Diagnoses</dt>
                    <dd>
                      {coverage.diagnosisCodes.join(', ') || (
                        <span className="text-warning">None: charges are held</span>
                      )}
                    </dd>
                  </div>
                  <div className="detail">
                    <dt>Dates</dt>
                    <dd>
                      {formatDay(coverage.startDate)} – {coverage.endDate ? formatDay(coverage.endDate) : 'open'}
                    </dd>
                  </div>
                </dl>
                {canEdit && (
                  <div className="action-bar">
                    <Button
                      variant="secondary"
                      size="sm"
                      onClick={() => setEditing(coverage)}
                      aria-label={`Edit the coverage with ${payerName(coverage.payerId)}`}
                    >
                      Edit
                    </Button>
                    <Button
                      variant="danger"
                      size="sm"
                      onClick={() => setDeleting(coverage)}
                      aria-label={`Delete the coverage with ${payerName(coverage.payerId)}`}
                    >
                      Delete
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit && payers.data && (
        <>
          <CoverageDialog
            childId={childId}
            open={editing !== null}
            coverage={editing === 'new' ? null : editing}
            payers={payers.data}
            onClose={() => setEditing(null)}
            onSaved={(saved, created) => {
              setEditing(null);
              setNotice(`The coverage with ${payerName(saved.payerId)} was ${created ? 'added' : 'saved'}.`);
            }}
          />
          <ConfirmDialog
            open={deleting !== null}
            title="Delete this coverage?"
            description="Only for a coverage recorded by mistake; one that charges were billed under gets an end date instead."
            confirmLabel="Delete coverage"
            pending={remove.isPending}
            error={remove.isError ? errorMessage(remove.error) : undefined}
            onClose={() => {
              remove.reset();
              setDeleting(null);
            }}
            onConfirm={() => {
              if (!deleting) return;
              remove.mutate(deleting.id, {
                onSuccess: () => {
                  setNotice('The coverage was deleted.');
                  setDeleting(null);
                },
              });
            }}
          />
        </>
      )}
    </section>
  );
}
