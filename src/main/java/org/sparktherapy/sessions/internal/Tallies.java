package org.sparktherapy.sessions.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Counts what was recorded per target. Undo events and the events they undo do not count.
 */
final class Tallies {

	private Tallies() {
	}

	/**
	 * What one target's events add up to. Percentages have one decimal; null when nothing
	 * was tried.
	 */
	record Tally(UUID targetId, int trials, int correct, int incorrect, int noResponse, int independent, int steps,
			Double percentCorrect, Double percentIndependent, int count, int durationSeconds) {

		/** Trials for discrete-trial targets, steps for task analyses. */
		int opportunities() {
			return this.trials + this.steps;
		}

	}

	/** The events that count: not undo events and not undone. */
	static List<Session.Event> effective(List<Session.Event> events) {
		Set<UUID> undone = new HashSet<>();
		events.stream().filter(e -> "undo".equals(e.type())).forEach(e -> undone.add(e.undoes()));
		return events.stream().filter(e -> !"undo".equals(e.type()) && !undone.contains(e.id())).toList();
	}

	/** One tally per target that has events, in the order targets first appear. */
	static List<Tally> byTarget(List<Session.Event> events) {
		Map<UUID, List<Session.Event>> grouped = new LinkedHashMap<>();
		for (Session.Event event : effective(events)) {
			if (event.targetId() != null) {
				grouped.computeIfAbsent(event.targetId(), k -> new ArrayList<>()).add(event);
			}
		}
		List<Tally> tallies = new ArrayList<>();
		grouped.forEach((target, list) -> tallies.add(of(target, list)));
		return tallies;
	}

	static Tally of(UUID targetId, List<Session.Event> events) {
		int trials = 0;
		int correct = 0;
		int incorrect = 0;
		int noResponse = 0;
		int independent = 0;
		int steps = 0;
		int count = 0;
		int seconds = 0;
		for (Session.Event e : events) {
			switch (e.type()) {
				case "trial" -> {
					trials++;
					switch (e.outcome()) {
						case "correct" -> correct++;
						case "incorrect" -> incorrect++;
						default -> noResponse++;
					}
					if ("independent".equals(e.promptLevel())) {
						independent++;
					}
				}
				case "task_step" -> {
					steps++;
					if ("independent".equals(e.promptLevel())) {
						independent++;
					}
				}
				case "frequency" -> count += e.count();
				case "duration" -> {
					count++;
					seconds += e.seconds();
				}
				default -> {
				}
			}
		}
		Double percentCorrect = null;
		if (trials > 0) {
			percentCorrect = percent(correct, trials);
		}
		else if (steps > 0) {
			percentCorrect = percent(independent, steps);
		}
		Double percentIndependent = (trials + steps > 0) ? Double.valueOf(percent(independent, trials + steps)) : null;
		return new Tally(targetId, trials, correct, incorrect, noResponse, independent, steps, percentCorrect,
				percentIndependent, count, seconds);
	}

	private static double percent(int part, int whole) {
		return Math.round(part * 1000.0 / whole) / 10.0;
	}

}
