package org.sparktherapy.scheduling.internal.autoschedule;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnplacedHoursTests {

	private static BigDecimal hours(int minutes) {
		return new Proposal.Unplaced(UUID.randomUUID(), "97153", minutes, "why").hours();
	}

	@Test
	void wholeHoursHaveNoFractionAndPartsOfAnHourKeepTheirMinutes() {
		assertThat(hours(240).toPlainString()).isEqualTo("4");
		assertThat(hours(90).toPlainString()).isEqualTo("1.5");
		assertThat(hours(45).toPlainString()).isEqualTo("0.75");
		assertThat(hours(20).toPlainString()).isEqualTo("0.33");
	}

}
