package org.sparktherapy.children;

import java.util.Optional;
import java.util.UUID;

import org.sparktherapy.identity.CurrentUser;

/**
 * What other modules may ask about children.
 */
public interface Children {

	/** A child as other modules see it. */
	record ChildFacts(UUID id, ChildStatus status) {
	}

	Optional<ChildFacts> find(UUID childId);

	/** The children whose care team the therapist is on, oldest record first. */
	java.util.List<ChildFacts> caseload(UUID therapistId);

	/** Whether the user is a guardian of the child who may sign for it. */
	boolean maySignFor(CurrentUser user, UUID childId);

	/** What the user is to the child ({@link Relation#NONE} for an unknown child). */
	Relation relationOf(CurrentUser user, UUID childId);

}
