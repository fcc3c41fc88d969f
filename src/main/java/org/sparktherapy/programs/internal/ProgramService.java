package org.sparktherapy.programs.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.ChangeHistory;
import org.sparktherapy.audit.ChangeHistory.FieldChange;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.ChildStatus;
import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.StaleVersion;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.programs.ProgramStatus;
import org.sparktherapy.programs.TargetPhase;
import org.sparktherapy.programs.internal.Program.ProgramDesign;
import org.sparktherapy.programs.internal.Program.Target;
import org.sparktherapy.vocabulary.Measurement;
import org.sparktherapy.vocabulary.ProgramKind;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Designing and reading programs and targets. Each call resolves what the user is to the
 * child, checks it with {@link ProgramAccessPolicy}, writes the PHI access log (refusals
 * included) and the change history, in one transaction.
 */
@Service
class ProgramService {

	/** A new target. */
	record NewTarget(String name, String definition, String notes) {
	}

	/** A partial change of a program; {@code null} leaves a field as it is. */
	record ProgramChange(String name, Program.Domain domain, String objective, Program.MasteryCriterion criterion,
			Boolean autoAdvance, ProgramStatus status) {
	}

	/**
	 * A partial change of a target; {@code null} leaves a field as it is, an empty text
	 * clears.
	 */
	record TargetChange(String name, String definition, String notes, TargetPhase phase) {
	}

	private final ProgramRepository programs;

	private final ProgramAccessPolicy policy;

	private final Children children;

	private final AuditTrail audit;

	private final ChangeHistory history;

	private final Clock clock;

	ProgramService(ProgramRepository programs, ProgramAccessPolicy policy, Children children, AuditTrail audit,
			ChangeHistory history, Clock clock) {
		this.programs = programs;
		this.policy = policy;
		this.children = children;
		this.audit = audit;
		this.history = history;
		this.clock = clock;
	}

