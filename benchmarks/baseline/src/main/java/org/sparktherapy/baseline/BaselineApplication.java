package org.sparktherapy.baseline;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The bare baseline of the performance benchmark (ADR 0047): the reads and writes of each workload on SPARKTherapy's
 * own tables, with Spring MVC and JdbcClient on virtual threads and the same pool size, but no sign-in, no access
 * check and no audit row. It answers the same kind of JSON, so the ratio of the two is what SPARKTherapy's own
 * machinery costs on top of the database work.
 */
@SpringBootApplication
@RestController
public class BaselineApplication {

	public static void main(String[] args) {
		SpringApplication.run(BaselineApplication.class, args);
	}

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate tx;

	BaselineApplication(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.tx = tx;
	}

	@GetMapping("/health")
	Map<String, String> health() {
		return Map.of("status", "UP");
	}

	/** A child's record: the child, its guardians and its care team, with their names. */
	@GetMapping("/children/{id}")
	Map<String, Object> child(@PathVariable UUID id) {
		Map<String, Object> child = this.jdbc
			.sql("""
					select id, first_name, last_name, preferred_name, date_of_birth, diagnosis_codes::text as diagnosis_codes,
					    status, intake_date, school, medical_notes, allergies, emergency_contacts::text as emergency_contacts,
					    insurance::text as insurance, created_at, updated_at, version
					from children where id = :id""")
			.param("id", id)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		child = new LinkedHashMap<>(child);
		child.put("guardians", this.jdbc.sql("""
				select g.account_id, a.name, g.relationship, g.can_sign from guardians g
				join account_names a on a.account_id = g.account_id where g.child_id = :id order by a.name""")
			.param("id", id)
			.query()
			.listOfRows());
		child.put("careTeam", this.jdbc.sql("""
				select c.account_id, a.name, c.role, a.credential from care_team_members c
				join account_names a on a.account_id = c.account_id where c.child_id = :id order by a.name""")
			.param("id", id)
			.query()
			.listOfRows());
		return child;
	}

	/** A child's programs, each with its targets. */
	@GetMapping("/programs/child/{childId}")
	List<Map<String, Object>> programs(@PathVariable UUID childId) {
		Map<Object, Map<String, Object>> programs = new LinkedHashMap<>();
		for (Map<String, Object> row : this.jdbc.sql("""
				select id, child_id, name, domain, objective, kind, measurement, mastery_percent,
				    mastery_consecutive_sessions, mastery_min_trials, status, auto_advance, created_at, updated_at, version
				from programs where child_id = :child order by name, id""").param("child", childId).query().listOfRows()) {
			Map<String, Object> program = new LinkedHashMap<>(row);
			program.put("targets", new ArrayList<Map<String, Object>>());
			programs.put(row.get("id"), program);
		}
		this.jdbc.sql("""
				select id, program_id, name, definition, notes, phase, position from targets where child_id = :child
				order by program_id, position""").param("child", childId).query().listOfRows().forEach(row -> {
			Map<String, Object> program = programs.get(row.get("program_id"));
			if (program != null) {
				@SuppressWarnings("unchecked")
				List<Map<String, Object>> targets = (List<Map<String, Object>>) program.get("targets");
				targets.add(row);
			}
		});
		return new ArrayList<>(programs.values());
	}

	record Point(UUID sessionId, Instant startedAt, int trials, int correct, Double percentCorrect) {
	}

