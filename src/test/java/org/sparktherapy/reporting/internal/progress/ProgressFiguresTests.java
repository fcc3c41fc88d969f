package org.sparktherapy.reporting.internal.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sparktherapy.programs.Programs;
import org.sparktherapy.programs.TargetPhase;
import org.sparktherapy.sessions.Sessions;
import org.sparktherapy.vocabulary.Measurement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's rules on hand-computed figures, in a clinic on US Eastern time whose
 * period holds the spring daylight-saving day (2026-03-08: 02:00 EST jumps to 03:00 EDT).
 */
class ProgressFiguresTests {

	static final ZoneId EASTERN = ZoneId.of("America/New_York");

	static final LocalDate START = LocalDate.of(2026, 3, 1);

	static final LocalDate END = LocalDate.of(2026, 3, 8);

	@Test
	void aPeriodIsWholeLocalDaysAcrossTheClockChange() {
		ProgressFigures.Span span = ProgressFigures.Span.of(START, END, EASTERN);
		assertThat(span.from()).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
		// the last day has 23 hours: it ends at midnight EDT
		assertThat(span.to()).isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
	}

	@Test
	void hoursDeliveredAreRealMinutesEvenOverTheClockChange() {
		// 01:30 EST to 03:30 EDT: the wall clock says two hours, one passed
		ProgressFigures figures = figures(List.of(completed("2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z"),
				completed("2026-03-02T15:00:00Z", "2026-03-02T16:45:00Z")), List.of());
		assertThat(figures.hours().deliveredMinutes()).isEqualTo(60 + 105);
	}

	@Test
	void appointmentsCountByTheirLocalDay() {
		ProgressFigures figures = figures(List.of(
				// 23:30 EDT on the period's last day: in
				appointment("no_show", "2026-03-09T03:30:00Z", null),
				// 00:30 EDT the day after: out
				appointment("no_show", "2026-03-09T04:30:00Z", null),
				// 23:30 EST the day before the period: out
				appointment("cancelled", "2026-03-01T04:30:00Z", "parent"),
				// 00:00 EST on its first day: in
				appointment("cancelled", "2026-03-01T05:00:00Z", "parent"),
				appointment("cancelled", "2026-03-03T15:00:00Z", "admin"),
				appointment("cancelled", "2026-03-03T18:00:00Z", null),
				completed("2026-03-04T15:00:00Z", "2026-03-04T16:00:00Z"),
				appointment("scheduled", "2026-03-08T20:00:00Z", null)), List.of());
		ProgressFigures.ReportAttendance attendance = figures.attendance();
		assertThat(attendance.appointments()).isEqualTo(6);
		assertThat(attendance.noShows()).isEqualTo(1);
		assertThat(attendance.cancelledByFamily()).isEqualTo(1);
		assertThat(attendance.cancelledByClinic()).isEqualTo(2);
		assertThat(attendance.completed()).isEqualTo(1);
		assertThat(attendance.open()).isEqualTo(1);
		// 1 completed of 5 due
		assertThat(attendance.rate()).isEqualTo(20.0);
	}

	@Test
	void authorizedHoursAreFifteenMinutesPerUnit() {
		ProgressFigures figures = figures(List.of(),
				List.of(new ProgressFigures.ReportAuthorization("Aetna", "A-1", "97153", 120, START.minusMonths(2),
						END),
						new ProgressFigures.ReportAuthorization("Aetna", "A-2", "97155", 13, END, END.plusMonths(6))));
		assertThat(figures.hours().authorizedMinutes()).isEqualTo(133 * 15);
	}

	@Test
	void baselineIsTheFirstThreeSessionsAndCurrentTheLastThree() {
		UUID target = UUID.randomUUID();
		List<Sessions.ProgressPoint> points = List.of(point("2026-03-02T15:00:00Z", 10.0),
				point("2026-03-03T15:00:00Z", 30.0), point("2026-03-04T15:00:00Z", 35.0),
				point("2026-03-05T15:00:00Z", null), point("2026-03-06T15:00:00Z", 70.0),
				point("2026-03-08T15:00:00Z", 90.0));
		Sessions.TargetProgress progress = new Sessions.TargetProgress(target, UUID.randomUUID(), "Receptive ID", "dog",
				Measurement.PERCENT_CORRECT, TargetPhase.MASTERED, new Programs.Criterion(80, 3, 5),
				Instant.parse("2026-03-08T18:00:00Z"), points, List.of(new Sessions.PhaseLine(TargetPhase.MASTERED,
						Instant.parse("2026-03-08T18:00:00Z"), null, true)));
		ProgressFigures figures = ProgressFigures.of(START, END, EASTERN, "Ava C.", List.of(progress), List.of(),
				List.of(), Instant.parse("2026-03-09T12:00:00Z"));
		ProgressFigures.ReportTarget dog = figures.targets().get(0);
		// (10 + 30 + 35) / 3 = 25; (35 + 70 + 90) / 3 = 65; a session without trials has
		// no value
		assertThat(dog.baseline()).isEqualTo(25.0);
		assertThat(dog.current()).isEqualTo(65.0);
		assertThat(figures.mastered()).extracting(ProgressFigures.ReportMastered::name).containsExactly("dog");
	}

	private static ProgressFigures figures(List<ProgressFigures.AppointmentFact> appointments,
			List<ProgressFigures.ReportAuthorization> authorizations) {
		return ProgressFigures.of(START, END, EASTERN, "Ava C.", List.of(), appointments, authorizations,
				Instant.parse("2026-03-09T12:00:00Z"));
	}

	private static ProgressFigures.AppointmentFact completed(String start, String end) {
		return new ProgressFigures.AppointmentFact("completed", Instant.parse(start), Instant.parse(start),
				Instant.parse(end), null);
	}

	private static ProgressFigures.AppointmentFact appointment(String status, String start, String cancelledBy) {
		return new ProgressFigures.AppointmentFact(status, Instant.parse(start), null, null, cancelledBy);
	}

	private static Sessions.ProgressPoint point(String at, Double percent) {
		return new Sessions.ProgressPoint(UUID.randomUUID(), Instant.parse(at), (percent != null) ? 10 : 0, percent,
				percent, 0, null, 0, false);
	}

}
