package org.sparktherapy.sessions.internal;

import java.time.Clock;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Children;
import org.sparktherapy.identity.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Addenda: the care team's and admins' dated corrections or additions to a submitted
 * session, whose original stays as it was. Access is checked with
 * {@link SessionAccessPolicy} and written to the PHI access log, refusals included.
 */
@Service
class SessionAddenda {

	private final SessionRepository sessions;

	private final SessionAccessPolicy policy;

	private final SessionAccess access;

	private final Children children;

	private final AuditTrail audit;

	private final SessionResults results;

	private final Clock clock;

	SessionAddenda(SessionRepository sessions, SessionAccessPolicy policy, SessionAccess access, Children children,
			AuditTrail audit, SessionResults results, Clock clock) {
		this.sessions = sessions;
		this.policy = policy;
		this.access = access;
		this.children = children;
		this.audit = audit;
		this.results = results;
		this.clock = clock;
	}

	@Transactional
	Session.Addendum add(CurrentUser user, UUID id, String reason, String text) {
		Session session = this.access.visible(user, id, "amend");
		if (!this.policy.mayAddAddendum(this.children.relationOf(user, session.childId()))) {
			this.access.refuse("amend", id, session.childId(), false);
			throw new SessionsProblems.NotAllowedForSession("Only the care team and admins add addenda.");
		}
		if (!session.isSubmitted()) {
			throw new SessionsProblems.SessionNotSubmitted();
		}
		UUID addendumId = UUID.randomUUID();
		this.sessions.insertAddendum(addendumId, id, session.childId(), reason.trim(), text.trim(), user.id(),
				this.clock.instant());
		this.results.write(id);
		this.audit.success(new PhiAccess("amend", "session", id, session.childId()));
		return this.sessions.addenda(id).stream().filter(a -> a.id().equals(addendumId)).findFirst().orElseThrow();
	}

}
