package org.sparktherapy.scheduling;

import java.time.Instant;
import java.util.UUID;

import org.sparktherapy.vocabulary.Place;
import org.sparktherapy.vocabulary.ServiceCode;

/**
 * An appointment took place and was completed; its session record is {@code sessionId}.
 * What billing counts: the service delivered, by whom, where, and when it actually began
 * and ended ({@code actualStart}, {@code actualEnd}; {@code startsAt}/{@code endsAt} are
 * the times it was booked for). Ids, codes and times only. In JSON (and so in the event
 * publication table) the service is its code ("97153") and the place its lowercase name.
 */
public record AppointmentCompleted(UUID appointmentId, UUID childId, UUID therapistId, ServiceCode serviceCode,
		Place place, Instant startsAt, Instant endsAt, UUID sessionId, Instant completedAt, Instant actualStart,
		Instant actualEnd) {
}
