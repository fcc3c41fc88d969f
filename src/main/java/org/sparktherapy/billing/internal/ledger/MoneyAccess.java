package org.sparktherapy.billing.internal.ledger;

import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.billing.internal.BillingAccessPolicy;
import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Asks {@link BillingAccessPolicy} about one family's money and writes the refusal to the
 * access log. Decides nothing itself; no transaction of its own (runs in the caller's).
 */
@Component
class MoneyAccess {

	private final BillingAccessPolicy policy;

	private final Children children;

	private final AuditTrail audit;

	MoneyAccess(BillingAccessPolicy policy, Children children, AuditTrail audit) {
		this.policy = policy;
		this.children = children;
		this.audit = audit;
	}

	/**
	 * The caller's relation to the child when they may see its money: 404 for a child
	 * unknown to them, 403 for a therapist.
	 */
	Relation readable(CurrentUser user, UUID childId, String type, UUID id, String action) {
		Relation relation = this.children.relationOf(user, childId);
		if (!this.policy.maySeeChild(relation)) {
			this.audit.refused(new PhiAccess(action, type, id, childId), true);
			throw new LedgerProblems.MoneyRecordNotFound((id == null) ? "child" : type.replace('_', ' '));
		}
		if (!this.policy.maySeeMoney(relation)) {
			this.audit.refused(new PhiAccess(action, type, id, childId), false);
			throw new LedgerProblems.NotAllowedWithMoney("A family's money is for admins and the child's guardians.");
		}
		return relation;
	}

	/** As {@link #readable}, and the caller may change the family's money (admins). */
	void changeable(CurrentUser user, UUID childId, String type, UUID id, String action) {
		Relation relation = readable(user, childId, type, id, action);
		if (!this.policy.mayChangeMoney(relation)) {
			this.audit.refused(new PhiAccess(action, type, id, childId), false);
			throw new LedgerProblems.NotAllowedWithMoney("Only admins record payments and change a family's account.");
		}
	}

	/** Clinic-wide money (aging, every family): admins. */
	void clinicWide(CurrentUser user, String type) {
		if (!this.policy.mayReadClinicMoney(user)) {
			this.audit.refused(new PhiAccess("list", type, null, null), false);
			throw new LedgerProblems.NotAllowedWithMoney("Only admins see the clinic's accounts receivable.");
		}
	}

	/** Admins see every family, parents their own; therapists none. */
	void familyList(CurrentUser user) {
		if (!this.policy.mayListFamilies(user)) {
			this.audit.refused(new PhiAccess("list", "family_account", null, null), false);
			throw new LedgerProblems.NotAllowedWithMoney("Family accounts are for admins and parents.");
		}
	}

	boolean maySeeDrafts(Relation relation) {
		return this.policy.maySeeDraftInvoices(relation);
	}

	boolean mayPayOnline(Relation relation) {
		return this.policy.mayPayOnline(relation);
	}

}
