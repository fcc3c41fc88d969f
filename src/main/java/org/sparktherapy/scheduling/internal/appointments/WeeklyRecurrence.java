package org.sparktherapy.scheduling.internal.appointments;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * A weekly RFC 5545 recurrence rule ({@code FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10} or
 * {@code …;UNTIL=20270601T000000Z}, optionally {@code INTERVAL} and {@code WKST})
 * expanded in a time zone: each occurrence keeps the first one's wall-clock time, so
 * 15:00 stays 15:00 across a daylight-saving change. Parsing and expansion are
 * lib-recur's; this class only narrows the rule to what the clinic schedules and caps the
 * series.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5545#section-3.3.10">RFC 5545, 3.3.10
 * Recurrence Rule</a>
 */
final class WeeklyRecurrence {

	/** The most occurrences one series may have. */
	static final int MAX_OCCURRENCES = 200;

	/**
	 * The rule is not one the clinic can schedule; {@code detail} says why, for people.
	 */
	static final class Unusable extends RuntimeException {

		Unusable(String detail) {
			super(detail, null, false, false);
		}

	}

	private final RecurrenceRule rule;

	private final String text;

	private WeeklyRecurrence(RecurrenceRule rule, String text) {
		this.rule = rule;
		this.text = text;
	}

	/** Parses and checks the rule: weekly, on named days, ending by a count or a date. */
	static WeeklyRecurrence parse(String text) {
		RecurrenceRule rule;
		try {
			rule = new RecurrenceRule(text.trim(), RecurrenceRule.RfcMode.RFC5545_STRICT);
		}
		catch (InvalidRecurrenceRuleException | IllegalArgumentException ex) {
			throw new Unusable("is not a valid RFC 5545 recurrence rule");
		}
		if (rule.getFreq() != Freq.WEEKLY) {
			throw new Unusable("must repeat weekly (FREQ=WEEKLY)");
		}
		// Part is read only once RecurrenceRule is initialized: lib-recur's class
		// initialization fails the other way
		Set<RecurrenceRule.Part> allowed = EnumSet.of(RecurrenceRule.Part.FREQ, RecurrenceRule.Part.INTERVAL,
				RecurrenceRule.Part.BYDAY, RecurrenceRule.Part.COUNT, RecurrenceRule.Part.UNTIL,
				RecurrenceRule.Part.WKST);
		for (RecurrenceRule.Part part : RecurrenceRule.Part.values()) {
			if (rule.hasPart(part) && !allowed.contains(part)) {
				throw new Unusable("may only use FREQ, INTERVAL, BYDAY, COUNT, UNTIL and WKST, not " + part.name());
			}
		}
		if (!rule.hasPart(RecurrenceRule.Part.BYDAY) || rule.getByDayPart().isEmpty()
				|| rule.getByDayPart().stream().anyMatch(day -> day.pos != 0)) {
			throw new Unusable("must name the weekdays (BYDAY=MO,WE)");
		}
		if (rule.isInfinite()) {
			throw new Unusable("must end: give COUNT or UNTIL (a recurrence without an end cannot be booked)");
		}
		if (rule.getCount() != null && (rule.getCount() < 1 || rule.getCount() > MAX_OCCURRENCES)) {
			throw new Unusable("COUNT must be from 1 to " + MAX_OCCURRENCES);
		}
		return new WeeklyRecurrence(rule, rule.toString());
	}

	/** The rule as stored and shown. */
	String text() {
		return this.text;
	}

	/**
	 * An occurrence moved by a wall-clock shift in {@code zone}: moving a 15:00
	 * occurrence by +60 minutes gives 16:00 on its day whatever the daylight-saving
	 * offset of that day.
	 */
	static Instant shift(Instant occurrence, long minutes, ZoneId zone) {
		return occurrence.atZone(zone).toLocalDateTime().plusMinutes(minutes).atZone(zone).toInstant();
	}

	/**
	 * The rule of the part of a series that moved: its weekdays shifted by {@code days}
	 * (an occurrence moved from Monday to Tuesday moves them all), ending after
	 * {@code count} occurrences.
	 */
	WeeklyRecurrence moved(int days, int count) {
		RecurrenceRule copy;
		try {
			copy = new RecurrenceRule(this.text, RecurrenceRule.RfcMode.RFC5545_STRICT);
		}
		catch (InvalidRecurrenceRuleException ex) {
			throw new IllegalStateException(ex);
		}
		copy.setByDayPart(this.rule.getByDayPart()
			.stream()
			.map(day -> new RecurrenceRule.WeekdayNum(0,
					org.dmfs.rfc5545.Weekday.valueOf(isoDay(day.weekday).plus(days).name().substring(0, 2))))
			.toList());
		copy.setCount(count);
		return new WeeklyRecurrence(copy, copy.toString());
	}

	/** The weekdays the rule names. */
	Set<DayOfWeek> days() {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		this.rule.getByDayPart().forEach(day -> days.add(isoDay(day.weekday)));
		return days;
	}

	/**
	 * The start of every occurrence, the first being {@code first} itself, in order.
	 * Wall-clock times are kept in {@code zone}; a time that does not exist on a
	 * spring-forward day moves forward by the gap.
	 */
	List<Instant> expand(ZonedDateTime first, ZoneId zone) {
		ZonedDateTime local = first.withZoneSameInstant(zone);
		if (!days().contains(local.getDayOfWeek())) {
			throw new Unusable("must include the weekday of the first appointment");
		}
		LocalDateTime wall = local.toLocalDateTime();
		DateTime start = new DateTime(TimeZone.getTimeZone(zone), wall.getYear(), wall.getMonthValue() - 1,
				wall.getDayOfMonth(), wall.getHour(), wall.getMinute(), wall.getSecond());
		RecurrenceRuleIterator iterator = this.rule.iterator(start);
		List<Instant> starts = new ArrayList<>();
		while (iterator.hasNext()) {
			DateTime next = iterator.nextDateTime();
			if (starts.size() == MAX_OCCURRENCES) {
				throw new Unusable("gives more than " + MAX_OCCURRENCES + " occurrences; end it sooner");
			}
			LocalDateTime at = LocalDateTime.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth(),
					next.getHours(), next.getMinutes(), next.getSeconds());
			starts.add(at.atZone(zone).toInstant());
		}
		if (starts.isEmpty()) {
			throw new Unusable("gives no occurrence: UNTIL lies before the first appointment");
		}
		return starts;
	}

	private static DayOfWeek isoDay(org.dmfs.rfc5545.Weekday day) {
		return switch (day) {
			case MO -> DayOfWeek.MONDAY;
			case TU -> DayOfWeek.TUESDAY;
			case WE -> DayOfWeek.WEDNESDAY;
			case TH -> DayOfWeek.THURSDAY;
			case FR -> DayOfWeek.FRIDAY;
			case SA -> DayOfWeek.SATURDAY;
			case SU -> DayOfWeek.SUNDAY;
		};
	}

}
