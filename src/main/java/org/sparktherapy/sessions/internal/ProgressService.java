package org.sparktherapy.sessions.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.Nullable;
import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.programs.ProgramStatus;
import org.sparktherapy.programs.Programs;
import org.sparktherapy.programs.TargetPhase;
import org.sparktherapy.vocabulary.Measurement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A child's progress per target over submitted sessions, with phase changes and the
 * mastery criterion — what the graphs draw. Everyone who may see the child may see its
 * progress.
 */
@Service
class ProgressService {

	/** One target's graph. */
	record TargetProgress(UUID targetId, UUID programId, String programName, String name, Measurement measurement,
			TargetPhase phase, @Nullable Programs.Criterion criterion, @Nullable Instant masteredAt,
			List<ProgressCalculator.Point> points, List<PhaseLine> phaseChanges) {
	}

	/** A phase-change line; {@code by} is null for automatic changes. */
	record PhaseLine(TargetPhase phase, Instant at, @Nullable Session.Person by, boolean automatic) {
	}

	private final SessionRepository sessions;

	private final Children children;

	private final Programs programs;

	private final AuditTrail audit;

	private final Clock clock;

	ProgressService(SessionRepository sessions, Children children, Programs programs, AuditTrail audit, Clock clock) {
		this.sessions = sessions;
		this.children = children;
		this.programs = programs;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	List<TargetProgress> progress(CurrentUser user, UUID childId, Instant from, Instant to, UUID programId) {
		Relation relation = this.children.relationOf(user, childId);
		if (!relation.canSee()) {
			this.audit.refused(new PhiAccess("read", "progress", null, childId), true);
			throw new SessionsProblems.SessionNotFound("child");
		}
		List<TargetProgress> progress = compute(childId, from, to, programId);
		// last: the access log's chain lock is then held only until commit
		this.audit.success(new PhiAccess("read", "progress", programId, childId));
		return progress;
	}

	/**
	 * The progress figures without an access check or log entry: for callers that did
	 * both ({@link SessionDirectory#progressOf}).
	 */
	List<TargetProgress> compute(UUID childId, Instant from, Instant to, @Nullable UUID programId) {
		List<SessionRepository.SubmittedEvent> events = this.sessions.submittedEvents(childId, from, to);
		Map<UUID, Session> byId = this.sessions.submittedSessions(childId, from, to)
			.stream()
			.collect(Collectors.toMap(Session::id, Function.identity()));
		List<Programs.PhaseChangeFacts> changes = this.programs.phaseChangesOf(childId);
		Instant now = this.clock.instant();
		return this.programs.targetsOf(childId)
			.stream()
			.filter(t -> programId == null || programId.equals(t.programId()))
			.filter(t -> t.programStatus() != ProgramStatus.ARCHIVED || programId != null)
			.map(t -> {
				List<PhaseLine> lines = changes.stream()
					.filter(c -> c.targetId().equals(t.targetId()))
					.map(c -> new PhaseLine(c.phase(), c.at(),
							(c.byId() != null) ? new Session.Person(c.byId(), c.byName()) : null, c.automatic()))
					.toList();
				Instant masteredAt = lines.stream()
					.filter(l -> l.phase() == TargetPhase.MASTERED)
					.map(PhaseLine::at)
					.reduce((a, b) -> b)
					.orElse(null);
				return new TargetProgress(t.targetId(), t.programId(), t.programName(), t.name(), t.measurement(),
						t.phase(), t.criterion(), masteredAt, ProgressCalculator.points(events, byId, t, now), lines);
			})
			.toList();
	}

}
