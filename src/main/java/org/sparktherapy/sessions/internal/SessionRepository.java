package org.sparktherapy.sessions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sessions, events and addenda in PostgreSQL. Events are inserted with
 * {@code ON CONFLICT DO NOTHING} on their client-chosen id, which makes every batch
 * idempotent.
 */
@Repository
class SessionRepository {

	private static final String SELECT = """
			select s.*, a.name as therapist_name from therapy_sessions s join account_names a on a.account_id = s.therapist_id
			""";

	private final JdbcClient jdbc;

	SessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Session> find(UUID id, boolean forUpdate) {
		return this.jdbc.sql(SELECT + " where s.id = :id" + (forUpdate ? " for update of s" : ""))
			.param("id", id)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/**
	 * Inserts the session unless its id exists (a concurrent replay); returns whether it
	 * was inserted.
	 */
	boolean insert(UUID id, UUID childId, UUID therapistId, String serviceCode, String place, Instant startedAt,
			Instant endedAt, String note, Instant now) {
		return this.jdbc
			.sql("""
					insert into therapy_sessions (id, child_id, therapist_id, service_code, place, started_at, ended_at, note,
					    status, created_at, updated_at)
					values (:id, :child, :therapist, :code, :place, :started, :ended, :note, 'open', :now, :now)
					on conflict (id) do nothing
					""")
			.param("id", id)
			.param("child", childId)
			.param("therapist", therapistId)
			.param("code", serviceCode)
			.param("place", place)
			.param("started", Timestamp.from(startedAt))
			.param("ended", (endedAt != null) ? Timestamp.from(endedAt) : null)
			.param("note", note)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** The session opened for this appointment, if any. */
	Optional<UUID> forAppointment(UUID appointmentId) {
		return this.jdbc.sql("select id from therapy_sessions where appointment_id = :appointment")
			.param("appointment", appointmentId)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Opens a session for an appointment unless one is open for it; returns whether it
	 * was inserted.
	 */
	boolean insertForAppointment(UUID id, UUID appointmentId, UUID childId, UUID therapistId, String serviceCode,
			String place, Instant startedAt, Instant endedAt, Instant now) {
		return this.jdbc
			.sql("""
					insert into therapy_sessions (id, appointment_id, child_id, therapist_id, service_code, place, started_at,
					    ended_at, status, created_at, updated_at)
					values (:id, :appointment, :child, :therapist, :code, :place, :started, :ended, 'open', :now, :now)
					on conflict do nothing
					""")
			.param("id", id)
			.param("appointment", appointmentId)
			.param("child", childId)
			.param("therapist", therapistId)
			.param("code", serviceCode)
			.param("place", place)
			.param("started", Timestamp.from(startedAt))
			.param("ended", Timestamp.from(endedAt))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	void update(UUID id, String serviceCode, String place, Instant startedAt, Instant endedAt, String note,
			Instant now) {
		this.jdbc
			.sql("""
					update therapy_sessions set service_code = :code, place = :place, started_at = :started, ended_at = :ended,
					    note = :note, updated_at = :now, version = version + 1
					where id = :id
					""")
			.param("id", id)
			.param("code", serviceCode)
			.param("place", place)
			.param("started", Timestamp.from(startedAt))
			.param("ended", (endedAt != null) ? Timestamp.from(endedAt) : null)
			.param("note", note)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Submits the session if it is still open; returns whether it was. */
	boolean submit(UUID id, String note, Instant endedAt, Instant now) {
		return this.jdbc.sql("""
				update therapy_sessions set status = 'submitted', note = :note, ended_at = :ended, submitted_at = :now,
				    updated_at = :now, version = version + 1
				where id = :id and status = 'open'
				""")
			.param("id", id)
			.param("note", note)
			.param("ended", Timestamp.from(endedAt))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Records the co-signature unless someone co-signed first; returns whether this one
	 * was recorded.
	 */
	boolean signByGuardian(UUID id, UUID guardianId, String name, String signature, Instant now) {
		return this.jdbc.sql("""
				update therapy_sessions set guardian_account_id = :guardian, guardian_name = :name,
				    guardian_signature = :signature, guardian_signed_at = :now, updated_at = :now, version = version + 1
				where id = :id and guardian_signed_at is null and status = 'submitted'
				""")
			.param("id", id)
			.param("guardian", guardianId)
			.param("name", name)
			.param("signature", signature)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** Which of these event ids are already stored for another session. */
	List<UUID> eventIdsOfOtherSessions(UUID sessionId, List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select id from session_events where id in (:ids) and session_id <> :session")
			.param("ids", ids)
			.param("session", sessionId)
			.query(UUID.class)
			.list();
	}

	/**
	 * Stores the events whose ids are not known yet, in one statement (the batch as
	 * arrays, {@code unnest}ed), and returns the ids it stored: the others were already
	 * stored, by this session or another. The rows are inserted in id order, so two
	 * batches sharing ids wait for each other instead of deadlocking.
	 */
	Set<UUID> insertEvents(UUID sessionId, UUID childId, List<SessionEvent> events, Instant now) {
		if (events.isEmpty()) {
			return Set.of();
		}
		List<FlatEvent> rows = events.stream().map(FlatEvent::of).sorted(Comparator.comparing(FlatEvent::id)).toList();
		return new HashSet<>(this.jdbc
			.sql("""
					insert into session_events (id, session_id, child_id, type, target_id, outcome, prompt_level, step, count,
					    seconds, antecedent, behavior, consequence, undoes, at, received_at)
					select e.id, :session, :child, e.type, e.target, e.outcome, e.prompt, e.step, e.count, e.seconds,
					    e.antecedent, e.behavior, e.consequence, e.undoes, e.at, :now
					from unnest(cast(:ids as uuid[]), cast(:types as text[]), cast(:targets as uuid[]),
					    cast(:outcomes as text[]), cast(:prompts as text[]), cast(:steps as int[]), cast(:counts as int[]),
					    cast(:seconds as int[]), cast(:antecedents as text[]), cast(:behaviors as text[]),
					    cast(:consequences as text[]), cast(:undoes as uuid[]), cast(:ats as timestamptz[]))
					    as e(id, type, target, outcome, prompt, step, count, seconds, antecedent, behavior, consequence,
					         undoes, at)
					on conflict (id) do nothing
					returning id
					""")
			.param("session", sessionId)
			.param("child", childId)
			.param("now", Timestamp.from(now))
			.param("ids", column(rows, FlatEvent::id, UUID[]::new))
			.param("types", column(rows, FlatEvent::type, String[]::new))
			.param("targets", column(rows, FlatEvent::targetId, UUID[]::new))
			.param("outcomes", column(rows, FlatEvent::outcome, String[]::new))
			.param("prompts", column(rows, FlatEvent::promptLevel, String[]::new))
			.param("steps", column(rows, FlatEvent::step, Integer[]::new))
			.param("counts", column(rows, FlatEvent::count, Integer[]::new))
			.param("seconds", column(rows, FlatEvent::seconds, Integer[]::new))
			.param("antecedents", column(rows, FlatEvent::antecedent, String[]::new))
			.param("behaviors", column(rows, FlatEvent::behavior, String[]::new))
			.param("consequences", column(rows, FlatEvent::consequence, String[]::new))
			.param("undoes", column(rows, FlatEvent::undoes, UUID[]::new))
			.param("ats", column(rows, e -> e.at().toString(), String[]::new))
			.query(UUID.class)
			.list());
	}

	private static <T> T[] column(List<FlatEvent> rows, Function<FlatEvent, T> field, IntFunction<T[]> array) {
		return rows.stream().map(field).toArray(array);
	}

	List<SessionEvent> events(UUID sessionId) {
		return this.jdbc.sql("select * from session_events where session_id = :session order by at, received_at, id")
			.param("session", sessionId)
			.query((rs, n) -> mapEvent(rs))
			.list();
	}

	/**
	 * Events of the child's submitted sessions, with their session, for progress and
	 * mastery: sessions in order of start, then of first entry, then of id (two sessions
	 * that began at the same instant can have entries at the same instant too), as
	 * {@link SessionResults} orders its stored results.
	 */
	List<SubmittedEvent> submittedEvents(UUID childId, Instant from, Instant to) {
		return this.jdbc.sql("""
				select e.*, s.started_at as session_started_at from session_events e
				join therapy_sessions s on s.id = e.session_id
				where e.child_id = :child and s.child_id = :child and s.status = 'submitted'
				    and s.started_at >= :from and s.started_at < :to
				order by s.started_at, e.at, e.session_id, e.received_at, e.id
				""")
			.param("child", childId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new SubmittedEvent(rs.getObject("session_id", UUID.class),
					rs.getTimestamp("session_started_at").toInstant(), mapEvent(rs)))
			.list();
	}

	/**
	 * For each target (of the child it is listed under), when the child's first submitted
	 * session (begun before {@code to}) with an entry about it began, undone entries
	 * included: the caseload's "since" for a target without a phase change. One read for
	 * all targets; targets without such a session are left out.
	 */
	Map<UUID, Instant> firstSubmittedWith(Map<UUID, ? extends Collection<UUID>> targetsByChild, Instant to) {
		Map<UUID, Instant> first = new HashMap<>();
		if (targetsByChild.values().stream().allMatch(Collection::isEmpty)) {
			return first;
		}
		this.jdbc.sql("""
				select e.child_id, e.target_id, min(s.started_at) from session_events e
				join therapy_sessions s on s.id = e.session_id
				where e.child_id = any(:children) and e.target_id = any(:targets) and s.child_id = e.child_id
				    and s.status = 'submitted' and s.started_at < :to
				group by e.child_id, e.target_id
				""")
			.param("children", targetsByChild.keySet().toArray(UUID[]::new))
			.param("targets", targetsByChild.values().stream().flatMap(Collection::stream).toArray(UUID[]::new))
			.param("to", Timestamp.from(to))
			.query(rs -> {
				UUID target = rs.getObject(2, UUID.class);
				if (targetsByChild.get(rs.getObject(1, UUID.class)).contains(target)) {
					first.put(target, rs.getTimestamp(3).toInstant());
				}
			});
		return first;
	}

	/** A submitted session's event with the session it belongs to. */
	record SubmittedEvent(UUID sessionId, Instant sessionStartedAt, SessionEvent event) {
	}

	List<Session> submittedSessions(UUID childId, Instant from, Instant to) {
		return this.jdbc.sql(SELECT + """
				 where s.child_id = :child and s.status = 'submitted' and s.started_at >= :from and s.started_at < :to
				order by s.started_at
				""")
			.param("child", childId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> map(rs))
			.list();
	}

	PageResponse<Session> forChild(UUID childId, boolean submittedOnly, Instant from, Instant to, PageQuery page) {
		String where = " where s.child_id = :child" + (submittedOnly ? " and s.status = 'submitted'" : "")
				+ " and s.started_at >= :from and s.started_at < :to";
		long total = this.jdbc.sql("select count(*) from therapy_sessions s" + where)
			.param("child", childId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Long.class)
			.single();
		List<Session> rows = this.jdbc
			.sql(SELECT + where + " order by s.started_at desc, s.id limit :limit offset :offset")
			.param("child", childId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> map(rs))
			.list();
		return PageResponse.of(rows, page, total);
	}

	void insertAddendum(UUID id, UUID sessionId, UUID childId, String reason, String text, UUID by, Instant now) {
		this.jdbc.sql("""
				insert into session_addenda (id, session_id, child_id, reason, text, at, account_id)
				values (:id, :session, :child, :reason, :text, :now, :by)
				""")
			.param("id", id)
			.param("session", sessionId)
			.param("child", childId)
			.param("reason", reason)
			.param("text", text)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.update();
	}

	List<Session.Addendum> addenda(UUID sessionId) {
		return this.jdbc.sql("""
				select d.id, d.at, d.account_id, a.name, d.reason, d.text from session_addenda d
				join account_names a on a.account_id = d.account_id where d.session_id = :session order by d.at
				""")
			.param("session", sessionId)
			.query((rs, n) -> new Session.Addendum(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
					new Session.Person(rs.getObject(3, UUID.class), rs.getString(4)), rs.getString(5), rs.getString(6)))
			.list();
	}

	private static Session map(ResultSet rs) throws SQLException {
		Timestamp ended = rs.getTimestamp("ended_at");
		Timestamp submitted = rs.getTimestamp("submitted_at");
		Timestamp signed = rs.getTimestamp("guardian_signed_at");
		return new Session(rs.getObject("id", UUID.class), rs.getObject("child_id", UUID.class),
				new Session.Person(rs.getObject("therapist_id", UUID.class), rs.getString("therapist_name")),
				rs.getString("service_code"), rs.getString("place"), rs.getTimestamp("started_at").toInstant(),
				(ended != null) ? ended.toInstant() : null, rs.getString("note"),
				Session.Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
				(submitted != null) ? submitted.toInstant() : null,
				(signed != null) ? new Session.GuardianSignature(rs.getString("guardian_name"), signed.toInstant())
						: null,
				rs.getObject("appointment_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}

	private static SessionEvent mapEvent(ResultSet rs) throws SQLException {
		return new FlatEvent(rs.getObject("id", UUID.class), rs.getString("type"),
				rs.getObject("target_id", UUID.class), rs.getString("outcome"), rs.getString("prompt_level"),
				(Integer) rs.getObject("step"), (Integer) rs.getObject("count"), (Integer) rs.getObject("seconds"),
				rs.getString("antecedent"), rs.getString("behavior"), rs.getString("consequence"),
				rs.getObject("undoes", UUID.class), rs.getTimestamp("at").toInstant())
			.toEvent();
	}

}
