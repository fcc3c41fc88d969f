package org.sparktherapy.vocabulary;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a program's targets are measured, and so what a session records for them: skill
 * programs count discrete trials ({@code percent_correct}) or the steps of a task
 * analysis ({@code task_analysis}); behavior programs count occurrences
 * ({@code frequency}, or {@code rate} per hour) or time ({@code duration}). Lower case at
 * the API and in the database.
 */
public enum Measurement {

	PERCENT_CORRECT(ProgramKind.SKILL), TASK_ANALYSIS(ProgramKind.SKILL), FREQUENCY(ProgramKind.BEHAVIOR),
	RATE(ProgramKind.BEHAVIOR), DURATION(ProgramKind.BEHAVIOR);

	private final ProgramKind kind;

	Measurement(ProgramKind kind) {
		this.kind = kind;
	}

	/** The kind of program measured this way. */
	public ProgramKind kind() {
		return this.kind;
	}

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static Measurement of(String value) {
		for (Measurement measurement : values()) {
			if (measurement.value().equals(value)) {
				return measurement;
			}
		}
		throw new IllegalArgumentException("unknown Measurement: " + value);
	}

}
