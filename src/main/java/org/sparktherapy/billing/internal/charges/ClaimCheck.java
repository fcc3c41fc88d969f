package org.sparktherapy.billing.internal.charges;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.identity.Credential;
import org.sparktherapy.vocabulary.ServiceCode;

/**
 * The claim check: every reason a charge cannot be billed yet, each with its machine
 * code, a sentence and where to fix it. A pure rule over the {@link Facts} the evaluator
 * gathered, so each reason is tested on its own. An empty list means ready.
 * <p>
 * Private pay is billed to the family by invoice: it needs a signed note, a billable
 * time, a fee and an allowed credential, but no authorization, member id, diagnosis or
 * NPI, and not the child's sex or address.
 */
final class ClaimCheck {

	private ClaimCheck() {
	}

	/**
	 * What the check looks at.
	 *
	 * @param noteSigned whether the session's note is signed (submitted by its therapist)
	 * @param units the units under the payer's rounding rule
	 * @param authorization the authorization covering the date and code, if any
	 * @param authorizationEndedOn the end of the latest earlier authorization of the code
	 * when none covers the date (it expired), else null
	 * @param unitsBefore the units earlier charges already take from the authorization
	 * @param overlapping other services of the child at the same time that are not
	 * concurrent supervision
	 * @param supervisorNeeded whether the renderer is a technician (a supervisor is
	 * named)
	 * @param supervisorId the child's supervising BCBA, if any
	 * @param npis which of clinic, renderer and supervisor have an NPI
	 * @param childSex whether the child's record names its sex
	 * @param childAddress whether the child's record has a complete home address
	 */
	record Facts(UUID childId, UUID sessionId, UUID payerId, boolean privatePay, boolean requiresAuthorization,
			ServiceCode serviceCode, Credential credential, boolean noteSigned, int units, boolean hasFee,
			Coverage coverage, List<String> diagnosisCodes, AuthorizationTerms authorization,
			LocalDate authorizationEndedOn, long unitsBefore, List<UUID> overlapping, boolean supervisorNeeded,
			UUID supervisorId, boolean clinicNpi, boolean renderingNpi, boolean supervisingNpi, boolean childSex,
			boolean childAddress) {
	}

	/** The part of an authorization the check needs. */
	record AuthorizationTerms(UUID id, String number, int unitsAuthorized) {
	}

	static List<HoldReason> reasons(Facts f) {
		List<HoldReason> reasons = new ArrayList<>();
		String child = "/children/" + f.childId();
		if (!f.noteSigned()) {
			reasons.add(HoldReason.of(HoldReason.Code.NOTE_UNSIGNED, "The session's note is not signed yet.",
					(f.sessionId() != null) ? "/sessions/" + f.sessionId() : child + "/sessions"));
		}
		if (f.units() == 0) {
			reasons.add(HoldReason.of(HoldReason.Code.BELOW_MINIMUM_TIME,
					"The session is too short to bill a unit under the payer's rounding rule.",
					(f.sessionId() != null) ? "/sessions/" + f.sessionId() : child + "/sessions"));
		}
		if (!f.serviceCode().mayBeDeliveredBy(f.credential())) {
			reasons.add(HoldReason.of(HoldReason.Code.CREDENTIAL_NOT_ALLOWED,
					"The rendering provider's credential ("
							+ ((f.credential() == null) ? "none" : f.credential().value()) + ") may not deliver "
							+ f.serviceCode().code() + ".",
					"/admin/users"));
		}
		if (!f.overlapping().isEmpty()) {
			reasons.add(HoldReason.of(HoldReason.Code.OVERLAPPING_SERVICE,
					"Another service of the child overlaps this one (only 97155 may overlap 97153).",
					"/billing/charges?charge=" + f.overlapping().get(0)));
		}
		if (!f.hasFee()) {
			reasons.add(HoldReason.of(HoldReason.Code.MISSING_FEE,
					"The payer's fee schedule has no rate for " + f.serviceCode().code() + " on the service date.",
					"/billing/payers?payer=" + f.payerId()));
		}
		if (f.privatePay()) {
			return reasons;
		}
		if (f.requiresAuthorization()) {
			authorization(f, reasons, child + "#authorizations");
		}
		if (f.coverage() != null && f.coverage().memberId() == null) {
			reasons.add(HoldReason.of(HoldReason.Code.MISSING_MEMBER_ID, "The child's coverage has no member id.",
					child + "#coverage"));
		}
		if (f.diagnosisCodes().isEmpty()) {
			reasons.add(HoldReason.of(HoldReason.Code.MISSING_DIAGNOSIS, "No diagnosis code to bill the service with.",
					child + "#coverage"));
		}
		List<String> notOnRecord = new ArrayList<>();
		if (!f.childSex()) {
			notOnRecord.add("sex");
		}
		if (!f.childAddress()) {
			notOnRecord.add("home address");
		}
		if (!notOnRecord.isEmpty()) {
			reasons.add(HoldReason.of(HoldReason.Code.CHILD_RECORD_INCOMPLETE, "The child's record has no "
					+ String.join(" and no ", notOnRecord) + "; the claim names both for the patient.", child));
		}
		if (f.supervisorNeeded() && f.supervisorId() == null) {
			reasons.add(HoldReason.of(HoldReason.Code.MISSING_SUPERVISOR,
					"A technician's service needs a supervising BCBA on the child's care team.", child));
		}
		List<String> withoutNpi = new ArrayList<>();
		if (!f.clinicNpi()) {
			withoutNpi.add("the clinic");
		}
		if (!f.renderingNpi()) {
			withoutNpi.add("the rendering provider");
		}
		if (f.supervisorNeeded() && f.supervisorId() != null && !f.supervisingNpi()) {
			withoutNpi.add("the supervising provider");
		}
		if (!withoutNpi.isEmpty()) {
			reasons.add(HoldReason.of(HoldReason.Code.MISSING_NPI,
					"No NPI is recorded for " + String.join(" and ", withoutNpi) + ".", "/billing/settings"));
		}
		return reasons;
	}

	private static void authorization(Facts f, List<HoldReason> reasons, String fix) {
		AuthorizationTerms authorization = f.authorization();
		if (authorization == null) {
			if (f.authorizationEndedOn() != null) {
				reasons.add(HoldReason.of(HoldReason.Code.AUTHORIZATION_EXPIRED, "The authorization for "
						+ f.serviceCode().code() + " ended on " + f.authorizationEndedOn() + ", before the service.",
						fix));
			}
			else {
				reasons.add(HoldReason.of(HoldReason.Code.NO_AUTHORIZATION,
						"No authorization covers " + f.serviceCode().code() + " on the service date.", fix));
			}
			return;
		}
		if (f.unitsBefore() + f.units() > authorization.unitsAuthorized()) {
			long left = Math.max(0, authorization.unitsAuthorized() - f.unitsBefore());
			reasons.add(HoldReason.of(HoldReason.Code.AUTHORIZATION_EXHAUSTED,
					"Authorization " + authorization.number() + " has " + left + " of "
							+ authorization.unitsAuthorized() + " units left; this service needs " + f.units() + ".",
					fix));
		}
	}

}
