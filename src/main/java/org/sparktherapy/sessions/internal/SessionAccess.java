package org.sparktherapy.sessions.internal;

import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Children;
import org.sparktherapy.identity.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Finds the session a call is about, as {@link SessionAccessPolicy} decides, writing
 * refusals to the PHI access log: the sessions services' shared first step. Runs inside
 * the caller's transaction.
 */
@Component
class SessionAccess {

	private final SessionRepository sessions;

	private final SessionAccessPolicy policy;

	private final Children children;

	private final AuditTrail audit;

	SessionAccess(SessionRepository sessions, SessionAccessPolicy policy, Children children, AuditTrail audit) {
		this.sessions = sessions;
		this.policy = policy;
		this.children = children;
		this.audit = audit;
	}

	/**
	 * The session if the user may know of it; otherwise a 404 written to the access log.
	 */
	Session visible(CurrentUser user, UUID id, String action) {
		return visible(user, id, action, false);
	}

	/**
	 * The user's own open session, locked so recording and submitting never interleave:
	 * one read, which locks the row, serves both the access decision and the lock.
	 */
	Session ownOpenSession(CurrentUser user, UUID id, String action) {
		Session session = visible(user, id, action, true);
		if (!this.policy.mayChange(user, session)) {
			refuse(action, id, session.childId(), false);
			throw new SessionsProblems.NotAllowedForSession("Only the session's own therapist records into it.");
		}
		if (session.isSubmitted()) {
			throw new SessionsProblems.SessionAlreadySubmitted();
		}
		return session;
	}

	private Session visible(CurrentUser user, UUID id, String action, boolean forUpdate) {
		Session session = this.sessions.find(id, forUpdate).orElse(null);
		if (session == null) {
			refuse(action, id, null, true);
			throw new SessionsProblems.SessionNotFound("session");
		}
		if (!this.policy.maySee(this.children.relationOf(user, session.childId()), session)) {
			refuse(action, id, session.childId(), true);
			throw new SessionsProblems.SessionNotFound("session");
		}
		return session;
	}

	/** Writes a refused access to the log. */
	void refuse(String action, UUID sessionId, UUID childId, boolean notFound) {
		this.audit.refused(new PhiAccess(action, "session", sessionId, childId), notFound);
	}

}
