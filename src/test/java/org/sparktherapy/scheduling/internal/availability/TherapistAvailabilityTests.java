package org.sparktherapy.scheduling.internal.availability;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sparktherapy.scheduling.internal.availability.TherapistAvailability.Fit;

import static org.assertj.core.api.Assertions.assertThat;

class TherapistAvailabilityTests {

	static final ZoneId ZONE = ZoneId.of("America/New_York");

	/** A Monday. */
	static final String MONDAY = "2026-03-02";

	static final List<AvailabilityRepository.Block> MONDAY_AFTERNOONS = List
		.of(new AvailabilityRepository.Block(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(19, 0)));

	@Test
	void coversATimeInsideAWeeklyBlock() {
		TherapistAvailability rule = new TherapistAvailability(MONDAY_AFTERNOONS, List.of(), ZONE);

		assertThat(rule.hoursFit(at(MONDAY, "14:00"), at(MONDAY, "19:00"))).isEqualTo(Fit.WITHIN_HOURS);
		assertThat(rule.covers(at(MONDAY, "15:00"), at(MONDAY, "17:00"))).isTrue();
		assertThat(rule.plannable(at(MONDAY, "15:00"), at(MONDAY, "17:00"))).isTrue();
	}

	@Test
	void refusesATimeReachingPastTheBlockOrOnAnotherWeekday() {
		TherapistAvailability rule = new TherapistAvailability(MONDAY_AFTERNOONS, List.of(), ZONE);

		assertThat(rule.hoursFit(at(MONDAY, "18:00"), at(MONDAY, "20:00"))).isEqualTo(Fit.OUTSIDE_HOURS);
		assertThat(rule.covers(at(MONDAY, "13:30"), at(MONDAY, "15:00"))).isFalse();
		assertThat(rule.covers(at("2026-03-03", "15:00"), at("2026-03-03", "17:00"))).isFalse();
		assertThat(rule.plannable(at(MONDAY, "18:00"), at(MONDAY, "20:00"))).isFalse();
	}

	@Test
	void withoutWeeklyHoursBookingIsFreeButNothingIsPlanned() {
		TherapistAvailability rule = new TherapistAvailability(List.of(), List.of(), ZONE);

		assertThat(rule.hasWeeklyHours()).isFalse();
		assertThat(rule.hoursFit(at(MONDAY, "06:00"), at(MONDAY, "08:00"))).isEqualTo(Fit.NO_WEEKLY_HOURS);
		assertThat(rule.covers(at(MONDAY, "06:00"), at(MONDAY, "08:00"))).isTrue();
		assertThat(rule.plannable(at(MONDAY, "06:00"), at(MONDAY, "08:00"))).isFalse();
	}

	@Test
	void timeOffWinsOverWeeklyHoursAndTheirAbsence() {
		AvailabilityRepository.TimeOff dentist = new AvailabilityRepository.TimeOff(UUID.randomUUID(),
				UUID.randomUUID(), at(MONDAY, "16:00"), at(MONDAY, "17:00"), "dentist");
		TherapistAvailability withHours = new TherapistAvailability(MONDAY_AFTERNOONS, List.of(dentist), ZONE);
		TherapistAvailability withoutHours = new TherapistAvailability(List.of(), List.of(dentist), ZONE);

		assertThat(withHours.timeOffDuring(at(MONDAY, "15:00"), at(MONDAY, "16:30"))).containsExactly(dentist);
		assertThat(withHours.covers(at(MONDAY, "15:00"), at(MONDAY, "16:30"))).isFalse();
		assertThat(withHours.covers(at(MONDAY, "14:00"), at(MONDAY, "16:00"))).as("touching is not overlapping")
			.isTrue();
		assertThat(withoutHours.covers(at(MONDAY, "16:30"), at(MONDAY, "18:00"))).isFalse();
	}

	@Test
	void keepsWallClockHoursAcrossADaylightSavingChange() {
		TherapistAvailability rule = new TherapistAvailability(MONDAY_AFTERNOONS, List.of(), ZONE);

		// the Monday after clocks spring forward (2026-03-08): 14:00 local is 18:00 UTC
		assertThat(rule.covers(at("2026-03-09", "14:00"), at("2026-03-09", "16:00"))).isTrue();
		assertThat(rule.covers(at("2026-03-09", "13:00"), at("2026-03-09", "15:00"))).isFalse();
	}

	@Test
	void aBlockEndingAtMidnightTakesATimeEndingAtMidnight() {
		TherapistAvailability rule = new TherapistAvailability(
				List.of(new AvailabilityRepository.Block(DayOfWeek.MONDAY, LocalTime.of(20, 0), LocalTime.MIDNIGHT)),
				List.of(), ZONE);

		assertThat(rule.covers(at(MONDAY, "22:00"), at("2026-03-03", "00:00"))).isTrue();
		assertThat(rule.covers(at(MONDAY, "23:00"), at("2026-03-03", "00:30"))).isFalse();
	}

	private static Instant at(String day, String time) {
		return LocalDateTime.parse(day + "T" + time).atZone(ZONE).toInstant();
	}

}
