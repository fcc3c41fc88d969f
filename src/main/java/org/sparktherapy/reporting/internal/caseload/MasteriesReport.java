package org.sparktherapy.reporting.internal.caseload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Targets mastered over a period, per month and one row each (ADR 0036). How the children
 * are chosen and what counts: {@link MasteriesService}.
 *
 * @param from the period's first day
 * @param to the period's last day
 * @param total masteries in the period
 * @param months every month the period touches, oldest first, zero included
 * @param rows each mastery, oldest first
 */
record MasteriesReport(LocalDate from, LocalDate to, int total, List<MonthCount> months, List<Mastery> rows) {

	/** Masteries in one month (clinic time) of the period. */
	record MonthCount(@Schema(description = "The month, YYYY-MM", example = "2026-11") String month, int mastered) {
	}

	/** A target's move to mastered. */
	record Mastery(UUID childId, String childName, UUID programId, String programName, UUID targetId, String targetName,
			@Schema(description = "The day, clinic time") LocalDate masteredOn, Instant masteredAt) {
	}

}
