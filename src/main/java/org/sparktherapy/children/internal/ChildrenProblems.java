package org.sparktherapy.children.internal;

import java.util.List;

import org.sparktherapy.platform.problem.Forbidden;
import org.sparktherapy.platform.problem.NotFound;
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

	static final class GuardianMustBeParent extends Problem {

		GuardianMustBeParent() {
			super(Kind.INVALID, "validation", "Invalid request", "The request has invalid fields.",
					List.of(new FieldError("/userId", "must be an active parent account")));
		}

	}

	static final class CareTeamMemberMustBeTherapist extends Problem {

		CareTeamMemberMustBeTherapist() {
			super(Kind.INVALID, "validation", "Invalid request", "The request has invalid fields.",
					List.of(new FieldError("/userId", "must be an active therapist account")));
		}

	}

	static final class NotLinked extends NotFound {

		NotLinked(String what) {
			super(what);
		}

	}

	static final class InvalidStatusChange extends Problem {

		InvalidStatusChange(String detail) {
			super(Kind.INVALID, "validation", "Invalid request", "The request has invalid fields.",
					List.of(new FieldError("/status", detail)));
		}

	}

}
