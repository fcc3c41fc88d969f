package org.sparktherapy.billing.internal.charges;

import java.util.List;
import java.util.UUID;

import org.sparktherapy.platform.problem.Forbidden;
import org.sparktherapy.platform.problem.NotFound;
import org.sparktherapy.platform.problem.Problem;

/** The broken rules of payers, coverages and charges, answered as problem details. */
public final class ChargeProblems {

	private ChargeProblems() {
	}

	public static final class ChargeNotFound extends NotFound {

		ChargeNotFound(String what) {
			super(what);
		}

	}

	public static final class NotAllowedInCharges extends Forbidden {

		NotAllowedInCharges(String detail) {
			super(detail);
		}

	}

	public static final class InvalidBillingData extends Problem {

		InvalidBillingData(List<FieldError> errors) {
			super(Kind.INVALID, "validation", "Invalid request", "The request has invalid fields.", errors);
		}

		InvalidBillingData(String pointer, String detail) {
			this(List.of(new FieldError(pointer, detail)));
		}

	}

	/** Charges asked to be claimed that are not ready: nothing was marked. */
	public static final class ChargeNotReady extends Problem {

		private final List<UUID> notReady;

		public ChargeNotReady(List<UUID> notReady) {
			super(Kind.CONFLICT, "charge-not-ready", "Charge not ready",
					"Only ready charges can be claimed; " + notReady.size() + " of them are not. Nothing was changed.");
			this.notReady = List.copyOf(notReady);
		}

		public List<UUID> notReady() {
			return this.notReady;
		}

		@Override
		public java.util.Map<String, Object> properties() {
			return java.util.Map.of("chargeIds", this.notReady);
		}

	}

	/** A claimed or void charge keeps what it says. */
	public static final class ChargeClosed extends Problem {

		ChargeClosed(ChargeStatus status) {
			super(Kind.CONFLICT, "charge-closed", "Charge closed",
					"A " + status.value() + " charge cannot be changed; void its claim first.");
		}

	}

	/** Two rates of a payer's fee schedule, or two coverages, for the same days. */
	public static final class OverlappingDates extends Problem {

		OverlappingDates(String what, String pointer) {
			super(Kind.CONFLICT, "billing-dates-overlap", "Dates overlap",
					"Another " + what + " covers some of these dates; change its dates first. Nothing was saved.",
					List.of(new FieldError(pointer, "overlaps another " + what)));
		}

	}

	/** Two payers with one name. */
	public static final class PayerNameTaken extends Problem {

		PayerNameTaken() {
			super(Kind.CONFLICT, "payer-name-taken", "Payer name taken", "Another payer has this name.",
					List.of(new FieldError("/name", "is taken by another payer")));
		}

	}

	/** An NPI already recorded for another provider. */
	public static final class NpiTaken extends Problem {

		NpiTaken() {
			super(Kind.CONFLICT, "npi-taken", "NPI taken", "Another provider has this NPI.",
					List.of(new FieldError("/npi", "is recorded for another provider")));
		}

	}

	/** A payer that coverages or charges name is kept (deactivate it instead). */
	public static final class PayerInUse extends Problem {

		PayerInUse() {
			super(Kind.CONFLICT, "payer-in-use", "Payer in use",
					"Coverages or charges name this payer; make it inactive instead.");
		}

	}

	/** A coverage that charges were billed under stays (end it instead). */
	public static final class CoverageCharged extends Problem {

		CoverageCharged() {
			super(Kind.CONFLICT, "coverage-charged", "Coverage charged",
					"Charges were billed under this coverage; give it an end date instead.");
		}

	}

	public static final class ChildArchived extends Problem {

		ChildArchived() {
			super(Kind.CONFLICT, "child-archived", "Child archived",
					"An archived child's billing records are kept as they are.");
		}

	}

}
