package org.sparktherapy.identity;

import java.util.UUID;

/**
 * The signed-in account behind a request, checked against the database on every request (a deactivated account's
 * tokens stop working at once). Controllers take it with {@code @AuthenticationPrincipal CurrentUser user}.
 *
 * @param sessionId the sign-in (refresh-token family) the access token belongs to
 */
public record CurrentUser(UUID id, Role role, String name, UUID sessionId) {

	/** The user signed in on this thread, if any. */
	public static java.util.Optional<CurrentUser> signedIn() {
		var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
			.getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof CurrentUser user)
				? java.util.Optional.of(user) : java.util.Optional.empty();
	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	public boolean is(Role role) {
		return this.role == role;
	}

}
