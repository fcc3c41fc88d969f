package org.sparktherapy.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * An automatic schedule for one week: the sessions placed and the prescribed hours that could not be, with why. A
 * draft until an admin accepts it, which books every placed session as an appointment, all or nothing.
 *
 * @param score the solver's score, {@code hard/medium/soft}: hard 0 means nobody double-booked, medium counts the
 * hours left unplaced, soft the continuity, travel and spread penalties (of the solver's week, before any adjustment)
 * @param version counts the admins' adjustments of the draft
 */
record Proposal(UUID id, LocalDate weekStart, String score, Status status, List<Placed> placed,
		List<Unplaced> unplaced, Instant createdAt, int version) {

	/** A session placed: who, with whom, what, where and when; the appointment once accepted. */
	record Placed(UUID id, UUID childId, UUID therapistId, String serviceCode, String place, Instant start, Instant end,
			UUID appointmentId) {
	}

	/** Prescribed hours that found no place, and why. */
	record Unplaced(UUID childId, String serviceCode, int minutes, String reason) {

		/** The time in hours, exact to the minute: {@code 4}, {@code 1.5}, {@code 0.75}. */
		java.math.BigDecimal hours() {
			java.math.BigDecimal hours = java.math.BigDecimal.valueOf(this.minutes)
				.divide(java.math.BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP);
			return (this.minutes % 60 == 0) ? hours.setScale(0) : hours.stripTrailingZeros();
		}

	}

	enum Status {

		DRAFT, ACCEPTED;

		@com.fasterxml.jackson.annotation.JsonValue
		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Status of(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}

	}

	/** Every child the proposal places or leaves unplaced. */
	Set<UUID> children() {
		Set<UUID> children = new LinkedHashSet<>();
		this.placed.forEach(p -> children.add(p.childId()));
		this.unplaced.forEach(u -> children.add(u.childId()));
		return children;
	}

}
