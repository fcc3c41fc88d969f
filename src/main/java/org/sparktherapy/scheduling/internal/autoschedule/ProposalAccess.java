package org.sparktherapy.scheduling.internal.autoschedule;

import org.sparktherapy.scheduling.internal.SchedulingAccessPolicy;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Who may do what with children's schedule preferences and automatic schedule proposals —
 * the one place this is decided for automatic scheduling (kept apart from
 * {@link SchedulingAccessPolicy} while that class changes).
 * <ul>
 * <li>Admins set preferences, ask for proposals, read and accept them.</li>
 * <li>Anyone who may see a child (its guardians and care team) reads its
 * preferences.</li>
 * <li>A proposal spans many children, so nobody else knows of proposals: they do not
 * exist for them.</li>
 * </ul>
 */
@Component
class ProposalAccess {

	boolean maySeePreferences(Relation relation) {
		return relation.canSee();
	}

	boolean mayChangePreferences(Relation relation) {
		return relation == Relation.ADMIN;
	}

	boolean mayPropose(CurrentUser user) {
		return user.isAdmin();
	}

	/** Read and accept. */
	boolean maySeeProposals(CurrentUser user) {
		return user.isAdmin();
	}

}
