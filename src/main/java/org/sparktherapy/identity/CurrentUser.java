package org.sparktherapy.identity;

import java.util.UUID;

/**
 * The signed-in account behind a request, checked against the database on every request
 * (a deactivated account's tokens stop working at once). Controllers take it with
 * {@code @AuthenticationPrincipal CurrentUser user}.
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

	/**
	 * Runs work as this user outside a request (seeding the demo clinic): audit and
	 * history entries name them.
	 */
	public void runAs(Runnable work) {
		var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
		var authentication = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(this,
				null, java.util.List
					.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(this.role.authority())));
		context.setAuthentication(authentication);
		var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
		org.springframework.security.core.context.SecurityContextHolder.setContext(context);
		try {
			work.run();
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
		}
	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	public boolean is(Role role) {
		return this.role == role;
	}

}
