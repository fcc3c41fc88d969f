package org.sparktherapy.sessions.internal;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.sessions.internal.NearMasteryRuleTests.results;

class StalledTargetRuleTests {

	private static final Instant NOW = Instant.parse("2026-11-30T18:00:00Z");

	private static final Instant FIVE_WEEKS_AGO = NOW.minus(Duration.ofDays(35));

	@Test
	void aFlatLineForFiveWeeksIsStalled() {
		assertThat(StalledTargetRule.isStalled(results(50.0, 40.0, 60.0, 50.0, 50.0, 50.0), FIVE_WEEKS_AGO, NOW, false))
			.isTrue();
	}

	@Test
	void aFallingLineIsStalled() {
		assertThat(StalledTargetRule.isStalled(results(60.0, 60.0, 60.0, 50.0, 40.0, 50.0), FIVE_WEEKS_AGO, NOW, false))
			.isTrue();
	}

	@Test
	void aRisingLineIsNotStalled() {
		assertThat(StalledTargetRule.isStalled(results(20.0, 30.0, 40.0, 50.0, 60.0, 70.0), FIVE_WEEKS_AGO, NOW, false))
			.isFalse();
	}

	@Test
	void aRecentPhaseChangeIsNotStalled() {
		assertThat(StalledTargetRule.isStalled(results(50.0, 50.0, 50.0, 50.0, 50.0, 50.0),
				NOW.minus(Duration.ofDays(27)), NOW, false))
			.isFalse();
	}

	@Test
	void tooFewSessionsSayNothing() {
		assertThat(StalledTargetRule.isStalled(results(50.0, 50.0, 50.0, 50.0, 50.0), FIVE_WEEKS_AGO, NOW, false))
			.isFalse();
	}

	@Test
	void aTargetNearMasteryIsNotStalled() {
		assertThat(StalledTargetRule.isStalled(results(90.0, 90.0, 90.0, 90.0, 90.0, 90.0), FIVE_WEEKS_AGO, NOW, true))
			.isFalse();
	}

}
