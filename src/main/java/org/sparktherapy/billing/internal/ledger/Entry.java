package org.sparktherapy.billing.internal.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One immutable ledger entry with what is derived from the entries after it: whether a
 * reversal cancelled it and, for an item the family owes (a charge, family share or debit
 * adjustment), how much of it is still open.
 *
 * @param amount positive: the family owes more; negative: less
 * @param open for an item, what is still owed on it; null for any other entry
 */
record Entry(UUID id, UUID childId, Kind kind, BigDecimal amount, String currency, LocalDate occurredOn,
		String description, UUID chargeId, UUID paymentId, UUID invoiceId, String remittanceReference,
		BigDecimal insurancePaid, UUID appliesTo, UUID reverses, UUID reversedBy, BigDecimal open, UUID recordedBy,
		Instant recordedAt) {

	/** The kinds of entry; the database's values are the lower-case names. */
	enum Kind {

		CHARGE, PAYMENT, ADJUSTMENT, REFUND, WRITE_OFF, PATIENT_RESPONSIBILITY, REVERSAL;

		String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		static Kind of(String value) {
			return valueOf(value.toUpperCase(java.util.Locale.ROOT));
		}

	}

	/** Whether the family owes money on this entry (payments are allocated to it). */
	boolean isItem() {
		return this.open != null;
	}

	boolean isReversed() {
		return this.reversedBy != null;
	}

	/** What a new entry says; the rest is derived. */
	record Posting(UUID childId, Kind kind, BigDecimal amount, LocalDate occurredOn, String description, UUID chargeId,
			UUID paymentId, UUID invoiceId, String remittanceReference, BigDecimal insurancePaid, UUID appliesTo,
			UUID reverses) {

		static Posting of(UUID childId, Kind kind, BigDecimal amount, LocalDate occurredOn, String description) {
			return new Posting(childId, kind, amount, occurredOn, description, null, null, null, null, null, null,
					null);
		}

		Posting payment(UUID id) {
			return new Posting(this.childId, this.kind, this.amount, this.occurredOn, this.description, this.chargeId,
					id, this.invoiceId, this.remittanceReference, this.insurancePaid, this.appliesTo, this.reverses);
		}

		Posting invoice(UUID id) {
			return new Posting(this.childId, this.kind, this.amount, this.occurredOn, this.description, this.chargeId,
					this.paymentId, id, this.remittanceReference, this.insurancePaid, this.appliesTo, this.reverses);
		}

		Posting charge(UUID id) {
			return new Posting(this.childId, this.kind, this.amount, this.occurredOn, this.description, id,
					this.paymentId, this.invoiceId, this.remittanceReference, this.insurancePaid, this.appliesTo,
					this.reverses);
		}

		Posting appliesTo(UUID id) {
			return new Posting(this.childId, this.kind, this.amount, this.occurredOn, this.description, this.chargeId,
					this.paymentId, this.invoiceId, this.remittanceReference, this.insurancePaid, id, this.reverses);
		}

		Posting reverses(UUID id) {
			return new Posting(this.childId, this.kind, this.amount, this.occurredOn, this.description, this.chargeId,
					this.paymentId, this.invoiceId, this.remittanceReference, this.insurancePaid, this.appliesTo, id);
		}

		Posting remittance(String reference, BigDecimal paid) {
			return new Posting(this.childId, this.kind, this.amount, this.occurredOn, this.description, this.chargeId,
					this.paymentId, this.invoiceId, reference, paid, this.appliesTo, this.reverses);
		}

	}

}
