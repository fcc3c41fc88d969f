package org.sparktherapy.billing.internal.charges;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.vocabulary.ServiceCode;

import static org.assertj.core.api.Assertions.assertThat;

/** Each reason of the claim check on its own, from a charge that is otherwise ready. */
class ClaimCheckTests {

	static final UUID CHILD = UUID.randomUUID();

	static final UUID SESSION = UUID.randomUUID();

	static final UUID PAYER = UUID.randomUUID();

	static final UUID SUPERVISOR = UUID.randomUUID();

	static final Coverage COVERAGE = new Coverage(UUID.randomUUID(), CHILD, PAYER, "MEM123", null,
			new Coverage.Subscriber("Sam Doe", "child", null), List.of("F84.0"), LocalDate.of(2026, 1, 1), null, 1, 0);

	/** An RBT's 97153 for an insurer, with everything a claim needs. */
	static ClaimCheck.Facts ready() {
		return new ClaimCheck.Facts(CHILD, SESSION, PAYER, false, true, ServiceCode.TREATMENT_BY_PROTOCOL,
				Credential.RBT, true, 8, true, COVERAGE, List.of("F84.0"),
				new ClaimCheck.AuthorizationTerms(UUID.randomUUID(), "PA-1", 100), null, 0, List.of(), true, SUPERVISOR,
				true, true, true, true, true);
	}

	static List<String> codes(ClaimCheck.Facts facts) {
		return ClaimCheck.reasons(facts).stream().map(HoldReason::code).toList();
	}

	@Test
	void aChargeWithEverythingIsReady() {
		assertThat(ClaimCheck.reasons(ready())).isEmpty();
	}

	@Test
	void holdsAnUnsignedNoteWithALinkToTheSession() {
		ClaimCheck.Facts f = ready();
		List<HoldReason> reasons = ClaimCheck.reasons(new ClaimCheck.Facts(f.childId(), f.sessionId(), f.payerId(),
				false, true, f.serviceCode(), f.credential(), false, f.units(), true, f.coverage(), f.diagnosisCodes(),
				f.authorization(), null, 0, List.of(), true, SUPERVISOR, true, true, true, true, true));
		assertThat(reasons).extracting(HoldReason::code).containsExactly("note_unsigned");
		assertThat(reasons.get(0).fix()).isEqualTo("/sessions/" + SESSION);
	}

	@Test
	void holdsAChildRecordWithoutSexOrAddressWithALinkToTheChild() {
		ClaimCheck.Facts f = ready();
		List<HoldReason> reasons = ClaimCheck.reasons(new ClaimCheck.Facts(f.childId(), f.sessionId(), f.payerId(),
				false, true, f.serviceCode(), f.credential(), true, f.units(), true, f.coverage(), f.diagnosisCodes(),
				f.authorization(), null, 0, List.of(), true, SUPERVISOR, true, true, true, false, true));
		assertThat(reasons).extracting(HoldReason::code).containsExactly("child_record_incomplete");
		assertThat(reasons.get(0).message())
			.isEqualTo("The child's record has no sex; the claim names both for the patient.");
		assertThat(reasons.get(0).fix()).isEqualTo("/children/" + CHILD);
		assertThat(ClaimCheck
			.reasons(new ClaimCheck.Facts(f.childId(), f.sessionId(), f.payerId(), false, true, f.serviceCode(),
					f.credential(), true, f.units(), true, f.coverage(), f.diagnosisCodes(), f.authorization(), null, 0,
					List.of(), true, SUPERVISOR, true, true, true, true, false))
			.get(0)
			.message()).isEqualTo("The child's record has no home address; the claim names both for the patient.");
	}

	@Test
	void holdsASessionTooShortForAUnit() {
		assertThat(codes(with(ready(), 0, 0, ready().authorization(), null))).containsExactly("below_minimum_time");
	}

	@Test
	void holdsWithoutAnAuthorization() {
		assertThat(codes(with(ready(), 8, 0, null, null))).containsExactly("no_authorization");
	}

	@Test
	void holdsWhenTheAuthorizationExpiredBeforeTheService() {
		List<HoldReason> reasons = ClaimCheck.reasons(with(ready(), 8, 0, null, LocalDate.of(2026, 10, 31)));
		assertThat(reasons).extracting(HoldReason::code).containsExactly("authorization_expired");
		assertThat(reasons.get(0).message()).contains("2026-10-31");
		assertThat(reasons.get(0).fix()).isEqualTo("/children/" + CHILD + "#authorizations");
	}

