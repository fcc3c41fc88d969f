package org.sparktherapy.billing.internal.claims;

import java.util.List;
import java.util.Map;

import org.sparktherapy.platform.problem.Forbidden;
import org.sparktherapy.platform.problem.NotFound;
import org.sparktherapy.platform.problem.Problem;

/** The broken rules of claims, answered as problem details (never PHI in a detail). */
final class ClaimProblems {

	private ClaimProblems() {
	}

	static final class ClaimNotFound extends NotFound {

		ClaimNotFound(String what) {
			super(what);
		}

	}

	static final class NotAllowedInClaims extends Forbidden {

		NotAllowedInClaims() {
			super("Claims and remittances are for admins.");
		}

	}

	static final class NotAnInsurer extends Problem {

		NotAnInsurer() {
			super(Kind.INVALID, "validation", "Invalid request", "The request has invalid fields.",
					List.of(new FieldError("/payerId", "is private pay or unknown: only insurers are claimed")));
		}

	}

	static final class NoReadyCharges extends Problem {

		NoReadyCharges() {
			super(Kind.CONFLICT, "no-ready-charges", "No ready charges",
					"The payer has no ready charges to claim for these dates. Nothing was created.");
		}

	}

	static final class BatchAlreadySubmitted extends Problem {

		BatchAlreadySubmitted() {
			super(Kind.CONFLICT, "batch-submitted", "Batch already submitted",
					"The batch was already marked submitted.");
		}

	}

	/**
	 * The claim file cannot be made: data a payer requires is missing, or the file failed
	 * validation. {@code missing} names the claim number and what is missing, never the
	 * values.
	 */
	static final class ClaimDataMissing extends Problem {

		private final List<String> missing;

		ClaimDataMissing(List<String> missing) {
			super(Kind.CONFLICT, "claim-data-missing", "Claim data missing",
					"The 837P file cannot be made until the missing billing data is filled in.");
			this.missing = List.copyOf(missing);
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("missing", this.missing);
		}

	}

	/**
	 * The uploaded file is not a readable 835; the detail names what and where, never a
	 * value.
	 */
	static final class RemittanceInvalid extends Problem {

		RemittanceInvalid(String detail) {
			super(Kind.INVALID, "remittance-invalid", "Not a readable remittance", detail,
					List.of(new FieldError("/file", detail)));
		}

	}

	/**
	 * The file's payment (trace number and payer) was imported before: nothing was posted
	 * again. {@code remittanceId} names the earlier import.
	 */
	static final class RemittanceAlreadyImported extends Problem {

		private final java.util.UUID remittanceId;

		RemittanceAlreadyImported(java.util.UUID remittanceId) {
			super(Kind.CONFLICT, "remittance-already-imported", "Remittance already imported",
					"This payment (its trace number from this payer) was imported before. Nothing was posted again.");
			this.remittanceId = remittanceId;
		}

		@Override
		public Map<String, Object> properties() {
			return this.remittanceId == null ? Map.of() : Map.of("remittanceId", this.remittanceId);
		}

	}

	static final class NotCorrectable extends Problem {

		NotCorrectable(String detail) {
			super(Kind.CONFLICT, "claim-not-correctable", "Claim cannot be corrected", detail);
		}

	}

}
