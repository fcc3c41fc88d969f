package org.sparktherapy.sessions.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.vocabulary.Measurement;
import org.sparktherapy.vocabulary.PromptLevel;
import org.sparktherapy.vocabulary.TrialOutcome;

/**
 * One thing recorded in a session, one record per kind with only its own fields. Every
 * event has a client-chosen id (replaying an offline queue is safe) and the time it
 * happened. Each kind names the measurements of the targets it may be recorded for and
 * checks its own fields ({@code read}, called by {@link EventReader}); at the API and in
 * {@code session_events} an event is the flat {@link FlatEvent}, named by its
 * {@link #type()}.
 */
sealed interface SessionEvent {

	UUID id();

	Instant at();

	/** The event's kind as the API and the database name it. */
	String type();

	/**
	 * The target the event is about: a measured event's own, an ABC note's if it names
	 * one, none for an undo.
	 */
	default Optional<UUID> target() {
		return switch (this) {
			case Trial trial -> Optional.of(trial.targetId());
			case TaskStep step -> Optional.of(step.targetId());
			case Frequency frequency -> Optional.of(frequency.targetId());
			case Duration duration -> Optional.of(duration.targetId());
			case Abc abc -> Optional.ofNullable(abc.targetId());
			case Undo undo -> Optional.empty();
		};
	}

	/** Whether the event is about this target. */
	default boolean isAbout(UUID targetId) {
		return target().filter(targetId::equals).isPresent();
	}

	/** One discrete trial of a {@code percent_correct} target. */
	record Trial(UUID id, UUID targetId, TrialOutcome outcome, PromptLevel promptLevel,
			Instant at) implements SessionEvent {

		static final String TYPE = "trial";

		static final Set<Measurement> MEASURED_BY = Set.of(Measurement.PERCENT_CORRECT);

		public Trial {
			Objects.requireNonNull(id);
			Objects.requireNonNull(targetId);
			Objects.requireNonNull(outcome);
			Objects.requireNonNull(promptLevel);
			Objects.requireNonNull(at);
		}

		static Trial read(FlatEvent e, EventReader.Check check) {
			UUID target = check.target(MEASURED_BY, true);
			TrialOutcome outcome = check.oneOf(e.outcome(), TrialOutcome.values(), TrialOutcome::value, "/outcome");
			PromptLevel prompt = check.oneOf(e.promptLevel(), PromptLevel.values(), PromptLevel::value, "/promptLevel");
			return check.ok() ? new Trial(e.id(), target, outcome, prompt, e.at()) : null;
		}

		@Override
		public String type() {
			return TYPE;
		}

	}

	/** One step of a {@code task_analysis} target's chain, numbered from 1. */
	record TaskStep(UUID id, UUID targetId, int step, PromptLevel promptLevel, Instant at) implements SessionEvent {

		static final String TYPE = "task_step";

		static final Set<Measurement> MEASURED_BY = Set.of(Measurement.TASK_ANALYSIS);

		static final int MAX_STEP = 100;

		public TaskStep {
			Objects.requireNonNull(id);
			Objects.requireNonNull(targetId);
			Objects.requireNonNull(promptLevel);
			Objects.requireNonNull(at);
			if (step < 1) {
				throw new IllegalArgumentException("steps are numbered from 1");
			}
		}

		static TaskStep read(FlatEvent e, EventReader.Check check) {
			UUID target = check.target(MEASURED_BY, true);
			Integer step = check.within(e.step(), 1, MAX_STEP, "/step", "must be a step number from 1 to 100");
			PromptLevel prompt = check.oneOf(e.promptLevel(), PromptLevel.values(), PromptLevel::value, "/promptLevel");
			return check.ok() ? new TaskStep(e.id(), target, step, prompt, e.at()) : null;
		}

		@Override
		public String type() {
			return TYPE;
		}

	}

