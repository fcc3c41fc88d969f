package org.sparktherapy.billing.internal.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An invoice for private pay, or a credit note against one. A draft is only a document;
 * issuing numbers it and posts its lines to the family's ledger; voiding reverses what
 * issuing posted; a credit note credits part of an issued invoice's open items.
 *
 * @param open what is still owed on the invoice's items (issued invoices; zero otherwise)
 */
record Invoice(UUID id, UUID childId, String childName, Kind kind, String number, Status status, UUID creditsInvoice,
		String currency, LocalDate issuedOn, LocalDate dueOn, LocalDate voidedOn, String voidReason, int version,
		List<Line> lines, BigDecimal open) {

	enum Kind {

		INVOICE, CREDIT_NOTE;

		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	enum Status {

		DRAFT, ISSUED, VOID;

		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One line; {@code entryId} the ledger entry it posted or bills (once issued),
	 * {@code creditsEntry} the item a credit note's line credits.
	 */
	record Line(UUID id, int position, String description, LocalDate serviceDate, int quantity, BigDecimal unitPrice,
			BigDecimal amount, UUID chargeId, UUID entryId, UUID creditsEntry) {
	}

	/** What a new line says. */
	record NewLine(String description, LocalDate serviceDate, int quantity, BigDecimal unitPrice, UUID chargeId) {

		BigDecimal amount() {
			return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity)).setScale(2);
		}

	}

	BigDecimal total() {
		return this.lines.stream().map(Line::amount).reduce(Amounts.ZERO, BigDecimal::add);
	}

	static Kind kind(String value) {
		return Kind.valueOf(value.toUpperCase(Locale.ROOT));
	}

	static Status status(String value) {
		return Status.valueOf(value.toUpperCase(Locale.ROOT));
	}

}
