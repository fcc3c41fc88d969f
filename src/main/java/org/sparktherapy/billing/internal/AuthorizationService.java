package org.sparktherapy.billing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.ChangeHistory;
import org.sparktherapy.audit.ChangeHistory.FieldChange;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.billing.internal.charges.ChargeRechecks;
import org.sparktherapy.children.ChildStatus;
import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.problem.Problem.FieldError;
import org.sparktherapy.platform.problem.StaleVersion;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.vocabulary.ServiceCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Insurance authorizations: reading them with their usage, and an admin's changes. Who
 * may is decided by {@link BillingAccessPolicy}; every access, refusals included, goes to
 * the PHI access log (an authorization names the child's insurer and member id).
 */
@Service
class AuthorizationService {

	/** Terms whose values the child's history does not show (see {@link #forHistory}). */
	private static final java.util.Set<String> HIDDEN_IN_HISTORY = java.util.Set.of("payer", "memberId", "notes");

	/** The earliest start an authorization may have. */
	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private final AuthorizationRepository authorizations;

	private final BillingAccessPolicy policy;

	private final Children children;

	private final AuditTrail audit;

	private final ChangeHistory history;

	private final AuthorizationWatch watch;

	private final ChargeRechecks charges;

	private final Clock clock;

	private final ZoneId zone;

	AuthorizationService(AuthorizationRepository authorizations, BillingAccessPolicy policy, Children children,
			AuditTrail audit, ChangeHistory history, AuthorizationWatch watch, ChargeRechecks charges, Clock clock,
			SparkProperties properties) {
		this.authorizations = authorizations;
		this.policy = policy;
		this.children = children;
		this.audit = audit;
		this.history = history;
		this.watch = watch;
		this.charges = charges;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	/** The clinic's today, which decides an authorization's status and alert. */
	LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	/**
	 * The child's authorizations, and whether the caller sees the member id (see
	 * {@link BillingAccessPolicy}).
	 */
	@Transactional
	Visible<List<Authorization>> ofChild(CurrentUser user, UUID childId) {
		Relation relation = readable(user, childId, null, "list");
		List<Authorization> found = this.authorizations.ofChild(childId);
		this.audit
			.successAll(found.stream().map(a -> new PhiAccess("list", "authorization", a.id(), childId)).toList());
		// the list was read even when it is empty
		this.audit.success(new PhiAccess("list", "authorization", null, childId));
		return new Visible<>(found, this.policy.maySeeMemberIds(relation));
	}

	/** What a reader gets: the records, and whether member ids are shown to them. */
	record Visible<T>(T value, boolean memberIds) {
	}

	@Transactional
	Visible<Authorization> get(CurrentUser user, UUID id) {
		Authorization authorization = this.authorizations.find(id)
			.orElseThrow(() -> new BillingProblems.AuthorizationNotFound("authorization"));
		Relation relation = readable(user, authorization.childId(), id, "read");
		this.audit.success(new PhiAccess("read", "authorization", id, authorization.childId()));
		return new Visible<>(authorization, this.policy.maySeeMemberIds(relation));
	}

	@Transactional
	Authorization create(CurrentUser user, UUID childId, Authorization.Terms terms) {
		changeable(user, childId, null, "create");
		validate(terms, today());
		this.authorizations.overlapping(childId, terms, new UUID(0, 0)).ifPresent(other -> {
			throw new BillingProblems.OverlappingAuthorization(other);
		});
		UUID id = UUID.randomUUID();
		this.authorizations.insert(id, childId, terms, user.id(), this.clock.instant());
		this.history.record(childId, "authorization", id, "created",
				List.of(new FieldChange("serviceCode", null, terms.serviceCode()),
						new FieldChange("unitsAuthorized", null, Integer.toString(terms.unitsAuthorized())),
						new FieldChange("startDate", null, terms.startDate().toString()),
						new FieldChange("endDate", null, terms.endDate().toString())));
		// recorded on a schedule that may already run it out
		this.watch.check(childId);
		// held charges of the child may be billable now
		this.charges.recheckChild(childId);
		Authorization created = this.authorizations.find(id).orElseThrow();
		this.audit.success(new PhiAccess("create", "authorization", id, childId));
		return created;
	}

	/**
	 * Replaces the terms; {@code version} (from If-Match) when the caller wants a change
	 * in between refused.
	 */
	@Transactional
	Authorization update(CurrentUser user, UUID id, Integer version, Authorization.Terms terms) {
		Authorization current = this.authorizations.find(id)
			.orElseThrow(() -> new BillingProblems.AuthorizationNotFound("authorization"));
		changeable(user, current.childId(), id, "update");
		validate(terms, today());
		this.authorizations.overlapping(current.childId(), terms, id).ifPresent(other -> {
			throw new BillingProblems.OverlappingAuthorization(other);
		});
		int expected = (version != null) ? version : current.version();
		if (!this.authorizations.update(id, expected, terms, user.id(), this.clock.instant())) {
			throw new StaleVersion();
		}
		List<FieldChange> changes = forHistory(ChangeHistory.diff(current.terms(), terms));
		if (!changes.isEmpty()) {
			this.history.record(current.childId(), "authorization", id, "updated", changes);
		}
		// other units or dates: what the admins were told starts afresh
		this.watch.check(current.childId());
		this.charges.recheckChild(current.childId());
		Authorization updated = this.authorizations.find(id).orElseThrow();
		this.audit.success(new PhiAccess("update", "authorization", id, current.childId()));
		return updated;
	}

	@Transactional
	void delete(CurrentUser user, UUID id) {
		Authorization current = this.authorizations.find(id)
			.orElseThrow(() -> new BillingProblems.AuthorizationNotFound("authorization"));
		changeable(user, current.childId(), id, "delete");
		this.authorizations.delete(id);
		// the change history keeps what it said
		this.history.record(current.childId(), "authorization", id, "deleted",
				forHistory(ChangeHistory
					.diff(current.terms(), new Authorization.Terms(null, null, null, null, 0, null, null, null))
					.stream()
					.map(change -> new FieldChange(change.field(), change.from(), null))
					.toList()));
		this.charges.recheckChild(current.childId());
		this.audit.success(new PhiAccess("delete", "authorization", id, current.childId()));
	}

	/**
	 * The clinic's current authorizations on {@code today} (admins), those needing
	 * attention first.
	 */
	@Transactional
	PageResponse<Authorization> current(CurrentUser user, Authorization.Alert alert, PageQuery page, LocalDate today) {
		if (!this.policy.mayListClinic(user)) {
			this.audit.refused(new PhiAccess("list", "authorization", null, null), false);
			throw new BillingProblems.NotAllowedInBilling("Only admins see the clinic's authorizations.");
		}
		PageResponse<Authorization> found = this.authorizations.current(today, alert, page);
		this.audit.successAll(found.content()
			.stream()
			.map(a -> new PhiAccess("list", "authorization", a.id(), a.childId()))
			.toList());
		return found;
	}

	private Relation readable(CurrentUser user, UUID childId, UUID id, String action) {
		Relation relation = this.children.relationOf(user, childId);
		if (!this.policy.maySeeChild(relation)) {
			this.audit.refused(new PhiAccess(action, "authorization", id, childId), true);
			throw new BillingProblems.AuthorizationNotFound((id == null) ? "child" : "authorization");
		}
		if (!this.policy.mayReadAuthorizations(relation)) {
			this.audit.refused(new PhiAccess(action, "authorization", id, childId), false);
			throw new BillingProblems.NotAllowedInBilling(
					"A child's authorizations are for admins, its guardians and its supervising BCBA.");
		}
		return relation;
	}

	private void changeable(CurrentUser user, UUID childId, UUID id, String action) {
		Relation relation = readable(user, childId, id, action);
		if (!this.policy.mayChangeAuthorizations(relation)) {
			this.audit.refused(new PhiAccess(action, "authorization", id, childId), false);
			throw new BillingProblems.NotAllowedInBilling("Only admins change authorizations.");
		}
		if (this.children.find(childId).orElseThrow().status() == ChildStatus.ARCHIVED) {
			this.audit.refused(new PhiAccess(action, "authorization", id, childId), false);
			throw new BillingProblems.ChildArchived();
		}
	}

	/**
	 * The changes as the child's history shows them: everyone who reads the child's
	 * history (the whole care team) sees that the payer, member id or notes changed, not
	 * their values — those are for who may read the authorization.
	 */
	private static List<FieldChange> forHistory(List<FieldChange> changes) {
		return changes.stream()
			.map(change -> HIDDEN_IN_HISTORY.contains(change.field()) ? new FieldChange(change.field(), null, null)
					: change)
			.toList();
	}

	/**
	 * The rules bean validation cannot say: the service code; no control characters; the
	 * start within 2000 to five years ahead, the end not before it and at most two years
	 * after it (a typo in a year would otherwise block the service for decades).
	 */
	private static void validate(Authorization.Terms terms, LocalDate today) {
		List<FieldError> errors = new ArrayList<>();
		if (!ServiceCode.isCode(terms.serviceCode())) {
			errors.add(new FieldError("/serviceCode", "must be an adaptive behavior CPT code 97151 to 97158"));
		}
		text(errors, "/payer", terms.payer(), false);
		text(errors, "/memberId", terms.memberId(), false);
		text(errors, "/authorizationNumber", terms.authorizationNumber(), false);
		text(errors, "/notes", terms.notes(), true);
		if (terms.startDate().isBefore(EARLIEST) || terms.startDate().isAfter(today.plusYears(5))) {
			errors.add(new FieldError("/startDate", "must be between " + EARLIEST + " and five years from today"));
		}
		if (terms.endDate().isBefore(terms.startDate())) {
			errors.add(new FieldError("/endDate", "must be on or after startDate"));
		}
		else if (terms.endDate().isAfter(terms.startDate().plusYears(2))) {
			errors.add(new FieldError("/endDate", "must be at most two years after startDate"));
		}
		if (!errors.isEmpty()) {
			throw new BillingProblems.InvalidAuthorization(errors);
		}
	}

	private static void text(List<FieldError> errors, String pointer, String value, boolean lines) {
		if (value != null && value.codePoints()
			.anyMatch(c -> Character.isISOControl(c) && !(lines && (c == '\n' || c == '\t')))) {
			errors.add(new FieldError(pointer, "must not contain control characters"));
		}
	}

}
