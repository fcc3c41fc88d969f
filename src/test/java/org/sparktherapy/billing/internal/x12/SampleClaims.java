package org.sparktherapy.billing.internal.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.sparktherapy.billing.internal.x12.ClaimFile.Address;
import org.sparktherapy.billing.internal.x12.ClaimFile.BillingProvider;
import org.sparktherapy.billing.internal.x12.ClaimFile.Claim;
import org.sparktherapy.billing.internal.x12.ClaimFile.Frequency;
import org.sparktherapy.billing.internal.x12.ClaimFile.Line;
import org.sparktherapy.billing.internal.x12.ClaimFile.Payer;
import org.sparktherapy.billing.internal.x12.ClaimFile.Person;
import org.sparktherapy.billing.internal.x12.ClaimFile.Provider;
import org.sparktherapy.billing.internal.x12.ClaimFile.Receiver;
import org.sparktherapy.billing.internal.x12.ClaimFile.Relationship;
import org.sparktherapy.billing.internal.x12.ClaimFile.Submitter;
import org.sparktherapy.billing.internal.x12.ClaimFile.Subscriber;

/** Realistic claims of an ABA clinic for the X12 and CMS-1500 tests (invented people). */
final class SampleClaims {

	private SampleClaims() {
	}

	static final Payer PAYER = new Payer("Blue Valley Health Plan", "BVHP1", "CI");

	static final BillingProvider CLINIC = new BillingProvider("Bright Steps ABA LLC", "1234567893", "12-3456789",
			"103K00000X", new Address("100 Main Street", "Suite 4", "Springfield", "IL", "62701-1234"), "217 555 0100");

	static final Provider BCBA = new Provider("Okafor", "Maya", "1679576722", "103K00000X");

	/** A child on a parent's plan: subscriber (2000B) and patient (2000C) differ. */
	static Claim childOnParentsPlan(String number) {
		Person parent = new Person("Carter", "Dana", LocalDate.of(1988, 4, 2), "F",
				new Address("40 Birch Road", "Unit 9", "Chatham", "IL", "62629"));
		Person child = new Person("Carter", "Ava", LocalDate.of(2019, 9, 14), "F",
				new Address("12 Oak Lane", null, "Springfield", "IL", "62704"));
		return new Claim(number, new Subscriber(parent, "XJH123456789", "GRP-7781"), child, Relationship.CHILD, PAYER,
				List.of("F84.0", "F80.2"), "12", Frequency.ORIGINAL, null, "AUTH-2026-001", BCBA,
				List.of(new Line("L-1", "97153", List.of("HN"), new BigDecimal("8"), new BigDecimal("120.00"),
						LocalDate.of(2026, 11, 2), List.of(1)),
						new Line("L-2", "97155", List.of("HO"), new BigDecimal("2"), new BigDecimal("55.50"),
								LocalDate.of(2026, 11, 2), List.of(1, 2))));
	}

	/**
	 * An adult patient who is the subscriber (Medicaid-style: the child holds the plan).
	 */
	static Claim subscriberIsPatient(String number, Frequency frequency, String payerClaimNumber) {
		Person patient = new Person("Núñez", "Leo", LocalDate.of(2017, 1, 30), "M",
				new Address("8 Elm Court", "Apt 2", "Springfield", "IL", "62702"));
		return new Claim(number, new Subscriber(patient, "MCD998877", null), null, Relationship.SELF,
				new Payer("Blue Valley Health Plan", "BVHP1", "MC"), List.of("F84.0"), "11", frequency,
				payerClaimNumber, null, BCBA, List.of(new Line("L-3", "97151", List.of(), new BigDecimal("4"),
						new BigDecimal("100"), LocalDate.of(2026, 11, 3), List.of(1))));
	}

	static ClaimFile file(List<Claim> claims) {
		return new ClaimFile(42, LocalDateTime.of(2026, 12, 2, 14, 30), false, "BATCH-42",
				new Submitter("Bright Steps ABA LLC", "BRIGHTSTEPS01", "Billing Office", "(217) 555-0100"),
				new Receiver("Blue Valley Health Plan", "BVHP1"), CLINIC, claims);
	}

	static ClaimFile sample() {
		return file(List.of(childOnParentsPlan("C-1001"), subscriberIsPatient("C-1002", Frequency.ORIGINAL, null),
				subscriberIsPatient("C-1003", Frequency.REPLACEMENT, "PAYER-55501"), childOnParentsPlan("C-1004")));
	}

}
