package org.sparktherapy.identity;

import java.time.Instant;
import java.util.UUID;

/** An admin deactivated an account: it can no longer sign in. */
public record AccountDeactivated(UUID accountId, UUID by, Instant at) {
}
