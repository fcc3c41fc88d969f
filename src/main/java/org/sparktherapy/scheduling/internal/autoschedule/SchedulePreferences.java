package org.sparktherapy.scheduling.internal.autoschedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.sparktherapy.vocabulary.ServiceCode;

/**
 * When a child can have sessions and how many hours a week each service is prescribed —
 * what automatic scheduling ({@link ScheduleSolver}) places. A child without stored
 * preferences has none of either.
 *
 * @param availableHours weekly blocks in the clinic's time zone; blocks of one weekday
 * never overlap
 * @param prescribedWeeklyHours whole hours per week for each adaptive behavior service
 * (CPT 97151–97158)
 * @param preferredPlace where sessions take place ({@code home}, {@code clinic}…),
 * {@code null} for the clinic
 */
public record SchedulePreferences(UUID childId, List<Hours> availableHours, List<Prescription> prescribedWeeklyHours,
		String preferredPlace, int version) {

	/** Where sessions happen unless the child prefers another place. */
	static final String DEFAULT_PLACE = "clinic";

	/** Most hours of one service in a week. */
	static final int MAX_WEEKLY_HOURS = 40;

	/** A weekly block of wall-clock time in the clinic's time zone. */
	public record Hours(DayOfWeek weekday, LocalTime start, LocalTime end) {

		boolean overlaps(Hours other) {
			return this.weekday == other.weekday && this.start.isBefore(other.end) && other.start.isBefore(this.end);
		}

	}

	/** Whole hours a week of one service. */
	public record Prescription(@Schema(implementation = ServiceCode.class) String serviceCode, int hours) {
	}

	static SchedulePreferences none(UUID childId) {
		return new SchedulePreferences(childId, List.of(), List.of(), null, 0);
	}

	String place() {
		return (this.preferredPlace != null) ? this.preferredPlace : DEFAULT_PLACE;
	}

}
