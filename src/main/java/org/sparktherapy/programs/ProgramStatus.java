package org.sparktherapy.programs;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether a program is being taught: active, paused (on hold) or archived (kept, no
 * longer taught). Sessions record data only for targets of active programs. Lower case at
 * the API and in the database.
 */
public enum ProgramStatus {

	ACTIVE, ON_HOLD, ARCHIVED;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static ProgramStatus of(String value) {
		for (ProgramStatus status : values()) {
			if (status.value().equals(value)) {
				return status;
			}
		}
		throw new IllegalArgumentException("unknown ProgramStatus: " + value);
	}

}
