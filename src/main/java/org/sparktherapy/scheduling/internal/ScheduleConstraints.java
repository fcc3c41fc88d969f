package org.sparktherapy.scheduling.internal;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

/**
 * What makes a proposed week good. Availability, time off and existing appointments are not constraints here: the
 * solver is only ever offered options that respect them ({@link ProposalOption}).
 * <ul>
 * <li>Hard: no therapist and no child in two sessions at once.</li>
 * <li>Medium: every prescribed hour left unplaced.</li>
 * <li>Soft: a child sees as few different therapists as possible (continuity); a therapist changes place between
 * consecutive sessions of a day as rarely as possible (travel); a child has at most one session a day (spread).</li>
 * </ul>
 */
public class ScheduleConstraints implements ConstraintProvider {

	static final int CONTINUITY_WEIGHT = 10;

	static final int TRAVEL_WEIGHT = 5;

	static final int SAME_DAY_WEIGHT = 3;

	@Override
	public Constraint[] defineConstraints(ConstraintFactory factory) {
		return new Constraint[] { therapistDoubleBooked(factory), childDoubleBooked(factory), unplacedHours(factory),
				continuity(factory), travel(factory), spreadAcrossDays(factory) };
	}

	Constraint therapistDoubleBooked(ConstraintFactory factory) {
		return factory
			.forEachUniquePair(ProposalSlot.class, Joiners.equal(ProposalSlot::therapistId),
					Joiners.overlapping(ProposalSlot::start, ProposalSlot::end))
			.penalize(HardMediumSoftScore.ONE_HARD)
			.asConstraint("Therapist double-booked");
	}

	Constraint childDoubleBooked(ConstraintFactory factory) {
		return factory
			.forEachUniquePair(ProposalSlot.class, Joiners.equal(ProposalSlot::childId),
					Joiners.overlapping(ProposalSlot::start, ProposalSlot::end))
			.penalize(HardMediumSoftScore.ONE_HARD)
			.asConstraint("Child double-booked");
	}

	Constraint unplacedHours(ConstraintFactory factory) {
		return factory.forEachIncludingUnassigned(ProposalSlot.class)
			.filter(slot -> !slot.isPlaced())
			.penalize(HardMediumSoftScore.ONE_MEDIUM, ProposalSlot::hours)
			.asConstraint("Unplaced hours");
	}

	Constraint continuity(ConstraintFactory factory) {
		return factory.forEach(ProposalSlot.class)
			.groupBy(ProposalSlot::childId, ConstraintCollectors.countDistinct(ProposalSlot::therapistId))
			.filter((child, therapists) -> therapists > 1)
			.penalize(HardMediumSoftScore.ONE_SOFT, (child, therapists) -> (therapists - 1) * CONTINUITY_WEIGHT)
			.asConstraint("Continuity");
	}

	/** Each change of place between a therapist's consecutive sessions of a day is a journey. */
	Constraint travel(ConstraintFactory factory) {
		return factory.forEach(ProposalSlot.class)
			.groupBy(ProposalSlot::therapistId, ProposalSlot::day, ConstraintCollectors.toList())
			.filter((therapist, day, slots) -> placeChanges(slots) > 0)
			.penalize(HardMediumSoftScore.ONE_SOFT, (therapist, day, slots) -> placeChanges(slots) * TRAVEL_WEIGHT)
			.asConstraint("Travel");
	}

	/** How often the place changes from one session to the next, in order of their starts. */
	static int placeChanges(java.util.List<ProposalSlot> slots) {
		java.util.List<ProposalSlot> ordered = slots.stream()
			.sorted(java.util.Comparator.comparing(ProposalSlot::start))
			.toList();
		int changes = 0;
		for (int i = 1; i < ordered.size(); i++) {
			if (!ordered.get(i).location().equals(ordered.get(i - 1).location())) {
				changes++;
			}
		}
		return changes;
	}

	Constraint spreadAcrossDays(ConstraintFactory factory) {
		return factory
			.forEachUniquePair(ProposalSlot.class, Joiners.equal(ProposalSlot::childId),
					Joiners.equal(ProposalSlot::day))
			.penalize(HardMediumSoftScore.ofSoft(SAME_DAY_WEIGHT))
			.asConstraint("Spread across days");
	}

}
