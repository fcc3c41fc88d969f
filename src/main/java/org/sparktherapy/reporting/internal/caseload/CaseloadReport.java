package org.sparktherapy.reporting.internal.caseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

/**
 * A supervisor's caseload for a period: per child, what needs the supervisor's eye. How
 * each list is decided: {@link CaseloadService}.
 *
 * @param from the period's first day
 * @param to the period's last day
 * @param stalledSessions how many latest sessions a stalled target's results are compared
 * with the ones before them
 * @param probeDays after how many days without data a target in maintenance is due for a
 * probe
 * @param children the caseload's active children, by name
 */
record CaseloadReport(LocalDate from, LocalDate to, int stalledSessions, int probeDays, List<CaseloadChild> children) {

	/** One child of the caseload and its figures. */
	record CaseloadChild(UUID childId, String name,
			@Schema(description = "Submitted sessions in the period") int sessions, List<CaseloadTarget> mastered,
			List<CaseloadTarget> stalled, List<CaseloadProbe> probesDue, List<CaseloadProgramGap> programsWithoutData) {
	}

	/**
	 * A target: mastered ({@code at} when), or stalled ({@code at} when its current phase
	 * began, if known).
	 */
	record CaseloadTarget(UUID targetId, UUID programId, String programName, String name, @Nullable Instant at) {
	}

	/**
	 * A target in maintenance with no data for {@code probeDays} days: {@code lastDataAt}
	 * its latest session with data since it entered maintenance
	 * ({@code maintenanceSince}), null when none.
	 */
	record CaseloadProbe(UUID targetId, UUID programId, String programName, String name,
			@Nullable Instant maintenanceSince, @Nullable Instant lastDataAt) {
	}

	/**
	 * An active program none of whose targets has data in {@code sessionsWithoutData} of
	 * the child's {@code sessions} submitted sessions in the period.
	 */
	record CaseloadProgramGap(UUID programId, String programName, int sessions, int sessionsWithoutData) {
	}

}
