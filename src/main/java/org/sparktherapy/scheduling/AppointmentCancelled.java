package org.sparktherapy.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment was cancelled by a guardian or the clinic; {@code late} when within the cancellation notice period
 * before its start.
 */
public record AppointmentCancelled(UUID appointmentId, UUID childId, UUID therapistId, Instant startsAt,
		boolean byParent, boolean late, Instant at) {
}
