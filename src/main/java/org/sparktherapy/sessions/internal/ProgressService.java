package org.sparktherapy.sessions.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

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

	/**
	 * A child's progress, or none when the caller already holds the version its ETag
	 * names; {@code etag} is a strong ETag over everything the answer is made of.
	 */
	record Answer(String etag, @Nullable List<TargetProgress> targets) {
	}

	/** One target's graph. */
	record TargetProgress(UUID targetId, UUID programId, String programName, String name, Measurement measurement,
			TargetPhase phase, @Nullable Programs.Criterion criterion, @Nullable Instant masteredAt,
			List<ProgressCalculator.Point> points, List<PhaseLine> phaseChanges) {
	}

	/** A phase-change line; {@code by} is null for automatic changes. */
	record PhaseLine(TargetPhase phase, Instant at, @Nullable Session.Person by, boolean automatic) {
	}

	private final SessionResults results;

	private final Children children;

	private final Programs programs;

	private final AuditTrail audit;

	private final Clock clock;

	ProgressService(SessionResults results, Children children, Programs programs, AuditTrail audit, Clock clock) {
		this.results = results;
		this.children = children;
		this.programs = programs;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The child's progress as the graphs draw it, unless {@code notModified} holds for
	 * its ETag (a conditional GET): then no results are read. Either way the access is
	 * logged, as the caller sees the child's figures.
	 */
	@Transactional
	Answer progress(CurrentUser user, UUID childId, Instant from, Instant to, @Nullable UUID programId,
			Predicate<String> notModified) {
		Relation relation = this.children.relationOf(user, childId);
		if (!relation.canSee()) {
			this.audit.refused(new PhiAccess("read", "progress", null, childId), true);
			throw new SessionsProblems.SessionNotFound("child");
		}
		List<Programs.TargetFacts> targets = this.programs.targetsOf(childId);
		List<Programs.PhaseChangeFacts> changes = this.programs.phaseChangesOf(childId);
		String etag = etag(this.results.version(childId), targets, changes);
		List<TargetProgress> progress = notModified.test(etag) ? null
				: graphs(this.results.ofChild(childId, from, to), targets, changes, programId, true);
		// last: the access log's chain lock is then held only until commit
		this.audit.success(new PhiAccess("read", "progress", programId, childId));
		return new Answer(etag, progress);
	}

	/**
	 * The progress figures without an access check or log entry: for callers that did
	 * both ({@link SessionDirectory#progressOf}). Points carry every figure.
	 */
	List<TargetProgress> compute(UUID childId, Instant from, Instant to, @Nullable UUID programId) {
		return graphs(this.results.ofChild(childId, from, to), this.programs.targetsOf(childId),
				this.programs.phaseChangesOf(childId), programId, false);
	}

	/**
	 * One graph per target of the child's programs (archived ones only when their program
	 * is asked for); with {@code forGraph}, each point carries only the figure the
	 * target's measurement plots.
	 */
	private List<TargetProgress> graphs(List<SessionResults.Result> results, List<Programs.TargetFacts> targets,
			List<Programs.PhaseChangeFacts> changes, @Nullable UUID programId, boolean forGraph) {
		Map<UUID, List<SessionResults.Result>> byTarget = new HashMap<>();
		for (SessionResults.Result result : results) {
			byTarget.computeIfAbsent(result.targetId(), k -> new ArrayList<>()).add(result);
		}
		Map<UUID, List<PhaseLine>> linesByTarget = new HashMap<>();
		for (Programs.PhaseChangeFacts c : changes) {
			linesByTarget.computeIfAbsent(c.targetId(), k -> new ArrayList<>())
				.add(new PhaseLine(c.phase(), c.at(),
						(c.byId() != null) ? new Session.Person(c.byId(), c.byName()) : null, c.automatic()));
		}
		Instant now = this.clock.instant();
		return targets.stream()
			.filter(t -> programId == null || programId.equals(t.programId()))
			.filter(t -> t.programStatus() != ProgramStatus.ARCHIVED || programId != null)
			.map(t -> {
				List<PhaseLine> lines = linesByTarget.getOrDefault(t.targetId(), List.of());
				Instant masteredAt = lines.stream()
					.filter(l -> l.phase() == TargetPhase.MASTERED)
					.map(PhaseLine::at)
					.reduce((a, b) -> b)
					.orElse(null);
				List<ProgressCalculator.Point> points = byTarget.getOrDefault(t.targetId(), List.of())
					.stream()
					.map(r -> ProgressCalculator.point(r, t.criterion(), now))
					.map(p -> forGraph ? p.forGraph(t.measurement()) : p)
					.toList();
				return new TargetProgress(t.targetId(), t.programId(), t.programName(), t.name(), t.measurement(),
						t.phase(), t.criterion(), masteredAt, points, lines);
			})
			.toList();
	}

	/**
	 * A strong ETag over what the answer is made of: the child's results (each write
	 * raises the revision; the row count notices removals) and its targets, criteria and
	 * phase changes as the programs module reports them.
	 */
	private static String etag(SessionResults.Version version, List<Programs.TargetFacts> targets,
			List<Programs.PhaseChangeFacts> changes) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((version.revision() + "/" + version.rows() + "/" + targets + "/" + changes)
				.getBytes(StandardCharsets.UTF_8));
			return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
