package org.sparktherapy.sessions;

import java.time.Instant;
import java.util.UUID;

/** A therapist signed and submitted a session; it now waits for a guardian's co-signature. */
public record SessionSubmitted(UUID sessionId, UUID childId, UUID therapistId, Instant at) {
}
