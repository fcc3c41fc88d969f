package org.sparktherapy.programs;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sparktherapy.vocabulary.Measurement;
import org.sparktherapy.vocabulary.ProgramKind;

/**
 * What other modules may know and ask of programs: a child's targets with their program's
 * measurement and mastery criterion, the targets' phase changes, and recording an
 * automatic mastery.
 */
public interface Programs {

	/** When a target counts as mastered (see the program's criterion). */
	record Criterion(int percent, int consecutiveSessions, int minTrials) {
	}

	/**
	 * One target of a child's program, with its program's kind, measurement and status.
	 */
	record TargetFacts(UUID targetId, UUID programId, String programName, String name, ProgramKind kind,
			Measurement measurement, ProgramStatus programStatus, TargetPhase phase, int position,
			Criterion criterion) {

		/**
		 * Whether mastery is watched for this target: a skill target of an active
		 * program, in intervention, with a mastery criterion (the queue's near-mastery
		 * and stalled alerts, the target summaries).
		 */
		public boolean inTeaching() {
			return this.kind == ProgramKind.SKILL && this.programStatus == ProgramStatus.ACTIVE
					&& this.phase == TargetPhase.INTERVENTION && this.criterion != null;
		}

	}

	/** A target's phase change; {@code byId} is null for automatic ones. */
	record PhaseChangeFacts(UUID targetId, TargetPhase phase, Instant at, UUID byId, String byName, boolean automatic) {
	}

	/**
	 * Every target of the child's programs, archived ones included, in program and
	 * teaching order.
	 */
	List<TargetFacts> targetsOf(UUID childId);

	/** Every phase change of the child's targets, oldest first. */
	List<PhaseChangeFacts> phaseChangesOf(UUID childId);

	/**
	 * {@link #targetsOf(UUID)} for many children in one read: each child asked for, in
	 * the order given, with its targets (none: an empty list).
	 */
	Map<UUID, List<TargetFacts>> targetsOf(Collection<UUID> childIds);

	/**
	 * {@link #phaseChangesOf(UUID)} for many children in one read: each child asked for,
	 * in the order given, with its phase changes oldest first.
	 */
	Map<UUID, List<PhaseChangeFacts>> phaseChangesOf(Collection<UUID> childIds);

	/**
	 * The target met its mastery criterion in these sessions: if it is in intervention it
	 * moves to mastered (an automatic phase change naming the sessions), the program's
	 * next target in baseline moves to intervention when the program auto-advances, and
	 * {@link TargetMastered} is published. Returns whether anything changed.
	 */
	boolean recordMastery(UUID targetId, List<UUID> sessionIds);

}
