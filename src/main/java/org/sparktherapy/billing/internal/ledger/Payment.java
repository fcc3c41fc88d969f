package org.sparktherapy.billing.internal.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Money a family paid the clinic, with what became of it: how much is allocated to the
 * family's items and how much was refunded. Immutable once recorded.
 */
record Payment(UUID id, UUID childId, Method method, String reference, BigDecimal amount, String currency,
		LocalDate receivedOn, String note, UUID recordedBy, String recordedByName, Instant recordedAt,
		BigDecimal allocated, BigDecimal refunded, boolean reversed) {

	/** How the money came: online card payments need a {@link PaymentProcessor}. */
	enum Method {

		CASH, CHECK, CARD_TERMINAL, BANK_TRANSFER;

		String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		static Method of(String value) {
			return valueOf(value.toUpperCase(java.util.Locale.ROOT));
		}

	}

	/** What is neither allocated nor refunded: the family's credit from this payment. */
	BigDecimal unallocated() {
		return this.reversed ? Amounts.ZERO : this.amount.subtract(this.refunded).subtract(this.allocated);
	}

	/** What may still be refunded. */
	BigDecimal refundable() {
		return this.reversed ? Amounts.ZERO : this.amount.subtract(this.refunded);
	}

	/**
	 * What the admin asked for; a retry with the same idempotency key must ask the same.
	 */
	record Request(UUID childId, Method method, String reference, BigDecimal amount, LocalDate receivedOn,
			String note) {

		/** A stable fingerprint of the request (its canonical text, SHA-256). */
		String fingerprint() {
			String text = String.join("|", this.childId.toString(), this.method.value(),
					(this.reference == null) ? "" : this.reference, this.amount.toPlainString(),
					this.receivedOn.toString(), (this.note == null) ? "" : this.note);
			try {
				byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
				return java.util.HexFormat.of().formatHex(hash);
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