	@Test
	void holdsWhenEarlierChargesUsedTheAuthorizationUp() {
		ClaimCheck.AuthorizationTerms auth = new ClaimCheck.AuthorizationTerms(UUID.randomUUID(), "PA-9", 100);
		assertThat(codes(with(ready(), 8, 92, auth, null))).isEmpty();
		List<HoldReason> reasons = ClaimCheck.reasons(with(ready(), 8, 93, auth, null));
		assertThat(reasons).extracting(HoldReason::code).containsExactly("authorization_exhausted");
		assertThat(reasons.get(0).message()).contains("7 of 100");
	}

	@Test
	void anInsurerThatNeedsNoAuthorizationDoesNotHold() {
		ClaimCheck.Facts f = with(ready(), 8, 0, null, null);
		assertThat(codes(new ClaimCheck.Facts(f.childId(), f.sessionId(), f.payerId(), false, false, f.serviceCode(),
				f.credential(), true, 8, true, f.coverage(), f.diagnosisCodes(), null, null, 0, List.of(), true,
				SUPERVISOR, true, true, true, true, true)))
			.isEmpty();
	}

	@Test
	void holdsACodeTheCredentialMayNotDeliver() {
		ClaimCheck.Facts f = ready();
		assertThat(codes(new ClaimCheck.Facts(f.childId(), f.sessionId(), f.payerId(), false, true,
				ServiceCode.PROTOCOL_MODIFICATION, Credential.RBT, true, 8, true, f.coverage(), f.diagnosisCodes(),
				f.authorization(), null, 0, List.of(), true, SUPERVISOR, true, true, true, true, true)))
			.containsExactly("credential_not_allowed");
		assertThat(codes(new ClaimCheck.Facts(f.childId(), f.sessionId(), f.payerId(), false, true,
				ServiceCode.TREATMENT_BY_PROTOCOL, null, true, 8, true, f.coverage(), f.diagnosisCodes(),
				f.authorization(), null, 0, List.of(), false, null, true, true, false, true, true)))
			.containsExactly("credential_not_allowed");
	}

	@Test
	void holdsAnOverlapWithALinkToTheOtherCharge() {
		UUID other = UUID.randomUUID();
		ClaimCheck.Facts f = ready();
		List<HoldReason> reasons = ClaimCheck.reasons(new ClaimCheck.Facts(f.childId(), f.sessionId(), f.payerId(),
				false, true, f.serviceCode(), f.credential(), true, 8, true, f.coverage(), f.diagnosisCodes(),
				f.authorization(), null, 0, List.of(other), true, SUPERVISOR, true, true, true, true, true));
		assertThat(reasons).extracting(HoldReason::code).containsExactly("overlapping_service");
		assertThat(reasons.get(0).fix()).isEqualTo("/billing/charges?charge=" + other);
	}

	@Test
	void holdsAMissingMemberId() {
		ClaimCheck.Facts f = ready();
		Coverage noMember = new Coverage(COVERAGE.id(), CHILD, PAYER, null, null, COVERAGE.subscriber(),
				COVERAGE.diagnosisCodes(), COVERAGE.startsOn(), null, 1, 0);
		List<HoldReason> reasons = ClaimCheck.reasons(new ClaimCheck.Facts(f.childId(), f.sessionId(), f.payerId(),
				false, true, f.serviceCode(), f.credential(), true, 8, true, noMember, f.diagnosisCodes(),
				f.authorization(), null, 0, List.of(), true, SUPERVISOR, true, true, true, true, true));
		assertThat(reasons).extracting(HoldReason::code).containsExactly("missing_member_id");
		assertThat(reasons.get(0).fix()).isEqualTo("/children/" + CHILD + "#coverage");
	}

	@Test
	void holdsAMissingDiagnosis() {
		ClaimCheck.Facts f = ready();
		assertThat(codes(new ClaimCheck.Facts(f.childId(), f.sessionId(), f.payerId(), false, true, f.serviceCode(),
				f.credential(), true, 8, true, f.coverage(), List.of(), f.authorization(), null, 0, List.of(), true,
				SUPERVISOR, true, true, true, true, true)))
			.containsExactly("missing_diagnosis");
	}

