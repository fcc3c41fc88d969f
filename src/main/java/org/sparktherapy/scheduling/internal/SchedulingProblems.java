package org.sparktherapy.scheduling.internal;

import java.util.List;

import org.sparktherapy.platform.problem.Forbidden;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.problem.NotFound;
import org.sparktherapy.platform.problem.Problem;

/**
 * The rules of the scheduling module that a caller can break.
 */
final class SchedulingProblems {

	private SchedulingProblems() {
	}

	static final class AppointmentNotFound extends NotFound {

		AppointmentNotFound(String what) {
			super(what);
		}

	}

	static final class NotAllowedForAppointment extends Forbidden {

		NotAllowedForAppointment(String detail) {
			super(detail);
		}

	}

	static final class InvalidAppointment extends InvalidInput {

		InvalidAppointment(String pointer, String detail) {
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
	static final class AppointmentConflicts extends Problem {

		private final List<Conflict> conflicts;

		AppointmentConflicts(List<Conflict> conflicts) {
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

	static final class WrongAppointmentStatus extends Problem {

		WrongAppointmentStatus(Appointment.Status from, Appointment.Status to) {
			super(Kind.CONFLICT, "appointment-status", "Appointment status does not allow this",
					"An appointment that is " + from.value() + " cannot become " + to.value() + ".");
		}

	}

	/**
	 * Check-in, a no-show or a completion asked for before its time; {@code opensAt} says
	 * when it opens.
	 */
	static final class AppointmentTooEarly extends Problem {

		private final java.time.Instant opensAt;

		AppointmentTooEarly(String detail, java.time.Instant opensAt) {
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
	static final class ServiceNotForCredential extends Problem {

		ServiceNotForCredential(String detail) {
			super(Kind.CONFLICT, "service-not-for-credential", "The therapist may not deliver this service",
					"The therapist's credential does not allow this service.",
					List.of(new FieldError("/therapistId", detail)));
		}

	}

	static final class AppointmentNotChangeable extends Problem {

		AppointmentNotChangeable(Appointment.Status status) {
			super(Kind.CONFLICT, "appointment-status", "Appointment status does not allow this",
					"An appointment that is " + status.value() + " cannot be changed; only scheduled ones can.");
		}

	}

	static final class InvalidTimeOff extends InvalidInput {

		InvalidTimeOff(String pointer, String detail) {
			super(pointer, detail);
		}

	}

	/** No feed has this address (never issued, or rotated since). */
	static final class FeedNotFound extends NotFound {

		FeedNotFound() {
			super("calendar feed");
		}

	}

	static final class TherapistNotFound extends NotFound {

		TherapistNotFound() {
			super("therapist");
		}

	}

	/** Availability blocks that end before they start or overlap on one weekday. */
	static final class InvalidAvailability extends Problem {

		InvalidAvailability(List<FieldError> errors) {
			super(Kind.INVALID, "invalid-availability", "Invalid availability",
					"Some availability blocks are invalid; nothing was changed.", errors);
		}

	}

	static final class ChildNotActive extends Problem {

		ChildNotActive() {
			super(Kind.CONFLICT, "child-not-active", "Child not active",
					"Appointments are booked only for active children.");
		}

	}

	/** An appointment has at most one pending change request at a time. */
	static final class ChangeRequestPending extends Problem {

		ChangeRequestPending() {
			super(Kind.CONFLICT, "change-request-pending", "A change is already proposed",
					"This appointment already has a pending change request; withdraw it or wait for a decision.");
		}

	}

	/**
	 * The appointment changed since the request was made (moved, checked in, cancelled…):
	 * it cannot be approved.
	 */
	static final class ChangeRequestStale extends Problem {

		ChangeRequestStale() {
			super(Kind.CONFLICT, "change-request-stale", "The appointment changed since the request",
					"The appointment was changed or cancelled after this change was proposed; decline the request "
							+ "and propose again.");
		}

	}

	/** Approved, declined or withdrawn already. */
	static final class ChangeRequestSettled extends Problem {

		ChangeRequestSettled(String status) {
			super(Kind.CONFLICT, "change-request-settled", "The change request is settled",
					"This change request is " + status + " already.");
		}

	}

}
