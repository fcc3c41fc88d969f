import { Alert } from '../../../components/ui/alert';
import { errorMessage } from '../../../lib/api-error';
import { useFamilyAccounts } from '../api/ledger-queries';
import type { FamilyAccount } from '../api/ledger-types';
import { BalanceSummary } from './ledger-family-account-screen';
import { InvoicesSection, PaymentsSection, StatementsSection } from './ledger-family-sections';

/**
 * A parent's Billing page: for each of their children, the balance, statements, invoices and payments, with PDFs.
 * Card payments online need a payment processor the clinic has not connected: the page says how to pay instead.
 */
export function ParentBillingScreen() {
  const accounts = useFamilyAccounts(0, 50);
  if (accounts.isPending) {
    return (
      <p className="muted" role="status">
        Loading billing…
      </p>
    );
  }
  if (accounts.isError) return <Alert>{errorMessage(accounts.error)}</Alert>;
  if (accounts.data.content.length === 0) return <p className="empty-state">No children linked to your account.</p>;
  return (
    <div className="billing-sections">
      <p className="muted">
        Pay at the clinic (cash, check or card) or by bank transfer. Online card payment is not available yet.
      </p>
      {accounts.data.content.map((account) => (
        <FamilyBilling key={account.childId} account={account} />
      ))}
    </div>
  );
}

function FamilyBilling({ account }: { account: FamilyAccount }) {
  return (
    <article aria-labelledby={`family-${account.childId}`} className="panel billing-sections">
      <h2 id={`family-${account.childId}`} className="section-title">
        {account.childName}
      </h2>
      <BalanceSummary account={account} />
      <StatementsSection childId={account.childId} />
      <InvoicesSection childId={account.childId} admin={false} />
      <PaymentsSection childId={account.childId} admin={false} />
    </article>
  );
}
