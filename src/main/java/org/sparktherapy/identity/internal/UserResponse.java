package org.sparktherapy.identity.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.Nullable;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.identity.Role;

/**
 * An account as the API shows it: never a password hash.
 */
record UserResponse(UUID id, String name, String email, Role role, @Nullable Credential credential, boolean active,
		Instant createdAt, Instant updatedAt, int version) {

	static UserResponse of(Account account) {
		return new UserResponse(account.id(), account.name(), account.email(), account.role(), account.credential(),
				account.active(), account.createdAt(), account.updatedAt(), account.version());
	}

	/** The strong ETag of this version, as sent back in {@code If-Match}. */
	String etag() {
		return org.sparktherapy.platform.web.ETags.of(this.version);
	}

}
