package org.sparktherapy.sessions.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.vocabulary.Place;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.ChildStatus;
import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.Problem.FieldError;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.programs.Programs;
import org.sparktherapy.programs.TargetPhase;
import org.sparktherapy.sessions.SessionCoSigned;
import org.sparktherapy.sessions.SessionSubmitted;
import org.sparktherapy.sessions.Sessions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording, submitting, co-signing and amending sessions. Every call resolves what the
 * user is to the child, checks it with {@link SessionAccessPolicy}, and writes the PHI
 * access log (refusals included), in one transaction. Submitting evaluates mastery for
 * the targets run, in the same transaction, and completes the session's appointment
 * (through {@link SessionSubmitted}). Recording an appointment opens its session here
 * ({@link Sessions#openFor}). A guardian co-signs only a submitted session that has
 * ended: they sign that it took place.
 */
@Service
class SessionService implements Sessions {

	/** Largest event batch accepted. */
	static final int MAX_BATCH = 500;

	/**
	 * How far in the future an event may be dated (clock skew between tablet and server).
	 */
	static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

	/** Nothing is recorded before this (and timestamps stay in PostgreSQL's range). */
	static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	static final Set<String> OUTCOMES = Set.of("correct", "incorrect", "no_response");

	static final Set<String> PROMPT_LEVELS = Set.of("independent", "gestural", "verbal", "model", "partial_physical",
			"full_physical");

	/** What a therapist says about a session. */
	record SessionDraft(UUID childId, String serviceCode, String place, Instant startedAt, Instant endedAt,
			String note) {
	}

	/** A session with what was recorded in it. */
	record SessionView(Session session, List<Session.Event> events, List<Tallies.Tally> tallies,
			List<Session.Addendum> addenda, Map<UUID, Programs.TargetFacts> targets) {
	}

	/** Which events of a batch were new and which were already stored. */
	record BatchResult(List<UUID> accepted, List<UUID> duplicates) {
	}

	private final SessionRepository sessions;

	private final SessionAccessPolicy policy;

	private final Children children;

	private final Programs programs;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final java.time.ZoneId zone;

	SessionService(SessionRepository sessions, SessionAccessPolicy policy, Children children, Programs programs,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock,
			org.sparktherapy.platform.SparkProperties properties) {
		this.zone = properties.clinicTimeZone();
		this.sessions = sessions;
		this.policy = policy;
		this.children = children;
		this.programs = programs;
		this.audit = audit;
		this.events = events;
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
				refuse("update", id, existing.get().childId(), true);
				throw new SessionsProblems.SessionNotFound("session");
			}
			throw new SessionsProblems.SessionOfAnotherChild();
		}
		Relation relation = this.children.relationOf(user, draft.childId());
		if (!relation.canSee()) {
			refuse("update", id, draft.childId(), true);
			throw new SessionsProblems.SessionNotFound("child");
		}
		if (!this.policy.mayRecord(relation)) {
			refuse("update", id, draft.childId(), false);
			throw new SessionsProblems.NotAllowedForSession(
					"Only therapists on the child's care team record sessions.");
		}
		Instant now = this.clock.instant();
		if (existing.isPresent()) {
			Session session = existing.get();
			if (!this.policy.mayChange(user, session)) {
				refuse("update", id, draft.childId(), false);
				throw new SessionsProblems.NotAllowedForSession("Only the session's own therapist changes it.");
			}
			if (session.isSubmitted()) {
				throw new SessionsProblems.SessionAlreadySubmitted();
			}
			if (expectedVersion != null && expectedVersion != session.version()) {
				throw new org.sparktherapy.platform.problem.StaleVersion();
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

	@Override
	@Transactional
	public UUID openFor(Sessions.AppointmentToRecord appointment) {
		UUID id = UUID.randomUUID();
		if (!this.sessions.insertForAppointment(id, appointment.appointmentId(), appointment.childId(),
				appointment.therapistId(), appointment.serviceCode(), appointment.place(), appointment.startsAt(),
				appointment.endsAt(), this.clock.instant())) {
			return this.sessions.forAppointment(appointment.appointmentId()).orElseThrow();
		}
		this.audit.success(new PhiAccess("create", "session", id, appointment.childId()));
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Optional<Sessions.Times> timesOf(UUID sessionId) {
		return this.sessions.find(sessionId, false).map(s -> new Sessions.Times(s.startedAt(), s.endedAt()));
	}

	@Transactional
	SessionView get(CurrentUser user, UUID id) {
		Session session = visible(user, id, "read");
		SessionView view = view(session);
		this.audit.success(new PhiAccess("read", "session", id, session.childId()));
		return view;
	}

	@Transactional
	PageResponse<Session> forChild(CurrentUser user, UUID childId, Instant from, Instant to, PageQuery page) {
		Relation relation = this.children.relationOf(user, childId);
		if (!relation.canSee()) {
			refuse("list", null, childId, true);
			throw new SessionsProblems.SessionNotFound("child");
		}
		PageResponse<Session> result = this.sessions.forChild(childId, !this.policy.seesOpenSessions(relation), from,
				to, page);
		this.audit.success(new PhiAccess("list", "session", null, childId));
		return result;
	}

	/**
	 * Stores a batch of events, all or nothing: every event is checked first, and one
	 * invalid event refuses the batch naming it. Events already stored (same id) are
	 * reported as duplicates and not stored again.
	 */
	@Transactional
	BatchResult record(CurrentUser user, UUID id, List<Session.Event> batch) {
		Session session = ownOpenSession(user, id, "record");
		Map<UUID, Programs.TargetFacts> targets = targets(session.childId());
		List<FieldError> errors = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		Instant latest = this.clock.instant().plus(FUTURE_TOLERANCE);
		for (int i = 0; i < batch.size(); i++) {
			validate(batch.get(i), "/events/" + i, targets, latest, seen, errors);
		}
		List<UUID> taken = this.sessions.eventIdsOfOtherSessions(id,
				batch.stream().map(Session.Event::id).filter(java.util.Objects::nonNull).toList());
		for (int i = 0; i < batch.size(); i++) {
			if (taken.contains(batch.get(i).id())) {
				errors.add(new FieldError("/events/" + i + "/id", "is already used by another session"));
			}
		}
		if (!errors.isEmpty()) {
			throw new SessionsProblems.InvalidEvents(errors);
		}
		Instant now = this.clock.instant();
		List<UUID> accepted = new ArrayList<>();
		List<UUID> duplicates = new ArrayList<>();
		for (Session.Event event : batch) {
			if (this.sessions.insertEvent(id, session.childId(), event, now)) {
				accepted.add(event.id());
			}
			else {
				duplicates.add(event.id());
			}
		}
		this.audit.success(new PhiAccess("record", "session", id, session.childId()));
		return new BatchResult(accepted, duplicates);
	}

	/**
	 * The therapist signs: the session locks, and mastery is evaluated for every skill
	 * target run in it.
	 */
	@Transactional
	SessionView submit(CurrentUser user, UUID id, String note) {
		Session session = ownOpenSession(user, id, "submit");
		Instant now = this.clock.instant();
		Instant ended = (session.endedAt() != null) ? session.endedAt()
				: (now.isBefore(session.startedAt()) ? session.startedAt() : now);
		if (!this.sessions.submit(id, (note != null) ? blankToNull(note) : session.note(), ended, now)) {
			throw new SessionsProblems.SessionAlreadySubmitted();
		}
		evaluateMastery(session.childId(), this.sessions.events(id));
		this.audit.success(new PhiAccess("submit", "session", id, session.childId()));
		// heard at once by scheduling, which completes the session's appointment (or
		// refuses, before its start)
		this.events.publishEvent(new SessionSubmitted(id, session.childId(), user.id(), now, session.appointmentId(),
				session.startedAt(), ended));
		return view(this.sessions.find(id, false).orElseThrow());
	}

	@Transactional
	SessionView coSign(CurrentUser user, UUID id, String name, String signature) {
		Session session = visible(user, id, "cosign");
		if (!this.children.maySignFor(user, session.childId())) {
			refuse("cosign", id, session.childId(), false);
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
		return view(this.sessions.find(id, false).orElseThrow());
	}

	@Transactional
	Session.Addendum addAddendum(CurrentUser user, UUID id, String reason, String text) {
		Session session = visible(user, id, "amend");
		if (!this.policy.mayAddAddendum(this.children.relationOf(user, session.childId()))) {
			refuse("amend", id, session.childId(), false);
			throw new SessionsProblems.NotAllowedForSession("Only the care team and admins add addenda.");
		}
		if (!session.isSubmitted()) {
			throw new SessionsProblems.SessionNotSubmitted();
		}
		UUID addendumId = UUID.randomUUID();
		this.sessions.insertAddendum(addendumId, id, session.childId(), reason.trim(), text.trim(), user.id(),
				this.clock.instant());
		this.audit.success(new PhiAccess("amend", "session", id, session.childId()));
		return this.sessions.addenda(id).stream().filter(a -> a.id().equals(addendumId)).findFirst().orElseThrow();
	}

	private void evaluateMastery(UUID childId, List<Session.Event> sessionEvents) {
		Map<UUID, Programs.TargetFacts> targets = targets(childId);
		Set<UUID> run = Tallies.effective(sessionEvents)
			.stream()
			.map(Session.Event::targetId)
			.filter(t -> t != null && targets.containsKey(t))
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
		List<Programs.PhaseChangeFacts> changes = this.programs.phaseChangesOf(childId);
		for (UUID targetId : run) {
			Programs.TargetFacts target = targets.get(targetId);
			if (!"skill".equals(target.kind()) || target.phase() != TargetPhase.INTERVENTION
					|| target.criterion() == null) {
				continue;
			}
			// sessions count from the day (clinic time) the target entered intervention,
			// as the graphs show phases
			Instant since = changes.stream()
				.filter(c -> c.targetId().equals(targetId) && c.phase() == TargetPhase.INTERVENTION)
				.map(Programs.PhaseChangeFacts::at)
				.max(Instant::compareTo)
				.map(at -> java.time.LocalDate.ofInstant(at, this.zone).atStartOfDay(this.zone).toInstant())
				.orElse(Instant.EPOCH);
			List<MasteryRule.SessionResult> results = ProgressCalculator.results(
					this.sessions.submittedEvents(childId, since, this.clock.instant().plus(Duration.ofDays(1))),
					targetId);
			List<UUID> metIn = MasteryRule.metIn(results, target.criterion());
			if (!metIn.isEmpty()) {
				this.programs.recordMastery(targetId, metIn);
			}
		}
	}

	private void validate(Session.Event e, String at, Map<UUID, Programs.TargetFacts> targets, Instant latest,
			Set<UUID> seen, List<FieldError> errors) {
		if (e == null) {
			errors.add(new FieldError(at, "must be an event"));
			return;
		}
		if (e.id() == null) {
			errors.add(new FieldError(at + "/id", "is required (a UUID chosen by the client)"));
		}
		else if (!seen.add(e.id())) {
			errors.add(new FieldError(at + "/id", "appears twice in this batch"));
		}
		if (e.at() == null) {
			errors.add(new FieldError(at + "/at", "is required"));
		}
		else if (e.at().isAfter(latest)) {
			errors.add(new FieldError(at + "/at", "lies in the future"));
		}
		else if (e.at().isBefore(EARLIEST)) {
			errors.add(new FieldError(at + "/at", "lies too far in the past"));
		}
		String type = (e.type() == null) ? "" : e.type();
		switch (type) {
			case "trial" -> {
				target(e, at, targets, Set.of("percent_correct"), true, errors);
				oneOf(e.outcome(), OUTCOMES, at + "/outcome", errors);
				oneOf(e.promptLevel(), PROMPT_LEVELS, at + "/promptLevel", errors);
			}
			case "task_step" -> {
				target(e, at, targets, Set.of("task_analysis"), true, errors);
				if (e.step() == null || e.step() < 1 || e.step() > 100) {
					errors.add(new FieldError(at + "/step", "must be a step number from 1 to 100"));
				}
				oneOf(e.promptLevel(), PROMPT_LEVELS, at + "/promptLevel", errors);
			}
			case "frequency" -> {
				target(e, at, targets, Set.of("frequency", "rate"), true, errors);
				if (e.count() == null || e.count() < 1 || e.count() > 1000) {
					errors.add(new FieldError(at + "/count", "must be from 1 to 1000"));
				}
			}
			case "duration" -> {
				target(e, at, targets, Set.of("duration"), true, errors);
				if (e.seconds() == null || e.seconds() < 1 || e.seconds() > 86_400) {
					errors.add(new FieldError(at + "/seconds", "must be from 1 to 86400"));
				}
			}
			case "abc" -> {
				target(e, at, targets, Set.of("frequency", "rate", "duration"), false, errors);
				text(e.antecedent(), at + "/antecedent", errors);
				text(e.behavior(), at + "/behavior", errors);
				text(e.consequence(), at + "/consequence", errors);
			}
			case "undo" -> {
				if (e.undoes() == null) {
					errors.add(new FieldError(at + "/undoes", "must name the event to undo"));
				}
			}
			default -> errors
				.add(new FieldError(at + "/type", "must be one of trial, task_step, frequency, duration, abc, undo"));
		}
	}

	private static void target(Session.Event e, String at, Map<UUID, Programs.TargetFacts> targets,
			Set<String> measurements, boolean required, List<FieldError> errors) {
		if (e.targetId() == null) {
			if (required) {
				errors.add(new FieldError(at + "/targetId", "is required"));
			}
			return;
		}
		Programs.TargetFacts target = targets.get(e.targetId());
		if (target == null || !"active".equals(target.programStatus())) {
			errors.add(new FieldError(at + "/targetId", "is not a target of this child's active programs"));
		}
		else if (!measurements.contains(target.measurement())) {
			errors.add(new FieldError(at + "/targetId",
					"belongs to a program measured by " + target.measurement() + ", not this kind of event"));
		}
	}

	private static void oneOf(String value, Set<String> allowed, String pointer, List<FieldError> errors) {
		if (value == null || !allowed.contains(value)) {
			errors
				.add(new FieldError(pointer, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed))));
		}
	}

	private static void text(String value, String pointer, List<FieldError> errors) {
		if (value == null || value.isBlank() || value.length() > 2000) {
			errors.add(new FieldError(pointer, "is required (at most 2000 characters)"));
		}
	}

	private void validate(SessionDraft draft) {
		if (!Session.serviceCodes().contains(draft.serviceCode())) {
			throw new SessionsProblems.InvalidSession("/serviceCode",
					"must be an adaptive behavior CPT code 97151 to 97158");
		}
		if (!Place.isPlace(draft.place())) {
			throw new SessionsProblems.InvalidSession("/place",
					"must be one of clinic, home, school, community, telehealth");
		}
		if (draft.startedAt().isBefore(EARLIEST)) {
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

	/**
	 * The user's own open session, locked so recording and submitting never interleave.
	 */
	private Session ownOpenSession(CurrentUser user, UUID id, String action) {
		visible(user, id, action);
		Session session = this.sessions.find(id, true).orElseThrow();
		if (!this.policy.mayChange(user, session)) {
			refuse(action, id, session.childId(), false);
			throw new SessionsProblems.NotAllowedForSession("Only the session's own therapist records into it.");
		}
		if (session.isSubmitted()) {
			throw new SessionsProblems.SessionAlreadySubmitted();
		}
		return session;
	}

	/**
	 * The session if the user may know of it; otherwise a 404 written to the access log.
	 */
	private Session visible(CurrentUser user, UUID id, String action) {
		Session session = this.sessions.find(id, false).orElse(null);
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

	private void refuse(String action, UUID sessionId, UUID childId, boolean notFound) {
		this.audit.refused(new PhiAccess(action, "session", sessionId, childId), notFound);
	}

	private Map<UUID, Programs.TargetFacts> targets(UUID childId) {
		return this.programs.targetsOf(childId)
			.stream()
			.collect(Collectors.toMap(Programs.TargetFacts::targetId, Function.identity()));
	}

	private SessionView view(Session session) {
		List<Session.Event> events = this.sessions.events(session.id());
		return new SessionView(session, events, Tallies.byTarget(events), this.sessions.addenda(session.id()),
				targets(session.childId()));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
