package org.sparktherapy.billing.internal;

import java.util.List;
import java.util.UUID;

import org.sparktherapy.platform.problem.Forbidden;
import org.sparktherapy.platform.problem.NotFound;
import org.sparktherapy.platform.problem.Problem;

/** The billing module's broken rules, answered as problem details. */
final class BillingProblems {

	private BillingProblems() {
	}

	static final class AuthorizationNotFound extends NotFound {

		AuthorizationNotFound(String what) {
			super(what);
		}

	}

	static final class NotAllowedInBilling extends Forbidden {

		NotAllowedInBilling(String detail) {
			super(detail);
		}

	}

	static final class InvalidAuthorization extends Problem {

		InvalidAuthorization(List<FieldError> errors) {
			super(Kind.INVALID, "validation", "Invalid request", "The request has invalid fields.", errors);
		}

	}

	/**
	 * Another authorization of the child covers some of the same days for the same
	 * service code.
	 */
	static final class OverlappingAuthorization extends Problem {

		private final UUID conflictingId;

		/**
		 * {@code conflictingId} null when another request stored it a moment ago, unseen
		 * yet.
		 */
		OverlappingAuthorization(UUID conflictingId) {
			super(Kind.CONFLICT, "authorization-overlap", "Authorizations overlap",
					"Another authorization of this child for the same service code covers some of these dates; "
							+ "change its dates first. Nothing was saved.",
					List.of(new FieldError("/startDate", "overlaps another authorization of the same service code")));
			this.conflictingId = conflictingId;
		}

		@Override
		public java.util.Map<String, Object> properties() {
			return (this.conflictingId == null) ? java.util.Map.of()
					: java.util.Map.of("conflictingId", this.conflictingId);
		}

	}

	static final class ChildArchived extends Problem {

		ChildArchived() {
			super(Kind.CONFLICT, "child-archived", "Child archived",
					"An archived child's authorizations are kept as they are.");
		}

	}

}
