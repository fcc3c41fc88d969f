package org.sparktherapy.children.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.ChangeHistory;
import org.sparktherapy.audit.ChangeHistory.FieldChange;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.ChildPeopleChanged;
import org.sparktherapy.children.ChildRecordChanged;
import org.sparktherapy.children.ChildStatus;
import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;
import org.sparktherapy.platform.problem.StaleVersion;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening, reading and changing children's records, their guardians and care teams. Every
 * call checks access through {@link ChildAccessPolicy}, writes the PHI access log
 * (refusals included) and, for changes, the change history — in one transaction per call.
 */
@Service
class ChildService implements Children {

	/**
	 * A partial change; {@code null} leaves a field as it is, an empty text clears it.
	 */
	record ChildChange(String firstName, String lastName, String preferredName, LocalDate dateOfBirth,
			List<String> diagnosisCodes, LocalDate intakeDate, String school, String medicalNotes, String allergies,
			List<ChildDetails.EmergencyContact> emergencyContacts, ChildDetails.Insurance insurance, ChildStatus status,
			Sex sex, ChildDetails.HomeAddress address) {

		/** An address change that clears the address. */
		static final ChildDetails.HomeAddress NO_ADDRESS = new ChildDetails.HomeAddress(null, null, null, null, null);

		Set<String> presentFields() {
			Set<String> present = new java.util.TreeSet<>();
			for (var component : ChildChange.class.getRecordComponents()) {
				try {
					if (component.getAccessor().invoke(this) != null) {
						present.add(component.getName());
					}
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(ex);
				}
			}
			return present;
		}

		ChildDetails applyTo(ChildDetails d) {
			return new ChildDetails(or(this.firstName, d.firstName()), or(this.lastName, d.lastName()),
					text(this.preferredName, d.preferredName()),
					(this.dateOfBirth != null) ? this.dateOfBirth : d.dateOfBirth(),
					(this.diagnosisCodes != null) ? this.diagnosisCodes : d.diagnosisCodes(),
					(this.intakeDate != null) ? this.intakeDate : d.intakeDate(), text(this.school, d.school()),
					text(this.medicalNotes, d.medicalNotes()), text(this.allergies, d.allergies()),
					(this.emergencyContacts != null) ? this.emergencyContacts : d.emergencyContacts(),
					(this.insurance != null) ? emptyToNull(this.insurance) : d.insurance(),
					(this.sex != null) ? this.sex : d.sex(),
					(this.address != null) ? (NO_ADDRESS.equals(this.address) ? null : this.address) : d.address());
		}

		private static String or(String value, String current) {
			return (value != null) ? value.trim() : current;
		}

		private static String text(String value, String current) {
			if (value == null) {
				return current;
			}
			return value.isBlank() ? null : value.trim();
		}

		private static ChildDetails.Insurance emptyToNull(ChildDetails.Insurance insurance) {
			boolean empty = (insurance.payer() == null || insurance.payer().isBlank())
					&& (insurance.memberId() == null || insurance.memberId().isBlank());
			return empty ? null : insurance;
		}

	}

	private final ChildRepository children;

	private final ChildAccessPolicy policy;

	private final AuditTrail audit;

	private final ChangeHistory history;

	private final Accounts accounts;

	private final Clock clock;

	private final java.time.ZoneId zone;

	private final org.springframework.context.ApplicationEventPublisher events;

