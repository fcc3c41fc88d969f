package org.sparktherapy.billing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.ChildStatus;
import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.problem.Problem.FieldError;
import org.sparktherapy.platform.problem.StaleVersion;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Insurance authorizations: reading them with their usage, and an admin's changes. Who may is decided by
 * {@link BillingAccessPolicy}; every access, refusals included, goes to the PHI access log (an authorization names
 * the child's insurer and member id).
 */
@Service
class AuthorizationService {

	static final java.util.Set<String> SERVICE_CODES = java.util.Set.of("97151", "97152", "97153", "97154", "97155",
			"97156", "97157", "97158");

	private final AuthorizationRepository authorizations;

	private final BillingAccessPolicy policy;

	private final Children children;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	AuthorizationService(AuthorizationRepository authorizations, BillingAccessPolicy policy, Children children,
			AuditTrail audit, Clock clock, SparkProperties properties) {
		this.authorizations = authorizations;
		this.policy = policy;
		this.children = children;
		this.audit = audit;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	/** The clinic's today, which decides an authorization's status and alert. */
	LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	@Transactional
	List<Authorization> ofChild(CurrentUser user, UUID childId) {
		readable(user, childId, null, "list");
		List<Authorization> found = this.authorizations.ofChild(childId);
		found.forEach(a -> this.audit.success(new PhiAccess("list", "authorization", a.id(), childId)));
		return found;
	}

	@Transactional
	Authorization get(CurrentUser user, UUID id) {
		Authorization authorization = this.authorizations.find(id)
			.orElseThrow(() -> new BillingProblems.AuthorizationNotFound("authorization"));
		readable(user, authorization.childId(), id, "read");
		this.audit.success(new PhiAccess("read", "authorization", id, authorization.childId()));
		return authorization;
	}

	@Transactional
	Authorization create(CurrentUser user, UUID childId, Authorization.Terms terms) {
		changeable(user, childId, null, "create");
		validate(terms);
		this.authorizations.overlapping(childId, terms, new UUID(0, 0)).ifPresent(other -> {
			throw new BillingProblems.OverlappingAuthorization(other);
		});
		UUID id = UUID.randomUUID();
		this.authorizations.insert(id, childId, terms, user.id(), this.clock.instant());
		Authorization created = this.authorizations.find(id).orElseThrow();
		this.audit.success(new PhiAccess("create", "authorization", id, childId));
		return created;
	}

	/** Replaces the terms; {@code version} (from If-Match) when the caller wants a change in between refused. */
	@Transactional
	Authorization update(CurrentUser user, UUID id, Integer version, Authorization.Terms terms) {
		Authorization current = this.authorizations.find(id)
			.orElseThrow(() -> new BillingProblems.AuthorizationNotFound("authorization"));
		changeable(user, current.childId(), id, "update");
		validate(terms);
		this.authorizations.overlapping(current.childId(), terms, id).ifPresent(other -> {
			throw new BillingProblems.OverlappingAuthorization(other);
		});
		int expected = (version != null) ? version : current.version();
		if (!this.authorizations.update(id, expected, terms, user.id(), this.clock.instant())) {
			throw new StaleVersion();
		}
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
		this.audit.success(new PhiAccess("delete", "authorization", id, current.childId()));
	}

	/** The clinic's current authorizations (admins), those needing attention first. */
	@Transactional
	PageResponse<Authorization> current(CurrentUser user, Authorization.Alert alert, PageQuery page) {
		if (!this.policy.mayListClinic(user)) {
			this.audit.refused(new PhiAccess("list", "authorization", null, null), false);
			throw new BillingProblems.NotAllowedInBilling("Only admins see the clinic's authorizations.");
		}
		PageResponse<Authorization> found = this.authorizations.current(today(), alert, page);
		found.content().forEach(a -> this.audit.success(new PhiAccess("list", "authorization", a.id(), a.childId())));
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
			throw new BillingProblems.ChildArchived();
		}
	}

	/** The rules bean validation cannot say: the service code, and the end not before the start. */
	private static void validate(Authorization.Terms terms) {
		List<FieldError> errors = new ArrayList<>();
		if (!SERVICE_CODES.contains(terms.serviceCode())) {
			errors.add(new FieldError("/serviceCode", "must be an adaptive behavior CPT code 97151 to 97158"));
		}
		if (terms.endDate().isBefore(terms.startDate())) {
			errors.add(new FieldError("/endDate", "must be on or after startDate"));
		}
		if (!errors.isEmpty()) {
			throw new BillingProblems.InvalidAuthorization(errors);
		}
	}

}
