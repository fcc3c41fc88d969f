package org.sparktherapy.realtime.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored live event of one recipient; {@code id} is its SSE event id. {@code payload}
 * is JSON text.
 */
record LiveEvent(long id, UUID recipientId, String type, String payload, Instant createdAt) {
}
