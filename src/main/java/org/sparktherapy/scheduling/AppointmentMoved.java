package org.sparktherapy.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment was moved to another time or therapist. Moving several occurrences of a
 * series at once publishes one event per occurrence, all with the same {@code moveId} and
 * {@code occurrences} (how many moved together), so a listener can tell people once per
 * move.
 *
 * @param therapistId the therapist after the move
 * @param previousTherapistId the therapist before the move (the same as
 * {@code therapistId} when only the time changed)
 * @param seriesId the series the appointment belongs to after the move, or {@code null}
 * for a single appointment
 */
public record AppointmentMoved(UUID appointmentId, UUID childId, UUID therapistId, UUID previousTherapistId,
		Instant startsAt, Instant endsAt, Instant previousStartsAt, Instant previousEndsAt, UUID seriesId, UUID moveId,
		int occurrences) {
}
