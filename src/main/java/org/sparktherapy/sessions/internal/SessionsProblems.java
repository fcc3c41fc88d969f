package org.sparktherapy.sessions.internal;

import java.util.List;

import org.sparktherapy.platform.problem.Forbidden;
import org.sparktherapy.platform.problem.NotFound;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.problem.Problem;

/**
 * The rules of the sessions module that a caller can break.
 */
final class SessionsProblems {

	private SessionsProblems() {
	}

	static final class SessionNotFound extends NotFound {

		SessionNotFound(String what) {
			super(what);
		}

	}

	static final class NotAllowedForSession extends Forbidden {

		NotAllowedForSession(String detail) {
			super(detail);
		}

	}

	static final class SessionAlreadySubmitted extends Problem {

		SessionAlreadySubmitted() {
			super(Kind.CONFLICT, "session-submitted", "Session already submitted",
					"The session is signed and locked. Add an addendum to correct it.");
		}

	}

	/** A guardian signs that a session took place: not before it has ended. */
	static final class SessionNotEnded extends Problem {

		SessionNotEnded() {
			super(Kind.CONFLICT, "session-not-ended", "Session not over yet",
					"A session can be co-signed once it has ended.");
		}

	}

	static final class SessionNotSubmitted extends Problem {

		SessionNotSubmitted() {
			super(Kind.CONFLICT, "session-not-submitted", "Session not submitted",
					"Only a submitted session can be co-signed or receive addenda.");
		}

	}

	static final class AlreadyCoSigned extends Problem {

		AlreadyCoSigned() {
			super(Kind.CONFLICT, "session-already-cosigned", "Session already co-signed",
					"A guardian has already co-signed this session.");
		}

	}

	static final class ChildNotActive extends Problem {

		ChildNotActive() {
			super(Kind.CONFLICT, "child-not-active", "Child not active",
					"Sessions are recorded only for active children.");
		}

	}

	static final class SessionOfAnotherChild extends Problem {

		SessionOfAnotherChild() {
			super(Kind.CONFLICT, "session-child-mismatch", "Session belongs to another child",
					"A session with this id exists for another child; choose a new id.");
		}

	}

	/** One or more events of a batch are invalid; nothing of the batch was stored. */
	static final class InvalidEvents extends Problem {

		InvalidEvents(List<FieldError> errors) {
			super(Kind.INVALID, "invalid-events", "Invalid events",
					"Some events are invalid; nothing of this batch was stored. Fix or drop them and resend.", errors);
		}

	}

	static final class InvalidSession extends InvalidInput {

		InvalidSession(String pointer, String detail) {
			super(pointer, detail);
		}

	}

}
