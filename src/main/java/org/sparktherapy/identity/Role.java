package org.sparktherapy.identity;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an account is in the clinic; written in lower case at the API and in the database.
 */
public enum Role {

	ADMIN, THERAPIST, PARENT;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static Role of(String value) {
		for (Role role : values()) {
			if (role.value().equals(value)) {
				return role;
			}
		}
		throw new IllegalArgumentException("unknown role: " + value);
	}

	/** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
	public String authority() {
		return "ROLE_" + name();
	}

}
