package org.sparktherapy.billing.internal.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One remittance advice: an 835 (005010X221A1) transaction, the payer's explanation of
 * one payment (check or EFT) across claims.
 *
 * @param payerName the payer (1000A N1*PR)
 * @param payerId the payer's identifier: TRN03 (the payer's "1" + tax id), else REF*2U,
 * else N104 of 1000A
 * @param payeeName the provider paid (1000B N1*PE)
 * @param payeeNpi the payee's NPI (N1*PE*…*XX), null when the payer used another id
 * @param traceNumber the check or EFT trace number (TRN02); with {@code payerId} it names
 * this payment, so the same file imported twice is noticed
 * @param totalPaid BPR02, what the payer sent
 * @param paymentMethod BPR04: ACH, CHK, BOP, FWT or NON (no payment)
 * @param paymentDate BPR16, the check or effective EFT date
 * @param currency ISO 4217; X12 amounts are USD unless a CUR segment says otherwise
 */
public record Remittance(String payerName, String payerId, String payeeName, String payeeNpi, String traceNumber,
		BigDecimal totalPaid, String paymentMethod, LocalDate paymentDate, String currency, List<ClaimPayment> claims,
		List<ProviderAdjustment> providerAdjustments) {

	public Remittance {
		Objects.requireNonNull(traceNumber);
		Objects.requireNonNull(totalPaid);
		claims = List.copyOf(claims);
		providerAdjustments = List.copyOf(providerAdjustments);
	}

	/**
	 * Whether the payment adds up: the claims' payments less the provider-level
	 * adjustments (PLB) equal the amount paid (BPR02).
	 */
	public boolean balances() {
		BigDecimal claimsPaid = this.claims.stream().map(ClaimPayment::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal adjusted = this.providerAdjustments.stream()
			.map(ProviderAdjustment::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return claimsPaid.subtract(adjusted).compareTo(this.totalPaid) == 0;
	}

	/** CAS group codes: who carries an adjusted amount. */
	public enum Group {

		/** Contractual obligation: the provider writes it off. */
		CO,
		/**
		 * Patient responsibility: the family owes it (deductible, coinsurance, copay).
		 */
		PR,
		/** Other adjustment. */
		OA,
		/** Payer-initiated reduction. */
		PI,
		/** Correction and reversal (older files). */
		CR;

		static Group of(String code) {
			try {
				return Group.valueOf(code);
			}
			catch (IllegalArgumentException ex) {
				throw new X12FormatException("Unknown claim adjustment group code in CAS01.");
			}
		}

	}

	/**
	 * One adjustment (a reason triple of a CAS segment).
	 *
	 * @param reasonCode the claim adjustment reason code (CARC), e.g. 1 deductible, 2
	 * coinsurance, 3 copay, 45 charge exceeds the fee schedule, 197 no precertification
	 * @param amount positive reduces the payment, negative increases it
	 * @param quantity units adjusted, null when none
	 */
	public record Adjustment(Group group, String reasonCode, BigDecimal amount, BigDecimal quantity) {
	}

	/**
	 * The payment of one claim (loop 2100).
	 *
	 * @param patientControlNumber CLP01: our claim number as sent in CLM01
	 * @param status CLP02: 1/2/3 processed as primary/secondary/tertiary, 4 denied,
	 * 19/20/21 processed and forwarded, 22 reversal of an earlier payment, 23 not our
	 * claim
	 * @param charge CLP03, the amount billed
	 * @param paid CLP04
	 * @param patientResponsibility CLP05, zero when absent
	 * @param payerClaimNumber CLP07, the payer's claim control number (needed to replace
	 * or void the claim: REF*F8 of the 837)
	 * @param frequencyCode CLP09 when sent
	 * @param patientLastName NM1*QC, for display in the import report
	 * @param memberId NM1*QC or NM1*IL member id
	 * @param adjustments the claim-level CAS adjustments
	 */
	public record ClaimPayment(String patientControlNumber, String status, BigDecimal charge, BigDecimal paid,
			BigDecimal patientResponsibility, String payerClaimNumber, String frequencyCode, String patientLastName,
			String patientFirstName, String memberId, List<Adjustment> adjustments, List<LinePayment> lines) {

		public ClaimPayment {
			adjustments = List.copyOf(adjustments);
			lines = List.copyOf(lines);
		}

		/** CLP02 4: the payer denied the claim. */
		public boolean denied() {
			return "4".equals(this.status);
		}

		/** CLP02 22: the payer takes back an earlier payment. */
		public boolean reversal() {
			return "22".equals(this.status);
		}

		/** Every adjustment of the claim and its lines. */
		public List<Adjustment> allAdjustments() {
			return java.util.stream.Stream
				.concat(this.adjustments.stream(), this.lines.stream().flatMap((line) -> line.adjustments().stream()))
				.toList();
		}

		/** The sum of the adjustments of {@code group}, claim and lines. */
		public BigDecimal adjusted(Group group) {
			return allAdjustments().stream()
				.filter((adjustment) -> adjustment.group() == group)
				.map(Adjustment::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		/** Whether charge − paid equals the sum of all adjustments (a balanced claim). */
		public boolean balances() {
			BigDecimal adjusted = allAdjustments().stream()
				.map(Adjustment::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			return this.charge.subtract(this.paid).compareTo(adjusted) == 0;
		}

	}

	/**
	 * The payment of one service line (loop 2110).
	 *
	 * @param procedureCode SVC01-2, e.g. 97153
	 * @param modifiers SVC01-3…6
	 * @param units SVC05 (1 when absent)
	 * @param lineControlNumber REF*6R: our line id as sent in the 837's REF*6R, null when
	 * the payer did not return it
	 * @param allowed AMT*B6, null when absent
	 */
	public record LinePayment(String procedureCode, List<String> modifiers, BigDecimal charge, BigDecimal paid,
			BigDecimal units, LocalDate serviceDate, String lineControlNumber, BigDecimal allowed,
			List<Adjustment> adjustments) {

		public LinePayment {
			modifiers = List.copyOf(modifiers);
			adjustments = List.copyOf(adjustments);
		}

		/** The sum of the line's adjustments of {@code group}. */
		public BigDecimal adjusted(Group group) {
			return this.adjustments.stream()
				.filter((adjustment) -> adjustment.group() == group)
				.map(Adjustment::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
		}

	}

	/**
	 * A provider-level adjustment (PLB): e.g. WO overpayment recovery, L6 interest, FB
	 * forwarding balance. Positive reduces the payment.
	 */
	public record ProviderAdjustment(String reasonCode, String reference, BigDecimal amount) {
	}

}
