package org.sparktherapy.identity;

import java.util.UUID;

/**
 * What other modules may know of an account.
 */
public record AccountSummary(UUID id, String name, String email, Role role, Credential credential, boolean active) {
}
