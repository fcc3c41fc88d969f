package org.sparktherapy.identity;

import java.time.Instant;
import java.util.UUID;

/** An account's password was changed (by its owner). */
public record PasswordChanged(UUID accountId, Instant at) {
}
