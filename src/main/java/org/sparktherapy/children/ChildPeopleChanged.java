package org.sparktherapy.children;

import java.util.UUID;

/**
 * A guardian or a care-team member was linked to a child or unlinked. Whatever follows
 * the child's people (the child's conversation, for one) reacts to it. Ids only.
 *
 * @param accountId the person linked or unlinked
 * @param relation {@code guardian} or {@code careTeam}
 * @param linked {@code true} when linked (or their role changed), {@code false} when
 * unlinked
 */
public record ChildPeopleChanged(UUID childId, UUID accountId, String relation, boolean linked) {
}
