package org.sparktherapy.billing.internal.charges;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.ChangeHistory;
import org.sparktherapy.audit.ChangeHistory.FieldChange;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.billing.internal.BillingAccessPolicy;
import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.StaleVersion;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A child's coverages (its insurance): admins only ({@link BillingAccessPolicy}); every
 * read, change and refusal in the PHI access log. The child's history says a coverage was
 * added, changed or removed and its dates, never its member id or payer. Each change
 * checks the child's open charges again.
 */
@Service
class CoverageService {

	private final CoverageRepository coverages;

	private final PayerRepository payers;

	private final ChargeBook book;

	private final BillingAccessPolicy policy;

	private final Children children;

	private final AuditTrail audit;

	private final ChangeHistory history;

	private final Clock clock;

	CoverageService(CoverageRepository coverages, PayerRepository payers, ChargeBook book, BillingAccessPolicy policy,
			Children children, AuditTrail audit, ChangeHistory history, Clock clock) {
		this.coverages = coverages;
		this.payers = payers;
		this.book = book;
		this.policy = policy;
		this.children = children;
		this.audit = audit;
		this.history = history;
		this.clock = clock;
	}

	@Transactional
	List<Coverage> ofChild(CurrentUser user, UUID childId) {
		allowed(user, childId, null, "list");
		List<Coverage> found = this.coverages.ofChild(childId);
		this.audit.successAll(found.stream().map(c -> new PhiAccess("list", "coverage", c.id(), childId)).toList());
		this.audit.success(new PhiAccess("list", "coverage", null, childId));
		return found;
	}

	@Transactional
	Coverage get(CurrentUser user, UUID id) {
		Coverage coverage = this.coverages.find(id).orElseThrow(() -> new ChargeProblems.ChargeNotFound("coverage"));
		allowed(user, coverage.childId(), id, "read");
		this.audit.success(new PhiAccess("read", "coverage", id, coverage.childId()));
		return coverage;
	}

	@Transactional
	Coverage create(CurrentUser user, UUID childId, Coverage.Terms requested) {
		changeable(user, childId, null, "create");
		Coverage.Terms terms = validate(requested);
		this.coverages.overlapping(childId, terms, new UUID(0, 0)).ifPresent(other -> {
			throw new ChargeProblems.OverlappingDates("coverage of this child with the same priority", "/startDate");
		});
		UUID id = UUID.randomUUID();
		store(() -> this.coverages.insert(id, childId, terms, this.clock.instant()));
		this.history.record(childId, "coverage", id, "created", dates(null, terms));
		this.book.recheckChild(childId);
		this.audit.success(new PhiAccess("create", "coverage", id, childId));
		return this.coverages.find(id).orElseThrow();
	}

	@Transactional
	Coverage update(CurrentUser user, UUID id, Integer version, Coverage.Terms requested) {
		Coverage current = this.coverages.find(id).orElseThrow(() -> new ChargeProblems.ChargeNotFound("coverage"));
		changeable(user, current.childId(), id, "update");
		Coverage.Terms terms = validate(requested);
		this.coverages.overlapping(current.childId(), terms, id).ifPresent(other -> {
			throw new ChargeProblems.OverlappingDates("coverage of this child with the same priority", "/startDate");
		});
		int expected = (version != null) ? version : current.version();
		store(() -> {
			if (!this.coverages.update(id, expected, terms, this.clock.instant())) {
				throw new StaleVersion();
			}
		});
		List<FieldChange> changes = ChangeHistory.diff(current.terms(), terms)
			.stream()
			.map(c -> (c.field().equals("startsOn") || c.field().equals("endsOn") || c.field().equals("priority")) ? c
					: new FieldChange(c.field(), null, null))
			.toList();
		if (!changes.isEmpty()) {
			this.history.record(current.childId(), "coverage", id, "updated", changes);
		}
		this.book.recheckChild(current.childId());
		this.audit.success(new PhiAccess("update", "coverage", id, current.childId()));
		return this.coverages.find(id).orElseThrow();
	}

	/**
	 * Removes a coverage recorded by mistake; one that charges were billed under stays.
	 */
	@Transactional
	void delete(CurrentUser user, UUID id) {
		Coverage current = this.coverages.find(id).orElseThrow(() -> new ChargeProblems.ChargeNotFound("coverage"));
		changeable(user, current.childId(), id, "delete");
		if (this.coverages.charged(id)) {
			this.audit.refused(new PhiAccess("delete", "coverage", id, current.childId()), false);
			throw new ChargeProblems.CoverageCharged();
		}
		this.coverages.delete(id);
		this.history.record(current.childId(), "coverage", id, "deleted",
				dates(current.terms(), null).stream().map(c -> new FieldChange(c.field(), c.to(), null)).toList());
		this.book.recheckChild(current.childId());
		this.audit.success(new PhiAccess("delete", "coverage", id, current.childId()));
	}

	private static List<FieldChange> dates(Coverage.Terms before, Coverage.Terms after) {
		Coverage.Terms t = (after != null) ? after : before;
		return List.of(new FieldChange("startsOn", null, t.startsOn().toString()),
				new FieldChange("endsOn", null, (t.endsOn() == null) ? null : t.endsOn().toString()),
				new FieldChange("priority", null, Integer.toString(t.priority())));
	}

