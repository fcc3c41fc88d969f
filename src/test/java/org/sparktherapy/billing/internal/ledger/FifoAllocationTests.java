package org.sparktherapy.billing.internal.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FifoAllocationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 2);

	static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");

	@Test
	void paysTheOldestItemFirstAndSplitsAPaymentAcrossItems() {
		FifoAllocation.OpenItem newer = item(DAY.plusDays(5), "100.00");
		FifoAllocation.OpenItem older = item(DAY, "60.00");
		FifoAllocation.Credit payment = credit(DAY.plusDays(6), "90.00");
		List<FifoAllocation.Allocation> allocations = FifoAllocation.allocate(List.of(payment), List.of(newer, older));
		assertThat(allocations).containsExactly(
				new FifoAllocation.Allocation(payment.paymentId(), older.entryId(), new BigDecimal("60.00")),
				new FifoAllocation.Allocation(payment.paymentId(), newer.entryId(), new BigDecimal("30.00")));
	}

	@Test
	void usesTheOldestPaymentFirstAndLeavesTheRestUnallocated() {
		FifoAllocation.OpenItem only = item(DAY, "50.00");
		FifoAllocation.Credit later = credit(DAY.plusDays(2), "40.00");
		FifoAllocation.Credit earlier = credit(DAY.plusDays(1), "30.00");
		List<FifoAllocation.Allocation> allocations = FifoAllocation.allocate(List.of(later, earlier), List.of(only));
		assertThat(allocations).containsExactly(
				new FifoAllocation.Allocation(earlier.paymentId(), only.entryId(), new BigDecimal("30.00")),
				new FifoAllocation.Allocation(later.paymentId(), only.entryId(), new BigDecimal("20.00")));
	}

	@Test
	void allocatesNothingWithoutOpenItemsOrCredit() {
		assertThat(FifoAllocation.allocate(List.of(credit(DAY, "10.00")), List.of())).isEmpty();
		assertThat(FifoAllocation.allocate(List.of(), List.of(item(DAY, "10.00")))).isEmpty();
		assertThat(FifoAllocation.allocate(List.of(credit(DAY, "0.00")), List.of(item(DAY, "10.00")))).isEmpty();
	}

	private static FifoAllocation.OpenItem item(LocalDate on, String open) {
		return new FifoAllocation.OpenItem(UUID.randomUUID(), on, AT, new BigDecimal(open));
	}

	private static FifoAllocation.Credit credit(LocalDate on, String amount) {
		return new FifoAllocation.Credit(UUID.randomUUID(), on, AT, new BigDecimal(amount));
	}

}
