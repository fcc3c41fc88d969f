package org.sparktherapy.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone signed in to an account with its password.
 *
 * @param signInId the new sign-in (refresh-token family)
 * @param device a coarse description of the browser or app, e.g. "Firefox on Linux" —
 * never the address or the full user agent
 */
public record SignedIn(UUID accountId, UUID signInId, String device, Instant at) {
}
