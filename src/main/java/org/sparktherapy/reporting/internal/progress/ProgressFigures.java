package org.sparktherapy.reporting.internal.progress;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.annotation.Nullable;
import org.sparktherapy.programs.TargetPhase;
import org.sparktherapy.sessions.Sessions;
import org.sparktherapy.vocabulary.Measurement;

/**
 * The computed part of a progress report: per target the graph as on screen with its
 * baseline and current level, the targets mastered in the period, hours delivered against
 * hours authorized, and attendance. A signed report keeps these as they were at signing
 * (its snapshot); a draft computes them afresh on every read.
 *
 * <p>
 * The rules (ADR 0034): the period is whole days in the clinic's time zone, both ends
 * included. A target's level is the mean of the value the graph plots (percent correct,
 * percent independent, count, rate per hour or minutes): its <em>baseline</em> over the
 * first three sessions of the period with a value, its <em>current</em> level over the
 * last three. Hours delivered are the actual times of the appointments completed in the
 * period; hours authorized are the units × 15 minutes of every authorization whose dates
 * overlap the period. Attendance counts the appointments that start in the period.
 */
record ProgressFigures(LocalDate periodStart, LocalDate periodEnd, String childName, List<ReportTarget> targets,
		List<ReportMastered> mastered, ReportHours hours, ReportAttendance attendance, Instant computedAt) {

	/** Sessions a level is averaged over. */
	static final int LEVEL_SESSIONS = 3;

	/** Minutes per authorized unit (CPT 97151–97158 are 15-minute codes). */
	static final int MINUTES_PER_UNIT = 15;

	/** One target's graph and levels. */
	record ReportTarget(UUID targetId, UUID programId, String programName, String name, Measurement measurement,
			TargetPhase phase, @Nullable ReportCriterion criterion, @Nullable Instant masteredAt,
			@Nullable Double baseline, @Nullable Double current, List<ReportPoint> points,
			List<ReportPhaseChange> phaseChanges) {
	}

	/** The program's mastery criterion. */
	record ReportCriterion(int percent, int consecutiveSessions, int minTrials) {
	}

	/** One session's result, as the progress graph has it. */
	record ReportPoint(UUID sessionId, Instant date, int trials, @Nullable Double percentCorrect,
			@Nullable Double percentIndependent, int count, @Nullable Double ratePerHour, int durationSeconds,
			boolean meetsCriterion) {
	}

	/** A phase-change line. */
	record ReportPhaseChange(TargetPhase phase, Instant at, @Nullable ReportPerson by, boolean automatic) {
	}

	/** Someone named in the report. */
	record ReportPerson(UUID id, String name) {
	}

	/** A target mastered within the period. */
	record ReportMastered(UUID targetId, String programName, String name, Instant masteredAt) {
	}

	/** An authorization overlapping the period. */
	record ReportAuthorization(String payer, String number, String serviceCode, int units, LocalDate startsOn,
			LocalDate endsOn) {
	}

	/** Hours delivered against hours authorized. */
	record ReportHours(int deliveredMinutes, int authorizedMinutes, List<ReportAuthorization> authorizations) {
	}

	/**
	 * Appointments starting in the period by outcome. {@code rate}: completed among those
	 * that were due (completed, cancelled, no-show), in percent; null when none were due.
	 */
	record ReportAttendance(int appointments, int completed, int cancelledByFamily, int cancelledByClinic, int noShows,
			int open, @Nullable Double rate) {
	}

	/** An appointment as scheduling publishes it (appointment_facts). */
	record AppointmentFact(String status, Instant startsAt, @Nullable Instant actualStart, @Nullable Instant actualEnd,
			@Nullable String cancelledByRole) {
	}

	/** The instants a period of whole local days covers: {@code [from, to)}. */
	record Span(Instant from, Instant to) {

		static Span of(LocalDate start, LocalDate end, ZoneId zone) {
			return new Span(start.atStartOfDay(zone).toInstant(), end.plusDays(1).atStartOfDay(zone).toInstant());
		}

		boolean contains(Instant at) {
			return !at.isBefore(this.from) && at.isBefore(this.to);
		}

	}

	static ProgressFigures of(LocalDate start, LocalDate end, ZoneId zone, String childName,
			List<Sessions.TargetProgress> progress, List<AppointmentFact> appointments,
			List<ReportAuthorization> authorizations, Instant now) {
		Span span = Span.of(start, end, zone);
		List<ReportTarget> targets = progress.stream().map(ProgressFigures::target).toList();
		List<ReportMastered> mastered = targets.stream()
			.filter(t -> t.masteredAt() != null && span.contains(t.masteredAt()))
			.sorted(Comparator.comparing(ReportTarget::masteredAt))
			.map(t -> new ReportMastered(t.targetId(), t.programName(), t.name(), t.masteredAt()))
			.toList();
		return new ProgressFigures(start, end, childName, targets, mastered, hours(span, appointments, authorizations),
				attendance(span, appointments), now);
	}

	private static ReportTarget target(Sessions.TargetProgress t) {
		List<ReportPoint> points = t.points()
			.stream()
			.sorted(Comparator.comparing(Sessions.ProgressPoint::date))
			.map(p -> new ReportPoint(p.sessionId(), p.date(), p.trials(), p.percentCorrect(), p.percentIndependent(),
					p.count(), p.ratePerHour(), p.durationSeconds(), p.meetsCriterion()))
			.toList();
		List<Double> values = points.stream().map(p -> value(p, t.measurement())).filter(Objects::nonNull).toList();
		Double baseline = mean(values.subList(0, Math.min(LEVEL_SESSIONS, values.size())));
		Double current = mean(values.subList(Math.max(0, values.size() - LEVEL_SESSIONS), values.size()));
		ReportCriterion criterion = (t.criterion() != null) ? new ReportCriterion(t.criterion().percent(),
				t.criterion().consecutiveSessions(), t.criterion().minTrials()) : null;
		List<ReportPhaseChange> changes = t.phaseChanges()
			.stream()
			.map(c -> new ReportPhaseChange(c.phase(), c.at(),
					(c.by() != null) ? new ReportPerson(c.by().id(), c.by().name()) : null, c.automatic()))
			.toList();
		return new ReportTarget(t.targetId(), t.programId(), t.programName(), t.name(), t.measurement(), t.phase(),
				criterion, t.masteredAt(), baseline, current, points, changes);
	}

	/** The number the graph plots for a session, by the target's measurement. */
	static @Nullable Double value(ReportPoint point, Measurement measurement) {
		return switch (measurement) {
			case PERCENT_CORRECT -> point.percentCorrect();
			case TASK_ANALYSIS -> point.percentIndependent();
			case FREQUENCY -> (double) point.count();
			case RATE -> point.ratePerHour();
			case DURATION -> Math.round(point.durationSeconds() / 60.0 * 10) / 10.0;
		};
	}

	private static @Nullable Double mean(List<Double> values) {
		if (values.isEmpty()) {
			return null;
		}
		double sum = 0;
		for (double v : values) {
			sum += v;
		}
		return Math.round(sum / values.size() * 10) / 10.0;
	}

	private static ReportHours hours(Span span, List<AppointmentFact> appointments,
			List<ReportAuthorization> authorizations) {
		long delivered = 0;
		for (AppointmentFact a : appointments) {
			if ("completed".equals(a.status()) && a.actualStart() != null && a.actualEnd() != null
					&& span.contains(a.actualStart())) {
				delivered += Duration.between(a.actualStart(), a.actualEnd()).toSeconds();
			}
		}
		int authorized = authorizations.stream().mapToInt(a -> a.units() * MINUTES_PER_UNIT).sum();
		return new ReportHours((int) (delivered / 60), authorized, List.copyOf(authorizations));
	}

	private static ReportAttendance attendance(Span span, List<AppointmentFact> appointments) {
		int all = 0;
		int completed = 0;
		int byFamily = 0;
		int byClinic = 0;
		int noShows = 0;
		int open = 0;
		for (AppointmentFact a : appointments) {
			if (!span.contains(a.startsAt())) {
				continue;
			}
			all++;
			switch (a.status()) {
				case "completed" -> completed++;
				case "no_show" -> noShows++;
				case "cancelled" -> {
					if ("parent".equals(a.cancelledByRole())) {
						byFamily++;
					}
					else {
						byClinic++;
					}
				}
				default -> open++;
			}
		}
		int due = completed + byFamily + byClinic + noShows;
		Double rate = (due == 0) ? null : Math.round(completed * 1000.0 / due) / 10.0;
		return new ReportAttendance(all, completed, byFamily, byClinic, noShows, open, rate);
	}

}
