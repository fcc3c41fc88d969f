package org.sparktherapy.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * A guardian co-signed a submitted session: its note needs no other signature (one
 * guardian's signature is the session's). Ids only.
 */
public record SessionCoSigned(UUID sessionId, UUID childId, UUID guardianId, Instant at) {
}
