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
 */
public record PhiAccess(String action, String resourceType, UUID resourceId, UUID childId) {
}
