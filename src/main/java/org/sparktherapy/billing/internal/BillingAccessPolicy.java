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
 * <li>Money and the data it is billed with — payers and fee schedules, the clinic's
 * billing settings and providers' NPIs, a child's coverages, charges — are the admins'
 * only: a therapist or guardian who sees the child gets 403 for its coverages and
 * charges, anyone else 404; the clinic-wide lists and settings are 403 for everyone but
 * admins.</li>
 * </ul>
 */
@Component
public class BillingAccessPolicy {

	public boolean maySeeChild(Relation relation) {
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

	/** Payers, fee schedules, billing settings, NPIs and the clinic's charges. */
	public boolean mayManageBilling(CurrentUser user) {
		return user.isAdmin();
	}

	/** A child's coverages (its insurance) and charges. */
	public boolean mayManageChildBilling(Relation relation) {
		return relation == Relation.ADMIN;
	}

}
