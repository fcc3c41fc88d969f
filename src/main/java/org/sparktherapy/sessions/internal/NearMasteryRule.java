package org.sparktherapy.sessions.internal;

import java.util.List;

import org.sparktherapy.programs.Programs.Criterion;

/**
 * A target is <em>near mastery</em> when one more session meeting its program's criterion
 * would master it: the criterion asks for at least two sessions in a row, and the
 * target's latest sessions since it entered intervention meet the criterion exactly
 * {@code consecutiveSessions − 1} times in a row (see {@link MasteryRule} for what
 * meeting the criterion means). A target whose criterion needs one session is never near:
 * its next good session masters it with no warning to give. Supervisors plan the next
 * step (maintenance, the next target, generalisation) for these.
 */
final class NearMasteryRule {

	private NearMasteryRule() {
	}

	/**
	 * @param results the target's session results since it entered intervention, oldest
	 * first
	 */
	static boolean isNear(List<MasteryRule.SessionResult> results, Criterion criterion) {
		return criterion != null && criterion.consecutiveSessions() >= 2
				&& trailingRun(results, criterion) == criterion.consecutiveSessions() - 1;
	}

	/** How many of the latest sessions in a row meet the criterion. */
	static int trailingRun(List<MasteryRule.SessionResult> results, Criterion criterion) {
		int run = 0;
		for (int i = results.size() - 1; i >= 0 && MasteryRule.meets(results.get(i), criterion); i--) {
			run++;
		}
		return run;
	}

}
