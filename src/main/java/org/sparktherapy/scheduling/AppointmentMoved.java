package org.sparktherapy.scheduling;

import java.time.Instant;
import java.util.UUID;

/** An appointment was moved to another time or therapist. */
public record AppointmentMoved(UUID appointmentId, UUID childId, UUID therapistId, Instant startsAt, Instant endsAt,
		Instant previousStartsAt, Instant previousEndsAt) {
}
