package org.sparktherapy.audit;

import java.util.UUID;

/**
 * One access to a child's record, as the module that served it describes it.
 *
 * @param action what was done: {@code read}, {@code list}, {@code create},
 * {@code update}, {@code archive}…
 * @param resourceType {@code child}, {@code program}, {@code target}, {@code guardian},
 * {@code careTeam}…
 * @param resourceId the record, when there is one
 * @param childId the child whose record it is, when known
 * @param detail what else the log must keep, e.g. the search terms of a search over PHI;
 * never a password or a token
 */
public record PhiAccess(String action, String resourceType, UUID resourceId, UUID childId, String detail) {

	public PhiAccess(String action, String resourceType, UUID resourceId, UUID childId) {
		this(action, resourceType, resourceId, childId, null);
	}

}
