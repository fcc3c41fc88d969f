package org.sparktherapy.sessions.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sparktherapy.platform.problem.Problem.FieldError;
import org.sparktherapy.programs.ProgramStatus;
import org.sparktherapy.programs.Programs;
import org.sparktherapy.programs.TargetPhase;
import org.sparktherapy.vocabulary.Measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class SessionEventTests {

	private final UUID skill = UUID.randomUUID();

	private final UUID chain = UUID.randomUUID();

	private final UUID behavior = UUID.randomUUID();

	private final UUID timed = UUID.randomUUID();

	private final Instant at = Instant.parse("2026-11-30T15:00:00Z");

	private final Map<UUID, Programs.TargetFacts> targets = Map.of(this.skill,
			target(this.skill, Measurement.PERCENT_CORRECT), this.chain, target(this.chain, Measurement.TASK_ANALYSIS),
			this.behavior, target(this.behavior, Measurement.RATE), this.timed,
			target(this.timed, Measurement.DURATION));

	@Test
	void everyKindReadsFromItsFlatFormAndFlattensBackUnchanged() {
		List<FlatEvent> flat = List.of(
				flat("trial", this.skill, "no_response", "partial_physical", null, null, null, null, null),
				flat("task_step", this.chain, null, "independent", 3, null, null, null, null),
				flat("frequency", this.behavior, null, null, null, 2, null, null, null),
				flat("duration", this.timed, null, null, null, null, 90, null, null), new FlatEvent(UUID.randomUUID(),
						"abc", null, null, null, null, null, null, "Asked", "Ran", "Blocked", null, this.at),
				flat("undo", null, null, null, null, null, null, null, UUID.randomUUID()));
		List<FieldError> errors = new ArrayList<>();
		EventReader reader = new EventReader(this.targets, this.at, errors);

		List<SessionEvent> events = flat.stream().map(e -> reader.read(e, "/events/0")).toList();

		assertThat(errors).isEmpty();
		assertThat(events).extracting(SessionEvent::type)
			.containsExactly("trial", "task_step", "frequency", "duration", "abc", "undo");
		assertThat(events.stream().map(FlatEvent::of).toList()).isEqualTo(flat);
		assertThat(flat.stream().map(FlatEvent::toEvent).toList()).isEqualTo(events);
	}

	@Test
	void fieldsOfAnotherKindAreIgnored() {
		FlatEvent trial = new FlatEvent(UUID.randomUUID(), "trial", this.skill, "correct", "verbal", 4, 7, null, null,
				null, null, null, this.at);

		SessionEvent event = new EventReader(this.targets, this.at, new ArrayList<>()).read(trial, "/events/0");

		assertThat(event).isInstanceOf(SessionEvent.Trial.class);
		assertThat(FlatEvent.of(event).step()).isNull();
		assertThat(FlatEvent.of(event).count()).isNull();
	}

	@Test
	void everyFieldThatDoesNotFitIsNamedInOrder() {
		List<FieldError> errors = new ArrayList<>();
		EventReader reader = new EventReader(this.targets, this.at, errors);

		SessionEvent event = reader.read(new FlatEvent(null, "trial", this.behavior, "maybe", "shouting", null, null,
				null, null, null, null, null, this.at.plusSeconds(1)), "/events/4");

		assertThat(event).isNull();
		assertThat(errors).extracting(FieldError::pointer)
			.containsExactly("/events/4/id", "/events/4/at", "/events/4/targetId", "/events/4/outcome",
					"/events/4/promptLevel");
		assertThat(errors).extracting(FieldError::detail)
			.contains("belongs to a program measured by rate, not this kind of event",
					"must be one of correct, incorrect, no_response",
					"must be one of full_physical, gestural, independent, model, partial_physical, verbal");
	}

	@Test
	void unknownTypesAndRepeatedIdsAreRefused() {
		List<FieldError> errors = new ArrayList<>();
		EventReader reader = new EventReader(this.targets, this.at, errors);
		UUID id = UUID.randomUUID();

		reader.read(new FlatEvent(id, "sneeze", null, null, null, null, null, null, null, null, null, null, this.at),
				"/events/0");
		reader.read(new FlatEvent(id, "frequency", this.behavior, null, null, null, 1001, null, null, null, null, null,
				this.at), "/events/1");

		assertThat(errors).extracting(FieldError::pointer)
			.containsExactly("/events/0/type", "/events/1/id", "/events/1/count");
		assertThat(errors.get(0).detail()).isEqualTo("must be one of trial, task_step, frequency, duration, abc, undo");
	}

	@Test
	void eachKindKeepsItsOwnInvariants() {
		assertThatNullPointerException()
			.isThrownBy(() -> new SessionEvent.Trial(UUID.randomUUID(), this.skill, null, null, this.at));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SessionEvent.Frequency(UUID.randomUUID(), this.behavior, 0, this.at));
		assertThatIllegalArgumentException().isThrownBy(() -> new SessionEvent.TaskStep(UUID.randomUUID(), this.chain,
				0, org.sparktherapy.vocabulary.PromptLevel.MODEL, this.at));
		assertThat(new SessionEvent.Undo(UUID.randomUUID(), UUID.randomUUID(), this.at).target()).isEmpty();
		assertThat(new SessionEvent.Abc(UUID.randomUUID(), null, "a", "b", "c", this.at).target()).isEmpty();
	}

	private FlatEvent flat(String type, UUID target, String outcome, String prompt, Integer step, Integer count,
			Integer seconds, String text, UUID undoes) {
		return new FlatEvent(UUID.randomUUID(), type, target, outcome, prompt, step, count, seconds, text, text, text,
				undoes, this.at);
	}

	private static Programs.TargetFacts target(UUID id, Measurement measurement) {
		return new Programs.TargetFacts(id, UUID.randomUUID(), "Program", "Target", measurement.kind(), measurement,
				ProgramStatus.ACTIVE, TargetPhase.INTERVENTION, 0, null);
	}

}
