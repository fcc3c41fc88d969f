package org.sparktherapy.vocabulary;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a program is about: teaching a skill (skill acquisition, with a mastery criterion)
 * or reducing a behavior. Lower case at the API and in the database ({@code skill},
 * {@code behavior}).
 */
public enum ProgramKind {

	SKILL, BEHAVIOR;

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static ProgramKind of(String value) {
		for (ProgramKind kind : values()) {
			if (kind.value().equals(value)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown ProgramKind: " + value);
	}

}
