package org.sparktherapy.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment took place and was completed by its therapist; its session record was opened ({@code sessionId}).
 * What billing counts: the service delivered, by whom, where and for how long. Ids, codes and times only.
 */
public record AppointmentCompleted(UUID appointmentId, UUID childId, UUID therapistId, String serviceCode,
		String place, Instant startsAt, Instant endsAt, UUID sessionId, Instant completedAt) {
}