	@Test
	void holdsAMissingFeeWithALinkToThePayer() {
		ClaimCheck.Facts f = ready();
		List<HoldReason> reasons = ClaimCheck.reasons(new ClaimCheck.Facts(f.childId(), f.sessionId(), f.payerId(),
				false, true, f.serviceCode(), f.credential(), true, 8, false, f.coverage(), f.diagnosisCodes(),
				f.authorization(), null, 0, List.of(), true, SUPERVISOR, true, true, true, true, true));
		assertThat(reasons).extracting(HoldReason::code).containsExactly("missing_fee");
		assertThat(reasons.get(0).fix()).isEqualTo("/billing/payers?payer=" + PAYER);
	}

	@Test
	void holdsMissingNpisNamingWhoseAreMissing() {
		ClaimCheck.Facts f = ready();
		List<HoldReason> reasons = ClaimCheck.reasons(new ClaimCheck.Facts(f.childId(), f.sessionId(), f.payerId(),
				false, true, f.serviceCode(), f.credential(), true, 8, true, f.coverage(), f.diagnosisCodes(),
				f.authorization(), null, 0, List.of(), true, SUPERVISOR, false, true, false, true, true));
		assertThat(reasons).extracting(HoldReason::code).containsExactly("missing_npi");
		assertThat(reasons.get(0).message()).contains("the clinic")
			.contains("the supervising provider")
			.doesNotContain("rendering");
	}

	@Test
	void holdsATechniciansServiceWithoutASupervisingBcba() {
		ClaimCheck.Facts f = ready();
		assertThat(codes(new ClaimCheck.Facts(f.childId(), f.sessionId(), f.payerId(), false, true, f.serviceCode(),
				f.credential(), true, 8, true, f.coverage(), f.diagnosisCodes(), f.authorization(), null, 0, List.of(),
				true, null, true, true, false, true, true)))
			.containsExactly("missing_supervisor");
	}

	@Test
	void namesEveryReasonAtOnce() {
		ClaimCheck.Facts f = ready();
		Coverage noMember = new Coverage(COVERAGE.id(), CHILD, PAYER, null, null, COVERAGE.subscriber(), List.of(),
				COVERAGE.startsOn(), null, 1, 0);
		assertThat(codes(new ClaimCheck.Facts(f.childId(), f.sessionId(), f.payerId(), false, true,
				ServiceCode.PROTOCOL_MODIFICATION, Credential.RBT, false, 0, false, noMember, List.of(), null, null, 0,
				List.of(UUID.randomUUID()), true, null, false, false, false, true, true)))
			.containsExactlyInAnyOrder("note_unsigned", "below_minimum_time", "credential_not_allowed",
					"overlapping_service", "missing_fee", "no_authorization", "missing_member_id", "missing_diagnosis",
					"missing_supervisor", "missing_npi");
	}

	@Test
	void privatePayNeedsNoAuthorizationMemberIdDiagnosisOrNpi() {
		ClaimCheck.Facts f = ready();
		assertThat(codes(new ClaimCheck.Facts(f.childId(), f.sessionId(), f.payerId(), true, false, f.serviceCode(),
				f.credential(), true, 8, true, null, List.of(), null, null, 0, List.of(), true, null, false, false,
				false, false, false)))
			.isEmpty();
		assertThat(codes(new ClaimCheck.Facts(f.childId(), f.sessionId(), f.payerId(), true, false, f.serviceCode(),
				f.credential(), false, 8, false, null, List.of(), null, null, 0, List.of(), true, null, false, false,
				false, false, false)))
			.containsExactly("note_unsigned", "missing_fee");
	}

	/** The facts with other units, units before, authorization and expiry. */
	static ClaimCheck.Facts with(ClaimCheck.Facts f, int units, long before, ClaimCheck.AuthorizationTerms auth,
			LocalDate ended) {
		return new ClaimCheck.Facts(f.childId(), f.sessionId(), f.payerId(), f.privatePay(), f.requiresAuthorization(),
				f.serviceCode(), f.credential(), f.noteSigned(), units, f.hasFee(), f.coverage(), f.diagnosisCodes(),
				auth, ended, before, f.overlapping(), f.supervisorNeeded(), f.supervisorId(), f.clinicNpi(),
				f.renderingNpi(), f.supervisingNpi(), f.childSex(), f.childAddress());
	}

}
