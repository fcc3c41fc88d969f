package org.sparktherapy.billing.internal.charges;

import java.util.List;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.billing.internal.BillingAccessPolicy;
import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.StaleVersion;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admins' view of charges: the list, one charge, void, and a re-check. Who may is
 * decided by {@link BillingAccessPolicy}; a charge names a child's service, diagnoses and
 * insurance, so every read and change is in the PHI access log.
 */
@Service
class ChargeService {

	private final ChargeRepository charges;

	private final ChargeBook book;

	private final BillingAccessPolicy policy;

	private final Children children;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	ChargeService(ChargeRepository charges, ChargeBook book, BillingAccessPolicy policy, Children children,
			AuditTrail audit, ApplicationEventPublisher events, java.time.Clock clock) {
		this.charges = charges;
		this.book = book;
		this.policy = policy;
		this.children = children;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	PageResponse<ChargeRepository.Listed> list(CurrentUser user, ChargeRepository.Filter filter, PageQuery page) {
		if (!this.policy.mayManageBilling(user)) {
			this.audit.refused(new PhiAccess("list", "charge", null, filter.childId()), false);
			throw new ChargeProblems.NotAllowedInCharges("Only admins see charges.");
		}
		PageResponse<ChargeRepository.Listed> found = this.charges.list(filter, page);
		this.audit.successAll(found.content()
			.stream()
			.map(l -> new PhiAccess("list", "charge", l.charge().id(), l.charge().childId()))
			.toList());
		return found;
	}

	@Transactional
	Charge get(CurrentUser user, UUID id) {
		Charge charge = visible(user, id, "read");
		this.audit.success(new PhiAccess("read", "charge", id, charge.childId()));
		return charge;
	}

	@Transactional
	Charge voidCharge(CurrentUser user, UUID id, Integer version, String reason) {
		Charge charge = visible(user, id, "void");
		if (charge.status() == ChargeStatus.CLAIMED || charge.status() == ChargeStatus.VOID) {
			throw new ChargeProblems.ChargeClosed(charge.status());
		}
		String cleaned = BillingValidation.clean(reason);
		if (cleaned == null) {
			throw new ChargeProblems.InvalidBillingData("/reason", "must not be blank");
		}
		if (cleaned.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
			throw new ChargeProblems.InvalidBillingData("/reason", "must not contain control characters");
		}
		if (!this.charges.markVoid(id, (version != null) ? version : charge.version(), cleaned, this.clock.instant())) {
			throw new StaleVersion();
		}
		// a service it overlapped with may be billable now
		this.charges.overlapping(charge.childId(), charge.startsAt(), charge.endsAt(), id)
			.forEach(o -> this.book.recheck(o.chargeId()));
		// the family's ledger reverses it if it had posted it (private pay)
		this.events.publishEvent(new ChargeVoided(id, charge.childId(), charge.payerId()));
		this.audit.success(new PhiAccess("void", "charge", id, charge.childId()));
		return this.charges.find(id).orElseThrow();
	}

	@Transactional
	Charge recheck(CurrentUser user, UUID id) {
		Charge charge = visible(user, id, "recheck");
		Charge checked = this.book.recheck(charge.id());
		this.audit.success(new PhiAccess("recheck", "charge", id, charge.childId()));
		return checked;
	}

	/** Checks every held charge again; returns how many are still held and ready now. */
	@Transactional
	RecheckResult recheckHeld(CurrentUser user) {
		if (!this.policy.mayManageBilling(user)) {
			this.audit.refused(new PhiAccess("recheck", "charge", null, null), false);
			throw new ChargeProblems.NotAllowedInCharges("Only admins check charges.");
		}
		List<UUID> held = this.charges.held(null);
		int released = 0;
		for (UUID id : held) {
			Charge checked = this.book.recheck(id);
			this.audit.success(new PhiAccess("recheck", "charge", id, checked.childId()));
			if (checked.status() == ChargeStatus.READY) {
				released++;
			}
		}
		return new RecheckResult(held.size(), released, held.size() - released);
	}

	record RecheckResult(int checked, int ready, int held) {
	}

	/** The charge with its names, for a response after the access was checked. */
	ChargeRepository.Listed listed(UUID id) {
		return this.charges.listed(id).orElseThrow(() -> new ChargeProblems.ChargeNotFound("charge"));
	}

	private Charge visible(CurrentUser user, UUID id, String action) {
		Charge charge = this.charges.find(id).orElseThrow(() -> new ChargeProblems.ChargeNotFound("charge"));
		Relation relation = this.children.relationOf(user, charge.childId());
		if (!this.policy.maySeeChild(relation)) {
			this.audit.refused(new PhiAccess(action, "charge", id, charge.childId()), true);
			throw new ChargeProblems.ChargeNotFound("charge");
		}
		if (!this.policy.mayManageChildBilling(relation)) {
			this.audit.refused(new PhiAccess(action, "charge", id, charge.childId()), false);
			throw new ChargeProblems.NotAllowedInCharges("Only admins see charges.");
		}
		return charge;
	}

}
