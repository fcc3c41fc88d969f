package org.sparktherapy.scheduling.internal.appointments;

import org.sparktherapy.scheduling.internal.SchedulingProblems;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.sparktherapy.platform.SparkProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * When attendance may be recorded, so the schedule follows the clock: check-in (and
 * starting to record the session) opens {@code spark.scheduling.check-in-opens-before}
 * before the start (30 minutes by default); a no-show and a completion only once the
 * appointment has started. A completion's actual times lie between the opening of
 * check-in and now. An admin may override these with a reason, recorded in the child's
 * change history.
 */
@Component
class AttendanceRule {

	/** How far ahead a tablet's clock may be. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	/**
	 * {@code spark.scheduling.check-in-opens-before}: how long before its start an
	 * appointment can be checked in.
	 */
	@ConfigurationProperties("spark.scheduling")
	record Properties(@DefaultValue("30m") Duration checkInOpensBefore) {
	}

	/** What is recorded. */
	enum Step {

		CHECK_IN("checked in"), RECORD("recorded"), NO_SHOW("marked a no-show"), COMPLETE("completed");

		final String done;

		Step(String done) {
			this.done = done;
		}

	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, h:mm a", Locale.US);

	private final Duration checkInOpensBefore;

	private final ZoneId zone;

	AttendanceRule(Properties properties, SparkProperties spark) {
		this.checkInOpensBefore = properties.checkInOpensBefore();
		this.zone = spark.clinicTimeZone();
	}

	/** When the appointment may first be checked in. */
	Instant checkInOpens(Appointment appointment) {
		return appointment.startsAt().minus(this.checkInOpensBefore);
	}

	/** When {@code step} becomes possible for the appointment. */
	Instant opens(Step step, Appointment appointment) {
		return switch (step) {
			case CHECK_IN, RECORD -> checkInOpens(appointment);
			case NO_SHOW, COMPLETE -> appointment.startsAt();
		};
	}

	/** Refuses (409) a step taken before its time. */
	void check(Step step, Appointment appointment, Instant now) {
		Instant opens = opens(step, appointment);
		if (now.isBefore(opens)) {
			String when = switch (step) {
				case CHECK_IN, RECORD -> this.checkInOpensBefore.toMinutes() + " minutes before it starts, at ";
				case NO_SHOW, COMPLETE -> "once it has started, at ";
			};
			throw new SchedulingProblems.AppointmentTooEarly(
					"This appointment can be " + step.done + " only " + when + local(opens) + " (clinic time).", opens);
		}
	}

	/**
	 * The actual times of a completion: those asked for, else the session's as recorded,
	 * else the scheduled start and the scheduled end or now, whichever is earlier.
	 * Asked-for times must end after they start, within 24 hours, and — unless an admin
	 * overrides — lie between the opening of check-in and now; the session's are kept
	 * within those bounds.
	 */
	Appointment.Actual actualTimes(Appointment appointment, Instant askedStart, Instant askedEnd,
			Appointment.Actual session, Instant now, boolean override) {
		Instant earliest = checkInOpens(appointment);
		Instant latest = now.plus(CLOCK_SKEW);
		Instant start;
		if (askedStart != null) {
			start = askedStart;
		}
		else if (session != null && session.start() != null) {
			start = override ? session.start() : max(session.start(), earliest);
		}
		else {
			start = appointment.startsAt();
		}
		Instant end;
		if (askedEnd != null) {
			end = askedEnd;
		}
		else if (session != null && session.end() != null) {
			end = override ? session.end() : min(session.end(), now);
		}
		else {
			end = override ? appointment.endsAt() : min(appointment.endsAt(), now);
		}
		if (!override && askedStart != null && askedStart.isBefore(earliest)) {
			throw new SchedulingProblems.InvalidAppointment("/actualStart",
					"lies before check-in opened (" + local(earliest) + ")");
		}
		if (!override && askedEnd != null && askedEnd.isAfter(latest)) {
			throw new SchedulingProblems.InvalidAppointment("/actualEnd", "lies in the future");
		}
		if (!end.isAfter(start)) {
			throw new SchedulingProblems.InvalidAppointment("/actualEnd",
					"must be after the actual start (" + local(start) + ")");
		}
		if (Duration.between(start, end).compareTo(Duration.ofHours(24)) >= 0) {
			throw new SchedulingProblems.InvalidAppointment("/actualEnd", "a session lasts less than 24 hours");
		}
		return new Appointment.Actual(start, end);
	}

	private String local(Instant at) {
		return TIME.format(at.atZone(this.zone));
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
