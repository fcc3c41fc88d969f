package org.sparktherapy.billing.internal;

import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Who may see and change billing records — the one place this is decided for the billing
 * module.
 * <ul>
 * <li>Admins see and change every child's authorizations and the clinic-wide list.</li>
 * <li>A child's guardians and its supervising BCBAs see the child's authorizations (the
 * family's insurance; the hours a treatment plan can count on); they change nothing. A
 * supervisor does not see the member id: the plan needs the units, payer and
 * authorization number, not the family's insurance identity (minimum necessary).</li>
 * <li>A technician on the care team sees the child but not its insurance: 403.</li>
 * <li>Anyone else: the child and its authorizations do not exist for them (404).</li>
 * <li>The clinic's rules for the schedule and authorizations (ADR 0031): admins read and
 * change them; everyone else 403.</li>
 * <li>Claims, claim batches, their 837P files and CMS-1500 forms, and remittances (835):
 * admins only ({@link #mayWorkClaims}); anyone else 403.</li>
 * </ul>
 */
@Component
public class BillingAccessPolicy {

	boolean maySeeChild(Relation relation) {
		return relation.canSee();
	}

	boolean mayReadAuthorizations(Relation relation) {
		return relation == Relation.ADMIN || relation == Relation.GUARDIAN || relation == Relation.SUPERVISOR;
	}

	boolean maySeeMemberIds(Relation relation) {
		return relation == Relation.ADMIN || relation == Relation.GUARDIAN;
	}

	boolean mayChangeAuthorizations(Relation relation) {
		return relation == Relation.ADMIN;
	}

	boolean mayListClinic(CurrentUser user) {
		return user.isAdmin();
	}

	/**
	 * The schedule's payer rules (warn or block, grace period) are the clinic's: admins.
	 */
	boolean mayManageScheduleRules(CurrentUser user) {
		return user.isAdmin();
	}

	/** Claims and remittances: admins only (ADR 0030). */
	public boolean mayWorkClaims(CurrentUser user) {
		return user.isAdmin();
	}

}
