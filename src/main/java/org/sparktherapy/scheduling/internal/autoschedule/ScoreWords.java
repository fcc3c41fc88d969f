package org.sparktherapy.scheduling.internal.autoschedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

/**
 * A proposal's score as people read it: "All rules met; every prescribed hour placed; 3
 * preferences not met (2 place changes, 1 therapist change)". The hard part says whether
 * any rule is broken, the medium part how many prescribed hours found no place, the soft
 * part how many preferences are not met, counted per constraint of
 * {@link ScheduleConstraints} (a weighted penalty divided by its weight).
 */
final class ScoreWords {

	private ScoreWords() {
	}

	/**
	 * @param constraints the solver's analysis of the placed sessions, by constraint name
	 * @param hard the hard score (0 when every rule holds)
	 * @param unplacedMinutes prescribed minutes left unplaced
	 */
	static String describe(Map<String, ConstraintAnalysis<HardMediumSoftScore>> constraints, int hard,
			int unplacedMinutes) {
		List<String> parts = new ArrayList<>();
		if (hard == 0) {
			parts.add("All rules met");
		}
		else {
			List<String> broken = new ArrayList<>();
			add(broken, matches(constraints, ScheduleConstraints.THERAPIST_DOUBLE_BOOKED), "therapist double-booked",
					"therapists double-booked");
			add(broken, matches(constraints, ScheduleConstraints.CHILD_DOUBLE_BOOKED), "child double-booked",
					"children double-booked");
			add(broken, matches(constraints, ScheduleConstraints.NOT_QUALIFIED),
					"service given to a credential that may not deliver it",
					"services given to a credential that may not deliver them");
			int count = -hard;
			parts.add(count + (count == 1 ? " rule broken" : " rules broken")
					+ (broken.isEmpty() ? "" : " (" + String.join(", ", broken) + ")"));
		}
		parts.add((unplacedMinutes == 0) ? "every prescribed hour placed"
				: hours(unplacedMinutes) + (unplacedMinutes == 60 ? " hour" : " hours") + " not placed");
		List<String> unmet = new ArrayList<>();
		add(unmet, weighted(constraints, ScheduleConstraints.TRAVEL, ScheduleConstraints.TRAVEL_WEIGHT), "place change",
				"place changes");
		add(unmet, weighted(constraints, ScheduleConstraints.CONTINUITY, ScheduleConstraints.CONTINUITY_WEIGHT),
				"therapist change", "therapist changes");
		add(unmet, matches(constraints, ScheduleConstraints.SUPERVISOR_TIME), "technician session for a supervisor",
				"technician sessions for a supervisor");
		add(unmet, matches(constraints, ScheduleConstraints.SPREAD), "second session on a child's day",
				"second sessions on a child's day");
		int total = unmet.stream().mapToInt(ScoreWords::leadingNumber).sum();
		parts.add((total == 0) ? "every preference met" : total + (total == 1 ? " preference" : " preferences")
				+ " not met (" + String.join(", ", unmet) + ")");
		return String.join("; ", parts);
	}

	private static void add(List<String> parts, int count, String one, String many) {
		if (count > 0) {
			parts.add(count + " " + (count == 1 ? one : many));
		}
	}

	private static int matches(Map<String, ConstraintAnalysis<HardMediumSoftScore>> constraints, String name) {
		ConstraintAnalysis<HardMediumSoftScore> analysis = constraints.get(name);
		return (analysis != null) ? analysis.matchCount() : 0;
	}

	/** A weighted soft penalty as the number of times the preference was not met. */
	private static int weighted(Map<String, ConstraintAnalysis<HardMediumSoftScore>> constraints, String name,
			int weight) {
		ConstraintAnalysis<HardMediumSoftScore> analysis = constraints.get(name);
		return (analysis != null) ? -analysis.score().softScore() / weight : 0;
	}

	private static int leadingNumber(String part) {
		return Integer.parseInt(part.substring(0, part.indexOf(' ')));
	}

	private static String hours(int minutes) {
		BigDecimal hours = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
		return hours.stripTrailingZeros().toPlainString();
	}

}
