package org.sparktherapy.scheduling.internal.availability;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The one availability rule of a therapist, built from their weekly hours (clinic time)
 * and their time off; booking, proposal checks and the solver's options all ask it (ADR
 * 23).
 * <ul>
 * <li>Weekly hours: a time fits when it lies inside one block of its weekday, start and
 * end on the same day (a block ending at midnight takes a time ending at midnight). A
 * therapist <em>without</em> weekly hours has not declared any: the rule says so
 * ({@link Fit#NO_WEEKLY_HOURS}) rather than guessing.</li>
 * <li>Time off: a time touching a stretch of time off is not available, whatever the
 * weekly hours say.</li>
 * </ul>
 * What each caller does with "no weekly hours" is part of the rule, too: {@link #covers}
 * (booking) lets an admin book such a therapist at any time, as clinics adopt
 * availability gradually (ADR 7); {@link #plannable} (automatic schedules) never places a
 * session with them, because a proposal must not invent working hours (ADR 8).
 *
 * @param weeklyHours the therapist's weekly blocks, in {@code zone}
 * @param timeOff the therapist's time off around the times asked about
 */
public record TherapistAvailability(List<AvailabilityRepository.Block> weeklyHours,
		List<AvailabilityRepository.TimeOff> timeOff, ZoneId zone) {

	/** How a time relates to the therapist's weekly hours. */
	public enum Fit {

		/** inside one weekly block */
		WITHIN_HOURS,
		/** the therapist has declared no weekly hours */
		NO_WEEKLY_HOURS,
		/** the therapist has weekly hours and the time is not inside one block */
		OUTSIDE_HOURS

	}

	public TherapistAvailability {
		weeklyHours = List.copyOf(weeklyHours);
		timeOff = List.copyOf(timeOff);
	}

	public boolean hasWeeklyHours() {
		return !this.weeklyHours.isEmpty();
	}

	/** Where {@code start}–{@code end} lies against the weekly hours. */
	public Fit hoursFit(Instant start, Instant end) {
		if (this.weeklyHours.isEmpty()) {
			return Fit.NO_WEEKLY_HOURS;
		}
		ZonedDateTime localStart = start.atZone(this.zone);
		ZonedDateTime localEnd = end.atZone(this.zone);
		boolean sameDay = localStart.toLocalDate().equals(localEnd.toLocalDate());
		boolean endsAtMidnight = localEnd.toLocalDate().equals(localStart.toLocalDate().plusDays(1))
				&& localEnd.toLocalTime().equals(LocalTime.MIDNIGHT);
		boolean within = this.weeklyHours.stream()
			.anyMatch(b -> b.weekday() == localStart.getDayOfWeek() && !localStart.toLocalTime().isBefore(b.start())
					&& (sameDay ? !localEnd.toLocalTime().isAfter(b.end())
							: endsAtMidnight && b.end().equals(LocalTime.MIDNIGHT)));
		return within ? Fit.WITHIN_HOURS : Fit.OUTSIDE_HOURS;
	}

	/** The stretches of time off that {@code start}–{@code end} touches. */
	public List<AvailabilityRepository.TimeOff> timeOffDuring(Instant start, Instant end) {
		return this.timeOff.stream()
			.filter(off -> off.startsAt().isBefore(end) && off.endsAt().isAfter(start))
			.toList();
	}

	/**
	 * Whether an admin may book the therapist then without an override: not outside
	 * declared weekly hours, not on time off. No weekly hours limit nothing.
	 */
	public boolean covers(Instant start, Instant end) {
		return hoursFit(start, end) != Fit.OUTSIDE_HOURS && timeOffDuring(start, end).isEmpty();
	}

	/**
	 * Whether an automatic schedule may place a session with the therapist then: what
	 * {@link #covers} says, and inside hours the therapist declared.
	 */
	public boolean plannable(Instant start, Instant end) {
		return hoursFit(start, end) == Fit.WITHIN_HOURS && timeOffDuring(start, end).isEmpty();
	}

}