	/**
	 * A child's progress: the same events query as SPARKTherapy's (every event of the child's submitted sessions in
	 * the range), the child's targets and phase changes, and one point per target and session.
	 */
	@GetMapping("/children/{id}/progress")
	List<Map<String, Object>> progress(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Instant start = (from != null) ? from.atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.EPOCH;
		Instant end = (to != null) ? to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
				: Instant.parse("9999-01-01T00:00:00Z");
		return this.tx.execute(status -> {
			Map<UUID, Map<String, Object>> targets = new LinkedHashMap<>();
			this.jdbc.sql("""
					select t.id, t.program_id, t.name, t.phase, p.name as program_name, p.mastery_percent
					from targets t join programs p on p.id = t.program_id where t.child_id = :child
					order by p.name, t.position""").param("child", id).query(rs -> {
				Map<String, Object> target = new LinkedHashMap<>();
				target.put("targetId", rs.getObject("id"));
				target.put("programId", rs.getObject("program_id"));
				target.put("name", rs.getString("name"));
				target.put("program", rs.getString("program_name"));
				target.put("phase", rs.getString("phase"));
				target.put("criterion", rs.getObject("mastery_percent"));
				target.put("phaseChanges", new ArrayList<Map<String, Object>>());
				target.put("points", new ArrayList<Point>());
				targets.put((UUID) rs.getObject("id"), target);
			});
			this.jdbc.sql("select target_id, phase, at from target_phase_changes where child_id = :child order by at")
				.param("child", id)
				.query(rs -> {
					Map<String, Object> target = targets.get((UUID) rs.getObject("target_id"));
					if (target != null) {
						@SuppressWarnings("unchecked")
						List<Map<String, Object>> changes = (List<Map<String, Object>>) target.get("phaseChanges");
						changes.add(Map.of("phase", rs.getString("phase"), "at", rs.getTimestamp("at").toInstant()));
					}
				});
			// per target, per session: trials and correct (sessions come in order)
			Map<UUID, int[]> open = new LinkedHashMap<>();
			Map<UUID, UUID> openSession = new LinkedHashMap<>();
			Map<UUID, Instant> openStart = new LinkedHashMap<>();
			this.jdbc.sql("""
					select e.*, s.started_at as session_started_at from session_events e
					join therapy_sessions s on s.id = e.session_id
					where e.child_id = :child and s.child_id = :child and s.status = 'submitted'
					    and s.started_at >= :from and s.started_at < :to
					order by s.started_at, e.at""")
				.param("child", id)
				.param("from", Timestamp.from(start))
				.param("to", Timestamp.from(end))
				.query(rs -> {
					UUID target = (UUID) rs.getObject("target_id");
					if (target == null || !"trial".equals(rs.getString("type"))) {
						return;
					}
					UUID session = (UUID) rs.getObject("session_id");
					if (!session.equals(openSession.get(target))) {
						close(targets, target, openSession, openStart, open);
						openSession.put(target, session);
						openStart.put(target, rs.getTimestamp("session_started_at").toInstant());
						open.put(target, new int[2]);
					}
					int[] counts = open.get(target);
					counts[0]++;
					if ("correct".equals(rs.getString("outcome"))) {
						counts[1]++;
					}
				});
			for (UUID target : new ArrayList<>(open.keySet())) {
				close(targets, target, openSession, openStart, open);
			}
			return new ArrayList<>(targets.values());
		});
	}

	@SuppressWarnings("unchecked")
	private static void close(Map<UUID, Map<String, Object>> targets, UUID target, Map<UUID, UUID> openSession,
			Map<UUID, Instant> openStart, Map<UUID, int[]> open) {
		int[] counts = open.remove(target);
		if (counts == null || !targets.containsKey(target)) {
			return;
		}
		((List<Point>) targets.get(target).get("points")).add(new Point(openSession.get(target),
				openStart.get(target), counts[0], counts[1], (counts[0] > 0) ? 100.0 * counts[1] / counts[0] : null));
	}

	record Event(UUID id, String type, UUID targetId, String outcome, String promptLevel, Integer step,
			Integer count, Integer seconds, String antecedent, String behavior, String consequence, UUID undoes,
			Instant at) {
	}

	record Batch(List<Event> events) {
	}

