package org.sparktherapy.programs.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.annotation.Nullable;
import org.sparktherapy.programs.ProgramStatus;
import org.sparktherapy.programs.TargetPhase;
import org.sparktherapy.vocabulary.Measurement;
import org.sparktherapy.vocabulary.ProgramKind;

/**
 * A treatment program for one child, with its targets in teaching order.
 */
record Program(UUID id, UUID childId, ProgramDesign design, ProgramKind kind, Measurement measurement,
		ProgramStatus status, List<Target> targets, Instant createdAt, Instant updatedAt, int version) {

	/**
	 * What a supervisor designs and may revise; compared field by field for the change
	 * history.
	 */
	record ProgramDesign(String name, Domain domain, String objective, MasteryCriterion masteryCriterion,
			boolean autoAdvance) {
	}

	/**
	 * When a target counts as mastered: at least {@code percent} % correct in
	 * {@code consecutiveSessions} sessions in a row, each with at least {@code minTrials}
	 * trials.
	 */
	record MasteryCriterion(int percent, int consecutiveSessions, int minTrials) {

		@Override
		public String toString() {
			return "≥ " + this.percent + "% across " + this.consecutiveSessions + " sessions (min " + this.minTrials
					+ " trials)";
		}

	}

	/** One thing taught in the program, or one behavior of a behavior program. */
	record Target(UUID id, String name, @Nullable String definition, @Nullable String notes, TargetPhase phase,
			int position, List<PhaseChange> phaseChanges) {
	}

	/**
	 * A dated, signed phase change: graphs draw these as phase-change lines.
	 * {@code automatic} changes were made by the system (mastery evaluation); {@code by}
	 * is then null.
	 */
	record PhaseChange(TargetPhase phase, Instant at, @Nullable Person by, boolean automatic) {
	}

	/** Who did something. */
	record Person(UUID id, String name) {
	}

	enum Domain implements Lowercase {

		COMMUNICATION, SOCIAL, DAILY_LIVING, ACADEMIC, PLAY, MOTOR, BEHAVIOR_REDUCTION, OTHER;

		@JsonCreator
		static Domain of(String value) {
			return Lowercase.parse(Domain.class, value);
		}

	}

	/** Enums written in lower case at the API and in the database. */
	interface Lowercase {

		String name();

		@JsonValue
		default String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		static <E extends Enum<E>> E parse(Class<E> type, String value) {
			for (E constant : type.getEnumConstants()) {
				if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
					return constant;
				}
			}
			throw new IllegalArgumentException("unknown " + type.getSimpleName() + ": " + value);
		}

	}

}
