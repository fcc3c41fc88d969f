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

	/**
	 * The child as a notice names it: the name people call the child by (the preferred
	 * name, else the first name) and the last name's initial, e.g. "Ava C." — enough for
	 * a guardian or therapist to know which child, no more. Empty for an unknown child.
	 */
	Optional<String> shortName(UUID childId);

	/**
	 * The people around a child: its guardians and its care team by role, as they are
	 * now. Empty sets for an unknown child.
	 */
	record ChildPeople(UUID childId, java.util.Set<UUID> guardians, java.util.Set<UUID> supervisors,
			java.util.Set<UUID> technicians) {

		/** Guardians and the whole care team. */
		public java.util.Set<UUID> everyone() {
			java.util.Set<UUID> all = new java.util.LinkedHashSet<>(this.guardians);
			all.addAll(this.supervisors);
			all.addAll(this.technicians);
			return all;
		}

		/** Supervisors and technicians. */
		public java.util.Set<UUID> careTeam() {
			java.util.Set<UUID> team = new java.util.LinkedHashSet<>(this.supervisors);
			team.addAll(this.technicians);
			return team;
		}

	}

	ChildPeople peopleOf(UUID childId);

	/** The children the account is a guardian of, oldest record first. */
	java.util.List<UUID> childrenOfGuardian(UUID guardianId);

	/** The children whose care team the therapist is on, oldest record first. */
	java.util.List<ChildFacts> caseload(UUID therapistId);

	/** Whether the user is a guardian of the child who may sign for it. */
	boolean maySignFor(CurrentUser user, UUID childId);

	/** What the user is to the child ({@link Relation#NONE} for an unknown child). */
	Relation relationOf(CurrentUser user, UUID childId);

}
