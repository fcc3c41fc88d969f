package org.sparktherapy.sessions.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;
import org.sparktherapy.programs.Programs;
import org.sparktherapy.vocabulary.Measurement;

/**
 * Turns submitted sessions' events into one point per session and target, the way ABA
 * graphs plot them.
 */
final class ProgressCalculator {

	private ProgressCalculator() {
	}

	/**
	 * One session's result for a target. In the API's answer only the figure the target's
	 * measurement plots is present ({@link #forGraph}), beside the trials and whether the
	 * criterion was met.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Point(UUID sessionId, Instant date, int trials, @Nullable Double percentCorrect,
			@Nullable Double percentIndependent, @Nullable Integer count, @Nullable Double ratePerHour,
			@Nullable Integer durationSeconds, boolean meetsCriterion) {

		/** The point with only what a graph of this measurement draws. */
		Point forGraph(Measurement measurement) {
			return new Point(this.sessionId, this.date, this.trials,
					(measurement == Measurement.PERCENT_CORRECT) ? this.percentCorrect : null,
					(measurement == Measurement.TASK_ANALYSIS) ? this.percentIndependent : null,
					(measurement == Measurement.FREQUENCY) ? this.count : null,
					(measurement == Measurement.RATE) ? this.ratePerHour : null,
					(measurement == Measurement.DURATION) ? this.durationSeconds : null, this.meetsCriterion);
		}

	}

	/**
	 * A stored result as a point: the rate per hour over the session's length and whether
	 * the criterion of the day is met are decided here, when read.
	 */
	static Point point(SessionResults.Result result, Programs.Criterion criterion, Instant now) {
		double hours = result.hours(now);
		Double rate = (hours > 0) ? Math.round(result.count() / hours * 10.0) / 10.0 : null;
		boolean meets = MasteryRule.meets(
				new MasteryRule.SessionResult(result.sessionId(), result.trials(), result.percentCorrect()), criterion);
		return new Point(result.sessionId(), result.startedAt(), result.trials(), result.percentCorrect(),
				result.percentIndependent(), result.count(), rate, result.durationSeconds(), meets);
	}

	/**
	 * The target's results per submitted session (oldest first), for the mastery rule,
	 * replayed from the events: the definition {@link #stored} is tested against.
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
	 * The target's results per submitted session (oldest first), for the mastery rule,
	 * from stored results ({@link SessionResults}): the sessions in which it had trials
	 * or task steps, as {@link #results(List, UUID)} replays them.
	 */
	static List<MasteryRule.SessionResult> stored(List<SessionResults.Result> stored, UUID targetId) {
		return stored.stream()
			.filter(r -> r.targetId().equals(targetId) && r.trials() > 0)
			.map(r -> new MasteryRule.SessionResult(r.sessionId(), r.trials(), r.percentCorrect()))
			.toList();
	}

	/**
	 * Points of one target over the given sessions, replayed from their events; sessions
	 * in which it was not run give no point. Progress reads stored results instead
	 * ({@link SessionResults}, ADR 0049): this is the definition they are tested against.
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
