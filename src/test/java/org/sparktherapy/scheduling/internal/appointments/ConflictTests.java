package org.sparktherapy.scheduling.internal.appointments;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void saysASpanInTheClinicsLocalTime() {
		assertThat(
				Conflict.when(Instant.parse("2026-12-08T20:00:00Z"), Instant.parse("2026-12-08T22:00:00Z"), NEW_YORK))
			.isEqualTo("on Tue 8 Dec, 3:00–5:00 PM");
	}

	@Test
	void namesBothHalvesOfTheDayAcrossNoon() {
		assertThat(
				Conflict.when(Instant.parse("2026-07-14T15:00:00Z"), Instant.parse("2026-07-14T17:30:00Z"), NEW_YORK))
			.isEqualTo("on Tue 14 Jul, 11:00 AM–1:30 PM");
	}

	@Test
	void aSpanEndingAtMidnightStaysOnItsDay() {
		assertThat(
				Conflict.when(Instant.parse("2026-12-09T03:00:00Z"), Instant.parse("2026-12-09T05:00:00Z"), NEW_YORK))
			.isEqualTo("on Tue 8 Dec, 10:00 PM–12:00 AM");
	}

	@Test
	void aSpanOverSeveralDaysNamesBothEnds() {
		assertThat(
				Conflict.when(Instant.parse("2026-12-07T14:00:00Z"), Instant.parse("2026-12-09T22:00:00Z"), NEW_YORK))
			.isEqualTo("from Mon 7 Dec, 9:00 AM to Wed 9 Dec, 5:00 PM");
	}

	@Test
	void aDoubleBookingNamesTheOtherSideOfTheAppointment() {
		Conflict.Booked other = new Conflict.Booked(UUID.randomUUID(), "Ava C.", "Maya Okafor",
				Instant.parse("2026-12-08T20:00:00Z"), Instant.parse("2026-12-08T22:00:00Z"));

		assertThat(Conflict.doubleBooking("/occurrences/0", false, other, NEW_YORK).detail())
			.isEqualTo("Ava C. already has a session with Maya Okafor on Tue 8 Dec, 3:00–5:00 PM");
		assertThat(Conflict.doubleBooking("/occurrences/0", true, other, NEW_YORK).detail())
			.isEqualTo("Maya Okafor already has a session with Ava C. on Tue 8 Dec, 3:00–5:00 PM");
	}

}
