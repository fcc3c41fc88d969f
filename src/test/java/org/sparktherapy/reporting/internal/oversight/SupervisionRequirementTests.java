package org.sparktherapy.reporting.internal.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sparktherapy.reporting.internal.oversight.SupervisionRequirement.LoggedContact;
import org.sparktherapy.reporting.internal.oversight.SupervisionRequirement.Observation;
import org.sparktherapy.reporting.internal.oversight.SupervisionRequirement.Shortfall;
import org.sparktherapy.reporting.internal.oversight.SupervisionRequirement.Span;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisionRequirementTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static Span span(String start, String end) {
		return new Span(Instant.parse(start), Instant.parse(end));
	}

	@Test
	void aSessionOverTheNightTheClocksGoBackCountsItsRealMinutes() {
		// 1 Nov 2026, 00:30 EDT to 03:30 EST: three hours on the wall clock, four in fact
		Span night = span("2026-11-01T04:30:00Z", "2026-11-01T08:30:00Z");
		// 31 Oct 23:30 EDT: October's, although 1 Nov in UTC
		Span halloween = span("2026-11-01T03:30:00Z", "2026-11-01T04:00:00Z");
		SupervisionRequirement.Month november = SupervisionRequirement.measure(YearMonth.of(2026, 11), NEW_YORK,
				List.of(night, halloween), List.of(), List.of());
		SupervisionRequirement.Month october = SupervisionRequirement.measure(YearMonth.of(2026, 10), NEW_YORK,
				List.of(night, halloween), List.of(), List.of());

		assertThat(november.serviceMinutes()).isEqualTo(240);
		assertThat(october.serviceMinutes()).isEqualTo(30);
	}

	@Test
	void twelveMinutesOfFourHoursIsTheFivePercent() {
		Span service = span("2026-11-02T14:00:00Z", "2026-11-02T18:00:00Z");
		Observation observed = new Observation(UUID.randomUUID(), UUID.randomUUID(),
				span("2026-11-02T15:00:00Z", "2026-11-02T15:12:00Z"));
		LoggedContact group = new LoggedContact(LocalDate.of(2026, 11, 20), 1, false, false);

		SupervisionRequirement.Month atFive = SupervisionRequirement.measure(YearMonth.of(2026, 11), NEW_YORK,
				List.of(service), List.of(observed), List.of());
		assertThat(atFive.supervisedMinutes()).isEqualTo(12);
		assertThat(atFive.shortfalls()).containsExactly(Shortfall.CONTACTS);

		SupervisionRequirement.Month withGroup = SupervisionRequirement.measure(YearMonth.of(2026, 11), NEW_YORK,
				List.of(service), List.of(observed), List.of(group));
		assertThat(withGroup.met()).isTrue();
		assertThat(withGroup.sharePercent()).isCloseTo(5.4167, org.assertj.core.data.Offset.offset(0.001));

		Observation less = new Observation(UUID.randomUUID(), UUID.randomUUID(),
				span("2026-11-02T15:00:00Z", "2026-11-02T15:10:00Z"));
		assertThat(SupervisionRequirement
			.measure(YearMonth.of(2026, 11), NEW_YORK, List.of(service), List.of(less), List.of(group))
			.shortfalls()).containsExactly(Shortfall.SHARE);
	}

	@Test
	void overlapsThatOverlapEachOtherCountTheirTimeOnce() {
		assertThat(SupervisionRequirement.unionMinutes(List.of(span("2026-11-02T15:00:00Z", "2026-11-02T16:00:00Z"),
				span("2026-11-02T15:30:00Z", "2026-11-02T16:30:00Z"),
				span("2026-11-02T15:40:00Z", "2026-11-02T15:50:00Z"),
				span("2026-11-02T17:00:00Z", "2026-11-02T17:15:00Z"))))
			.isEqualTo(105);
	}

	@Test
	void aMonthWithoutServiceHasNoRequirement() {
		SupervisionRequirement.Month idle = SupervisionRequirement.measure(YearMonth.of(2026, 11), NEW_YORK, List.of(),
				List.of(), List.of());
		assertThat(idle.met()).isTrue();
		assertThat(idle.sharePercent()).isZero();
	}

	@Test
	void aGroupMeetingWithoutAChildLeavesTheIndividualAndObservationRulesOpen() {
		Span service = span("2026-11-02T14:00:00Z", "2026-11-02T15:00:00Z");
		List<LoggedContact> groups = List.of(new LoggedContact(LocalDate.of(2026, 11, 3), 30, false, false),
				new LoggedContact(LocalDate.of(2026, 11, 4), 30, false, false));
		assertThat(SupervisionRequirement.measure(YearMonth.of(2026, 11), NEW_YORK, List.of(service), List.of(), groups)
			.shortfalls()).containsExactly(Shortfall.INDIVIDUAL, Shortfall.WITH_CHILD);
	}

}