	/**
	 * Occurrences of a behavior counted at once, for {@code frequency} and {@code rate}
	 * targets.
	 */
	record Frequency(UUID id, UUID targetId, int count, Instant at) implements SessionEvent {

		static final String TYPE = "frequency";

		static final Set<Measurement> MEASURED_BY = Set.of(Measurement.FREQUENCY, Measurement.RATE);

		static final int MAX_COUNT = 1000;

		public Frequency {
			Objects.requireNonNull(id);
			Objects.requireNonNull(targetId);
			Objects.requireNonNull(at);
			if (count < 1) {
				throw new IllegalArgumentException("a count is at least 1");
			}
		}

		static Frequency read(FlatEvent e, EventReader.Check check) {
			UUID target = check.target(MEASURED_BY, true);
			Integer count = check.within(e.count(), 1, MAX_COUNT, "/count", "must be from 1 to 1000");
			return check.ok() ? new Frequency(e.id(), target, count, e.at()) : null;
		}

		@Override
		public String type() {
			return TYPE;
		}

	}

	/** How long one occurrence of a {@code duration} target's behavior lasted. */
	record Duration(UUID id, UUID targetId, int seconds, Instant at) implements SessionEvent {

		static final String TYPE = "duration";

		static final Set<Measurement> MEASURED_BY = Set.of(Measurement.DURATION);

		/** A day. */
		static final int MAX_SECONDS = 86_400;

		public Duration {
			Objects.requireNonNull(id);
			Objects.requireNonNull(targetId);
			Objects.requireNonNull(at);
			if (seconds < 1) {
				throw new IllegalArgumentException("a duration is at least a second");
			}
		}

		static Duration read(FlatEvent e, EventReader.Check check) {
			UUID target = check.target(MEASURED_BY, true);
			Integer seconds = check.within(e.seconds(), 1, MAX_SECONDS, "/seconds", "must be from 1 to 86400");
			return check.ok() ? new Duration(e.id(), target, seconds, e.at()) : null;
		}

		@Override
		public String type() {
			return TYPE;
		}

	}

	/**
	 * What happened around one occurrence of a behavior (antecedent, behavior,
	 * consequence), for the functional assessment; about a behavior target or none
	 * ({@code targetId} may be null).
	 */
	record Abc(UUID id, UUID targetId, String antecedent, String behavior, String consequence,
			Instant at) implements SessionEvent {

		static final String TYPE = "abc";

		static final Set<Measurement> MEASURED_BY = Set.of(Measurement.FREQUENCY, Measurement.RATE,
				Measurement.DURATION);

		public Abc {
			Objects.requireNonNull(id);
			Objects.requireNonNull(antecedent);
			Objects.requireNonNull(behavior);
			Objects.requireNonNull(consequence);
			Objects.requireNonNull(at);
		}

		static Abc read(FlatEvent e, EventReader.Check check) {
			UUID target = check.target(MEASURED_BY, false);
			String antecedent = check.text(e.antecedent(), "/antecedent");
			String behavior = check.text(e.behavior(), "/behavior");
			String consequence = check.text(e.consequence(), "/consequence");
			return check.ok() ? new Abc(e.id(), target, antecedent, behavior, consequence, e.at()) : null;
		}

		@Override
		public String type() {
			return TYPE;
		}

	}

	/**
	 * Takes back an earlier event of the session (a mistaken tap): neither counts any
	 * more. The record is append-only, so an undo is an event of its own.
	 */
	record Undo(UUID id, UUID undoes, Instant at) implements SessionEvent {

		static final String TYPE = "undo";

		public Undo {
			Objects.requireNonNull(id);
			Objects.requireNonNull(undoes);
			Objects.requireNonNull(at);
		}

		static Undo read(FlatEvent e, EventReader.Check check) {
			if (e.undoes() == null) {
				check.error("/undoes", "must name the event to undo");
			}
			return check.ok() ? new Undo(e.id(), e.undoes(), e.at()) : null;
		}

		@Override
		public String type() {
			return TYPE;
		}

	}

}
