package org.sparktherapy.billing.internal.ledger;

import java.util.UUID;

import org.sparktherapy.billing.internal.charges.Charge;
import org.sparktherapy.billing.internal.charges.ChargeChanged;
import org.sparktherapy.billing.internal.charges.ChargeLookup;
import org.sparktherapy.billing.internal.charges.ChargeReady;
import org.sparktherapy.billing.internal.charges.ChargeStatus;
import org.sparktherapy.billing.internal.charges.ChargeVoided;
import org.sparktherapy.platform.database.RetryOnConcurrencyFailure;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Private-pay charges reach the family's ledger by themselves (ADR 0028): the family owes
 * a charge while it is a ready charge of the private-pay payer. Each event about a charge
 * brings its posting in line with the charge as it is now: posted when it is owed and not
 * posted; reversed when it was posted and is no longer owed — voided, held again, or
 * billed to an insurer since a coverage was recorded — or is owed at another amount (then
 * posted anew, as the next posting of the charge).
 * <p>
 * Asynchronous, after the charge's transaction committed (Spring Modulith's registry
 * redelivers on failure), retried when it loses a race in the database. Idempotent: each
 * delivery reads the charge under the family's lock and compares it with its latest
 * posting, so a redelivered or late event changes nothing; a posting number is used once
 * per charge ({@code ledger_entries_charge_posting_once}) and an entry is reversed once
 * ({@code reverses} is unique).
 */
@Component
class PrivatePayPostings {

	private final LedgerService ledger;

	private final LedgerRepository entries;

	private final ChargeLookup charges;

	PrivatePayPostings(LedgerService ledger, LedgerRepository entries, ChargeLookup charges) {
		this.ledger = ledger;
		this.entries = entries;
		this.charges = charges;
	}

	@ApplicationModuleListener
	@RetryOnConcurrencyFailure
	void on(ChargeReady ready) {
		settle(ready.chargeId(), ready.childId());
	}

	@ApplicationModuleListener
	@RetryOnConcurrencyFailure
	void on(ChargeChanged changed) {
		settle(changed.chargeId(), changed.childId());
	}

	@ApplicationModuleListener
	@RetryOnConcurrencyFailure
	void on(ChargeVoided voided) {
		settle(voided.chargeId(), voided.childId());
	}

	/** Brings the family's ledger in line with the charge as it is now. */
	void settle(UUID chargeId, UUID childId) {
		this.ledger.lock(childId);
		Charge charge = this.charges.find(chargeId).orElse(null);
		if (charge == null) {
			return;
		}
		boolean privatePay = this.charges.privatePay().id().equals(charge.payerId());
		boolean owed = privatePay && charge.status() == ChargeStatus.READY;
		Entry posted = this.entries.charge(chargeId).filter(e -> !e.isReversed()).orElse(null);
		if (posted != null && posted.invoiceId() != null) {
			// an invoice posted it: voiding the invoice or a credit note corrects it
			return;
		}
		if (posted != null && (!owed || posted.amount().compareTo(charge.amount()) != 0)) {
			this.ledger.reverseChargePosting(chargeId, reason(charge, privatePay, owed));
			posted = null;
		}
		if (owed && posted == null) {
			this.ledger.postPrivatePayCharge(new Ledger.PrivatePayCharge(charge.id(), charge.childId(),
					charge.serviceDate(), description(charge), charge.amount(), charge.currency()));
		}
	}

	private static String reason(Charge charge, boolean privatePay, boolean owed) {
		if (charge.status() == ChargeStatus.VOID) {
			return "charge voided";
		}
		if (!privatePay) {
			return "billed to insurance instead";
		}
		return owed ? "charge repriced" : "charge on hold";
	}

	/** What the family reads: the service and its units, never a diagnosis. */
	static String description(Charge charge) {
		return charge.serviceCode().code() + " " + charge.serviceCode().label() + ", " + charge.units()
				+ ((charge.units() == 1) ? " unit" : " units");
	}

}
