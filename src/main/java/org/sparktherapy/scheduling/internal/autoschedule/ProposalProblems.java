package org.sparktherapy.scheduling.internal.autoschedule;

import java.util.List;

import org.sparktherapy.platform.problem.Forbidden;
import org.sparktherapy.platform.problem.NotFound;
import org.sparktherapy.platform.problem.Problem;

/**
 * The rules of automatic scheduling — children's schedule preferences and proposals —
 * that a caller can break.
 */
final class ProposalProblems {

	private ProposalProblems() {
	}

	static final class ProposalNotFound extends NotFound {

		ProposalNotFound(String what) {
			super(what);
		}

	}

	static final class NotAllowedForProposal extends Forbidden {

		NotAllowedForProposal(String detail) {
			super(detail);
		}

	}

	/**
	 * Available hours that end before they start or overlap on one weekday, unknown
	 * services, and the like.
	 */
	static final class InvalidSchedulePreferences extends Problem {

		InvalidSchedulePreferences(List<FieldError> errors) {
			super(Kind.INVALID, "invalid-schedule-preferences", "Invalid schedule preferences",
					"Some schedule preferences are invalid; nothing was changed.", errors);
		}

	}

	static final class InvalidProposalRequest extends Problem {

		InvalidProposalRequest(List<FieldError> errors) {
			super(Kind.INVALID, "invalid-proposal-request", "Invalid proposal request",
					"The proposal cannot be made for this request.", errors);
		}

	}

	/**
	 * The schedule changed since the proposal was made: a placed session now meets
	 * another appointment, time off, the therapist's hours or care team. One entry of
	 * {@code errors} per conflict, the pointer naming the session ({@code /placed/3}).
	 * Nothing was booked.
	 */
	static final class ProposalConflicts extends Problem {

		ProposalConflicts(List<FieldError> conflicts) {
			super(Kind.CONFLICT, "proposal-conflict", "Proposal conflicts with the schedule",
					"The schedule changed since the proposal was made; nothing was booked.", conflicts);
		}

	}

	static final class ProposalAlreadyAccepted extends Problem {

		ProposalAlreadyAccepted() {
			super(Kind.CONFLICT, "proposal-already-accepted", "Proposal already accepted",
					"This proposal has been accepted and booked already.");
		}

	}

	/**
	 * A placed session cannot move there: outside the week, backwards, or a therapist not
	 * on the care team.
	 */
	static final class InvalidPlacement extends Problem {

		InvalidPlacement(List<FieldError> errors) {
			super(Kind.INVALID, "invalid-placement", "Invalid placement",
					"The session cannot be placed like this; the draft was not changed.", errors);
		}

	}

	/**
	 * A placed session moved in a draft would meet another appointment, another session
	 * of the draft, time off or lie outside the therapist's weekly hours. The draft was
	 * not changed.
	 */
	static final class PlacementConflicts extends Problem {

		PlacementConflicts(List<FieldError> conflicts) {
			super(Kind.CONFLICT, "placement-conflict", "The session conflicts with the schedule",
					"The session conflicts with the schedule or the draft's other sessions; the draft was not changed.",
					conflicts);
		}

	}

}
