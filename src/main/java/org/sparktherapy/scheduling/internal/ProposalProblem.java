package org.sparktherapy.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Everything {@link ScheduleSolver} needs to propose one week, read beforehand so that solving touches no database.
 *
 * @param weekStart the Monday of the week, in the clinic's time zone
 * @param notBefore no session is proposed to start earlier (now, for the current week)
 * @param children the children to schedule, with their preferences and care teams
 * @param therapists every care-team therapist involved, with their weekly hours
 */
record ProposalProblem(LocalDate weekStart, ZoneId zone, Instant notBefore, List<ChildWeek> children,
		List<TherapistWeek> therapists) {

	/**
	 * One child's week.
	 *
	 * @param careTeam the active therapists on the child's care team
	 * @param busy the child's live appointments in the week
	 */
	record ChildWeek(SchedulePreferences preferences, List<UUID> careTeam, List<Busy> busy) {
	}

	/**
	 * One therapist's week.
	 *
	 * @param hours weekly availability; none means not available for proposals
	 * @param busy live appointments and time off in the week
	 */
	record TherapistWeek(UUID therapistId, List<SchedulePreferences.Hours> hours, List<Busy> busy) {
	}

	/** A stretch of time already taken. */
	record Busy(Instant start, Instant end) {

		boolean overlaps(Instant otherStart, Instant otherEnd) {
			return this.start.isBefore(otherEnd) && otherStart.isBefore(this.end);
		}

	}

}
