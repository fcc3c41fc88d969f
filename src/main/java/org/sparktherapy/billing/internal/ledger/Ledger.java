package org.sparktherapy.billing.internal.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The family ledger as the rest of billing uses it (ADR 0028): money a family owes is
 * posted here, once, and balances are sums of the entries. Charges (private-pay charges)
 * and claims (the family share of a remitted claim line) call it; they never write
 * {@code ledger_entries} themselves. Both postings are idempotent: posting the same
 * charge or the same remittance line again returns the entry posted the first time.
 * <p>
 * Called by the system (no person): the entries carry no {@code recorded_by}, and the
 * child's history records them as automatic changes.
 */
public interface Ledger {

	/**
	 * The family's share (patient responsibility, group code PR) of one remitted claim
	 * line.
	 *
	 * @param childId the child (the family account)
	 * @param chargeId the charge the claim line bills, or null
	 * @param remittanceReference unique per remittance line (e.g. the 835's trace number,
	 * claim and line control numbers): a second posting with it posts nothing
	 * @param amount what the family owes, more than zero, two decimals at most
	 * @param insurancePaid what the payer paid on the line, shown on statements (may be
	 * zero), or null
	 * @param currency ISO 4217, the clinic's currency ("USD")
	 * @param serviceDate the date of service, named in the description
	 * @param remittedOn when the remittance was received: the entry's date (its age)
	 * @param description what the family reads on its statement, without diagnosis
	 */
	record FamilyShare(UUID childId, UUID chargeId, String remittanceReference, BigDecimal amount,
			BigDecimal insurancePaid, String currency, LocalDate serviceDate, LocalDate remittedOn,
			String description) {
	}

	/**
	 * A private-pay charge (a child without coverage): the family owes its whole amount.
	 *
	 * @param chargeId the charge (charges module); posting it again while its posting
	 * stands posts nothing
	 * @param childId the child (the family account)
	 * @param serviceDate the date of service: the entry's date (its age)
	 * @param description what the family reads, e.g. "97153 Adaptive behavior treatment,
	 * 8 units"
	 * @param amount more than zero, two decimals at most
	 * @param currency ISO 4217 ("USD")
	 */
	record PrivatePayCharge(UUID chargeId, UUID childId, LocalDate serviceDate, String description, BigDecimal amount,
			String currency) {
	}

	/**
	 * The entry that holds a posting; {@code created} false when it had been posted
	 * before.
	 */
	record Posted(UUID entryId, boolean created) {
	}

	/** Posts the family share of a remitted claim line, once per remittance line. */
	Posted postFamilyShare(FamilyShare share);

	/**
	 * Posts a private-pay charge to the family's ledger: nothing when its latest posting
	 * stands (not reversed), else its next posting ({@link PrivatePayPostings} reverses a
	 * posting the charge no longer warrants).
	 */
	Posted postPrivatePayCharge(PrivatePayCharge charge);

	/**
	 * The child's balance in the clinic's currency: what the family owes (negative: a
	 * credit).
	 */
	BigDecimal balanceOf(UUID childId);

}
