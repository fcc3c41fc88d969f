package org.sparktherapy.programs;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a target is in teaching, and which moves make sense from there: a target is
 * assessed (baseline), taught (intervention), meets its criterion (mastered) and is then
 * probed now and then (maintenance); a regression sends it back to intervention; it can
 * be paused (on hold) or dropped (discontinued, final).
 */
public enum TargetPhase {

	BASELINE, INTERVENTION, MASTERED, MAINTENANCE, ON_HOLD, DISCONTINUED;

	/** The phases this one may move to. */
	public Set<TargetPhase> next() {
		return switch (this) {
			case BASELINE -> EnumSet.of(INTERVENTION, ON_HOLD, DISCONTINUED);
			case INTERVENTION -> EnumSet.of(MASTERED, BASELINE, ON_HOLD, DISCONTINUED);
			case MASTERED -> EnumSet.of(MAINTENANCE, INTERVENTION, DISCONTINUED);
			case MAINTENANCE -> EnumSet.of(INTERVENTION, ON_HOLD, DISCONTINUED);
			case ON_HOLD -> EnumSet.of(BASELINE, INTERVENTION, DISCONTINUED);
			case DISCONTINUED -> EnumSet.noneOf(TargetPhase.class);
		};
	}

	public boolean canMoveTo(TargetPhase phase) {
		return next().contains(phase);
	}

	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static TargetPhase of(String value) {
		for (TargetPhase phase : values()) {
			if (phase.value().equals(value)) {
				return phase;
			}
		}
		throw new IllegalArgumentException("unknown phase: " + value);
	}

}
