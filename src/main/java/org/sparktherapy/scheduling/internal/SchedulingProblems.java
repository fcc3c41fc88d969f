package org.sparktherapy.scheduling.internal;

import org.sparktherapy.scheduling.internal.appointments.Appointment;
import org.sparktherapy.scheduling.internal.appointments.Conflict;
import java.util.List;

import org.sparktherapy.platform.problem.Forbidden;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.problem.NotFound;
import org.sparktherapy.platform.problem.Problem;

/**
 * The rules of the scheduling module that a caller can break.
 */
public final class SchedulingProblems {

	private SchedulingProblems() {
	}

	public static final class AppointmentNotFound extends NotFound {

		public AppointmentNotFound(String what) {
			super(what);
		}

	}

	public static final class NotAllowedForAppointment extends Forbidden {

		public NotAllowedForAppointment(String detail) {
			super(detail);
		}

	}

	public static final class InvalidAppointment extends InvalidInput {

		public InvalidAppointment(String pointer, String detail) {
			super(pointer, detail);
		}

	}

	/**
	 * The therapist or the child is already booked at an overlapping time, or the
	 * therapist is not available then. Each conflict is one entry of {@code errors}: the
	 * pointer names the occurrence ({@code /occurrences/3}), the detail the reason in
	 * words (who, with whom, when in clinic time); and one entry of {@code conflicts},
	 * the same structured with ids and times for programs ({@link Conflict}). The
	 * problem's {@code detail} says the first conflict and how many more there are.
	 * Nothing of the request was booked.
	 */
	public static final class AppointmentConflicts extends Problem {

		private final List<Conflict> conflicts;

		public AppointmentConflicts(List<Conflict> conflicts) {
			super(Kind.CONFLICT, "appointment-conflict", "Appointment conflicts", summary(conflicts),
					conflicts.stream().map(Conflict::toFieldError).toList());
			this.conflicts = List.copyOf(conflicts);
		}

		/**
		 * "Ava C. already has a session with Maya Okafor on Tue 8 Dec, 3:00–5:00 PM.
		 * Nothing was booked or moved."
		 */
		private static String summary(List<Conflict> conflicts) {
			if (conflicts.isEmpty()) {
				return "The appointment conflicts with the schedule; nothing was booked.";
			}
			int more = conflicts.size() - 1;
			return conflicts.getFirst().detail() + switch (more) {
				case 0 -> ".";
				case 1 -> ", and 1 more conflict.";
				default -> ", and " + more + " more conflicts.";
			} + " Nothing was booked or moved.";
		}

		@Override
		public java.util.Map<String, Object> properties() {
			return java.util.Map.of("conflicts", this.conflicts);
		}

	}

	public static final class WrongAppointmentStatus extends Problem {

		public WrongAppointmentStatus(Appointment.Status from, Appointment.Status to) {
			super(Kind.CONFLICT, "appointment-status", "Appointment status does not allow this",
					"An appointment that is " + from.value() + " cannot become " + to.value() + ".");
		}

	}

	/**
	 * Check-in, a no-show or a completion asked for before its time; {@code opensAt} says
	 * when it opens.
	 */
	public static final class AppointmentTooEarly extends Problem {

		private final java.time.Instant opensAt;

		public AppointmentTooEarly(String detail, java.time.Instant opensAt) {
			super(Kind.CONFLICT, "appointment-too-early", "Too early for this appointment", detail);
			this.opensAt = opensAt;
		}

		@Override
		public java.util.Map<String, Object> properties() {
			return java.util.Map.of("opensAt", this.opensAt.toString());
		}

	}

	/**
	 * The therapist's credential may not deliver the service (CPT 97155 needs a BCBA or
	 * BCaBA, for instance).
	 */
	public static final class ServiceNotForCredential extends Problem {

		public ServiceNotForCredential(String detail) {
			super(Kind.CONFLICT, "service-not-for-credential", "The therapist may not deliver this service",
					"The therapist's credential does not allow this service.",
					List.of(new FieldError("/therapistId", detail)));
		}

	}

	public static final class AppointmentNotChangeable extends Problem {

		public AppointmentNotChangeable(Appointment.Status status) {
			super(Kind.CONFLICT, "appointment-status", "Appointment status does not allow this",
					"An appointment that is " + status.value() + " cannot be changed; only scheduled ones can.");
		}

	}

	public static final class InvalidTimeOff extends InvalidInput {

		public InvalidTimeOff(String pointer, String detail) {
			super(pointer, detail);
		}

	}

	/** No feed has this address (never issued, or rotated since). */
	public static final class FeedNotFound extends NotFound {

		public FeedNotFound() {
			super("calendar feed");
		}

	}

	public static final class TherapistNotFound extends NotFound {

		public TherapistNotFound() {
			super("therapist");
		}

	}

	/** Availability blocks that end before they start or overlap on one weekday. */
	public static final class InvalidAvailability extends Problem {

		public InvalidAvailability(List<FieldError> errors) {
			super(Kind.INVALID, "invalid-availability", "Invalid availability",
					"Some availability blocks are invalid; nothing was changed.", errors);
		}

	}

	public static final class ChildNotActive extends Problem {

		public ChildNotActive() {
			super(Kind.CONFLICT, "child-not-active", "Child not active",
					"Appointments are booked only for active children.");
		}

	}

	/** An appointment has at most one pending change request at a time. */
	public static final class ChangeRequestPending extends Problem {

		public ChangeRequestPending() {
			super(Kind.CONFLICT, "change-request-pending", "A change is already proposed",
					"This appointment already has a pending change request; withdraw it or wait for a decision.");
		}

	}

	/**
	 * The appointment changed since the request was made (moved, checked in, cancelled…):
	 * it cannot be approved.
	 */
	public static final class ChangeRequestStale extends Problem {

		public ChangeRequestStale() {
			super(Kind.CONFLICT, "change-request-stale", "The appointment changed since the request",
					"The appointment was changed or cancelled after this change was proposed; decline the request "
							+ "and propose again.");
		}

	}

	/** Approved, declined or withdrawn already. */
	public static final class ChangeRequestSettled extends Problem {

		public ChangeRequestSettled(String status) {
			super(Kind.CONFLICT, "change-request-settled", "The change request is settled",
					"This change request is " + status + " already.");
		}

	}

	/**
	 * The clinic blocks bookings beyond the child's insurance authorizations (a billing
	 * setting, ADR 0031) and this one would go beyond them: {@code warnings} names each
	 * authorization and the shortfall in units; {@code detail} says the first. Nothing
	 * was booked or moved.
	 */
	public static final class PayerRulesRefused extends Problem {

		private final List<org.sparktherapy.scheduling.PayerRules.Warning> warnings;

		public PayerRulesRefused(List<org.sparktherapy.scheduling.PayerRules.Warning> warnings) {
			super(Kind.CONFLICT, "authorization-exceeded", "Beyond the child's authorization",
					warnings.getFirst().message()
							+ ((warnings.size() > 1) ? " (and " + (warnings.size() - 1) + " more)" : "")
							+ " The clinic does not book beyond authorizations; nothing was booked or moved.");
			this.warnings = List.copyOf(warnings);
		}

		public List<org.sparktherapy.scheduling.PayerRules.Warning> warnings() {
			return this.warnings;
		}

		@Override
		public java.util.Map<String, Object> properties() {
			return java.util.Map.of("warnings", this.warnings);
		}

	}

}
