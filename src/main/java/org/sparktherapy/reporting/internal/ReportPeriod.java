package org.sparktherapy.reporting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.Nullable;

import org.sparktherapy.platform.problem.InvalidInput;

/**
 * The days a report covers, {@code from} and {@code to} both included, in the clinic's
 * time zone: every report of the module takes its period the same way ({@code from} and
 * {@code to} query parameters, ISO dates) and refuses a bad one with the same problem.
 *
 * @param from the first day
 * @param to the last day
 * @param zone the clinic's time zone, which turns days into instants
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

	/** The longest period a report reads: two years and a day (a leap year inside). */
	public static final int MAX_DAYS = 732;

	public ReportPeriod {
		if (to.isBefore(from)) {
			throw new InvalidInput("/to", "must not be before from",
					"The period ends (" + to + ") before it begins (" + from + ").");
		}
		if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
			throw new InvalidInput("/to", "must be at most " + MAX_DAYS + " days after from",
					"A report covers at most " + MAX_DAYS + " days; choose a shorter period.");
		}
	}

	/**
	 * The period a request asked for: either day left out defaults to the clinic's
	 * current calendar month ({@code from} its first day, {@code to} today), or to
	 * {@code defaultDays} days ending on {@code to} when only {@code to} is given.
	 */
	public static ReportPeriod of(@Nullable LocalDate from, @Nullable LocalDate to, Clock clock, ZoneId zone) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		LocalDate last = (to != null) ? to : today;
		LocalDate first = (from != null) ? from : last.withDayOfMonth(1);
		return new ReportPeriod(first, last, zone);
	}

	/** The first instant of the period: midnight at the start of {@code from}. */
	public Instant start() {
		return this.from.atStartOfDay(this.zone).toInstant();
	}

	/**
	 * The instant after the period: midnight at the start of the day after {@code to} (so
	 * a day with a daylight-saving change counts its 23 or 25 hours).
	 */
	public Instant end() {
		return this.to.plusDays(1).atStartOfDay(this.zone).toInstant();
	}

	/** The number of days, both ends included. */
	public long days() {
		return ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

	/** A short label for file names and titles, e.g. {@code 2026-11-01_2026-11-30}. */
	public String label() {
		return this.from + "_" + this.to;
	}

}
