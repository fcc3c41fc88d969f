package org.sparktherapy.billing.internal.ledger;

import java.util.UUID;

import org.sparktherapy.billing.internal.charges.Charge;
import org.sparktherapy.billing.internal.charges.ChargeLookup;
import org.sparktherapy.billing.internal.charges.ChargeReady;
import org.sparktherapy.billing.internal.charges.ChargeStatus;
import org.sparktherapy.billing.internal.charges.ChargeVoided;
import org.sparktherapy.platform.database.RetryOnConcurrencyFailure;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Private-pay charges reach the family's ledger by themselves (ADR 0028): a charge of the
 * private-pay payer that became ready is posted to its child's account and marked claimed
 * in the same transaction (the family's account is its "claim": a re-check no longer
 * changes its amount or payer); a posted charge that is voided gets its reversing entry.
 * <p>
 * Asynchronous, after the charge's transaction committed (Spring Modulith's registry
 * redelivers on failure), retried when it loses a race in the database. Idempotent: the
 * ledger posts a charge once ({@code ledger_entries_charge_once}) and reverses an entry
 * once ({@code reverses} is unique); each delivery reads the charge as it is now, under
 * the family's lock, so a late {@link ChargeReady} after a void posts nothing.
 */
@Component
class PrivatePayPostings {

	private final LedgerService ledger;

	private final ChargeLookup charges;

	PrivatePayPostings(LedgerService ledger, ChargeLookup charges) {
		this.ledger = ledger;
		this.charges = charges;
	}

	@ApplicationModuleListener
	@RetryOnConcurrencyFailure
	void on(ChargeReady ready) {
		settle(ready.chargeId(), ready.childId());
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
		if (charge.status() == ChargeStatus.VOID) {
			this.ledger.reverseChargePosting(chargeId, "charge voided");
		}
		else if (charge.status() == ChargeStatus.READY && this.charges.privatePay().id().equals(charge.payerId())) {
			this.ledger.postPrivatePayCharge(new Ledger.PrivatePayCharge(charge.id(), charge.childId(),
					charge.serviceDate(), description(charge), charge.amount(), charge.currency()));
			this.charges.markClaimed(java.util.List.of(charge.id()));
		}
	}

	/** What the family reads: the service and its units, never a diagnosis. */
	static String description(Charge charge) {
		return charge.serviceCode().code() + " " + charge.serviceCode().label() + ", " + charge.units()
				+ ((charge.units() == 1) ? " unit" : " units");
	}

}
