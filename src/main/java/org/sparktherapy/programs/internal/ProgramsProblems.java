package org.sparktherapy.programs.internal;

import org.sparktherapy.platform.problem.Forbidden;
import org.sparktherapy.platform.problem.NotFound;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.problem.Problem;
import org.sparktherapy.programs.TargetPhase;

/**
 * The rules of the programs module that a caller can break.
 */
final class ProgramsProblems {

	private ProgramsProblems() {
	}

	static final class ProgramNotFound extends NotFound {

		ProgramNotFound(String what) {
			super(what);
		}

	}

	static final class OnlySupervisorsDesignPrograms extends Forbidden {

		OnlySupervisorsDesignPrograms() {
			super("Only the child's supervisor (or an admin) designs programs and targets.");
		}

	}

	static final class ChildNotInCare extends Problem {

		ChildNotInCare() {
			super(Kind.CONFLICT, "child-not-in-care", "Child not in care",
					"Programs can only be added or changed for a child who is not archived or discharged.");
		}

	}

	static final class ProgramArchived extends Problem {

		ProgramArchived() {
			super(Kind.CONFLICT, "program-archived", "Program archived",
					"The program is archived: its targets can no longer change.");
		}

	}

	static final class PhaseChangeNotAllowed extends Problem {

		PhaseChangeNotAllowed(TargetPhase from, TargetPhase to) {
			super(Kind.CONFLICT, "phase-change-not-allowed", "Phase change not allowed",
					"A target in " + from.value() + " cannot move to " + to.value() + "."
							+ (from.next().isEmpty() ? "" : " Allowed: "
									+ String.join(", ", from.next().stream().map(TargetPhase::value).toList()) + "."));
		}

	}

	static final class NoAutomaticMastery extends Problem {

		NoAutomaticMastery() {
			super(Kind.CONFLICT, "no-automatic-mastery", "No automatic mastery to undo",
					"The target's latest phase change is not an automatic mastery.");
		}

	}

	static final class MeasurementDoesNotFitKind extends InvalidInput {

		MeasurementDoesNotFitKind() {
			super("/measurement",
					"skill programs measure percent_correct or task_analysis; behavior programs frequency, rate or duration");
		}

	}

	static final class MasteryCriterionRequired extends InvalidInput {

		MasteryCriterionRequired() {
			super("/masteryCriterion", "is required for skill programs");
		}

	}

	static final class TargetOrderMismatch extends InvalidInput {

		TargetOrderMismatch() {
			super("/targetIds", "must list every target of the program exactly once");
		}

	}

	static final class StatusNotSettable extends InvalidInput {

		StatusNotSettable() {
			super("/status", "archive a program with DELETE /api/programs/{id}");
		}

	}

}
