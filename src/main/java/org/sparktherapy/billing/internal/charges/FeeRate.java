package org.sparktherapy.billing.internal.charges;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.sparktherapy.vocabulary.ServiceCode;

/**
 * What a payer pays per 15-minute unit of a service code from {@code effectiveFrom} to
 * {@code effectiveTo} (both included; {@code null}: until further notice). One rate per
 * payer, code and day.
 */
public record FeeRate(UUID id, UUID payerId, ServiceCode serviceCode, BigDecimal ratePerUnit, String currency,
		LocalDate effectiveFrom, LocalDate effectiveTo) {

	/** Whether the rate applies on {@code date}. */
	public boolean appliesOn(LocalDate date) {
		return !date.isBefore(this.effectiveFrom) && (this.effectiveTo == null || !date.isAfter(this.effectiveTo));
	}

	/** What an admin writes of a rate. */
	public record Terms(ServiceCode serviceCode, BigDecimal ratePerUnit, String currency, LocalDate effectiveFrom,
			LocalDate effectiveTo) {
	}

}
