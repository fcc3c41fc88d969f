package org.sparktherapy.sessions.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.programs.Programs;
import org.sparktherapy.programs.TargetPhase;
import org.sparktherapy.vocabulary.ProgramKind;

import org.springframework.stereotype.Component;

/**
 * Evaluates {@link MasteryRule} for the skill targets in intervention that a submitted
 * session ran, and records the mastery of those that met their criterion
 * ({@link Programs#recordMastery}). Runs inside the submitting transaction, after the
 * session's results are written ({@link SessionResults#write}): it reads the target's
 * stored results, not the child's events.
 */
@Component
class MasteryEvaluation {

	private final SessionResults results;

	private final SessionViews views;

	private final Programs programs;

	private final Clock clock;

	private final ZoneId zone;

	MasteryEvaluation(SessionResults results, SessionViews views, Programs programs, Clock clock,
			SparkProperties properties) {
		this.results = results;
		this.views = views;
		this.programs = programs;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	/** Evaluates the targets run in these events of the child's session. */
	void evaluate(UUID childId, List<SessionEvent> sessionEvents) {
		Map<UUID, Programs.TargetFacts> targets = this.views.targets(childId);
		Set<UUID> run = Tallies.effective(sessionEvents)
			.stream()
			.map(SessionEvent::target)
			.flatMap(Optional::stream)
			.filter(targets::containsKey)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		List<Programs.PhaseChangeFacts> changes = this.programs.phaseChangesOf(childId);
		for (UUID targetId : run) {
			Programs.TargetFacts target = targets.get(targetId);
			if (target.kind() != ProgramKind.SKILL || target.phase() != TargetPhase.INTERVENTION
					|| target.criterion() == null) {
				continue;
			}
			// sessions count from the day (clinic time) the target entered intervention,
			// as the graphs show phases
			Instant since = changes.stream()
				.filter(c -> c.targetId().equals(targetId) && c.phase() == TargetPhase.INTERVENTION)
				.map(Programs.PhaseChangeFacts::at)
				.max(Instant::compareTo)
				.map(at -> LocalDate.ofInstant(at, this.zone).atStartOfDay(this.zone).toInstant())
				.orElse(Instant.EPOCH);
			// the stored results (ADR 0049), which the submitting transaction wrote first
			List<MasteryRule.SessionResult> results = ProgressCalculator.stored(this.results.ofTargets(childId,
					List.of(targetId), since, this.clock.instant().plus(Duration.ofDays(1))), targetId);
			List<UUID> metIn = MasteryRule.metIn(results, target.criterion());
			if (!metIn.isEmpty()) {
				this.programs.recordMastery(targetId, metIn);
			}
		}
	}

}
