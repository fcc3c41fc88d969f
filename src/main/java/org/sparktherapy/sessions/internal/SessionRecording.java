package org.sparktherapy.sessions.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.vocabulary.Place;
import org.sparktherapy.vocabulary.ServiceCode;
import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.ChildStatus;
import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.Problem.FieldError;
import org.sparktherapy.platform.problem.StaleVersion;
import org.sparktherapy.programs.Programs;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording a session, as a tablet syncs it: the session itself (created with the
 * client's id, updated while open) and batches of its data events, idempotent by their
 * client-chosen ids so an offline queue can be replayed. Every call resolves what the
 * user is to the child, checks it with {@link SessionAccessPolicy}, and writes the PHI
 * access log (refusals included), in one transaction.
 */
@Service
class SessionRecording {

	/** Largest event batch accepted. */
	static final int MAX_BATCH = 500;

	/**
	 * How far in the future an event may be dated (clock skew between tablet and server).
	 */
	static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

	/** What a therapist says about a session. */
	record SessionDraft(UUID childId, String serviceCode, String place, Instant startedAt, Instant endedAt,
			String note) {
	}

	/** Which events of a batch were new and which were already stored. */
	record BatchResult(List<UUID> accepted, List<UUID> duplicates) {
	}

	private final SessionRepository sessions;

	private final SessionAccessPolicy policy;

	private final SessionAccess access;

	private final SessionViews views;

	private final Children children;

	private final AuditTrail audit;

	private final Clock clock;

	SessionRecording(SessionRepository sessions, SessionAccessPolicy policy, SessionAccess access, SessionViews views,
			Children children, AuditTrail audit, Clock clock) {
		this.sessions = sessions;
		this.policy = policy;
		this.access = access;
		this.views = views;
		this.children = children;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates the session with the client's id, or updates it while it is open. Returns
	 * whether it was created.
	 */
	@Transactional
	boolean save(CurrentUser user, UUID id, SessionDraft draft) {
		return save(user, id, null, draft);
	}

	/**
	 * As {@link #save(CurrentUser, UUID, SessionDraft)}, refusing (412) an update of a
	 * changed version.
	 */
	@Transactional
	boolean save(CurrentUser user, UUID id, Integer expectedVersion, SessionDraft draft) {
		validate(draft);
		var existing = this.sessions.find(id, true);
		if (existing.isPresent() && !existing.get().childId().equals(draft.childId())) {
			Relation relation = this.children.relationOf(user, existing.get().childId());
			if (!relation.canSee()) {
				this.access.refuse("update", id, existing.get().childId(), true);
				throw new SessionsProblems.SessionNotFound("session");
			}
			throw new SessionsProblems.SessionOfAnotherChild();
		}
		Relation relation = this.children.relationOf(user, draft.childId());
		if (!relation.canSee()) {
			this.access.refuse("update", id, draft.childId(), true);
			throw new SessionsProblems.SessionNotFound("child");
		}
		if (!this.policy.mayRecord(relation)) {
			this.access.refuse("update", id, draft.childId(), false);
			throw new SessionsProblems.NotAllowedForSession(
					"Only therapists on the child's care team record sessions.");
		}
		Instant now = this.clock.instant();
		if (existing.isPresent()) {
			Session session = existing.get();
			if (!this.policy.mayChange(user, session)) {
				this.access.refuse("update", id, draft.childId(), false);
				throw new SessionsProblems.NotAllowedForSession("Only the session's own therapist changes it.");
			}
			if (session.isSubmitted()) {
				throw new SessionsProblems.SessionAlreadySubmitted();
			}
			if (expectedVersion != null && expectedVersion != session.version()) {
				throw new StaleVersion();
			}
			this.sessions.update(id, draft.serviceCode(), draft.place(), draft.startedAt(), draft.endedAt(),
					draft.note(), now);
			this.audit.success(new PhiAccess("update", "session", id, draft.childId()));
			return false;
		}
		ChildStatus status = this.children.find(draft.childId()).orElseThrow().status();
		if (status != ChildStatus.ACTIVE) {
			throw new SessionsProblems.ChildNotActive();
		}
		if (!this.sessions.insert(id, draft.childId(), user.id(), draft.serviceCode(), draft.place(), draft.startedAt(),
				draft.endedAt(), draft.note(), now)) {
			// the same PUT replayed concurrently created it first: carry on as an update
			return save(user, id, expectedVersion, draft);
		}
		this.audit.success(new PhiAccess("create", "session", id, draft.childId()));
		return true;
	}

	/**
	 * Stores a batch of events, all or nothing: every event is read and checked first
	 * ({@link EventReader}), and one invalid event refuses the batch naming it. Events
	 * already stored (same id) are reported as duplicates and not stored again; an id
	 * stored by another session refuses the batch. The batch is one insert, and the
	 * access log gets one entry for it with the counts (ADR 0050).
	 */
	@Transactional
	BatchResult record(CurrentUser user, UUID id, List<FlatEvent> batch) {
		Session session = this.access.ownOpenSession(user, id, "record");
		Map<UUID, Programs.TargetFacts> targets = this.views.targets(session.childId());
		List<FieldError> errors = new ArrayList<>();
		EventReader reader = new EventReader(targets, this.clock.instant().plus(FUTURE_TOLERANCE), errors);
		List<SessionEvent> events = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			events.add(reader.read(batch.get(i), "/events/" + i));
		}
		if (!errors.isEmpty()) {
			refuseIdsOfOtherSessions(id, batch, batch.stream().map(e -> (e != null) ? e.id() : null).toList(), errors);
			throw new SessionsProblems.InvalidEvents(errors);
		}
		Set<UUID> stored = this.sessions.insertEvents(id, session.childId(), events, this.clock.instant());
		List<UUID> accepted = new ArrayList<>();
		List<UUID> duplicates = new ArrayList<>();
		for (SessionEvent event : events) {
			(stored.contains(event.id()) ? accepted : duplicates).add(event.id());
		}
		// an id not stored now is this session's (a replay) or another's: refused, and
		// the insert rolled back with the exception
		refuseIdsOfOtherSessions(id, batch, duplicates, errors);
		if (!errors.isEmpty()) {
			throw new SessionsProblems.InvalidEvents(errors);
		}
		this.audit.success(new PhiAccess("record", "session", id, session.childId(),
				batch.size() + " events: " + accepted.size() + " new, " + duplicates.size() + " already stored"));
		return new BatchResult(accepted, duplicates);
	}

	/**
	 * Adds an error for each event of the batch whose id (one of {@code ids}) another
	 * session has stored.
	 */
	private void refuseIdsOfOtherSessions(UUID sessionId, List<FlatEvent> batch, List<UUID> ids,
			List<FieldError> errors) {
		List<UUID> known = ids.stream().filter(Objects::nonNull).toList();
		if (known.isEmpty()) {
			return;
		}
		Set<UUID> taken = new HashSet<>(this.sessions.eventIdsOfOtherSessions(sessionId, known));
		for (int i = 0; i < batch.size(); i++) {
			if (batch.get(i) != null && taken.contains(batch.get(i).id())) {
				errors.add(new FieldError("/events/" + i + "/id", "is already used by another session"));
			}
		}
	}

	private void validate(SessionDraft draft) {
		if (!ServiceCode.isCode(draft.serviceCode())) {
			throw new SessionsProblems.InvalidSession("/serviceCode",
					"must be an adaptive behavior CPT code 97151 to 97158");
		}
		if (!Place.isPlace(draft.place())) {
			throw new SessionsProblems.InvalidSession("/place", "must be one of " + Place.ALLOWED);
		}
		if (draft.startedAt().isBefore(Session.EARLIEST)) {
			throw new SessionsProblems.InvalidSession("/startedAt", "lies too far in the past");
		}
		if (draft.startedAt().isAfter(this.clock.instant().plus(Duration.ofDays(1)))) {
			throw new SessionsProblems.InvalidSession("/startedAt", "lies too far in the future");
		}
		if (draft.endedAt() != null && draft.endedAt().isBefore(draft.startedAt())) {
			throw new SessionsProblems.InvalidSession("/endedAt", "must not be before startedAt");
		}
		if (draft.endedAt() != null && Duration.between(draft.startedAt(), draft.endedAt()).toHours() >= 24) {
			throw new SessionsProblems.InvalidSession("/endedAt", "a session lasts less than 24 hours");
		}
	}

}
