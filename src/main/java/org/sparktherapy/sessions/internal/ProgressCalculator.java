package org.sparktherapy.sessions.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.Nullable;
import org.sparktherapy.programs.Programs;

/**
 * Turns submitted sessions' events into one point per session and target, the way ABA
 * graphs plot them.
 */
final class ProgressCalculator {

	private ProgressCalculator() {
	}

	/** One session's result for a target. */
	record Point(UUID sessionId, Instant date, int trials, @Nullable Double percentCorrect,
			@Nullable Double percentIndependent, int count, @Nullable Double ratePerHour, int durationSeconds,
			boolean meetsCriterion) {
	}

	/**
	 * The target's results per submitted session (oldest first), for the mastery rule.
	 */
	static List<MasteryRule.SessionResult> results(List<SessionRepository.SubmittedEvent> events, UUID targetId) {
		List<MasteryRule.SessionResult> results = new ArrayList<>();
		bySession(events).forEach((session, list) -> {
			Tallies.Tally tally = Tallies.of(targetId, targetEvents(list, targetId));
			if (tally.opportunities() > 0) {
				results.add(new MasteryRule.SessionResult(session, tally.opportunities(), tally.percentCorrect()));
			}
		});
		return results;
	}

	/**
	 * Points of one target over the given sessions; sessions in which it was not run give
	 * no point.
	 */
	static List<Point> points(List<SessionRepository.SubmittedEvent> events, Map<UUID, Session> sessions,
			Programs.TargetFacts target, Instant now) {
		List<Point> points = new ArrayList<>();
		bySession(events).forEach((sessionId, list) -> {
			List<SessionEvent> own = targetEvents(list, target.targetId());
			if (own.isEmpty()) {
				return;
			}
			Session session = sessions.get(sessionId);
			Tallies.Tally tally = Tallies.of(target.targetId(), own);
			double hours = session.hours(now);
			Double rate = (hours > 0) ? Math.round(tally.count() / hours * 10.0) / 10.0 : null;
			boolean meets = MasteryRule.meets(
					new MasteryRule.SessionResult(sessionId, tally.opportunities(), tally.percentCorrect()),
					target.criterion());
			points.add(new Point(sessionId, session.startedAt(), tally.opportunities(), tally.percentCorrect(),
					tally.percentIndependent(), tally.count(), rate, tally.durationSeconds(), meets));
		});
		return points;
	}

	/** Effective (not undone) events grouped by session, sessions in start order. */
	private static Map<UUID, List<SessionEvent>> bySession(List<SessionRepository.SubmittedEvent> events) {
		Map<UUID, List<SessionEvent>> all = new LinkedHashMap<>();
		for (SessionRepository.SubmittedEvent e : events) {
			all.computeIfAbsent(e.sessionId(), k -> new ArrayList<>()).add(e.event());
		}
		Map<UUID, List<SessionEvent>> effective = new LinkedHashMap<>();
		all.forEach((session, list) -> effective.put(session, Tallies.effective(list)));
		return effective;
	}

	private static List<SessionEvent> targetEvents(List<SessionEvent> events, UUID targetId) {
		return events.stream().filter(e -> e.isAbout(targetId)).toList();
	}

}
