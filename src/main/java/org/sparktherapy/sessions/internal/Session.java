package org.sparktherapy.sessions.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A therapy session with one child. Open while the therapist records; submitted (signed)
 * it is locked: its data ({@link SessionEvent}s) and note no longer change, and
 * corrections are addenda. {@code appointmentId} names the appointment whose completion
 * opened it, if any.
 */
record Session(UUID id, UUID childId, Person therapist, String serviceCode, String place, Instant startedAt,
		Instant endedAt, String note, Status status, Instant submittedAt, GuardianSignature guardianSignature,
		UUID appointmentId, Instant createdAt, Instant updatedAt, int version) {

	/** Nothing is recorded before this (and timestamps stay in PostgreSQL's range). */
	static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	/** Who did something. */
	record Person(UUID id, String name) {
	}

	/**
	 * A guardian's co-signature; the drawn image is kept but only its presence is shown
	 * in lists.
	 */
	record GuardianSignature(String name, Instant signedAt) {
	}

	enum Status {

		OPEN, SUBMITTED;

		@com.fasterxml.jackson.annotation.JsonValue
		String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** A correction or addition to a submitted session; the original stays as it was. */
	record Addendum(UUID id, Instant at, Person by, String reason, String text) {
	}

	boolean isSubmitted() {
		return this.status == Status.SUBMITTED;
	}

	/** How long the session lasted, or lasts so far. */
	double hours(Instant now) {
		Instant end = (this.endedAt != null) ? this.endedAt : now;
		return Math.max(0, java.time.Duration.between(this.startedAt, end).toSeconds()) / 3600.0;
	}

}
