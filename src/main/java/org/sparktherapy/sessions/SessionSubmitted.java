package org.sparktherapy.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * A therapist signed and submitted a session; it now waits for a guardian's co-signature.
 * {@code appointmentId} names the appointment the session records, if any (scheduling
 * completes it with the session's times), and {@code startedAt}/{@code endedAt} are the
 * session's times as signed.
 */
public record SessionSubmitted(UUID sessionId, UUID childId, UUID therapistId, Instant at, UUID appointmentId,
		Instant startedAt, Instant endedAt) {
}
