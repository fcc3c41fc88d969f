package org.sparktherapy.sessions.internal;

import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Who may do what with sessions — the one place this is decided for the sessions module.
 * <ul>
 * <li>Therapists on the child's care team record sessions; only a session's own therapist
 * changes, records into and submits it.</li>
 * <li>Supervisors and technicians read all sessions of their children; admins read all;
 * guardians read submitted sessions and progress of their own children, and co-sign when
 * they may sign for the child.</li>
 * <li>Addenda: care-team therapists and admins, on submitted sessions.</li>
 * <li>Work queues: notes waiting for a signature are listed to admins (the clinic),
 * therapists (their caseload) and guardians (the notes they may co-sign); a therapist's
 * review queue holds the notes of children they supervise, and their caseload's targets
 * are theirs alone.</li>
 * </ul>
 */
@Component
class SessionAccessPolicy {

	boolean mayRecord(Relation relation) {
		return relation == Relation.SUPERVISOR || relation == Relation.TECHNICIAN;
	}

	boolean mayChange(CurrentUser user, Session session) {
		return session.therapist().id().equals(user.id());
	}

	/**
	 * Whether the session exists for this user at all (guardians don't see open
	 * sessions).
	 */
	boolean maySee(Relation relation, Session session) {
		return switch (relation) {
			case ADMIN, SUPERVISOR, TECHNICIAN -> true;
			case GUARDIAN -> session.isSubmitted();
			case NONE -> false;
		};
	}

	boolean seesOpenSessions(Relation relation) {
		return relation != Relation.GUARDIAN;
	}

	/**
	 * Whether the user has a caseload (review queue, targets to watch): therapists only.
	 */
	boolean hasCaseload(CurrentUser user) {
		return user.is(org.sparktherapy.identity.Role.THERAPIST);
	}

	/**
	 * Whether the therapist reviews the notes others write for this child: its
	 * supervisors.
	 */
	boolean reviewsNotesOf(Relation relation) {
		return relation == Relation.SUPERVISOR;
	}

	boolean mayAddAddendum(Relation relation) {
		return relation == Relation.ADMIN || relation == Relation.SUPERVISOR || relation == Relation.TECHNICIAN;
	}

}
