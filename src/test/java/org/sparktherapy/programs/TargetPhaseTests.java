package org.sparktherapy.programs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TargetPhaseTests {

	@Test
	void aTargetIsTaughtBeforeItIsMastered() {
		assertThat(TargetPhase.BASELINE.canMoveTo(TargetPhase.INTERVENTION)).isTrue();
		assertThat(TargetPhase.BASELINE.canMoveTo(TargetPhase.MASTERED)).isFalse();
		assertThat(TargetPhase.INTERVENTION.canMoveTo(TargetPhase.MASTERED)).isTrue();
	}

	@Test
	void maintenanceFollowsMasteryAndRegressionReturnsToIntervention() {
		assertThat(TargetPhase.MASTERED.canMoveTo(TargetPhase.MAINTENANCE)).isTrue();
		assertThat(TargetPhase.BASELINE.canMoveTo(TargetPhase.MAINTENANCE)).isFalse();
		assertThat(TargetPhase.MAINTENANCE.canMoveTo(TargetPhase.INTERVENTION)).isTrue();
	}

	@Test
	void discontinuedIsFinalAndNoPhaseMovesToItself() {
		assertThat(TargetPhase.DISCONTINUED.next()).isEmpty();
		for (TargetPhase phase : TargetPhase.values()) {
			assertThat(phase.canMoveTo(phase)).as(phase.value()).isFalse();
		}
	}

	@Test
	void phasesAreWrittenInLowerCase() {
		assertThat(TargetPhase.ON_HOLD.value()).isEqualTo("on_hold");
		assertThat(TargetPhase.of("on_hold")).isEqualTo(TargetPhase.ON_HOLD);
		assertThatIllegalArgumentException().isThrownBy(() -> TargetPhase.of("ON_HOLD"));
	}

}
