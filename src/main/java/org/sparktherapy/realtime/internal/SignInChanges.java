package org.sparktherapy.realtime.internal;

import java.util.Set;

import org.sparktherapy.identity.AccountDeactivated;
import org.sparktherapy.identity.PasswordChanged;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends the streams of a deactivated account, or of the sign-ins a password change revoked, at once and on every
 * node — instead of at the next periodic re-check. Sign-out has no event: its stream ends at that re-check.
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

}
