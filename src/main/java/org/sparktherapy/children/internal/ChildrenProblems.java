package org.sparktherapy.children.internal;

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
			super("/userId", "must be an active parent account");
		}

	}

	static final class CareTeamMemberMustBeTherapist extends InvalidInput {

		CareTeamMemberMustBeTherapist() {
			super("/userId", "must be an active therapist account");
		}

	}

	static final class SupervisorMustBeBehaviorAnalyst extends InvalidInput {

		SupervisorMustBeBehaviorAnalyst() {
			super("/role", "a supervisor must hold a BCBA or BCaBA credential; add RBTs as technicians");
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
