package org.sparktherapy.billing.internal.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A family's monthly statement, derived from the ledger (never stored): the balance
 * carried in, the month's entries by kind, and the balance at the month's end.
 *
 * @param insurancePaid what insurance paid on the lines whose family share the month
 * posted (not part of the balance)
 * @param adjustments write-offs, adjustments, credit notes and reversals, signed
 */
record Statement(UUID childId, String childName, YearMonth month, LocalDate from, LocalDate to, String currency,
		BigDecimal opening, BigDecimal charges, BigDecimal insurancePaid, BigDecimal familyShare, BigDecimal payments,
		BigDecimal refunds, BigDecimal adjustments, BigDecimal closing, List<Entry> lines) {

	static Statement of(UUID childId, String childName, YearMonth month, BigDecimal opening, List<Entry> lines) {
		BigDecimal charges = sum(lines, Entry.Kind.CHARGE);
		BigDecimal familyShare = sum(lines, Entry.Kind.PATIENT_RESPONSIBILITY);
		BigDecimal payments = sum(lines, Entry.Kind.PAYMENT).negate();
		BigDecimal refunds = sum(lines, Entry.Kind.REFUND);
		BigDecimal all = lines.stream().map(Entry::amount).reduce(Amounts.ZERO, BigDecimal::add);
		BigDecimal adjustments = all.subtract(charges).subtract(familyShare).add(payments).subtract(refunds);
		BigDecimal insurancePaid = lines.stream()
			.filter(e -> e.kind() == Entry.Kind.PATIENT_RESPONSIBILITY && e.insurancePaid() != null)
			.map(Entry::insurancePaid)
			.reduce(Amounts.ZERO, BigDecimal::add);
		return new Statement(childId, childName, month, month.atDay(1), month.atEndOfMonth(), Amounts.CURRENCY, opening,
				charges, insurancePaid, familyShare, payments, refunds, adjustments, opening.add(all), lines);
	}

	private static BigDecimal sum(List<Entry> lines, Entry.Kind kind) {
		return lines.stream().filter(e -> e.kind() == kind).map(Entry::amount).reduce(Amounts.ZERO, BigDecimal::add);
	}

}
