package org.sparktherapy.billing.internal.charges;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a charge cannot be billed yet: a stable machine {@code code}, a sentence for the
 * admin (no PHI: no names, no diagnoses), and {@code fix}, the web app's address where
 * the cause is put right.
 */
public record HoldReason(String code, String message, String fix) {

	/** Every reason the claim check knows, by its machine code. */
	public enum Code {

		/** The session's note is not signed (submitted) by its therapist. */
		NOTE_UNSIGNED("note_unsigned"),
		/**
		 * Under the payer's rounding rule the session bills no unit (under 8 minutes).
		 */
		BELOW_MINIMUM_TIME("below_minimum_time"),
		/** No authorization of the child covers the date and code. */
		NO_AUTHORIZATION("no_authorization"),
		/** The authorization for the code ended before the service date. */
		AUTHORIZATION_EXPIRED("authorization_expired"),
		/** The authorization's units are used up by earlier charges. */
		AUTHORIZATION_EXHAUSTED("authorization_exhausted"),
		/** The rendering provider's credential may not deliver the code. */
		CREDENTIAL_NOT_ALLOWED("credential_not_allowed"),
		/** Another service of the child overlaps (other than 97155 over 97153). */
		OVERLAPPING_SERVICE("overlapping_service"),
		/** The coverage has no member id. */
		MISSING_MEMBER_ID("missing_member_id"),
		/** No diagnosis code to bill with. */
		MISSING_DIAGNOSIS("missing_diagnosis"),
		/** The payer's fee schedule has no rate for the code on the date. */
		MISSING_FEE("missing_fee"),
		/** The clinic, the rendering or the supervising provider has no NPI. */
		MISSING_NPI("missing_npi"),
		/** A technician's service needs a supervising BCBA on the child's care team. */
		MISSING_SUPERVISOR("missing_supervisor"),
		/**
		 * The child's record lacks its sex or home address, which the claim names for the
		 * patient (the 837P's 2010CA N3/N4 and DMG, or 2010BA when the child holds the
		 * plan; CMS-1500 boxes 3 and 5).
		 */
		CHILD_RECORD_INCOMPLETE("child_record_incomplete");

		private final String value;

		Code(String value) {
			this.value = value;
		}

		public String value() {
			return this.value;
		}

		public static Optional<Code> find(String value) {
			return Arrays.stream(values()).filter(c -> c.value.equals(value)).findFirst();
		}

	}

	public static HoldReason of(Code code, String message, String fix) {
		return new HoldReason(code.value(), message, fix);
	}

}
