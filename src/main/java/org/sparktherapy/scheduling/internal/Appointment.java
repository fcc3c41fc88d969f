package org.sparktherapy.scheduling.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One appointment of a child with a therapist. Its status moves {@code scheduled → checked_in → completed}; a
 * scheduled appointment may instead be cancelled (by whom, when, why, late or not) or marked a no-show.
 */
record Appointment(UUID id, UUID seriesId, UUID childId, Person therapist, String serviceCode, String place,
		Instant startsAt, Instant endsAt, Status status, Cancellation cancellation, Override override,
		UUID sessionId, String sessionStatus, Instant createdAt, Instant updatedAt, int version) {

	/** Who did something. */
	record Person(UUID id, String name) {
	}

	/** Who cancelled, when and why; {@code late} within the notice period of {@link CancellationPolicy}. */
	record Cancellation(Instant at, Person by, String byRole, String reason, boolean late) {
	}

	/** An admin booked outside the therapist's availability or during time off, and said why. */
	record Override(Person by, String reason) {
	}

	enum Status {

		SCHEDULED, CHECKED_IN, COMPLETED, CANCELLED, NO_SHOW;

		@com.fasterxml.jackson.annotation.JsonValue
		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Status of(String value) {
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
