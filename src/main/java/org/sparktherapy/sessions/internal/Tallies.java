package org.sparktherapy.sessions.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.vocabulary.PromptLevel;

/**
 * Counts what was recorded per target, kind by kind. Undo events and the events they undo
 * do not count; ABC notes are described, not counted.
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
	static List<SessionEvent> effective(List<SessionEvent> events) {
		Set<UUID> undone = new HashSet<>();
		for (SessionEvent event : events) {
			if (event instanceof SessionEvent.Undo undo) {
				undone.add(undo.undoes());
			}
		}
		return events.stream().filter(e -> !(e instanceof SessionEvent.Undo) && !undone.contains(e.id())).toList();
	}

	/** One tally per target that has events, in the order targets first appear. */
	static List<Tally> byTarget(List<SessionEvent> events) {
		Map<UUID, List<SessionEvent>> grouped = new LinkedHashMap<>();
		for (SessionEvent event : effective(events)) {
			event.target().ifPresent(target -> grouped.computeIfAbsent(target, k -> new ArrayList<>()).add(event));
		}
		List<Tally> tallies = new ArrayList<>();
		grouped.forEach((target, list) -> tallies.add(of(target, list)));
		return tallies;
	}

	static Tally of(UUID targetId, List<SessionEvent> events) {
		int trials = 0;
		int correct = 0;
		int incorrect = 0;
		int noResponse = 0;
		int independent = 0;
		int steps = 0;
		int count = 0;
		int seconds = 0;
		for (SessionEvent e : events) {
			switch (e) {
				case SessionEvent.Trial trial -> {
					trials++;
					switch (trial.outcome()) {
						case CORRECT -> correct++;
						case INCORRECT -> incorrect++;
						case NO_RESPONSE -> noResponse++;
					}
					if (trial.promptLevel() == PromptLevel.INDEPENDENT) {
						independent++;
					}
				}
				case SessionEvent.TaskStep step -> {
					steps++;
					if (step.promptLevel() == PromptLevel.INDEPENDENT) {
						independent++;
					}
				}
				case SessionEvent.Frequency frequency -> count += frequency.count();
				case SessionEvent.Duration duration -> {
					count++;
					seconds += duration.seconds();
				}
				case SessionEvent.Abc abc -> {
					// described, not counted
				}
				case SessionEvent.Undo undo -> {
					// never effective
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

	static double percent(int part, int whole) {
		return Math.round(part * 1000.0 / whole) / 10.0;
	}

}