	ChildService(ChildRepository children, ChildAccessPolicy policy, AuditTrail audit, ChangeHistory history,
			Accounts accounts, Clock clock, org.sparktherapy.platform.SparkProperties properties,
			org.springframework.context.ApplicationEventPublisher events) {
		this.zone = properties.clinicTimeZone();
		this.events = events;
		this.children = children;
		this.policy = policy;
		this.audit = audit;
		this.history = history;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Transactional
	Child open(CurrentUser user, ChildDetails details, String guardianRelationship) {
		if (!this.policy.mayOpenChildren(user)) {
			this.audit.refused(new PhiAccess("create", "child", null, null), false);
			throw new ChildrenProblems.NotAllowedForChild("Only admins and parents open children's records.");
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		ChildDetails withIntake = (details.intakeDate() != null) ? details
				: new ChildDetails(details.firstName(), details.lastName(), details.preferredName(),
						details.dateOfBirth(), details.diagnosisCodes(), LocalDate.ofInstant(now, this.zone),
						details.school(), details.medicalNotes(), details.allergies(), details.emergencyContacts(),
						details.insurance(), details.sex(), details.address());
		this.children.insert(id, withIntake, ChildStatus.INTAKE, now);
		this.history.record(id, "child", id, "created", List.of());
		if (user.is(Role.PARENT)) {
			String relationship = (guardianRelationship != null && !guardianRelationship.isBlank())
					? guardianRelationship.trim() : "parent";
			this.children.addGuardian(id, user.id(), relationship, true, now);
			this.history.record(id, "guardian", user.id(), "added",
					List.of(new FieldChange("relationship", null, relationship)));
		}
		this.audit.success(new PhiAccess("create", "child", id, id));
		return this.children.find(id, false).orElseThrow();
	}

	@Transactional
	PageResponse<ChildRepository.ChildSummary> list(CurrentUser user, String text, ChildStatus status,
			boolean includeArchived, PageQuery page) {
		PageResponse<ChildRepository.ChildSummary> result = this.children.search(this.policy.visibilityFilter(user),
				user, text, status, includeArchived, page);
		if (text != null && !text.isBlank()) {
			// the search terms are kept even when nothing matched (the log is PHI itself)
			this.audit.success(new PhiAccess("search", "child", null, null, "q=" + text.strip()));
		}
		this.audit.successAll(result.content()
			.stream()
			.map(child -> new PhiAccess("list", "child", child.id(), child.id()))
			.toList());
		return result;
	}

	@Transactional
	Child get(CurrentUser user, UUID id) {
		// what the user is to the child and the record in one statement; decided as
		// everywhere else
		Optional<ChildRepository.Seen> seen = this.children.findAs(id, this.policy.relationColumn(user), user.id());
		Relation relation = this.policy.relation(seen.map(ChildRepository.Seen::relation).orElse(null));
		require(relation, id, "read", "child", Relation::canSee, "");
		this.audit.success(new PhiAccess("read", "child", id, id));
		return seen.get().child();
	}

	@Transactional
	Child change(CurrentUser user, UUID id, Integer expectedVersion, ChildChange change) {
		Set<String> fields = change.presentFields();
		require(user, id, "update", "child", relation -> this.policy.mayEdit(relation, fields),
				"You may change only the emergency contacts, medical notes and allergies of your child.");
		Child child = this.children.find(id, true).orElseThrow(ChildrenProblems.ChildNotFound::new);
		if (expectedVersion != null && expectedVersion != child.version()) {
			throw new StaleVersion();
		}
		if (change.status() == ChildStatus.ARCHIVED) {
			throw new ChildrenProblems.InvalidStatusChange("archive a child with DELETE /api/children/{id}");
		}
		ChildDetails updated = change.applyTo(child.details());
		ChildStatus status = (change.status() != null) ? change.status() : child.status();
		List<FieldChange> changes = new java.util.ArrayList<>(ChangeHistory.diff(child.details(), updated));
		if (status != child.status()) {
			changes.add(new FieldChange("status", child.status().value(), status.value()));
		}
		if (!changes.isEmpty()) {
			this.children.update(id, updated, status, child.version(), this.clock.instant());
			this.history.record(id, "child", id, "updated", changes);
			this.events.publishEvent(new ChildRecordChanged(id));
		}
		this.audit.success(new PhiAccess("update", "child", id, id));
		return this.children.find(id, false).orElseThrow();
	}

	@Transactional
	void archive(CurrentUser user, UUID id) {
		require(user, id, "archive", "child", this.policy::mayAdminister, "Only admins archive children.");
		Child child = this.children.find(id, true).orElseThrow(ChildrenProblems.ChildNotFound::new);
		if (child.status() != ChildStatus.ARCHIVED) {
			this.children.update(id, child.details(), ChildStatus.ARCHIVED, child.version(), this.clock.instant());
			this.history.record(id, "child", id, "archived",
					List.of(new FieldChange("status", child.status().value(), ChildStatus.ARCHIVED.value())));
		}
		this.audit.success(new PhiAccess("archive", "child", id, id));
	}

	@Transactional
	Child addGuardian(CurrentUser user, UUID id, UUID accountId, String relationship, boolean canSign) {
		require(user, id, "update", "guardian", this.policy::mayAdminister, "Only admins link guardians.");
		AccountSummary account = this.accounts.findById(accountId)
			.filter(a -> a.role() == Role.PARENT && a.active())
			.orElseThrow(ChildrenProblems.GuardianMustBeParent::new);
		this.children.find(id, true).orElseThrow(ChildrenProblems.ChildNotFound::new);
		Instant now = this.clock.instant();
		this.children.addGuardian(id, account.id(), relationship.trim(), canSign, now);
		this.children.touch(id, now);
		this.history.record(id, "guardian", account.id(), "added",
				List.of(new FieldChange("relationship", null, relationship.trim()),
						new FieldChange("canSign", null, Boolean.toString(canSign))));
		this.events.publishEvent(new ChildPeopleChanged(id, account.id(), "guardian", true));
		this.audit.success(new PhiAccess("update", "guardian", account.id(), id));
		return this.children.find(id, false).orElseThrow();
	}

	@Transactional
	void removeGuardian(CurrentUser user, UUID id, UUID accountId) {
		require(user, id, "update", "guardian", this.policy::mayAdminister, "Only admins unlink guardians.");
		this.children.find(id, true).orElseThrow(ChildrenProblems.ChildNotFound::new);
		if (!this.children.removeGuardian(id, accountId)) {
			throw new ChildrenProblems.NotLinked("guardian of this child");
		}
		this.children.touch(id, this.clock.instant());
		this.history.record(id, "guardian", accountId, "removed", List.of());
		this.events.publishEvent(new ChildPeopleChanged(id, accountId, "guardian", false));
		this.audit.success(new PhiAccess("update", "guardian", accountId, id));
	}

	@Transactional
	Child addCareTeamMember(CurrentUser user, UUID id, UUID accountId, Child.TeamRole role) {
		require(user, id, "update", "careTeam", this.policy::mayAdminister, "Only admins change care teams.");
		AccountSummary account = this.accounts.findById(accountId)
			.filter(a -> a.role() == Role.THERAPIST && a.active())
			.orElseThrow(ChildrenProblems.CareTeamMemberMustBeTherapist::new);
		if (role == Child.TeamRole.SUPERVISOR && !this.policy.maySupervise(account.credential())) {
			throw new ChildrenProblems.SupervisorMustBeBehaviorAnalyst(account.name(), account.credential());
		}
		this.children.find(id, true).orElseThrow(ChildrenProblems.ChildNotFound::new);
		Instant now = this.clock.instant();
		this.children.addCareTeamMember(id, account.id(), role, now);
		this.children.touch(id, now);
		this.history.record(id, "careTeam", account.id(), "added",
				List.of(new FieldChange("role", null, role.value())));
		this.events.publishEvent(new ChildPeopleChanged(id, account.id(), "careTeam", true));
		this.audit.success(new PhiAccess("update", "careTeam", account.id(), id));
		return this.children.find(id, false).orElseThrow();
	}

	@Transactional
	void removeCareTeamMember(CurrentUser user, UUID id, UUID accountId) {
		require(user, id, "update", "careTeam", this.policy::mayAdminister, "Only admins change care teams.");
		this.children.find(id, true).orElseThrow(ChildrenProblems.ChildNotFound::new);
		if (!this.children.removeCareTeamMember(id, accountId)) {
			throw new ChildrenProblems.NotLinked("care-team member of this child");
		}
		this.children.touch(id, this.clock.instant());
		this.history.record(id, "careTeam", accountId, "removed", List.of());
		this.events.publishEvent(new ChildPeopleChanged(id, accountId, "careTeam", false));
		this.audit.success(new PhiAccess("update", "careTeam", accountId, id));
	}

	@Transactional
	PageResponse<ChangeHistory.Entry> history(CurrentUser user, UUID id, PageQuery page) {
		require(user, id, "read", "history", Relation::canSee, "");
		PageResponse<ChangeHistory.Entry> entries = this.history.forChild(id, page);
		this.audit.success(new PhiAccess("read", "history", id, id));
		return entries;
	}

	/**
	 * The relation the action needs, or a refusal written to the access log: 404 for a
	 * child the user may not see, 403 for one they see but may not do this with.
	 */
	private Relation require(CurrentUser user, UUID childId, String action, String resourceType,
			Predicate<Relation> allowed, String forbidden) {
		return require(this.policy.relationOf(user, childId), childId, action, resourceType, allowed, forbidden);
	}

	private Relation require(Relation relation, UUID childId, String action, String resourceType,
			Predicate<Relation> allowed, String forbidden) {
		if (!relation.canSee()) {
			this.audit.refused(new PhiAccess(action, resourceType, childId, childId), true);
			throw new ChildrenProblems.ChildNotFound();
		}
		if (!allowed.test(relation)) {
			this.audit.refused(new PhiAccess(action, resourceType, childId, childId), false);
			throw new ChildrenProblems.NotAllowedForChild(forbidden);
		}
		return relation;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ChildFacts> find(UUID childId) {
		return this.children.status(childId).map(status -> new ChildFacts(childId, status));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> shortName(UUID childId) {
		return this.children.shortName(childId);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean maySignFor(CurrentUser user, UUID childId) {
		return user.is(Role.PARENT) && this.children.mayGuardianSign(childId, user.id());
	}

	@Override
	@Transactional(readOnly = true)
	public List<ChildFacts> caseload(UUID therapistId) {
		return this.children.caseload(therapistId);
	}

	@Override
	@Transactional(readOnly = true)
	public ChildPeople peopleOf(UUID childId) {
		return this.children.peopleOf(childId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<UUID> childrenOfGuardian(UUID guardianId) {
		return this.children.childrenOfGuardian(guardianId);
	}

	@Override
	@Transactional(readOnly = true)
	public Relation relationOf(CurrentUser user, UUID childId) {
		return this.policy.relationOf(user, childId);
	}

}
