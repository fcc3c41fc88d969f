package org.sparktherapy.billing.internal.charges;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.vocabulary.Place;
import org.sparktherapy.vocabulary.ServiceCode;

/**
 * What one completed appointment bills: the service, its units from the actual times by
 * the payer's rounding rule, the unit rate of the payer's fee schedule on the service
 * date and the amount ({@code units × unitRate}, in {@code currency}), the providers,
 * place of service, diagnoses and authorization — and whether it may be claimed
 * ({@code status}, with every {@code holdReasons} when held).
 *
 * @param coverageId the child's coverage the payer was taken from; null for private pay
 * @param unitRate null while the fee schedule has none (held: missing_fee)
 * @param placeOfService the CMS place-of-service code: 11 office, 12 home, 03 school, 10
 * telehealth in the home, 02 other telehealth, 99 other
 * @param supervisingProviderId the child's supervising BCBA when a technician rendered it
 */
public record Charge(UUID id, UUID appointmentId, UUID sessionId, UUID childId, UUID payerId, UUID coverageId,
		ServiceCode serviceCode, List<String> modifiers, LocalDate serviceDate, Instant startsAt, Instant endsAt,
		int minutes, int units, BigDecimal unitRate, BigDecimal amount, String currency, Place place,
		String placeOfService, UUID renderingProviderId, UUID supervisingProviderId, List<String> diagnosisCodes,
		UUID authorizationId, String authorizationNumber, ChargeStatus status, List<HoldReason> holdReasons,
		String voidReason, Instant createdAt, Instant updatedAt, int version) {

	public Charge {
		modifiers = List.copyOf(modifiers);
		diagnosisCodes = List.copyOf(diagnosisCodes);
		holdReasons = List.copyOf(holdReasons);
	}

}
