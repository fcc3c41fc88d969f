package org.sparktherapy.billing.internal;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An insurance authorization with its usage: the units of completed appointments of the
 * child and service code within its dates ({@code unitsUsed}) and of those still
 * scheduled or checked in ({@code unitsScheduled}). One unit is 15 minutes; a session's
 * minutes become units by the CPT time rule — a unit counts once more than half of it, 8
 * minutes, is delivered ({@link #units(long)}, and {@link #UNITS_SQL} for the database).
 */
record Authorization(UUID id, UUID childId, String childName, String payer, String memberId, String authorizationNumber,
		String serviceCode, int unitsAuthorized, LocalDate startDate, LocalDate endDate, String notes, long unitsUsed,
		long unitsScheduled, int version) {

	/** Used and planned at or above this share of the authorized units: running out. */
	static final int RUNNING_OUT_PERCENT = 80;

	/** An active authorization ending within this many days: ending soon. */
	static final int EXPIRING_DAYS = 30;

	/**
	 * The units a session of {@code minutes} bills: whole 15-minute units, a remainder of
	 * 8 minutes or more counts.
	 */
	static long units(long minutes) {
		return org.sparktherapy.scheduling.PayerRules.units(minutes);
	}

	/**
	 * {@link #units(long)} of an appointment {@code p} as booked, in SQL (integer
	 * division, as in Java).
	 */
	static final String UNITS_SQL = "((extract(epoch from (p.ends_at - p.starts_at))::bigint / 60 + 7) / 15)";

	/**
	 * {@link #units(long)} of a completed appointment {@code p}: from when it actually
	 * began and ended (as booked for those completed before actual times were kept).
	 */
	static final String ACTUAL_UNITS_SQL = "((extract(epoch from (coalesce(p.actual_end, p.ends_at) "
			+ "- coalesce(p.actual_start, p.starts_at)))::bigint / 60 + 7) / 15)";

	/** The terms an admin wrote, for the change history. */
	Terms terms() {
		return new Terms(this.payer, this.memberId, this.authorizationNumber, this.serviceCode, this.unitsAuthorized,
				this.startDate, this.endDate, this.notes);
	}

	long unitsRemaining() {
		return this.unitsAuthorized - this.unitsUsed - this.unitsScheduled;
	}

	/** Where the authorization stands on the clinic's {@code today}. */
	Status status(LocalDate today) {
		if (today.isBefore(this.startDate)) {
			return Status.UPCOMING;
		}
		return today.isAfter(this.endDate) ? Status.EXPIRED : Status.ACTIVE;
	}

	/**
	 * What needs the clinic's attention, the most pressing first; {@code null} when
	 * nothing does (or it expired).
	 */
	Alert alert(LocalDate today) {
		if (status(today) == Status.EXPIRED) {
			return null;
		}
		long committed = this.unitsUsed + this.unitsScheduled;
		if (committed > this.unitsAuthorized) {
			return Alert.OVER;
		}
		if (committed * 100 >= (long) this.unitsAuthorized * RUNNING_OUT_PERCENT) {
			return Alert.RUNNING_OUT;
		}
		if (status(today) == Status.ACTIVE && !this.endDate.isAfter(today.plusDays(EXPIRING_DAYS))) {
			return Alert.EXPIRING;
		}
		return null;
	}

	enum Status {

		UPCOMING, ACTIVE, EXPIRED

	}

	enum Alert {

		OVER, RUNNING_OUT, EXPIRING

	}

	/** What an admin writes: everything but the usage, which the schedule decides. */
	record Terms(String payer, String memberId, String authorizationNumber, String serviceCode, int unitsAuthorized,
			LocalDate startDate, LocalDate endDate, String notes) {
	}

}
