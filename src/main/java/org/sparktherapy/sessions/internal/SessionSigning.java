package org.sparktherapy.sessions.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Children;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.sessions.SessionCoSigned;
import org.sparktherapy.sessions.SessionSubmitted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing sessions. The therapist submits (signs) their open session: it locks, mastery
 * is evaluated for the targets run, in the same transaction, and the session's
 * appointment completes (through {@link SessionSubmitted}). A guardian co-signs only a
 * submitted session that has ended: they sign that it took place. Access is checked with
 * {@link SessionAccessPolicy} and written to the PHI access log, refusals included.
 */
@Service
class SessionSigning {

	private final SessionRepository sessions;

	private final SessionAccess access;

	private final SessionViews views;

	private final MasteryEvaluation mastery;

	private final SessionResults results;

	private final Children children;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SessionSigning(SessionRepository sessions, SessionAccess access, SessionViews views, MasteryEvaluation mastery,
			SessionResults results, Children children, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock) {
		this.sessions = sessions;
		this.access = access;
		this.views = views;
		this.mastery = mastery;
		this.results = results;
		this.children = children;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The therapist signs: the session locks, and mastery is evaluated for every skill
	 * target run in it.
	 */
	@Transactional
	SessionViews.SessionView submit(CurrentUser user, UUID id, String note) {
		Session session = this.access.ownOpenSession(user, id, "submit");
		Instant now = this.clock.instant();
		Instant ended = (session.endedAt() != null) ? session.endedAt()
				: (now.isBefore(session.startedAt()) ? session.startedAt() : now);
		if (!this.sessions.submit(id, (note != null) ? blankToNull(note) : session.note(), ended, now)) {
			throw new SessionsProblems.SessionAlreadySubmitted();
		}
		this.results.write(id);
		this.mastery.evaluate(session.childId(), this.sessions.events(id));
		this.audit.success(new PhiAccess("submit", "session", id, session.childId()));
		// heard at once by scheduling, which completes the session's appointment (or
		// refuses, before its start)
		this.events.publishEvent(new SessionSubmitted(id, session.childId(), user.id(), now, session.appointmentId(),
				session.startedAt(), ended));
		return this.views.view(id);
	}

	@Transactional
	SessionViews.SessionView coSign(CurrentUser user, UUID id, String name, String signature) {
		Session session = this.access.visible(user, id, "cosign");
		if (!this.children.maySignFor(user, session.childId())) {
			this.access.refuse("cosign", id, session.childId(), false);
			throw new SessionsProblems.NotAllowedForSession("Only a guardian who may sign for the child co-signs.");
		}
		if (!session.isSubmitted()) {
			throw new SessionsProblems.SessionNotSubmitted();
		}
		if (session.endedAt() == null || session.endedAt().isAfter(this.clock.instant())) {
			throw new SessionsProblems.SessionNotEnded();
		}
		if (session.guardianSignature() != null
				|| !this.sessions.signByGuardian(id, user.id(), name.trim(), signature, this.clock.instant())) {
			throw new SessionsProblems.AlreadyCoSigned();
		}
		this.audit.success(new PhiAccess("cosign", "session", id, session.childId()));
		this.events.publishEvent(new SessionCoSigned(id, session.childId(), user.id(), this.clock.instant()));
		return this.views.view(id);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
