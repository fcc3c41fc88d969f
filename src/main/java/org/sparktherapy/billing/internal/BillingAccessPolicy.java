package org.sparktherapy.billing.internal;

import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Who may see and change billing records — the one place this is decided for the billing
 * module (its sub-packages included).
 * <ul>
 * <li>Admins see and change every child's authorizations and the clinic-wide list.</li>
 * <li>A child's guardians and its supervising BCBAs see the child's authorizations (the
 * family's insurance; the hours a treatment plan can count on); they change nothing. A
 * supervisor does not see the member id: the plan needs the units, payer and
 * authorization number, not the family's insurance identity (minimum necessary).</li>
 * <li>A technician on the care team sees the child but not its insurance: 403.</li>
 * <li>Money (the family ledger, payments, invoices, statements, aging): admins see and
 * change it; a child's guardians see their own family's (a parent never another family's,
 * and invoices only once issued); therapists see nothing financial (403 on a child they
 * know, 404 on another).</li>
 * <li>Anyone else: the child and its authorizations do not exist for them (404).</li>
 * <li>The clinic's rules for the schedule and authorizations (ADR 0031): admins read and
 * change them; everyone else 403.</li>
 * <li>Claims, claim batches, their 837P files and CMS-1500 forms, and remittances (835):
 * admins only ({@link #mayWorkClaims}); anyone else 403. So are the insurers' accounts
 * receivable ({@link #mayReadPayerReceivables}).</li>
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

	/**
	 * The insurers' accounts receivable (open claim balances per payer, their aging):
	 * admins only, like claims.
	 */
	public boolean mayReadPayerReceivables(CurrentUser user) {
		return user.isAdmin();
	}

	/** A family's money: its ledger, payments, invoices, statements and balance. */
	public boolean maySeeMoney(Relation relation) {
		return relation == Relation.ADMIN || relation == Relation.GUARDIAN;
	}

	/** Payments, refunds, write-offs, adjustments, reversals, invoices. */
	public boolean mayChangeMoney(Relation relation) {
		return relation == Relation.ADMIN;
	}

	/**
	 * A draft invoice is the office's work in progress: admins see it; the family sees an
	 * invoice once it is issued (a draft does not exist for them, 404).
	 */
	public boolean maySeeDraftInvoices(Relation relation) {
		return relation == Relation.ADMIN;
	}

	/** Asking to pay online (a guardian for their own family, or an admin). */
	public boolean mayPayOnline(Relation relation) {
		return relation == Relation.ADMIN || relation == Relation.GUARDIAN;
	}

	/**
	 * The list of family accounts: admins see every family, a parent their own;
	 * therapists none.
	 */
	public boolean mayListFamilies(CurrentUser user) {
		return user.isAdmin() || user.is(org.sparktherapy.identity.Role.PARENT);
	}

	/** Clinic-wide money: aging, every family's balance. */
	public boolean mayReadClinicMoney(CurrentUser user) {
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
