package org.sparktherapy.realtime.internal;

import java.util.Set;

import org.sparktherapy.identity.AccountDeactivated;
import org.sparktherapy.identity.PasswordChanged;
import org.sparktherapy.identity.SignInEnded;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends the streams of a deactivated account, of the sign-ins a password change revoked,
 * and of a sign-in that ended (sign-out, or revocation after a copied refresh token came
 * back), at once and on every node — instead of at the next periodic re-check.
 */
@Component
class SignInChanges {

	private final LiveEventHub hub;

	SignInChanges(LiveEventHub hub) {
		this.hub = hub;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AccountDeactivated event) {
		this.hub.recheckEverywhere(Set.of(event.accountId()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(PasswordChanged event) {
		this.hub.recheckEverywhere(Set.of(event.accountId()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(SignInEnded event) {
		this.hub.recheckEverywhere(Set.of(event.accountId()));
	}

}
