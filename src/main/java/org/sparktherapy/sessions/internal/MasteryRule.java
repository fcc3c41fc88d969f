package org.sparktherapy.sessions.internal;

import java.util.List;

import org.sparktherapy.programs.Programs.Criterion;

/**
 * A program's mastery criterion applied to a target's sessions: the last
 * {@code consecutiveSessions} sessions in which the target was run since it entered
 * intervention each reached {@code percent} % correct (task analyses: % independent
 * steps) with at least {@code minTrials} trials. Sessions in baseline never count.
 */
final class MasteryRule {

	private MasteryRule() {
	}

	/** One session's result for a target. */
	record SessionResult(java.util.UUID sessionId, int opportunities, Double percentCorrect) {
	}

	static boolean meets(SessionResult result, Criterion criterion) {
		return criterion != null && result.percentCorrect() != null
				&& result.opportunities() >= Math.max(1, criterion.minTrials())
				&& result.percentCorrect() >= criterion.percent();
	}

	/**
	 * @param results the target's session results since it entered intervention, oldest
	 * first
	 * @return the sessions that met the criterion in a row, or an empty list when it is
	 * not met
	 */
	static List<java.util.UUID> metIn(List<SessionResult> results, Criterion criterion) {
		if (criterion == null || results.size() < criterion.consecutiveSessions()) {
			return List.of();
		}
		List<SessionResult> last = results.subList(results.size() - criterion.consecutiveSessions(), results.size());
		return last.stream().allMatch(r -> meets(r, criterion)) ? last.stream().map(SessionResult::sessionId).toList()
				: List.of();
	}

}
