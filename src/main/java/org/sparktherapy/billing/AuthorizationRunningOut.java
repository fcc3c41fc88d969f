package org.sparktherapy.billing;

import java.time.Instant;
import java.util.UUID;

/**
 * A child's authorization is running out: its completed and scheduled sessions take 80 % or more of the authorized
 * units ({@code over} false), or more than all of them ({@code over} true). Raised when the schedule of the child
 * changes and it is so; listeners tell each state once per authorization. Ids and a service code only.
 */
public record AuthorizationRunningOut(UUID authorizationId, UUID childId, String serviceCode, boolean over,
		Instant at) {
}
