package org.sparktherapy.sessions.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.Nullable;
import org.sparktherapy.sessions.Sessions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per-target summaries of submitted sessions for many children at once, read set-based so
 * that a report over a clinic is a few queries rather than a replay of every child's
 * history. The targets a query asks about go in as one JSON array
 * ({@code jsonb_to_recordset}); each target's sessions are then walked newest first
 * through {@code therapy_sessions_child_idx} and stop at what is asked, so the cost
 * follows the number of targets, not the length of the history. "Data" follows
 * {@link Tallies}: entries not undone in their session.
 */
@Repository
class TargetSummaryRepository {

	/**
	 * A target whose results are asked for: the latest {@code limit} since {@code since}.
	 */
	record ResultsAsked(UUID childId, UUID targetId, Instant since, int limit) {
	}

	/** A child's target, for its first submitted session with an entry about it. */
	record TargetOfChild(UUID childId, UUID targetId) {
	}

	private final JdbcClient jdbc;

	TargetSummaryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Per target asked for, its results (trials and task steps, as
	 * {@link ProgressCalculator#results}) of the latest {@code limit} submitted sessions
	 * that began in {@code [since, until)} and have any, oldest first. Targets without
	 * one are not keys.
	 */
	Map<UUID, List<MasteryRule.SessionResult>> latestResults(Collection<ResultsAsked> targets, Instant until) {
		Map<UUID, List<MasteryRule.SessionResult>> results = new HashMap<>();
		if (targets.isEmpty()) {
			return results;
		}
		this.jdbc
			.sql("""
					select t.target_id, r.session_id, r.trials, r.correct, r.steps, r.independent_steps
					from jsonb_to_recordset(cast(:targets as jsonb))
					    as t(child_id uuid, target_id uuid, since timestamptz, "limit" integer)
					cross join lateral (
					    select s.id as session_id, s.started_at, x.trials, x.correct, x.steps, x.independent_steps
					    from therapy_sessions s
					    cross join lateral (
					        select count(*) filter (where e.type = 'trial') as trials,
					            count(*) filter (where e.type = 'trial' and e.outcome = 'correct') as correct,
					            count(*) filter (where e.type = 'task_step') as steps,
					            count(*) filter (where e.type = 'task_step' and e.prompt_level = 'independent')
					                as independent_steps
					        from session_events e
					        where e.session_id = s.id and e.child_id = t.child_id and e.target_id = t.target_id
					            and e.type in ('trial', 'task_step')
					            and not exists (select 1 from session_events u where u.session_id = s.id and u.undoes = e.id)
					    ) x
					    where s.child_id = t.child_id and s.status = 'submitted' and s.started_at >= t.since
					        and s.started_at < :until and x.trials + x.steps > 0
					    order by s.started_at desc, s.id desc
					    limit t."limit"
					) r
					order by t.target_id, r.started_at, r.session_id
					""")
			.param("targets",
					json(targets,
							t -> Map.of("child_id", t.childId(), "target_id", t.targetId(), "since", t.since(), "limit",
									t.limit())))
			.param("until", Timestamp.from(until))
			.query(rs -> {
				int trials = rs.getInt("trials");
				int steps = rs.getInt("steps");
				Double percent = (trials > 0) ? Tallies.percent(rs.getInt("correct"), trials)
						: Tallies.percent(rs.getInt("independent_steps"), steps);
				results.computeIfAbsent(rs.getObject("target_id", UUID.class), k -> new ArrayList<>())
					.add(new MasteryRule.SessionResult(rs.getObject("session_id", UUID.class), trials + steps,
							percent));
			});
		return results;
	}

	/**
	 * Per target asked for, when the child's first submitted session that began before
	 * {@code until} with any entry about it (undone or not, as
	 * {@link SessionEvent#isAbout}) began. Targets without one are not keys.
	 */
	Map<UUID, Instant> firstSessions(Collection<TargetOfChild> targets, Instant until) {
		if (targets.isEmpty()) {
			return Map.of();
		}
		return instants(this.jdbc.sql("""
				select t.target_id, (
				    select min(s.started_at) from session_events e join therapy_sessions s on s.id = e.session_id
				    where e.child_id = t.child_id and e.target_id = t.target_id and s.child_id = t.child_id
				        and s.status = 'submitted' and s.started_at < :until) as at
				from jsonb_to_recordset(cast(:targets as jsonb)) as t(child_id uuid, target_id uuid)
				""")
			.param("targets", json(targets, t -> Map.of("child_id", t.childId(), "target_id", t.targetId())))
			.param("until", Timestamp.from(until)));
	}

	/**
	 * Per target asked for, when its latest submitted session in {@code [since, until)}
	 * with data about it began. Targets without one are not keys.
	 */
	Map<UUID, Instant> latestData(Collection<Sessions.TargetSince> targets, Instant until) {
		if (targets.isEmpty()) {
			return Map.of();
		}
		return instants(this.jdbc.sql("""
				select t.target_id, (
				    select s.started_at from therapy_sessions s
				    where s.child_id = t.child_id and s.status = 'submitted' and s.started_at >= t.since
				        and s.started_at < :until
				        and exists (select 1 from session_events e
				            where e.session_id = s.id and e.child_id = t.child_id and e.target_id = t.target_id
				                and e.type <> 'undo'
				                and not exists (select 1 from session_events u
				                    where u.session_id = s.id and u.undoes = e.id))
				    order by s.started_at desc limit 1) as at
				from jsonb_to_recordset(cast(:targets as jsonb)) as t(child_id uuid, target_id uuid, since timestamptz)
				""")
			.param("targets",
					json(targets, t -> Map.of("child_id", t.childId(), "target_id", t.targetId(), "since", t.since())))
			.param("until", Timestamp.from(until)));
	}

	/**
	 * The submitted sessions of each child asked for begun in {@code [from, to)}, oldest
	 * first, with the targets each has an entry for that no undo in the session takes
	 * back; every child asked for is a key.
	 */
	Map<UUID, List<Sessions.RecordedSession>> recordedSessions(Collection<UUID> childIds, Instant from, Instant to) {
		Map<UUID, List<Sessions.RecordedSession>> byChild = new LinkedHashMap<>();
		childIds.forEach(child -> byChild.put(child, new ArrayList<>()));
		if (childIds.isEmpty()) {
			return byChild;
		}
		this.jdbc.sql("""
				select s.child_id, s.id, s.started_at,
				    coalesce(array_agg(distinct e.target_id) filter (where e.target_id is not null), '{}') as targets
				from therapy_sessions s
				left join session_events e on e.session_id = s.id and e.child_id = s.child_id and e.type <> 'undo'
				    and not exists (select 1 from session_events u where u.session_id = s.id and u.undoes = e.id)
				where s.child_id in (:children) and s.status = 'submitted' and s.started_at >= :from
				    and s.started_at < :to
				group by s.child_id, s.id, s.started_at
				order by s.child_id, s.started_at, s.id
				""")
			.param("children", childIds)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(rs -> {
				byChild.get(rs.getObject("child_id", UUID.class))
					.add(new Sessions.RecordedSession(rs.getObject("id", UUID.class),
							rs.getTimestamp("started_at").toInstant(),
							Set.of((UUID[]) rs.getArray("targets").getArray())));
			});
		return byChild;
	}

	private static Map<UUID, Instant> instants(JdbcClient.StatementSpec statement) {
		Map<UUID, Instant> found = new HashMap<>();
		statement.query(rs -> {
			Timestamp at = rs.getTimestamp("at");
			if (at != null) {
				found.put(rs.getObject("target_id", UUID.class), at.toInstant());
			}
		});
		return found;
	}

	/**
	 * The rows as a JSON array of flat objects: ids, whole numbers and instants (ISO-8601
	 * to the microsecond, PostgreSQL's precision) need no escaping.
	 */
	private static <T> String json(Collection<T> rows, Function<T, Map<String, Object>> fields) {
		return rows.stream()
			.map(row -> fields.apply(row)
				.entrySet()
				.stream()
				.map(field -> "\"" + field.getKey() + "\":" + value(field.getValue()))
				.collect(Collectors.joining(",", "{", "}")))
			.collect(Collectors.joining(",", "[", "]"));
	}

	private static String value(@Nullable Object value) {
		return switch (value) {
			case null -> "null";
			case Integer number -> number.toString();
			case Instant instant -> "\"" + instant.truncatedTo(ChronoUnit.MICROS) + "\"";
			default -> "\"" + value + "\"";
		};
	}

}