	private Relation allowed(CurrentUser user, UUID childId, UUID id, String action) {
		Relation relation = this.children.relationOf(user, childId);
		if (!this.policy.maySeeChild(relation)) {
			this.audit.refused(new PhiAccess(action, "coverage", id, childId), true);
			throw new ChargeProblems.ChargeNotFound((id == null) ? "child" : "coverage");
		}
		if (!this.policy.mayManageChildBilling(relation)) {
			this.audit.refused(new PhiAccess(action, "coverage", id, childId), false);
			throw new ChargeProblems.NotAllowedInCharges("A child's coverages are for admins.");
		}
		return relation;
	}

	private void changeable(CurrentUser user, UUID childId, UUID id, String action) {
		allowed(user, childId, id, action);
		if (this.children.find(childId).orElseThrow().status() == org.sparktherapy.children.ChildStatus.ARCHIVED) {
			this.audit.refused(new PhiAccess(action, "coverage", id, childId), false);
			throw new ChargeProblems.ChildArchived();
		}
	}

	private void store(Runnable write) {
		try {
			write.run();
		}
		catch (DataIntegrityViolationException ex) {
			// the exclusion constraint: another request stored an overlapping one a
			// moment ago
			throw new ChargeProblems.OverlappingDates("coverage of this child with the same priority", "/startDate");
		}
	}

	private Coverage.Terms validate(Coverage.Terms t) {
		BillingValidation v = new BillingValidation();
		Payer payer = (t.payerId() == null) ? null : this.payers.find(t.payerId()).orElse(null);
		if (payer == null) {
			v.reject("/payerId", "must name a payer");
		}
		else if (payer.privatePay()) {
			v.reject("/payerId", "must be an insurer: a child without a coverage is private pay");
		}
		String member = BillingValidation.clean(t.memberId());
		if (member != null && !member.matches("^[A-Za-z0-9-]{1,80}$")) {
			v.reject("/memberId", "must be letters, digits and dashes");
		}
		String group = BillingValidation.clean(t.groupNumber());
		if (group != null && !group.matches("^[A-Za-z0-9-]{1,50}$")) {
			v.reject("/groupNumber", "must be letters, digits and dashes");
		}
		Coverage.Subscriber s = (t.subscriber() == null) ? new Coverage.Subscriber(null, "child", null)
				: t.subscriber();
		String subscriber = BillingValidation.clean(s.name());
		v.text("/subscriberName", subscriber);
		String relationship = (s.relationship() == null) ? "child" : s.relationship();
		if (!List.of("self", "spouse", "child", "other").contains(relationship)) {
			v.reject("/subscriberRelationship", "must be self, spouse, child or other");
		}
		if (s.dateOfBirth() != null
				&& (s.dateOfBirth().getYear() < 1900 || s.dateOfBirth().isAfter(java.time.LocalDate.now(this.clock)))) {
			v.reject("/subscriberDateOfBirth", "must be a past date after 1900");
		}
		Address address = subscriberAddress(v, s.address());
		List<String> codes = t.diagnosisCodes()
			.stream()
			.map(c -> (c == null) ? "" : c.strip().toUpperCase(Locale.ROOT))
			.distinct()
			.toList();
		for (int i = 0; i < codes.size(); i++) {
			if (!BillingIdentifiers.isIcd10(codes.get(i))) {
				v.reject("/diagnosisCodes/" + i, "must be an ICD-10 code such as F84.0");
			}
		}
		if (codes.size() > 12) {
			v.reject("/diagnosisCodes", "must be at most 12 codes (a claim holds 12)");
		}
		if (t.startsOn() == null) {
			v.reject("/startDate", "must not be null");
		}
		else if (t.startsOn().getYear() < 2000 || t.startsOn().getYear() > 2100) {
			v.reject("/startDate", "must be between 2000 and 2100");
		}
		if (t.endsOn() != null && t.startsOn() != null && t.endsOn().isBefore(t.startsOn())) {
			v.reject("/endDate", "must be on or after startDate");
		}
		if (t.priority() < 1 || t.priority() > 3) {
			v.reject("/priority", "must be 1 (primary), 2 or 3");
		}
		v.throwIfAny();
		return new Coverage.Terms(t.payerId(), member, group,
				new Coverage.Subscriber(subscriber, relationship, s.dateOfBirth(), address), codes, t.startsOn(),
				t.endsOn(), t.priority());
	}

	/**
	 * The subscriber's address cleaned: absent when every part is blank; else line 1,
	 * city, state and ZIP code, each as the 837P's N3 (55) and N401 (30) allow.
	 */
	private static Address subscriberAddress(BillingValidation v, Address requested) {
		Address address = BillingValidation.clean(requested);
		if (address.equals(Address.NONE)) {
			return null;
		}
		v.address("/subscriberAddress", address);
		present(v, "line1", address.line1());
		present(v, "city", address.city());
		present(v, "state", address.state());
		present(v, "postalCode", address.postalCode());
		atMost(v, "line1", address.line1(), 55);
		atMost(v, "line2", address.line2(), 55);
		atMost(v, "city", address.city(), 30);
		return address;
	}

	private static void present(BillingValidation v, String part, String value) {
		if (value == null) {
			v.reject("/subscriberAddress/" + part, "must not be blank when an address is given");
		}
	}

	private static void atMost(BillingValidation v, String part, String value, int max) {
		if (value != null && value.length() > max) {
			v.reject("/subscriberAddress/" + part, "must be at most " + max + " characters");
		}
	}

}
