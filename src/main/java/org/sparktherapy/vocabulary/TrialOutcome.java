package org.sparktherapy.vocabulary;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the child responded to one discrete trial. Lower case at the API and in the
 * database ({@code no_response}).
 */
public enum TrialOutcome {

	CORRECT, INCORRECT, NO_RESPONSE;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static TrialOutcome of(String value) {
		for (TrialOutcome outcome : values()) {
			if (outcome.value().equals(value)) {
				return outcome;
			}
		}
		throw new IllegalArgumentException("unknown TrialOutcome: " + value);
	}

}
