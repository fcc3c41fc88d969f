package org.sparktherapy.scheduling.internal.autoschedule;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.vocabulary.ServiceCode;

/**
 * What makes a proposed week good. Availability, time off and existing appointments are
 * not constraints here: the solver is only ever offered options that respect them
 * ({@link ProposalOption}).
 * <ul>
 * <li>Hard: no therapist and no child in two sessions at once; no service given to a
 * credential that may not deliver it ({@link ServiceCode#mayDeliver}; options already
 * respect it, so this only guards against a slip); no more units of a code than the
 * child's authorization has left (options already keep within its dates).</li>
 * <li>Medium: every prescribed minute left unplaced.</li>
 * <li>Soft: a child sees as few different therapists for one service as possible
 * (continuity); technician work (97152–97154) goes to a technician rather than a
 * supervisor, whose time is for supervision (supervisor time); a therapist changes place
 * between consecutive sessions of a day as rarely as possible (travel); a child has at
 * most one session a day (spread).</li>
 * </ul>
 * The constraint names are also the words {@link ScoreWords} shows people.
 */
public class ScheduleConstraints implements ConstraintProvider {

	static final int CONTINUITY_WEIGHT = 10;

	static final int TRAVEL_WEIGHT = 5;

	static final int SAME_DAY_WEIGHT = 3;

	/**
	 * Above continuity, so that a supervisor already needed for 97155 does not take the
	 * technician's hours too.
	 */
	static final int SUPERVISOR_TIME_WEIGHT = 20;

	static final String THERAPIST_DOUBLE_BOOKED = "Therapist double-booked";

	static final String CHILD_DOUBLE_BOOKED = "Child double-booked";

	static final String NOT_QUALIFIED = "Credential may not deliver the service";

	static final String AUTHORIZED_UNITS = "Beyond the authorized units";

	static final String UNPLACED = "Unplaced minutes";

	static final String CONTINUITY = "Continuity";

	static final String SUPERVISOR_TIME = "Supervisor time";

	static final String TRAVEL = "Travel";

	static final String SPREAD = "Spread across days";

	@Override
	public Constraint[] defineConstraints(ConstraintFactory factory) {
		return new Constraint[] { therapistDoubleBooked(factory), childDoubleBooked(factory), notQualified(factory),
				authorizedUnits(factory), unplacedMinutes(factory), continuity(factory), supervisorTime(factory),
				travel(factory), spreadAcrossDays(factory) };
	}

	Constraint therapistDoubleBooked(ConstraintFactory factory) {
		return factory
			.forEachUniquePair(ProposalSlot.class, Joiners.equal(ProposalSlot::therapistId),
					Joiners.overlapping(ProposalSlot::start, ProposalSlot::end))
			.penalize(HardMediumSoftScore.ONE_HARD)
			.asConstraint(THERAPIST_DOUBLE_BOOKED);
	}

	Constraint childDoubleBooked(ConstraintFactory factory) {
		return factory
			.forEachUniquePair(ProposalSlot.class, Joiners.equal(ProposalSlot::childId),
					Joiners.overlapping(ProposalSlot::start, ProposalSlot::end))
			.penalize(HardMediumSoftScore.ONE_HARD)
			.asConstraint(CHILD_DOUBLE_BOOKED);
	}

	Constraint notQualified(ConstraintFactory factory) {
		return factory.forEach(ProposalSlot.class)
			.filter(slot -> !ServiceCode.mayDeliver(slot.credential(), slot.serviceCode()))
			.penalize(HardMediumSoftScore.ONE_HARD)
			.asConstraint(NOT_QUALIFIED);
	}

	/**
	 * No more units of a code placed against a child's authorization than it has left
	 * (ADR 0031): each unit beyond is one hard point, so the solver leaves the session
	 * unplaced instead.
	 */
	Constraint authorizedUnits(ConstraintFactory factory) {
		return factory.forEach(ProposalSlot.class)
			.filter(slot -> slot.allowance() != null)
			.groupBy(ProposalSlot::allowance, ConstraintCollectors.sum(ProposalSlot::units))
			.filter((allowance, units) -> units > allowance.unitsRemaining())
			.penalize(HardMediumSoftScore.ONE_HARD,
					(allowance, units) -> (int) Math.min(Integer.MAX_VALUE, units - allowance.unitsRemaining()))
			.asConstraint(AUTHORIZED_UNITS);
	}

	Constraint unplacedMinutes(ConstraintFactory factory) {
		return factory.forEachIncludingUnassigned(ProposalSlot.class)
			.filter(slot -> !slot.isPlaced())
			.penalize(HardMediumSoftScore.ONE_MEDIUM, ProposalSlot::minutes)
			.asConstraint(UNPLACED);
	}

	/**
	 * Each therapist beyond the first for one service of a child (a supervisor for 97155
	 * is no change).
	 */
	Constraint continuity(ConstraintFactory factory) {
		return factory.forEach(ProposalSlot.class)
			.groupBy(ProposalSlot::childId, ProposalSlot::serviceCode,
					ConstraintCollectors.countDistinct(ProposalSlot::therapistId))
			.filter((child, service, therapists) -> therapists > 1)
			.penalize(HardMediumSoftScore.ONE_SOFT,
					(child, service, therapists) -> (therapists - 1) * CONTINUITY_WEIGHT)
			.asConstraint(CONTINUITY);
	}

	/**
	 * A BCBA or BCaBA may deliver technician work (RBT or above), but their hours are for
	 * supervision and what only they may deliver: each such session counts.
	 */
	Constraint supervisorTime(ConstraintFactory factory) {
		return factory.forEach(ProposalSlot.class)
			.filter(slot -> isSupervisorOnTechnicianWork(slot.credential(), slot.serviceCode()))
			.penalize(HardMediumSoftScore.ofSoft(SUPERVISOR_TIME_WEIGHT))
			.asConstraint(SUPERVISOR_TIME);
	}

	static boolean isSupervisorOnTechnicianWork(Credential credential, String serviceCode) {
		return (credential == Credential.BCBA || credential == Credential.BCABA)
				&& ServiceCode.deliveredBy(serviceCode).contains(Credential.RBT);
	}

	/**
	 * Each change of place between a therapist's consecutive sessions of a day is a
	 * journey.
	 */
	Constraint travel(ConstraintFactory factory) {
		return factory.forEach(ProposalSlot.class)
			.groupBy(ProposalSlot::therapistId, ProposalSlot::day, ConstraintCollectors.toList(Visit::of))
			.filter((therapist, day, visits) -> placeChanges(visits) > 0)
			.penalize(HardMediumSoftScore.ONE_SOFT, (therapist, day, visits) -> placeChanges(visits) * TRAVEL_WEIGHT)
			.asConstraint(TRAVEL);
	}

	/**
	 * Where and when a slot is placed, as a value: the travel constraint groups what its
	 * penalty reads, not the mutable slots.
	 */
	record Visit(java.time.Instant start, String location) {

		static Visit of(ProposalSlot slot) {
			return new Visit(slot.start(), slot.location());
		}

	}

	/**
	 * How often the place changes from one session to the next, in order of their starts.
	 */
	static int placeChanges(java.util.List<Visit> visits) {
		// two sessions starting at once (a double booking the hard constraints penalize)
		// are ordered by place, so the count never depends on the order the solver
		// collected them in: it did, and the incremental score then differed from the
		// score from scratch (Timefold's "score corruption")
		java.util.List<Visit> ordered = visits.stream()
			.sorted(java.util.Comparator.comparing(Visit::start).thenComparing(Visit::location))
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
			.asConstraint(SPREAD);
	}

}
