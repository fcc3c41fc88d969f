package org.sparktherapy.billing.internal.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The allocation rule: a payment's money pays the family's oldest open items first (by
 * the date the item occurred, then when it was recorded), and the oldest payment is used
 * up first. A pure function; {@link LedgerService} stores what it decides.
 */
final class FifoAllocation {

	private FifoAllocation() {
	}

	/** A charge, family share or debit adjustment with money still owed on it. */
	record OpenItem(UUID entryId, LocalDate occurredOn, Instant recordedAt, BigDecimal open) {
	}

	/** A payment with money not yet allocated to an item. */
	record Credit(UUID paymentId, LocalDate receivedOn, Instant recordedAt, BigDecimal unallocated) {
	}

	/** So much of a payment pays so much of an item. */
	record Allocation(UUID paymentId, UUID entryId, BigDecimal amount) {
	}

	static List<Allocation> allocate(List<Credit> credits, List<OpenItem> items) {
		List<Credit> payments = credits.stream()
			.filter(c -> c.unallocated().signum() > 0)
			.sorted(Comparator.comparing(Credit::receivedOn).thenComparing(Credit::recordedAt))
			.toList();
		List<OpenItem> owed = items.stream()
			.filter(i -> i.open().signum() > 0)
			.sorted(Comparator.comparing(OpenItem::occurredOn).thenComparing(OpenItem::recordedAt))
			.toList();
		List<Allocation> allocations = new ArrayList<>();
		int item = 0;
		BigDecimal itemLeft = owed.isEmpty() ? BigDecimal.ZERO : owed.get(0).open();
		for (Credit payment : payments) {
			BigDecimal left = payment.unallocated();
			while (left.signum() > 0 && item < owed.size()) {
				BigDecimal part = left.min(itemLeft);
				allocations.add(new Allocation(payment.paymentId(), owed.get(item).entryId(), part));
				left = left.subtract(part);
				itemLeft = itemLeft.subtract(part);
				if (itemLeft.signum() == 0) {
					item++;
					itemLeft = (item < owed.size()) ? owed.get(item).open() : BigDecimal.ZERO;
				}
			}
		}
		return allocations;
	}

}
