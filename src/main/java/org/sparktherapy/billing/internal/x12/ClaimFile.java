package org.sparktherapy.billing.internal.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What one 837P file holds: one interchange (ISA/IEA) with one functional group (GS/GE)
 * and one transaction (ST/SE) carrying the claims of one batch, all from one billing
 * provider to one receiver (the payer or its clearinghouse).
 *
 * @param controlNumber the interchange control number (ISA13, 1–999,999,999), unique per
 * sender; the group (GS06) uses the same number and the transaction (ST02) is
 * {@code 0001}
 * @param createdAt the interchange's date and time (clinic time)
 * @param production {@code true} for ISA15 {@code P}, {@code false} for test ({@code T})
 * @param batchReference the originator's reference of the batch (BHT03)
 */
public record ClaimFile(int controlNumber, LocalDateTime createdAt, boolean production, String batchReference,
		Submitter submitter, Receiver receiver, BillingProvider billingProvider, List<Claim> claims) {

	public ClaimFile {
		if (controlNumber < 1 || controlNumber > 999_999_999) {
			throw new IllegalArgumentException("control number out of range: " + controlNumber);
		}
		Objects.requireNonNull(createdAt);
		Objects.requireNonNull(submitter);
		Objects.requireNonNull(receiver);
		Objects.requireNonNull(billingProvider);
		claims = List.copyOf(claims);
		if (claims.isEmpty()) {
			throw new IllegalArgumentException("a claim file needs at least one claim");
		}
	}

	/**
	 * The sender: the clinic or its clearinghouse account (1000A, ISA06, GS02).
	 *
	 * @param id the submitter id the receiver assigned (ETIN)
	 */
	public record Submitter(String name, String id, String contactName, String phone) {
	}

	/** The receiver (1000B, ISA08, GS03). */
	public record Receiver(String name, String id) {
	}

	/** A postal address (N3/N4); {@code zip} 5 or 9 digits. */
	public record Address(String line1, String line2, String city, String state, String zip) {
	}

	/**
	 * The billing provider (2010AA): the clinic.
	 *
	 * @param taxId the employer identification number, 9 digits (REF*EI)
	 * @param taxonomy the provider taxonomy code (PRV*BI), null when none
	 */
	public record BillingProvider(String name, String npi, String taxId, String taxonomy, Address address,
			String phone) {
	}

	/** A person's demographics; {@code gender} F, M or U. */
	public record Person(String lastName, String firstName, LocalDate dateOfBirth, String gender, Address address) {
	}

	/**
	 * The insured (2010BA).
	 *
	 * @param memberId the payer's member id (NM109 with qualifier MI)
	 * @param groupNumber the group or policy number (SBR03), null when none
	 */
	public record Subscriber(Person person, String memberId, String groupNumber) {
	}

	/**
	 * The payer (2010BB).
	 *
	 * @param payerId the payer's X12 id (NM109 with qualifier PI)
	 * @param claimFilingIndicator SBR09, e.g. {@code CI} commercial, {@code MC} Medicaid,
	 * {@code BL} Blue Cross
	 */
	public record Payer(String name, String payerId, String claimFilingIndicator) {
	}

	/** The rendering provider (2310B): the therapist who delivered the services. */
	public record Provider(String lastName, String firstName, String npi, String taxonomy) {
	}

	/** How a claim relates to an earlier one (CLM05-3, box 22 of the CMS-1500). */
	public enum Frequency {

		/** A new claim. */
		ORIGINAL("1"),
		/** Replaces a claim the payer already has; names its claim number. */
		REPLACEMENT("7"),
		/** Voids a claim the payer already has; names its claim number. */
		VOID("8");

		private final String code;

		Frequency(String code) {
			this.code = code;
		}

		public String code() {
			return this.code;
		}

	}

	/**
	 * The patient's relationship to the subscriber (PAT01 / SBR02, box 6): {@code 18}
	 * self, {@code 19} child, {@code 01} spouse, {@code G8} other.
	 */
	public enum Relationship {

		SELF("18"), CHILD("19"), SPOUSE("01"), OTHER("G8");

		private final String code;

		Relationship(String code) {
			this.code = code;
		}

		public String code() {
			return this.code;
		}

	}

	/**
	 * One claim (2300) with its service lines (2400).
	 *
	 * @param patientControlNumber our claim number (CLM01, at most 20 characters); the
	 * 835 returns it in CLP01
	 * @param patient the patient when not the subscriber (2000C/2010CA), else null
	 * @param relationship the patient's relationship to the subscriber
	 * @param diagnosisCodes ICD-10-CM codes, the first principal (HI ABK, then ABF), at
	 * most 12, with or without the dot
	 * @param placeOfService the CMS place-of-service code (two digits)
	 * @param payerClaimNumber the payer's claim control number of the claim replaced or
	 * voided (REF*F8), required with frequency 7 and 8
	 * @param priorAuthorization the authorization number (REF*G1), null when none
	 */
	public record Claim(String patientControlNumber, Subscriber subscriber, Person patient, Relationship relationship,
			Payer payer, List<String> diagnosisCodes, String placeOfService, Frequency frequency,
			String payerClaimNumber, String priorAuthorization, Provider renderingProvider, List<Line> lines) {

		public Claim {
			Objects.requireNonNull(patientControlNumber);
			Objects.requireNonNull(subscriber);
			Objects.requireNonNull(relationship);
			Objects.requireNonNull(payer);
			Objects.requireNonNull(frequency);
			diagnosisCodes = List.copyOf(diagnosisCodes);
			lines = List.copyOf(lines);
			if (patientControlNumber.isBlank() || patientControlNumber.length() > 20) {
				throw new IllegalArgumentException("the patient control number has 1 to 20 characters");
			}
			if (relationship == Relationship.SELF && patient != null) {
				throw new IllegalArgumentException("a patient who is the subscriber is not named twice");
			}
			if (relationship != Relationship.SELF && patient == null) {
				throw new IllegalArgumentException("a patient who is not the subscriber must be named");
			}
			if (diagnosisCodes.isEmpty() || diagnosisCodes.size() > 12) {
				throw new IllegalArgumentException("a claim has 1 to 12 diagnosis codes");
			}
			if (lines.isEmpty() || lines.size() > 50) {
				throw new IllegalArgumentException("a professional claim has 1 to 50 service lines");
			}
			if (frequency != Frequency.ORIGINAL && (payerClaimNumber == null || payerClaimNumber.isBlank())) {
				throw new IllegalArgumentException("a replacement or void names the payer's claim number");
			}
		}

		/** CLM02: the sum of the lines' charges. */
		public BigDecimal totalCharge() {
			return this.lines.stream().map(Line::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

	}

	/**
	 * One service line (2400).
	 *
	 * @param lineControlNumber our line id (REF*6R, at most 50 characters); the 835
	 * returns it with the line's payment
	 * @param procedureCode the CPT/HCPCS code, e.g. 97153
	 * @param modifiers at most four two-character modifiers, e.g. HN
	 * @param units service units (15 minutes each for 97151–97158)
	 * @param charge the line's charge, two decimals
	 * @param diagnosisPointers 1-based positions into the claim's diagnosis codes, 1 to 4
	 */
	public record Line(String lineControlNumber, String procedureCode, List<String> modifiers, BigDecimal units,
			BigDecimal charge, LocalDate serviceDate, List<Integer> diagnosisPointers) {

		public Line {
			Objects.requireNonNull(procedureCode);
			Objects.requireNonNull(units);
			Objects.requireNonNull(charge);
			Objects.requireNonNull(serviceDate);
			modifiers = List.copyOf(modifiers);
			diagnosisPointers = List.copyOf(diagnosisPointers);
			if (modifiers.size() > 4) {
				throw new IllegalArgumentException("at most four modifiers");
			}
			if (diagnosisPointers.isEmpty() || diagnosisPointers.size() > 4) {
				throw new IllegalArgumentException("a line points at 1 to 4 diagnosis codes");
			}
			if (charge.signum() < 0 || units.signum() <= 0) {
				throw new IllegalArgumentException("a line has positive units and a charge of zero or more");
			}
		}

	}

}
