package org.sparktherapy.scheduling.internal.appointments;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import org.sparktherapy.platform.problem.Problem.FieldError;

/**
 * One thing in the way of an occurrence being booked or moved, as the 409
 * {@code appointment-conflict} problem lists it in {@code conflicts} (and, for people, in
 * {@code errors}).
 *
 * @param pointer the occurrence, {@code /occurrences/{n}}
 * @param kind {@code double-booking}, {@code outside-hours} or {@code time-off}
 * @param who {@code therapist} or {@code child}: whose time is taken
 * @param appointmentId the conflicting appointment (double booking), else {@code null}
 * @param timeOffId the therapist's time off, else {@code null}
 * @param start the conflicting appointment's or time off's start; the occurrence's own
 * outside the weekly hours
 * @param end likewise
 * @param detail the conflict for people, naming the child (first name and last initial),
 * the therapist and the clinic's local date and time — never an id or a raw timestamp
 */
public record Conflict(String pointer, String kind, String who, UUID appointmentId, UUID timeOffId,
		OffsetDateTime start, OffsetDateTime end, String detail) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm", Locale.ENGLISH);

	private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

	/**
	 * Another live appointment overlaps: "Ava C. already has a session with Maya Okafor
	 * on Tue 8 Dec, 3:00–5:00 PM" when the child is taken, "Maya Okafor already has a
	 * session with Ben D. …" when the therapist is.
	 * @param other the appointment in the way, with its child as
	 * {@code Children.shortName} names it and its therapist's name
	 */
	static Conflict doubleBooking(String pointer, boolean therapistTaken, Booked other, ZoneId zone) {
		String detail = (therapistTaken ? other.therapistName() + " already has a session with " + other.childName()
				: other.childName() + " already has a session with " + other.therapistName()) + " "
				+ when(other.start(), other.end(), zone);
		return new Conflict(pointer, "double-booking", therapistTaken ? "therapist" : "child", other.id(), null,
				other.start().atZone(zone).toOffsetDateTime(), other.end().atZone(zone).toOffsetDateTime(), detail);
	}

	/** An appointment in the way, as a conflict names it. */
	record Booked(UUID id, String childName, String therapistName, Instant start, Instant end) {
	}

	/**
	 * "Maya Okafor is not available on Tue 8 Dec, 6:00–7:00 PM (outside their weekly
	 * hours)".
	 */
	static Conflict outsideHours(String pointer, String therapistName, Instant start, Instant end, ZoneId zone) {
		return new Conflict(pointer, "outside-hours", "therapist", null, null, start.atZone(zone).toOffsetDateTime(),
				end.atZone(zone).toOffsetDateTime(),
				therapistName + " is not available " + when(start, end, zone) + " (outside their weekly hours)");
	}

	/**
	 * "Maya Okafor is on time off on Tue 8 Dec, 9:00 AM–5:00 PM", or "… from Mon 7 Dec,
	 * 9:00 AM to Wed 9 Dec, 5:00 PM".
	 */
	static Conflict timeOff(String pointer, String therapistName, UUID timeOffId, Instant start, Instant end,
			ZoneId zone) {
		return new Conflict(pointer, "time-off", "therapist", null, timeOffId, start.atZone(zone).toOffsetDateTime(),
				end.atZone(zone).toOffsetDateTime(), therapistName + " is on time off " + when(start, end, zone));
	}

	/**
	 * A span of clinic time in words: "on Tue 8 Dec, 3:00–5:00 PM", "on Tue 8 Dec, 11:00
	 * AM–1:00 PM", or "from Mon 7 Dec, 9:00 AM to Wed 9 Dec, 5:00 PM" across days (a span
	 * ending at midnight stays on its day).
	 */
	public static String when(Instant start, Instant end, ZoneId zone) {
		ZonedDateTime from = start.atZone(zone);
		ZonedDateTime to = end.atZone(zone);
		boolean sameDay = from.toLocalDate().equals(to.toLocalDate())
				|| (to.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
						&& from.toLocalDate().plusDays(1).equals(to.toLocalDate()) && end.isAfter(start));
		if (!sameDay) {
			return "from " + DAY.format(from) + ", " + TIME_OF_DAY.format(from) + " to " + DAY.format(to) + ", "
					+ TIME_OF_DAY.format(to);
		}
		boolean sameHalf = from.getHour() / 12 == to.getHour() / 12 && from.toLocalDate().equals(to.toLocalDate());
		return "on " + DAY.format(from) + ", " + (sameHalf ? TIME : TIME_OF_DAY).format(from) + "–"
				+ TIME_OF_DAY.format(to);
	}

	public FieldError toFieldError() {
		return new FieldError(this.pointer, this.detail);
	}

}
