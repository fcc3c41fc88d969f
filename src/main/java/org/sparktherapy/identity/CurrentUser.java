package org.sparktherapy.identity;

import java.util.UUID;

/**
 * The signed-in account behind a request, checked against the database on every request (a deactivated account's
 * tokens stop working at once). Controllers take it with {@code @AuthenticationPrincipal CurrentUser user}.
 *
 * @param sessionId the sign-in (refresh-token family) the access token belongs to
 */
public record CurrentUser(UUID id, Role role, String name, UUID sessionId) {

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	public boolean is(Role role) {
		return this.role == role;
	}

}
