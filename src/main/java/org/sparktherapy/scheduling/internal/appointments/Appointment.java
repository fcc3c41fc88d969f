package org.sparktherapy.scheduling.internal.appointments;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One appointment of a child with a therapist. Its status moves
 * {@code scheduled → checked_in → completed} (recording its session checks it in;
 * submitting the session completes it); a scheduled appointment may instead be cancelled
 * (by whom, when, why, late or not) or marked a no-show. When each step is allowed
 * follows the clock ({@link AttendanceRule}). A completed appointment keeps when it
 * actually began and ended ({@code actual}), which is what its units are counted from.
 *
 * <p>
 * {@code supervises} lists, for a supervisor's 97155, the technicians' 97153 appointments
 * of the same child it overlaps; {@code supervisedBy}, for a 97153, the 97155
 * appointments over it. See <a href=
 * "https://www.bacb.com/wp-content/uploads/2022/01/Billing-Codes-Adaptive-Behavior-Services_220124.pdf">CPT
 * 97155</a>: protocol modification is delivered with the technician and the child.
 */
public record Appointment(UUID id, UUID seriesId, UUID childId, Person therapist, String serviceCode, String place,
		Instant startsAt, Instant endsAt, Status status, Cancellation cancellation, Override override, UUID sessionId,
		String sessionStatus, Actual actual, java.util.List<Supervision> supervises,
		java.util.List<Supervision> supervisedBy, Instant createdAt, Instant updatedAt, int version) {

	/** When a completed appointment actually began and ended. */
	record Actual(Instant start, Instant end) {
	}

	/** The other appointment of a supervision overlap, and its therapist. */
	record Supervision(UUID appointmentId, Person therapist) {
	}

	/** Who did something. */
	public record Person(UUID id, String name) {
	}

	/**
	 * Which occurrences of a series a change applies to (a rule of series, used by
	 * services, change requests and their repository alike).
	 */
	public enum Scope {

		/** this occurrence alone */
		THIS,
		/** this occurrence and the following ones of its series */
		FOLLOWING,
		/** every scheduled occurrence of its series */
		ALL

	}

	/**
	 * Who cancelled, when and why; {@code late} within the notice period of
	 * {@link CancellationPolicy}.
	 */
	record Cancellation(Instant at, Person by, @Schema(allowableValues = {
			"admin", "parent" }) String byRole, String reason, boolean late){
	}

	/**
	 * An admin booked outside the therapist's availability or during time off, and said
	 * why.
	 */
	record Override(Person by, String reason) {
	}

	public enum Status {

		SCHEDULED, CHECKED_IN, COMPLETED, CANCELLED, NO_SHOW;

		@com.fasterxml.jackson.annotation.JsonValue
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Status of(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}

		/** The statuses an appointment can move to from this one. */
		boolean mayMoveTo(Status next) {
			return switch (this) {
				case SCHEDULED -> next == CHECKED_IN || next == CANCELLED || next == NO_SHOW;
				case CHECKED_IN -> next == COMPLETED;
				case COMPLETED, CANCELLED, NO_SHOW -> false;
			};
		}

	}

}
