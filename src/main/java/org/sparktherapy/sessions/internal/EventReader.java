package org.sparktherapy.sessions.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.sparktherapy.platform.problem.Problem.FieldError;
import org.sparktherapy.programs.ProgramStatus;
import org.sparktherapy.programs.Programs;
import org.sparktherapy.vocabulary.Measurement;

/**
 * Reads the events of one batch, as they came in ({@link FlatEvent}), into
 * {@link SessionEvent}s, checking each against the batch and the child's programs: a
 * client-chosen id, unique in the batch; a time neither in the future (beyond the clock
 * skew allowed) nor before {@link Session#EARLIEST}; a known type; then the type's own
 * fields, each kind reading its own ({@code SessionEvent.Trial.read} …) — a target of the
 * child's active programs measured the way the kind records. Every field that does not
 * fit is named by its JSON pointer; an event with any is not read.
 */
final class EventReader {

	/** The types an event may have, as the API names them. */
	static final List<String> TYPES = List.of(SessionEvent.Trial.TYPE, SessionEvent.TaskStep.TYPE,
			SessionEvent.Frequency.TYPE, SessionEvent.Duration.TYPE, SessionEvent.Abc.TYPE, SessionEvent.Undo.TYPE);

	/** Longest text of an ABC note's parts. */
	static final int MAX_TEXT = 2000;

	private final Map<UUID, Programs.TargetFacts> targets;

	private final Instant latest;

	private final List<FieldError> errors;

	private final Set<UUID> seen = new HashSet<>();

	/**
	 * @param targets the child's targets by id
	 * @param latest the latest time an event may have
	 * @param errors where the fields that do not fit are added
	 */
	EventReader(Map<UUID, Programs.TargetFacts> targets, Instant latest, List<FieldError> errors) {
		this.targets = targets;
		this.latest = latest;
		this.errors = errors;
	}

	/**
	 * The event at {@code pointer} of the batch, or null when it does not fit (its errors
	 * added).
	 */
	SessionEvent read(FlatEvent event, String pointer) {
		if (event == null) {
			this.errors.add(new FieldError(pointer, "must be an event"));
			return null;
		}
		Check check = new Check(event, pointer);
		if (event.id() == null) {
			check.error("/id", "is required (a UUID chosen by the client)");
		}
		else if (!this.seen.add(event.id())) {
			check.error("/id", "appears twice in this batch");
		}
		if (event.at() == null) {
			check.error("/at", "is required");
		}
		else if (event.at().isAfter(this.latest)) {
			check.error("/at", "lies in the future");
		}
		else if (event.at().isBefore(Session.EARLIEST)) {
			check.error("/at", "lies too far in the past");
		}
		String type = (event.type() == null) ? "" : event.type();
		return switch (type) {
			case SessionEvent.Trial.TYPE -> SessionEvent.Trial.read(event, check);
			case SessionEvent.TaskStep.TYPE -> SessionEvent.TaskStep.read(event, check);
			case SessionEvent.Frequency.TYPE -> SessionEvent.Frequency.read(event, check);
			case SessionEvent.Duration.TYPE -> SessionEvent.Duration.read(event, check);
			case SessionEvent.Abc.TYPE -> SessionEvent.Abc.read(event, check);
			case SessionEvent.Undo.TYPE -> SessionEvent.Undo.read(event, check);
			default -> {
				check.error("/type", "must be one of " + String.join(", ", TYPES));
				yield null;
			}
		};
	}

	/** The checks of one event's fields, for the kind that reads it. */
	final class Check {

		private final FlatEvent event;

		private final String pointer;

		private boolean ok = true;

		private Check(FlatEvent event, String pointer) {
			this.event = event;
			this.pointer = pointer;
		}

		/** Whether every field checked so far fits. */
		boolean ok() {
			return this.ok;
		}

		void error(String field, String message) {
			EventReader.this.errors.add(new FieldError(this.pointer + field, message));
			this.ok = false;
		}

		/**
		 * The event's target, which must belong to the child's active programs measured
		 * one of these ways; null when it names none.
		 */
		UUID target(Set<Measurement> measurements, boolean required) {
			UUID targetId = this.event.targetId();
			if (targetId == null) {
				if (required) {
					error("/targetId", "is required");
				}
				return null;
			}
			Programs.TargetFacts target = EventReader.this.targets.get(targetId);
			if (target == null || target.programStatus() != ProgramStatus.ACTIVE) {
				error("/targetId", "is not a target of this child's active programs");
			}
			else if (!measurements.contains(target.measurement())) {
				error("/targetId", "belongs to a program measured by " + target.measurement().value()
						+ ", not this kind of event");
			}
			return targetId;
		}

		/** The constant named by {@code value}, one of a closed set. */
		<E> E oneOf(String value, E[] constants, Function<E, String> name, String field) {
			E found = Arrays.stream(constants).filter(c -> name.apply(c).equals(value)).findFirst().orElse(null);
			if (found == null) {
				Set<String> allowed = new TreeSet<>(Arrays.stream(constants).map(name).toList());
				error(field, "must be one of " + String.join(", ", allowed));
			}
			return found;
		}

		/** A whole number from {@code min} to {@code max}. */
		Integer within(Integer value, int min, int max, String field, String message) {
			if (value == null || value < min || value > max) {
				error(field, message);
				return null;
			}
			return value;
		}

		/** A text that is not blank, at most {@link #MAX_TEXT} characters. */
		String text(String value, String field) {
			if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
				error(field, "is required (at most 2000 characters)");
				return null;
			}
			return value;
		}

	}

}
