package org.sparktherapy.children.internal;

import org.sparktherapy.identity.Credential;
import org.sparktherapy.platform.problem.Forbidden;
import org.sparktherapy.platform.problem.NotFound;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.problem.Problem;

/**
 * The rules of the children module that a caller can break.
 */
final class ChildrenProblems {

	private ChildrenProblems() {
	}

	static final class ChildNotFound extends NotFound {

		ChildNotFound() {
			super("child");
		}

	}

	static final class NotAllowedForChild extends Forbidden {

		NotAllowedForChild(String detail) {
			super(detail);
		}

	}

	static final class GuardianMustBeParent extends InvalidInput {

		GuardianMustBeParent() {
			super("/userId", "must be an active parent account",
					"Only an active parent account can be linked as a guardian.");
		}

	}

	static final class CareTeamMemberMustBeTherapist extends InvalidInput {

		CareTeamMemberMustBeTherapist() {
			super("/userId", "must be an active therapist account",
					"Only an active therapist account can join a care team.");
		}

	}

	/**
	 * Only a board-certified behavior analyst (BCBA) or assistant (BCaBA) designs and
	 * supervises treatment; an RBT delivers it under supervision.
	 *
	 * @see <a href="https://www.bacb.com/rbt/">BACB: RBTs practice under the supervision
	 * of a BCBA or BCaBA</a>
	 */
	static final class SupervisorMustBeBehaviorAnalyst extends InvalidInput {

		SupervisorMustBeBehaviorAnalyst(String name, Credential credential) {
			super("/role",
					((credential == Credential.RBT) ? "An RBT cannot be a supervisor: only a BCBA or BCaBA can."
							: "Only a BCBA or BCaBA can be a supervisor.") + " Choose technician.",
					name + " " + holds(credential) + ", so they cannot supervise this child's treatment: only a BCBA or"
							+ " BCaBA can. Add them as a technician instead.");
		}

		private static String holds(Credential credential) {
			return switch (credential) {
				case null -> "has no BACB credential on record";
				case RBT -> "is an RBT";
				case OTHER -> "holds a credential other than BCBA or BCaBA";
				case BCBA, BCABA -> "is a " + credential.value();
			};
		}

	}

	static final class NotLinked extends NotFound {

		NotLinked(String what) {
			super(what);
		}

	}

	static final class InvalidStatusChange extends InvalidInput {

		InvalidStatusChange(String detail) {
			super("/status", detail);
		}

	}

}
