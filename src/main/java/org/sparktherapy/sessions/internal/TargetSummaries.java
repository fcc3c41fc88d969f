package org.sparktherapy.sessions.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.Nullable;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.programs.Programs;
import org.sparktherapy.sessions.Sessions;

import org.springframework.stereotype.Service;

/**
 * The per-target summaries {@link Sessions} publishes for reports, for many children at
 * once (ADR 0036's speed section). The stalled rule here decides exactly as the home
 * page's queue ({@link QueueService}): the same targets (skill programs, active, in
 * intervention, with a criterion), the same results since the day (clinic time) their
 * phase began, the same {@link NearMasteryRule} and {@link StalledTargetRule}; but it
 * reads only the latest results each rule looks at — {@code 2 × window} sessions, or the
 * criterion's run if longer — instead of every event of the child's history.
 */
@Service
class TargetSummaries {

	private final TargetSummaryRepository summaries;

	private final Programs programs;

	private final ZoneId zone;

	TargetSummaries(TargetSummaryRepository summaries, Programs programs, SparkProperties properties) {
		this.summaries = summaries;
		this.programs = programs;
		this.zone = properties.clinicTimeZone();
	}

	/**
	 * A watched target: its facts, its latest phase change (if any) and results' start.
	 */
	private record Watched(UUID childId, Programs.TargetFacts target, @Nullable Instant changed, Instant from) {
	}

	/**
	 * Per child asked for (every one a key, in the order given), the ids of its stalled
	 * targets in teaching order.
	 */
	Map<UUID, Set<UUID>> stalled(Collection<UUID> childIds, int window, Instant now) {
		Map<UUID, Set<UUID>> stalled = new LinkedHashMap<>();
		childIds.forEach(child -> stalled.put(child, new LinkedHashSet<>()));
		List<Watched> watched = watched(childIds);
		if (watched.isEmpty()) {
			return stalled;
		}
		Instant until = now.plus(Duration.ofDays(1));
		Map<UUID, List<MasteryRule.SessionResult>> results = this.summaries.latestResults(watched.stream()
			.map(w -> new TargetSummaryRepository.ResultsAsked(w.childId(), w.target().targetId(), w.from(),
					Math.max(2 * window, w.target().criterion().consecutiveSessions())))
			.toList(), until);
		Map<UUID, Instant> firstRuns = this.summaries.firstSessions(watched.stream()
			.filter(w -> w.changed() == null)
			.map(w -> new TargetSummaryRepository.TargetOfChild(w.childId(), w.target().targetId()))
			.toList(), until);
		for (Watched w : watched) {
			UUID targetId = w.target().targetId();
			List<MasteryRule.SessionResult> latest = results.getOrDefault(targetId, List.of());
			Instant phaseSince = (w.changed() != null) ? w.changed() : firstRuns.get(targetId);
			boolean near = NearMasteryRule.isNear(latest, w.target().criterion());
			if (StalledTargetRule.isStalled(latest, phaseSince, now, near, window)) {
				stalled.get(w.childId()).add(targetId);
			}
		}
		return stalled;
	}

	/** {@link Sessions#latestDataOf}. */
	Map<UUID, Instant> latestData(Collection<Sessions.TargetSince> targets, Instant until) {
		return this.summaries.latestData(targets, until);
	}

	/** {@link Sessions#recordedSessionsOf}. */
	Map<UUID, List<Sessions.RecordedSession>> recordedSessions(Collection<UUID> childIds, Instant from, Instant to) {
		return this.summaries.recordedSessions(childIds, from, to);
	}

	private List<Watched> watched(Collection<UUID> childIds) {
		Map<UUID, List<Programs.TargetFacts>> targets = new LinkedHashMap<>();
		this.programs.targetsOf(childIds).forEach((child, list) -> {
			List<Programs.TargetFacts> taught = list.stream().filter(Programs.TargetFacts::inTeaching).toList();
			if (!taught.isEmpty()) {
				targets.put(child, taught);
			}
		});
		if (targets.isEmpty()) {
			return List.of();
		}
		Map<UUID, Instant> changed = new LinkedHashMap<>();
		this.programs.phaseChangesOf(targets.keySet())
			.values()
			.forEach(changes -> changes
				.forEach(c -> changed.merge(c.targetId(), c.at(), (a, b) -> a.isAfter(b) ? a : b)));
		List<Watched> watched = new ArrayList<>();
		targets.forEach((child, list) -> list.forEach(target -> {
			Instant at = changed.get(target.targetId());
			// as the mastery evaluation: sessions count from the day (clinic time) the
			// phase began
			Instant from = (at != null) ? LocalDate.ofInstant(at, this.zone).atStartOfDay(this.zone).toInstant()
					: Instant.EPOCH;
			watched.add(new Watched(child, target, at, from));
		}));
		return watched;
	}

}
