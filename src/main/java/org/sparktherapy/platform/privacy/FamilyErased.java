package org.sparktherapy.platform.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A child's family is being erased (ADR 0040): published by the children module inside
 * the erasure's transaction, after it pseudonymised the child's record, and heard
 * synchronously ({@code @EventListener}, never after commit) by every module that keeps
 * identifying data of the family, each pseudonymising or deleting its own rows in the
 * same transaction. A listener that fails rolls the whole erasure back, so nothing is
 * half-erased. Work that cannot be rolled back (deleting stored files) waits for the
 * commit. In the platform (the shared kernel) because every module hears it, and
 * identity, which the children module depends on, could not depend on children.
 * <p>
 * Not persisted: it names the child's former names, which must not outlive the erasure.
 *
 * @param childId the child
 * @param childPseudonym what the child is called now (first name; the last name is
 * {@link #ERASED})
 * @param formerChildNames the names the child was shown by (short name, display name), to
 * replace in text that copied them (notification titles)
 * @param guardians the guardians' accounts erased, each with its pseudonym; a guardian of
 * another child that is not erased keeps their account and is not listed
 * @param by the admin who erased
 * @param at when
 */
public record FamilyErased(UUID childId, String childPseudonym, List<String> formerChildNames,
		Map<UUID, String> guardians, UUID by, Instant at) {

	/** The last name an erased child gets; the pseudonym is its first name. */
	public static final String ERASED = "Erased";

	public FamilyErased {
		formerChildNames = List.copyOf(formerChildNames);
		guardians = Map.copyOf(guardians);
	}

	/** How the child is shown now ({@code child_names.display_name}). */
	public String childDisplayName() {
		return this.childPseudonym + " " + ERASED;
	}

}
