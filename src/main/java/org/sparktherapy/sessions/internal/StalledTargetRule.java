package org.sparktherapy.sessions.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A target is <em>stalled</em> when teaching it no longer moves it: it has been in
 * intervention with no phase change for at least {@link #NO_PHASE_CHANGE_FOR} (four
 * weeks), it has been run in at least {@link #MIN_SESSIONS} sessions since, and its
 * results show no upward trend: the mean of the latest {@link #WINDOW} sessions is not
 * above the mean of the {@link #WINDOW} sessions before them. A target
 * {@link NearMasteryRule near mastery} is never stalled. The supervisor's usual answers
 * are a change of prompting or teaching procedure, a smaller step, or a review of the
 * criterion (BACB Ethics Code 2.18: continual evaluation of the behavior-change
 * intervention, https://www.bacb.com/ethics-information/ethics-codes/).
 */
final class StalledTargetRule {

	/**
	 * How long a target stays in intervention without a phase change before it may count
	 * as stalled.
	 */
	static final Duration NO_PHASE_CHANGE_FOR = Duration.ofDays(28);

	/** How many sessions are compared against the ones before them. */
	static final int WINDOW = 3;

	/** Fewer sessions than this since the last phase change say nothing about a trend. */
	static final int MIN_SESSIONS = 2 * WINDOW;

	private StalledTargetRule() {
	}

	/**
	 * @param results the target's session results since its last phase change, oldest
	 * first
	 * @param since when the target's current phase began (its last phase change, or its
	 * first session without one)
	 * @param nearMastery whether the target is near mastery
	 */
	static boolean isStalled(List<MasteryRule.SessionResult> results, Instant since, Instant now, boolean nearMastery) {
		return isStalled(results, since, now, nearMastery, WINDOW);
	}

	/**
	 * As {@link #isStalled(List, Instant, Instant, boolean)}, comparing the latest
	 * {@code window} sessions with the {@code window} before them (reports let a
	 * supervisor choose it).
	 */
	static boolean isStalled(List<MasteryRule.SessionResult> results, Instant since, Instant now, boolean nearMastery,
			int window) {
		if (nearMastery || since == null || Duration.between(since, now).compareTo(NO_PHASE_CHANGE_FOR) < 0) {
			return false;
		}
		List<Double> values = results.stream()
			.map(MasteryRule.SessionResult::percentCorrect)
			.filter(Objects::nonNull)
			.toList();
		if (values.size() < 2 * window) {
			return false;
		}
		double latest = mean(values.subList(values.size() - window, values.size()));
		double before = mean(values.subList(values.size() - 2 * window, values.size() - window));
		return latest <= before;
	}

	private static double mean(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
	}

}
