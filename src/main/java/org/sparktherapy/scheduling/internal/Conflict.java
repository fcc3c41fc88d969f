package org.sparktherapy.scheduling.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.sparktherapy.platform.problem.Problem.FieldError;

/**
 * One thing in the way of an occurrence being booked or moved, as the 409 {@code appointment-conflict} problem lists it
 * in {@code conflicts} (and, for people, in {@code errors}).
 *
 * @param pointer the occurrence, {@code /occurrences/{n}}
 * @param kind {@code double-booking}, {@code outside-hours} or {@code time-off}
 * @param who {@code therapist} or {@code child}: whose time is taken
 * @param appointmentId the conflicting appointment (double booking), else {@code null}
 * @param timeOffId the therapist's time off, else {@code null}
 * @param start the conflicting appointment's or time off's start; the occurrence's own outside the weekly hours
 * @param end likewise
 */
record Conflict(String pointer, String kind, String who, UUID appointmentId, UUID timeOffId, OffsetDateTime start,
		OffsetDateTime end, String detail) {

	FieldError toFieldError() {
		return new FieldError(this.pointer, this.detail);
	}

}
