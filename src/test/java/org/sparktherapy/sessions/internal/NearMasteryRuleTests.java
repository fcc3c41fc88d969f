package org.sparktherapy.sessions.internal;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sparktherapy.programs.Programs.Criterion;

import static org.assertj.core.api.Assertions.assertThat;

class NearMasteryRuleTests {

	private static final Criterion EIGHTY_THREE_TIMES = new Criterion(80, 3, 5);

	@Test
	void aTargetOneQualifyingSessionShortIsNear() {
		assertThat(NearMasteryRule.isNear(results(50.0, 90.0, 80.0), EIGHTY_THREE_TIMES)).isTrue();
	}

	@Test
	void aSingleQualifyingSessionOfThreeIsNotNear() {
		assertThat(NearMasteryRule.isNear(results(50.0, 60.0, 90.0), EIGHTY_THREE_TIMES)).isFalse();
	}

	@Test
	void aWeakLatestSessionEndsTheRun() {
		assertThat(NearMasteryRule.isNear(results(90.0, 90.0, 60.0), EIGHTY_THREE_TIMES)).isFalse();
	}

	@Test
	void aCriterionMetAlreadyIsNotNear() {
		assertThat(NearMasteryRule.isNear(results(90.0, 90.0, 90.0), EIGHTY_THREE_TIMES)).isFalse();
	}

	@Test
	void tooFewTrialsDoNotCount() {
		List<MasteryRule.SessionResult> results = List.of(new MasteryRule.SessionResult(UUID.randomUUID(), 10, 90.0),
				new MasteryRule.SessionResult(UUID.randomUUID(), 3, 100.0));

		assertThat(NearMasteryRule.isNear(results, EIGHTY_THREE_TIMES)).isFalse();
	}

	@Test
	void aOneSessionCriterionGivesNoWarning() {
		assertThat(NearMasteryRule.isNear(results(50.0), new Criterion(80, 1, 5))).isFalse();
	}

	static List<MasteryRule.SessionResult> results(Double... percents) {
		return java.util.Arrays.stream(percents)
			.map(p -> new MasteryRule.SessionResult(UUID.randomUUID(), 10, p))
			.toList();
	}

}
