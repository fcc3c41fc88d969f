package org.sparktherapy.billing.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic of units, status and alerts, at their edges. */
class AuthorizationTests {

	static final LocalDate START = LocalDate.of(2027, 1, 1);

	static final LocalDate END = LocalDate.of(2027, 6, 30);

	@Test
	void minutesBecomeUnitsByTheEightMinuteRule() {
		assertThat(Authorization.units(0)).isZero();
		assertThat(Authorization.units(7)).isZero();
		assertThat(Authorization.units(8)).isEqualTo(1);
		assertThat(Authorization.units(22)).isEqualTo(1);
		assertThat(Authorization.units(23)).isEqualTo(2);
		assertThat(Authorization.units(60)).isEqualTo(4);
		assertThat(Authorization.units(120)).isEqualTo(8);
	}

	@Test
	void statusFollowsTheClinicsTodayWithBothEndDaysIncluded() {
		Authorization a = authorization(100, 0, 0);

		assertThat(a.status(START.minusDays(1))).isEqualTo(Authorization.Status.UPCOMING);
		assertThat(a.status(START)).isEqualTo(Authorization.Status.ACTIVE);
		assertThat(a.status(END)).isEqualTo(Authorization.Status.ACTIVE);
		assertThat(a.status(END.plusDays(1))).isEqualTo(Authorization.Status.EXPIRED);
	}

	@Test
	void alertsCountUsedAndScheduledUnitsTheMostPressingFirst() {
		LocalDate midway = START.plusDays(10);

		assertThat(authorization(100, 50, 29).alert(midway)).isNull();
		assertThat(authorization(100, 50, 30).alert(midway)).isEqualTo(Authorization.Alert.RUNNING_OUT);
		assertThat(authorization(100, 100, 0).alert(midway)).isEqualTo(Authorization.Alert.RUNNING_OUT);
		assertThat(authorization(100, 90, 11).alert(midway)).isEqualTo(Authorization.Alert.OVER);
		assertThat(authorization(100, 0, 0).alert(END.minusDays(30))).isEqualTo(Authorization.Alert.EXPIRING);
		assertThat(authorization(100, 0, 0).alert(END.minusDays(31))).isNull();
		assertThat(authorization(100, 95, 0).alert(END.minusDays(5))).isEqualTo(Authorization.Alert.RUNNING_OUT);
		assertThat(authorization(100, 120, 0).alert(END.plusDays(1))).as("expired: nothing to act on").isNull();
		assertThat(authorization(100, 90, 11).unitsRemaining()).isEqualTo(-1);
	}

	private static Authorization authorization(int authorized, long used, long scheduled) {
		return new Authorization(UUID.randomUUID(), UUID.randomUUID(), "Sam Lee", "Aetna", null, "A-1", "97153",
				authorized, START, END, null, used, scheduled, 0);
	}

}
