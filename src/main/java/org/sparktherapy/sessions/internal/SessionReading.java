package org.sparktherapy.sessions.internal;

import java.time.Instant;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading sessions: one with its events, tallies and addenda, and a child's sessions by
 * date. Guardians see submitted sessions only ({@link SessionAccessPolicy}); every read
 * and refusal is written to the PHI access log.
 */
@Service
class SessionReading {

	private final SessionRepository sessions;

	private final SessionAccessPolicy policy;

	private final SessionAccess access;

	private final SessionViews views;

	private final Children children;

	private final AuditTrail audit;

	SessionReading(SessionRepository sessions, SessionAccessPolicy policy, SessionAccess access, SessionViews views,
			Children children, AuditTrail audit) {
		this.sessions = sessions;
		this.policy = policy;
		this.access = access;
		this.views = views;
		this.children = children;
		this.audit = audit;
	}

	@Transactional
	SessionViews.SessionView get(CurrentUser user, UUID id) {
		Session session = this.access.visible(user, id, "read");
		SessionViews.SessionView view = this.views.view(session);
		this.audit.success(new PhiAccess("read", "session", id, session.childId()));
		return view;
	}

	@Transactional
	PageResponse<Session> forChild(CurrentUser user, UUID childId, Instant from, Instant to, PageQuery page) {
		Relation relation = this.children.relationOf(user, childId);
		if (!relation.canSee()) {
			this.access.refuse("list", null, childId, true);
			throw new SessionsProblems.SessionNotFound("child");
		}
		PageResponse<Session> result = this.sessions.forChild(childId, !this.policy.seesOpenSessions(relation), from,
				to, page);
		this.audit.success(new PhiAccess("list", "session", null, childId));
		return result;
	}

}
