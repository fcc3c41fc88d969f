package org.sparktherapy.sessions.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sparktherapy.programs.Programs;

import org.springframework.stereotype.Component;

/**
 * A session with what was recorded in it, and the child's targets the sessions services
 * check events against. Runs inside the caller's transaction; the caller has checked
 * access.
 */
@Component
class SessionViews {

	/** A session with what was recorded in it. */
	record SessionView(Session session, List<SessionEvent> events, List<Tallies.Tally> tallies,
			List<Session.Addendum> addenda, Map<UUID, Programs.TargetFacts> targets) {
	}

	private final SessionRepository sessions;

	private final Programs programs;

	SessionViews(SessionRepository sessions, Programs programs) {
		this.sessions = sessions;
		this.programs = programs;
	}

	SessionView view(Session session) {
		List<SessionEvent> events = this.sessions.events(session.id());
		return new SessionView(session, events, Tallies.byTarget(events), this.sessions.addenda(session.id()),
				targets(session.childId()));
	}

	/** The session as stored now. */
	SessionView view(UUID sessionId) {
		return view(this.sessions.find(sessionId, false).orElseThrow());
	}

	/** Every target of the child's programs by id, archived ones included. */
	Map<UUID, Programs.TargetFacts> targets(UUID childId) {
		return this.programs.targetsOf(childId)
			.stream()
			.collect(Collectors.toMap(Programs.TargetFacts::targetId, Function.identity()));
	}

}
