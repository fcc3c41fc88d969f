package org.sparktherapy.billing.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * How the clinic's schedule follows its children's insurance authorizations (ADR 0031):
 * {@code enforcement} {@link Enforcement#WARN} books beyond an authorization with
 * warnings, {@link Enforcement#BLOCK} refuses (409); {@code graceDays}: a past
 * appointment nobody completed stops counting as planned units once its day lies more
 * than this many days back.
 */
record ScheduleRules(Enforcement enforcement, int graceDays, UUID updatedBy, Instant updatedAt, int version) {

	/** The longest grace period a clinic may choose. */
	static final int MAX_GRACE_DAYS = 90;

	enum Enforcement {

		WARN, BLOCK;

		String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		static Enforcement of(String value) {
			return valueOf(value.toUpperCase(java.util.Locale.ROOT));
		}

	}

}
