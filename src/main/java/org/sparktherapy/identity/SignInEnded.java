package org.sparktherapy.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A sign-in ended before its time: its owner signed out, or a copied refresh token was
 * presented again and the whole sign-in was revoked, or it was idle or open longer than
 * its role allows, or an admin ended all of the account's sign-ins. Anything held open
 * for it (event streams) should end now.
 */
public record SignInEnded(UUID accountId, UUID signInId, Reason reason, Instant at) {

	public enum Reason {

		SIGNED_OUT, TOKEN_REUSED, EXPIRED, ENDED_BY_ADMIN

	}

}
