package org.sparktherapy.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * Read access to accounts for other modules (e.g. checking that a guardian is a parent
 * account).
 */
public interface Accounts {

	Optional<AccountSummary> findById(UUID id);

	Optional<AccountSummary> findByEmail(String email);

	/**
	 * The ids of the active accounts of a role, oldest first (e.g. whom to tell of
	 * something only admins decide).
	 */
	java.util.List<UUID> activeWithRole(Role role);

	/**
	 * These accounts by id, in one lookup; ids of no account are left out. (Names alone
	 * are published in SQL as the view {@code account_names}; email addresses only here.)
	 */
	default java.util.Map<UUID, AccountSummary> findAllById(java.util.Collection<UUID> ids) {
		java.util.Map<UUID, AccountSummary> found = new java.util.LinkedHashMap<>();
		ids.forEach(id -> findById(id).ifPresent(account -> found.put(id, account)));
		return found;
	}

}
