package org.sparktherapy.billing;

import java.time.Instant;
import java.util.UUID;

import org.sparktherapy.vocabulary.ServiceCode;

/**
 * A child's authorization has just come to run out: its completed and scheduled sessions
 * now take 80 % or more of the authorized units ({@code over} false), or more than all of
 * them ({@code over} true). Raised once per escalation (again only after it went back,
 * e.g. more units were authorized); {@code at} tells escalations apart. Ids and a service
 * code only.
 */
public record AuthorizationRunningOut(UUID authorizationId, UUID childId, ServiceCode serviceCode, boolean over,
		Instant at) {
}