	@Transactional
	Program create(CurrentUser user, UUID childId, ProgramDesign design, ProgramKind kind, Measurement measurement,
			List<NewTarget> targets) {
		requireDesigner(user, childId, "create", "program", null, "child");
		requireInCare(childId);
		if (measurement.kind() != kind) {
			throw new ProgramsProblems.MeasurementDoesNotFitKind();
		}
		if (kind == ProgramKind.SKILL && design.masteryCriterion() == null) {
			throw new ProgramsProblems.MasteryCriterionRequired();
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.programs.insert(id, childId, design, kind, measurement, now);
		this.history.record(childId, "program", id, "created", List.of(new FieldChange("name", null, design.name())));
		for (NewTarget target : targets) {
			addTarget(user, id, childId, target, now);
		}
		this.audit.success(new PhiAccess("create", "program", id, childId));
		return this.programs.find(id, false).orElseThrow();
	}

	@Transactional
	PageResponse<Program> forChild(CurrentUser user, UUID childId, boolean includeArchived, PageQuery page) {
		Relation relation = this.children.relationOf(user, childId);
		if (!this.policy.mayRead(relation)) {
			this.audit.refused(new PhiAccess("list", "program", null, childId), true);
			throw new ProgramsProblems.ProgramNotFound("child");
		}
		PageResponse<Program> result = this.programs.forChild(childId, includeArchived, page);
		this.audit.success(new PhiAccess("list", "program", null, childId));
		return result;
	}

	@Transactional
	Program get(CurrentUser user, UUID programId) {
		UUID childId = childOf(user, programId, "read");
		Relation relation = this.children.relationOf(user, childId);
		if (!this.policy.mayRead(relation)) {
			this.audit.refused(new PhiAccess("read", "program", programId, childId), true);
			throw new ProgramsProblems.ProgramNotFound("program");
		}
		Program program = this.programs.find(programId, false).orElseThrow();
		this.audit.success(new PhiAccess("read", "program", programId, childId));
		return program;
	}

	@Transactional
	Program change(CurrentUser user, UUID programId, Integer expectedVersion, ProgramChange change) {
		UUID childId = childOf(user, programId, "update");
		requireDesigner(user, childId, "update", "program", programId, "program");
		Program program = this.programs.find(programId, true).orElseThrow();
		if (expectedVersion != null && expectedVersion != program.version()) {
			throw new StaleVersion();
		}
		if (change.status() == ProgramStatus.ARCHIVED) {
			throw new ProgramsProblems.StatusNotSettable();
		}
		requireInCare(childId);
		ProgramDesign before = program.design();
		ProgramDesign after = new ProgramDesign((change.name() != null) ? change.name().trim() : before.name(),
				(change.domain() != null) ? change.domain() : before.domain(),
				(change.objective() != null) ? blankToNull(change.objective()) : before.objective(),
				(change.criterion() != null) ? change.criterion() : before.masteryCriterion(),
				(change.autoAdvance() != null) ? change.autoAdvance() : before.autoAdvance());
		ProgramStatus status = (change.status() != null) ? change.status() : program.status();
		List<FieldChange> changes = new java.util.ArrayList<>(ChangeHistory.diff(before, after));
		if (status != program.status()) {
			changes.add(new FieldChange("status", program.status().value(), status.value()));
		}
		if (!changes.isEmpty()) {
			this.programs.update(program, after, status, this.clock.instant());
			this.history.record(childId, "program", programId, "updated", changes);
		}
		this.audit.success(new PhiAccess("update", "program", programId, childId));
		return this.programs.find(programId, false).orElseThrow();
	}

	@Transactional
	void archive(CurrentUser user, UUID programId) {
		UUID childId = childOf(user, programId, "archive");
		requireDesigner(user, childId, "archive", "program", programId, "program");
		Program program = this.programs.find(programId, true).orElseThrow();
		if (program.status() != ProgramStatus.ARCHIVED) {
			this.programs.update(program, program.design(), ProgramStatus.ARCHIVED, this.clock.instant());
			this.history.record(childId, "program", programId, "archived",
					List.of(new FieldChange("status", program.status().value(), "archived")));
		}
		this.audit.success(new PhiAccess("archive", "program", programId, childId));
	}

	@Transactional
	Target addTarget(CurrentUser user, UUID programId, NewTarget target) {
		UUID childId = childOf(user, programId, "create");
		requireDesigner(user, childId, "create", "target", programId, "program");
		Program program = this.programs.find(programId, true).orElseThrow();
		requireOpen(program);
		requireInCare(childId);
		Instant now = this.clock.instant();
		UUID id = addTarget(user, programId, childId, target, now);
		this.programs.touch(programId, now);
		this.audit.success(new PhiAccess("create", "target", id, childId));
		return target(programId, id);
	}

	@Transactional
	Target changeTarget(CurrentUser user, UUID programId, UUID targetId, TargetChange change) {
		UUID childId = childOf(user, programId, "update");
		requireDesigner(user, childId, "update", "target", targetId, "program");
		Program program = this.programs.find(programId, true).orElseThrow();
		Target target = program.targets()
			.stream()
			.filter(t -> t.id().equals(targetId))
			.findFirst()
			.orElseThrow(() -> new ProgramsProblems.ProgramNotFound("target"));
		requireOpen(program);
		requireInCare(childId);
		Instant now = this.clock.instant();
		TargetPhase phase = target.phase();
		if (change.phase() != null && change.phase() != target.phase()) {
			if (!target.phase().canMoveTo(change.phase())) {
				throw new ProgramsProblems.PhaseChangeNotAllowed(target.phase(), change.phase());
			}
			phase = change.phase();
			this.programs.recordPhaseChange(targetId, childId, phase, user.id(), now);
			this.history.record(childId, "target", targetId, "phase_changed",
					List.of(new FieldChange("phase", target.phase().value(), phase.value())));
		}
		else if (change.phase() != null) {
			throw new ProgramsProblems.PhaseChangeNotAllowed(target.phase(), change.phase());
		}
		record Text(String name, String definition, String notes) {
		}
		Text before = new Text(target.name(), target.definition(), target.notes());
		Text after = new Text((change.name() != null) ? change.name().trim() : target.name(),
				(change.definition() != null) ? blankToNull(change.definition()) : target.definition(),
				(change.notes() != null) ? blankToNull(change.notes()) : target.notes());
		List<FieldChange> changes = ChangeHistory.diff(before, after);
		if (!changes.isEmpty()) {
			this.history.record(childId, "target", targetId, "updated", changes);
		}
		this.programs.updateTarget(targetId, after.name(), after.definition(), after.notes(), phase, now);
		this.programs.touch(programId, now);
		this.audit.success(new PhiAccess("update", "target", targetId, childId));
		return target(programId, targetId);
	}

	/**
	 * A supervisor undoes an automatic mastery: the target returns to intervention, and
	 * the target that was advanced because of it returns to baseline if nothing changed
	 * it since. Both are recorded as the supervisor's changes.
	 */
	@Transactional
	Program undoMastery(CurrentUser user, UUID programId, UUID targetId) {
		UUID childId = childOf(user, programId, "update");
		requireDesigner(user, childId, "update", "target", targetId, "program");
		Program program = this.programs.find(programId, true).orElseThrow();
		Target target = program.targets()
			.stream()
			.filter(t -> t.id().equals(targetId))
			.findFirst()
			.orElseThrow(() -> new ProgramsProblems.ProgramNotFound("target"));
		var latest = this.programs.latestChanges(programId);
		boolean automatic = latest.stream().anyMatch(c -> c.targetId().equals(targetId) && c.automatic());
		if (target.phase() != TargetPhase.MASTERED || !automatic) {
			throw new ProgramsProblems.NoAutomaticMastery();
		}
		Instant now = this.clock.instant();
		revert(user, childId, target, TargetPhase.INTERVENTION, now);
		for (var change : latest) {
			if (change.automatic() && targetId.equals(change.advancedAfter())) {
				program.targets()
					.stream()
					.filter(t -> t.id().equals(change.targetId()) && t.phase() == TargetPhase.INTERVENTION)
					.findFirst()
					.ifPresent(advanced -> revert(user, childId, advanced, TargetPhase.BASELINE, now));
			}
		}
		this.programs.touch(programId, now);
		this.audit.success(new PhiAccess("update", "target", targetId, childId));
		return this.programs.find(programId, false).orElseThrow();
	}

	private void revert(CurrentUser user, UUID childId, Target target, TargetPhase phase, Instant now) {
		this.programs.updateTarget(target.id(), target.name(), target.definition(), target.notes(), phase, now);
		this.programs.recordPhaseChange(target.id(), childId, phase, user.id(), now);
		this.history.record(childId, "target", target.id(), "phase_changed",
				List.of(new FieldChange("phase", target.phase().value(), phase.value()),
						new FieldChange("automatic", null, "undone")));
	}

	@Transactional
	Program reorderTargets(CurrentUser user, UUID programId, List<UUID> targetIds) {
		UUID childId = childOf(user, programId, "update");
		requireDesigner(user, childId, "update", "program", programId, "program");
		Program program = this.programs.find(programId, true).orElseThrow();
		requireOpen(program);
		var existing = program.targets().stream().map(Target::id).toList();
		if (targetIds.size() != existing.size() || !new HashSet<>(targetIds).equals(new HashSet<>(existing))) {
			throw new ProgramsProblems.TargetOrderMismatch();
		}
		if (!targetIds.equals(existing)) {
			this.programs.reorder(programId, targetIds);
			this.programs.touch(programId, this.clock.instant());
			this.history.record(childId, "program", programId, "updated",
					List.of(new FieldChange("targetOrder", names(program, existing), names(program, targetIds))));
		}
		this.audit.success(new PhiAccess("update", "program", programId, childId));
		return this.programs.find(programId, false).orElseThrow();
	}

	private UUID addTarget(CurrentUser user, UUID programId, UUID childId, NewTarget target, Instant now) {
		UUID id = UUID.randomUUID();
		this.programs.insertTarget(id, programId, childId, target.name().trim(), blankToNull(target.definition()),
				blankToNull(target.notes()), TargetPhase.BASELINE, now);
		this.programs.recordPhaseChange(id, childId, TargetPhase.BASELINE, user.id(), now);
		this.history.record(childId, "target", id, "created", List.of(new FieldChange("name", null, target.name())));
		return id;
	}

	private Target target(UUID programId, UUID targetId) {
		return this.programs.find(programId, false)
			.orElseThrow()
			.targets()
			.stream()
			.filter(t -> t.id().equals(targetId))
			.findFirst()
			.orElseThrow();
	}

	/** The program's child, or 404 (audited) when there is no such program. */
	private UUID childOf(CurrentUser user, UUID programId, String action) {
		return this.programs.childOf(programId).orElseThrow(() -> {
			this.audit.refused(new PhiAccess(action, "program", programId, null), true);
			return new ProgramsProblems.ProgramNotFound("program");
		});
	}

	private void requireDesigner(CurrentUser user, UUID childId, String action, String resourceType, UUID resourceId,
			String notFound) {
		Relation relation = this.children.relationOf(user, childId);
		if (!this.policy.mayRead(relation)) {
			this.audit.refused(new PhiAccess(action, resourceType, resourceId, childId), true);
			throw new ProgramsProblems.ProgramNotFound(notFound);
		}
		if (!this.policy.mayDesign(relation)) {
			this.audit.refused(new PhiAccess(action, resourceType, resourceId, childId), false);
			throw new ProgramsProblems.OnlySupervisorsDesignPrograms();
		}
	}

	private void requireInCare(UUID childId) {
		ChildStatus status = this.children.find(childId).orElseThrow().status();
		if (status == ChildStatus.ARCHIVED || status == ChildStatus.DISCHARGED) {
			throw new ProgramsProblems.ChildNotInCare();
		}
	}

	private static void requireOpen(Program program) {
		if (program.status() == ProgramStatus.ARCHIVED) {
			throw new ProgramsProblems.ProgramArchived();
		}
	}

	private static String names(Program program, List<UUID> ids) {
		return String.join(", ", ids.stream()
			.map(id -> program.targets().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow().name())
			.toList());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
