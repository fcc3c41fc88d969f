package org.sparktherapy.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment was booked, alone or as one occurrence of a series ({@code seriesId}
 * then names it).
 */
public record AppointmentBooked(UUID appointmentId, UUID seriesId, UUID childId, UUID therapistId, Instant startsAt,
		Instant endsAt) {
}
