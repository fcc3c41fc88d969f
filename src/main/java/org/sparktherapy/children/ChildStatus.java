package org.sparktherapy.children;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a child is in the clinic's care: intake until an admin activates it; archived
 * children are kept, never deleted.
 */
public enum ChildStatus {

	INTAKE, ACTIVE, ON_HOLD, DISCHARGED, ARCHIVED;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static ChildStatus of(String value) {
		for (ChildStatus status : values()) {
			if (status.value().equals(value)) {
				return status;
			}
		}
		throw new IllegalArgumentException("unknown status: " + value);
	}

}