	/**
	 * A batch of events into an open session: the session checked open (locked against a concurrent submit), then
	 * one multi-row insert, ids already stored reported as duplicates.
	 */
	@PostMapping("/sessions/{id}/events")
	Map<String, List<UUID>> record(@PathVariable UUID id, @RequestBody Batch batch) {
		return this.tx.execute(status -> {
			Map<String, Object> session = this.jdbc
				.sql("select child_id, status from therapy_sessions where id = :id for share")
				.param("id", id)
				.query()
				.listOfRows()
				.stream()
				.findFirst()
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
			if (!"open".equals(session.get("status"))) {
				throw new ResponseStatusException(HttpStatus.CONFLICT);
			}
			List<Event> events = batch.events();
			int n = events.size();
			Object[] ids = new Object[n], types = new Object[n], targets = new Object[n], outcomes = new Object[n],
					prompts = new Object[n], ats = new Object[n];
			for (int i = 0; i < n; i++) {
				Event e = events.get(i);
				ids[i] = e.id();
				types[i] = e.type();
				targets[i] = e.targetId();
				outcomes[i] = e.outcome();
				prompts[i] = e.promptLevel();
				ats[i] = Timestamp.from(e.at());
			}
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			try {
				Array idArray = connection.createArrayOf("uuid", ids);
				List<UUID> accepted = this.jdbc.sql("""
						insert into session_events (id, session_id, child_id, type, target_id, outcome, prompt_level, at,
						    received_at)
						select e.id, :session, :child, e.type, e.target, e.outcome, e.prompt, e.at, now()
						from unnest(:ids, :types, :targets, :outcomes, :prompts, :ats)
						    as e(id, type, target, outcome, prompt, at)
						on conflict (id) do nothing
						returning id""")
					.param("session", id)
					.param("child", session.get("child_id"))
					.param("ids", idArray)
					.param("types", connection.createArrayOf("text", types))
					.param("targets", connection.createArrayOf("uuid", targets))
					.param("outcomes", connection.createArrayOf("text", outcomes))
					.param("prompts", connection.createArrayOf("text", prompts))
					.param("ats", connection.createArrayOf("timestamptz", ats))
					.query(UUID.class)
					.list();
				List<UUID> duplicates = new ArrayList<>();
				for (Object each : ids) {
					if (!accepted.contains(each)) {
						duplicates.add((UUID) each);
					}
				}
				return Map.of("accepted", accepted, "duplicates", duplicates);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, this.dataSource);
			}
		});
	}

	/** A therapist's appointments overlapping a range, with the child's and therapist's names. */
	@GetMapping("/appointments")
	List<Map<String, Object>> appointments(@RequestParam UUID therapistId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
		return this.jdbc.sql("""
				select a.id, a.child_id, c.first_name, c.last_name, a.therapist_id, t.name as therapist_name,
				    a.service_code, a.place, a.starts_at, a.ends_at, a.status, a.session_id, a.version
				from appointments a join children c on c.id = a.child_id join account_names t on t.account_id = a.therapist_id
				where a.therapist_id = :therapist and a.starts_at < :to and a.ends_at > :from
				order by a.starts_at, a.id limit 100""")
			.param("therapist", therapistId)
			.param("from", from)
			.param("to", to)
			.query()
			.listOfRows();
	}

	/** A conversation, its members with their read positions, and its newest page of messages. */
	@GetMapping("/conversations/{id}/messages")
	Map<String, Object> messages(@PathVariable UUID id, @RequestParam(defaultValue = "30") int limit) {
		Map<String, Object> conversation = this.jdbc
			.sql("select id, kind, child_id, title, created_at, last_message_at from conversations where id = :id")
			.param("id", id)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		conversation = new LinkedHashMap<>(conversation);
		conversation.put("members", this.jdbc.sql("""
				select m.account_id, a.name, a.role, r.last_read_seq from conversation_members m
				join account_names a on a.account_id = m.account_id
				left join conversation_reads r on r.conversation_id = m.conversation_id and r.account_id = m.account_id
				where m.conversation_id = :id""").param("id", id).query().listOfRows());
		List<Map<String, Object>> page = new ArrayList<>(this.jdbc.sql("""
				select m.id, m.seq, m.author_id, a.name as author_name, m.body, m.posted_at, m.edited_at, m.deleted_at
				from messages m join account_names a on a.account_id = m.author_id
				where m.conversation_id = :id order by m.seq desc limit :limit""")
			.param("id", id)
			.param("limit", limit)
			.query()
			.listOfRows());
		java.util.Collections.reverse(page);
		return Map.of("conversation", conversation, "messages", page);
	}

	record MessageRequest(UUID authorId, String body) {
	}

	/** A message posted into a conversation. */
	@PostMapping("/conversations/{id}/messages")
	Map<String, Object> post(@PathVariable UUID id, @RequestBody MessageRequest request) {
		return this.tx.execute(status -> {
			UUID messageId = UUID.randomUUID();
			Instant now = Instant.now();
			long seq = this.jdbc.sql("""
					insert into messages (id, conversation_id, child_id, author_id, body, posted_at)
					select :id, c.id, c.child_id, :author, :body, :now from conversations c where c.id = :conversation
					returning seq""")
				.param("id", messageId)
				.param("conversation", id)
				.param("author", request.authorId())
				.param("body", request.body())
				.param("now", Timestamp.from(now))
				.query(Long.class)
				.single();
			this.jdbc.sql("update conversations set last_message_at = :now where id = :id")
				.param("now", Timestamp.from(now))
				.param("id", id)
				.update();
			return Map.of("id", messageId, "seq", seq, "postedAt", now);
		});
	}

}
