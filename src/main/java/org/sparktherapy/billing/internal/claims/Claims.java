package org.sparktherapy.billing.internal.claims;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The records of claim batches, claims and claim lines as stored. */
final class Claims {

	private Claims() {
	}

	/** A batch: the claims of one payer exported as one 837P file. */
	record Batch(UUID id, UUID payerId, String payerName, int controlNumber, String status, BigDecimal totalCharge,
			String currency, int claimCount, UUID createdBy, Instant createdAt, Instant exportedAt, Instant submittedAt,
			int version) {
	}

	/** One claim; {@code childName} from the children's published view. */
	record Claim(UUID id, UUID batchId, String claimNumber, UUID childId, String childName, UUID payerId,
			UUID coverageId, ClaimState state, String frequency, UUID replacesClaimId, String payerClaimNumber,
			String placeOfService, List<String> diagnosisCodes, String authorizationNumber, UUID renderingProviderId,
			BigDecimal totalCharge, BigDecimal paidAmount, BigDecimal patientResponsibility, String currency,
			Instant createdAt, Instant submittedAt, int version) {

		Claim {
			diagnosisCodes = List.copyOf(diagnosisCodes);
		}

	}

	/** One service line: the charge it bills, as billed. */
	record Line(UUID id, UUID claimId, int lineNumber, UUID chargeId, String serviceCode, List<String> modifiers,
			int units, BigDecimal amount, String currency, LocalDate serviceDate, List<Integer> diagnosisPointers,
			BigDecimal paidAmount) {

		Line {
			modifiers = List.copyOf(modifiers);
			diagnosisPointers = List.copyOf(diagnosisPointers);
		}

	}

}
