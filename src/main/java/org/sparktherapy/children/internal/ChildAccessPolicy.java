package org.sparktherapy.children.internal;

import java.util.Set;
import java.util.UUID;

import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;

import org.springframework.stereotype.Component;

/**
 * Who may see and change a child's record — the one place this is decided for the
 * children module.
 * <ul>
 * <li>Admins: everything.</li>
 * <li>Parents: the children they are guardians of; they may open a child (becoming its
 * guardian) and edit its emergency contacts, medical notes and allergies.</li>
 * <li>Therapists: the children whose care team they are on, read-only here (programs have
 * their own rules).</li>
 * </ul>
 * A child the user may not see does not exist for them (404); seeing but not being
 * allowed answers 403. Who sees which child is read from the view
 * {@code child_visibility} (V20), which other modules' SQL reads too, so the rule is
 * written once.
 */
@Component
class ChildAccessPolicy {

	/** What a guardian may change in the record. */
	static final Set<String> GUARDIAN_EDITABLE = Set.of("emergencyContacts", "medicalNotes", "allergies");

	private final ChildRepository children;

	ChildAccessPolicy(ChildRepository children) {
		this.children = children;
	}

	Relation relationOf(CurrentUser user, UUID childId) {
		return this.children.relation(childId, relationColumn(user), user.id())
			.map(this::relation)
			.orElse(Relation.NONE);
	}

	/**
	 * What the user ({@code :me}) is to the child {@code children c}, as an SQL
	 * expression (read back with {@link #relation(String)}) so a query can return it with
	 * the record: {@code admin} for admins, else the relation of the published view
	 * {@code child_visibility} (V20), {@code null} when there is none.
	 */
	String relationColumn(CurrentUser user) {
		return switch (user.role()) {
			case ADMIN -> "'admin'";
			case PARENT, THERAPIST ->
				"(select v.relation from child_visibility v where v.child_id = c.id and v.account_id = :me)";
		};
	}

	/** The relation a column of {@link #relationColumn} names. */
	Relation relation(String column) {
		if (column == null) {
			return Relation.NONE;
		}
		return switch (column) {
			case "admin" -> Relation.ADMIN;
			case "supervisor" -> Relation.SUPERVISOR;
			case "technician" -> Relation.TECHNICIAN;
			case "guardian" -> Relation.GUARDIAN;
			default -> throw new IllegalStateException("unknown relation to a child: " + column);
		};
	}

	boolean mayOpenChildren(CurrentUser user) {
		return user.role() == Role.ADMIN || user.role() == Role.PARENT;
	}

	/** May this relation change these fields of the record? */
	boolean mayEdit(Relation relation, Set<String> fields) {
		return switch (relation) {
			case ADMIN -> true;
			case GUARDIAN -> GUARDIAN_EDITABLE.containsAll(fields);
			default -> false;
		};
	}

	/**
	 * Who may supervise a child's treatment: board-certified behavior analysts (BCBA) and
	 * assistants (BCaBA); RBTs run sessions under supervision.
	 *
	 * @see <a href="https://www.bacb.com/rbt/">BACB: RBTs practice under the supervision
	 * of a BCBA or BCaBA</a>
	 */
	boolean maySupervise(org.sparktherapy.identity.Credential credential) {
		return credential == org.sparktherapy.identity.Credential.BCBA
				|| credential == org.sparktherapy.identity.Credential.BCABA;
	}

	/** Archiving, guardians and care teams. */
	boolean mayAdminister(Relation relation) {
		return relation == Relation.ADMIN;
	}

	/**
	 * The SQL condition on {@code children c} for the children a user may list
	 * ({@code :me} is the user): the published view {@code child_visibility} (V20), the
	 * one statement of who sees which child, which every module's SQL uses.
	 */
	String visibilityFilter(CurrentUser user) {
		return switch (user.role()) {
			case ADMIN -> "true";
			case PARENT, THERAPIST ->
				"exists (select 1 from child_visibility v where v.child_id = c.id and v.account_id = :me)";
		};
	}

}
