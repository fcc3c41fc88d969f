package org.sparktherapy.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment took place and was completed; its session record is {@code sessionId}.
 * What billing counts: the service delivered, by whom, where, and when it actually began
 * and ended ({@code actualStart}, {@code actualEnd}; {@code startsAt}/{@code endsAt} are
 * the times it was booked for). Ids, codes and times only.
 */
public record AppointmentCompleted(UUID appointmentId, UUID childId, UUID therapistId, String serviceCode, String place,
		Instant startsAt, Instant endsAt, UUID sessionId, Instant completedAt, Instant actualStart, Instant actualEnd) {
}
