package org.sparktherapy.sessions.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sparktherapy.programs.Programs.Criterion;
import org.sparktherapy.vocabulary.PromptLevel;
import org.sparktherapy.vocabulary.TrialOutcome;

import static org.assertj.core.api.Assertions.assertThat;

class TalliesTests {

	private final UUID target = UUID.randomUUID();

	@Test
	void countsTrialsCorrectAndIndependent() {
		Tallies.Tally tally = Tallies.of(this.target, List.of(trial("correct", "independent"),
				trial("correct", "verbal"), trial("incorrect", "independent"), trial("no_response", "model")));

		assertThat(tally.trials()).isEqualTo(4);
		assertThat(tally.correct()).isEqualTo(2);
		assertThat(tally.noResponse()).isEqualTo(1);
		assertThat(tally.percentCorrect()).isEqualTo(50.0);
		assertThat(tally.percentIndependent()).isEqualTo(50.0);
	}

	@Test
	void taskAnalysesScoreIndependentSteps() {
		Tallies.Tally tally = Tallies.of(this.target,
				List.of(step("independent"), step("independent"), step("verbal")));

		assertThat(tally.steps()).isEqualTo(3);
		assertThat(tally.percentCorrect()).isEqualTo(66.7);
	}

	@Test
	void nothingTriedHasNoPercentages() {
		Tallies.Tally tally = Tallies.of(this.target, List.of());

		assertThat(tally.percentCorrect()).isNull();
		assertThat(tally.percentIndependent()).isNull();
	}

	@Test
	void undoneEventsAndUndoEventsDoNotCount() {
		SessionEvent wrong = trial("incorrect", "independent");
		SessionEvent undo = new SessionEvent.Undo(UUID.randomUUID(), wrong.id(), Instant.now());

		List<Tallies.Tally> tallies = Tallies.byTarget(List.of(trial("correct", "independent"), wrong, undo));

		assertThat(tallies).singleElement().satisfies(t -> {
			assertThat(t.trials()).isEqualTo(1);
			assertThat(t.percentCorrect()).isEqualTo(100.0);
		});
	}

	@Test
	void masteryNeedsTheLastSessionsInARowAtCriterionWithEnoughTrials() {
		Criterion criterion = new Criterion(80, 3, 5);
		var good = new MasteryRule.SessionResult(UUID.randomUUID(), 10, 80.0);
		var weak = new MasteryRule.SessionResult(UUID.randomUUID(), 10, 70.0);
		var short_ = new MasteryRule.SessionResult(UUID.randomUUID(), 4, 100.0);

		assertThat(MasteryRule.metIn(List.of(weak, good, good, good), criterion)).hasSize(3);
		assertThat(MasteryRule.metIn(List.of(good, weak, good, good), criterion)).isEmpty();
		assertThat(MasteryRule.metIn(List.of(good, good, short_), criterion)).isEmpty();
		assertThat(MasteryRule.metIn(List.of(good, good), criterion)).isEmpty();
		assertThat(MasteryRule.metIn(List.of(good, good, good), null)).isEmpty();
	}

	private SessionEvent trial(String outcome, String prompt) {
		return new SessionEvent.Trial(UUID.randomUUID(), this.target, TrialOutcome.of(outcome), PromptLevel.of(prompt),
				Instant.now());
	}

	private SessionEvent step(String prompt) {
		return new SessionEvent.TaskStep(UUID.randomUUID(), this.target, 1, PromptLevel.of(prompt), Instant.now());
	}

}
