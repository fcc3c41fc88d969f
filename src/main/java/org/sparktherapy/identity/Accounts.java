package org.sparktherapy.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * Read access to accounts for other modules (e.g. checking that a guardian is a parent account).
 */
public interface Accounts {

	Optional<AccountSummary> findById(UUID id);

	Optional<AccountSummary> findByEmail(String email);

}
