package org.sparktherapy.scheduling.internal.autoschedule;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

/**
 * A week's sessions as the solver sees them. Hard: nobody double-booked; medium: hours
 * left unplaced; soft: continuity, travel and spread ({@link ScheduleConstraints}).
 */
@PlanningSolution
class ProposalSolution {

	@PlanningEntityCollectionProperty
	private List<ProposalSlot> slots;

	@PlanningScore
	private HardMediumSoftScore score;

	/** For the solver's cloning. */
	ProposalSolution() {
	}

	ProposalSolution(List<ProposalSlot> slots) {
		this.slots = slots;
	}

	List<ProposalSlot> slots() {
		return this.slots;
	}

	HardMediumSoftScore score() {
		return this.score;
	}

}
