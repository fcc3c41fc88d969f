package org.sparktherapy.vocabulary;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How much help the child needed for a trial or a task-analysis step, from none
 * ({@code independent}) to the most intrusive prompt ({@code full_physical}), in that
 * order. Lower case at the API and in the database.
 */
public enum PromptLevel {

	INDEPENDENT, GESTURAL, VERBAL, MODEL, PARTIAL_PHYSICAL, FULL_PHYSICAL;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static PromptLevel of(String value) {
		for (PromptLevel level : values()) {
			if (level.value().equals(value)) {
				return level;
			}
		}
		throw new IllegalArgumentException("unknown PromptLevel: " + value);
	}

}
