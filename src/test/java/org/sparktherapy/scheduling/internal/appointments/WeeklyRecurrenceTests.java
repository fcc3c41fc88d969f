package org.sparktherapy.scheduling.internal.appointments;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeeklyRecurrenceTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void keepsTheWallClockTimeAcrossTheSpringDaylightSavingChange() {
		// 2027-03-14 is the US spring-forward Sunday: EST (-05:00) before, EDT (-04:00)
		// after
		ZonedDateTime first = ZonedDateTime.parse("2027-03-08T15:00:00-05:00[America/New_York]");

		List<Instant> starts = WeeklyRecurrence.parse("FREQ=WEEKLY;BYDAY=MO;COUNT=3").expand(first, NEW_YORK);

		assertThat(starts).containsExactly(Instant.parse("2027-03-08T20:00:00Z"), Instant.parse("2027-03-15T19:00:00Z"),
				Instant.parse("2027-03-22T19:00:00Z"));
		assertThat(starts).allSatisfy(start -> assertThat(start.atZone(NEW_YORK).getHour()).isEqualTo(15));
	}

	@Test
	void keepsTheWallClockTimeAcrossTheAutumnChangeWithAnUntilDate() {
		ZonedDateTime first = ZonedDateTime.parse("2027-10-26T09:30:00-04:00[America/New_York]");

		List<Instant> starts = WeeklyRecurrence.parse("FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20271105T000000Z")
			.expand(first, NEW_YORK);

		assertThat(starts).hasSize(4);
		assertThat(starts.getLast()).isEqualTo(Instant.parse("2027-11-04T13:30:00Z"));
		assertThat(starts)
			.allSatisfy(start -> assertThat(start.atZone(NEW_YORK).toLocalTime().toString()).isEqualTo("09:30"));
	}

	@Test
	void expandsSeveralDaysAWeekInOrder() {
		ZonedDateTime first = ZonedDateTime.parse("2027-03-08T15:00:00Z[UTC]");

		List<Instant> starts = WeeklyRecurrence.parse("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4")
			.expand(first, ZoneId.of("UTC"));

		assertThat(starts).containsExactly(Instant.parse("2027-03-08T15:00:00Z"), Instant.parse("2027-03-10T15:00:00Z"),
				Instant.parse("2027-03-15T15:00:00Z"), Instant.parse("2027-03-17T15:00:00Z"));
	}

	@Test
	void aMoveShiftsTheWallClockTimeAcrossTheDaylightSavingChange() {
		// 15:00 EST before the 2027-03-14 change, 15:00 EDT after: one hour later is
		// 16:00 on both days
		Instant before = Instant.parse("2027-03-08T20:00:00Z");
		Instant after = Instant.parse("2027-03-15T19:00:00Z");

		assertThat(WeeklyRecurrence.shift(before, 60, NEW_YORK)).isEqualTo(Instant.parse("2027-03-08T21:00:00Z"));
		assertThat(WeeklyRecurrence.shift(after, 60, NEW_YORK)).isEqualTo(Instant.parse("2027-03-15T20:00:00Z"));
	}

	@Test
	void theMovedPartOfASeriesFollowsItsNewWeekdays() {
		WeeklyRecurrence moved = WeeklyRecurrence.parse("FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270601T000000Z").moved(1, 5);

		assertThat(moved.text()).contains("BYDAY=TU,TH").contains("COUNT=5").doesNotContain("UNTIL");
		assertThat(moved.expand(ZonedDateTime.parse("2027-03-09T15:00:00Z[UTC]"), ZoneId.of("UTC"))).hasSize(5);
	}

	@Test
	void refusesARecurrenceWithoutAnEnd() {
		assertThatThrownBy(() -> WeeklyRecurrence.parse("FREQ=WEEKLY;BYDAY=MO"))
			.isInstanceOf(WeeklyRecurrence.Unusable.class)
			.hasMessageContaining("COUNT or UNTIL");
	}

	@Test
	void refusesRulesThatAreNotWeeklyOnNamedDays() {
		assertThatThrownBy(() -> WeeklyRecurrence.parse("FREQ=DAILY;COUNT=3")).hasMessageContaining("weekly");
		assertThatThrownBy(() -> WeeklyRecurrence.parse("FREQ=WEEKLY;COUNT=3")).hasMessageContaining("BYDAY");
		assertThatThrownBy(() -> WeeklyRecurrence.parse("FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;COUNT=3"))
			.hasMessageContaining("BYHOUR");
		assertThatThrownBy(() -> WeeklyRecurrence.parse("not a rule")).hasMessageContaining("RFC 5545");
	}

	@Test
	void capsASeries() {
		assertThatThrownBy(() -> WeeklyRecurrence.parse("FREQ=WEEKLY;BYDAY=MO;COUNT=201")).hasMessageContaining("200");
		ZonedDateTime first = ZonedDateTime.parse("2027-03-08T15:00:00Z[UTC]");
		assertThatThrownBy(() -> WeeklyRecurrence.parse("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20300101T000000Z")
			.expand(first, ZoneId.of("UTC"))).hasMessageContaining("more than 200");
	}

	@Test
	void refusesAFirstAppointmentOnAnotherWeekday() {
		ZonedDateTime tuesday = ZonedDateTime.parse("2027-03-09T15:00:00Z[UTC]");

		assertThatThrownBy(
				() -> WeeklyRecurrence.parse("FREQ=WEEKLY;BYDAY=MO;COUNT=3").expand(tuesday, ZoneId.of("UTC")))
			.hasMessageContaining("weekday of the first appointment");
	}

}
