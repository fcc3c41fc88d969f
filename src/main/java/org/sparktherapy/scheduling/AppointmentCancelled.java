package org.sparktherapy.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment was cancelled by a guardian or the clinic; {@code late} when within the
 * cancellation notice period before its start. Cancelling an occurrence and the following
 * ones of its series publishes one event per occurrence, all with the same
 * {@code cancellationId} and {@code occurrences} (how many were cancelled together), so a
 * listener can tell people once per cancellation.
 *
 * @param cancellationId the cancellation this occurrence was part of ({@code null} in
 * publications stored before cancellations carried one)
 * @param occurrences how many appointments the cancellation took ({@code 0} in such older
 * publications: read as 1)
 * @param firstStartsAt the start of the earliest appointment the cancellation took
 */
public record AppointmentCancelled(UUID appointmentId, UUID childId, UUID therapistId, Instant startsAt,
		boolean byParent, boolean late, Instant at, UUID cancellationId, int occurrences, Instant firstStartsAt) {
}
