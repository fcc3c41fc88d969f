package org.sparktherapy.sessions.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each submitted session's result per target, kept in {@code session_target_results} (ADR
 * 0049): a submitted session is locked, so what it adds to a target's graph is computed
 * once, when it is submitted (and again when an addendum is written), and progress reads
 * a child's results with one indexed query instead of replaying its every event. The
 * figures are those of {@link Tallies}, computed by the SQL function
 * {@code session_target_results_of} ({@code V65}).
 */
@Repository
class SessionResults {

	/** One session's result for one target, as stored. */
	record Result(UUID sessionId, UUID targetId, Instant startedAt, @Nullable Instant endedAt, int trials,
			@Nullable Double percentCorrect, @Nullable Double percentIndependent, int count, int durationSeconds) {

		/** Hours the session lasted, as {@link Session#hours}. */
		double hours(Instant now) {
			Instant end = (this.endedAt != null) ? this.endedAt : now;
			return Math.max(0, java.time.Duration.between(this.startedAt, end).toSeconds()) / 3600.0;
		}

	}

	/** What a child's results are at: changes with every result written for it. */
	record Version(long revision, long rows) {
	}

	/**
	 * The one definition of the figures is the SQL function
	 * {@code session_target_results_of} (V65), which the benchmark generators call too;
	 * with a session's id PostgreSQL inlines it and reads that session's events alone.
	 */
	private static final String WRITE = """
			insert into session_target_results (session_id, target_id, child_id, started_at, ended_at, trials,
			    percent_correct, percent_independent, count, duration_seconds)
			select * from session_target_results_of(:session)
			""";

	private final JdbcClient jdbc;

	SessionResults(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * (Re)writes the submitted session's results, in the caller's transaction; nothing
	 * for an open session.
	 */
	void write(UUID sessionId) {
		this.jdbc.sql("delete from session_target_results where session_id = :session")
			.param("session", sessionId)
			.update();
		this.jdbc.sql(WRITE).param("session", sessionId).update();
	}

	/**
	 * The child's results of sessions begun in {@code [from, to)}, in the order the
	 * sessions began.
	 */
	List<Result> ofChild(UUID childId, Instant from, Instant to) {
		return inReplayOrder(this.jdbc.sql("""
				select session_id, target_id, started_at, ended_at, trials, percent_correct, percent_independent,
				    count, duration_seconds
				from session_target_results
				where child_id = :child and started_at >= :from and started_at < :to
				order by started_at, session_id
				""")
			.param("child", childId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> map(rs))
			.list());
	}

	/**
	 * The child's results for these targets of sessions begun in {@code [from, to)}, in
	 * the order the sessions began (mastery and the caseload's watch, instead of
	 * replaying the child's events).
	 */
	List<Result> ofTargets(UUID childId, Collection<UUID> targetIds, Instant from, Instant to) {
		if (targetIds.isEmpty()) {
			return List.of();
		}
		return inReplayOrder(this.jdbc.sql("""
				select session_id, target_id, started_at, ended_at, trials, percent_correct, percent_independent,
				    count, duration_seconds
				from session_target_results
				where child_id = :child and target_id = any(:targets) and started_at >= :from and started_at < :to
				order by started_at, session_id
				""")
			.param("child", childId)
			.param("targets", targetIds.toArray(UUID[]::new))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> map(rs))
			.list());
	}

	/**
	 * {@link #ofTargets(UUID, Collection, Instant, Instant)} for many children in one
	 * read (the caseload's watch): each child asked for, in the order given, with its
	 * targets' results in replay order (none: an empty list). Sessions tied at their
	 * start cost one more read for all children together.
	 */
	Map<UUID, List<Result>> ofTargets(Map<UUID, ? extends Collection<UUID>> targetsByChild, Instant from, Instant to) {
		Map<UUID, List<Result>> byChild = new LinkedHashMap<>();
		targetsByChild.keySet().forEach(child -> byChild.put(child, new ArrayList<>()));
		UUID[] targets = targetsByChild.values().stream().flatMap(Collection::stream).toArray(UUID[]::new);
		if (targets.length == 0) {
			return byChild;
		}
		this.jdbc.sql("""
				select child_id, session_id, target_id, started_at, ended_at, trials, percent_correct,
				    percent_independent, count, duration_seconds
				from session_target_results
				where child_id = any(:children) and target_id = any(:targets) and started_at >= :from
				    and started_at < :to
				order by child_id, started_at, session_id
				""")
			.param("children", byChild.keySet().toArray(UUID[]::new))
			.param("targets", targets)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(rs -> {
				List<Result> results = byChild.get(rs.getObject("child_id", UUID.class));
				Result result = map(rs);
				// a target asked for of another child is not this child's
				if (targetsByChild.get(rs.getObject("child_id", UUID.class)).contains(result.targetId())) {
					results.add(result);
				}
			});
		Set<UUID> tied = new HashSet<>();
		byChild.values().forEach(results -> tied.addAll(tied(results)));
		Map<UUID, Instant> firstEntry = firstEntries(tied);
		byChild.replaceAll((child, results) -> inReplayOrder(results, firstEntry));
		return byChild;
	}

	/** The child's results' version, for the progress ETag (an index-only read). */
	Version version(UUID childId) {
		return this.jdbc
			.sql("select coalesce(max(revision), 0), count(*) from session_target_results where child_id = :child")
			.param("child", childId)
			.query((rs, n) -> new Version(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/**
	 * The results in the order replaying the events gives (ADR 0049, session 13): by the
	 * sessions' start, and sessions that began at the same instant (a 97155 beside a
	 * 97153) by their first entry, as the replay met them; their ids last. Only such ties
	 * cost a query.
	 */
	private List<Result> inReplayOrder(List<Result> results) {
		Set<UUID> tied = tied(results);
		return tied.isEmpty() ? results : inReplayOrder(results, firstEntries(tied));
	}

	/** The sessions of the results that began at the same instant as another. */
	private static Set<UUID> tied(List<Result> results) {
		Set<UUID> tied = new HashSet<>();
		for (int i = 1; i < results.size(); i++) {
			Result before = results.get(i - 1);
			Result result = results.get(i);
			if (before.startedAt().equals(result.startedAt()) && !before.sessionId().equals(result.sessionId())) {
				tied.add(before.sessionId());
				tied.add(result.sessionId());
			}
		}
		return tied;
	}

	/** Each session's first entry (one read for all of them; none asked: none read). */
	private Map<UUID, Instant> firstEntries(Set<UUID> sessions) {
		Map<UUID, Instant> firstEntry = new HashMap<>();
		if (sessions.isEmpty()) {
			return firstEntry;
		}
		this.jdbc.sql("select session_id, min(at) from session_events where session_id = any(:ids) group by session_id")
			.param("ids", sessions.toArray(UUID[]::new))
			.query((rs, n) -> firstEntry.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
			.list();
		return firstEntry;
	}

	/**
	 * The results (by start, then session id) with the sessions tied at their start
	 * ordered by their first entry, as the replay met them; their ids last.
	 */
	private static List<Result> inReplayOrder(List<Result> results, Map<UUID, Instant> firstEntry) {
		if (firstEntry.isEmpty() || tied(results).isEmpty()) {
			return results;
		}
		List<Result> sorted = new ArrayList<>(results);
		sorted.sort(Comparator.comparing(Result::startedAt)
			.thenComparing(r -> firstEntry.getOrDefault(r.sessionId(), Instant.MIN))
			// as PostgreSQL orders uuids (unsigned bytes), not as UUID.compareTo (signed
			// longs)
			.thenComparing(r -> r.sessionId().toString()));
		return sorted;
	}

	private static Result map(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp ended = rs.getTimestamp("ended_at");
		return new Result(rs.getObject("session_id", UUID.class), rs.getObject("target_id", UUID.class),
				rs.getTimestamp("started_at").toInstant(), (ended != null) ? ended.toInstant() : null,
				rs.getInt("trials"), (Double) rs.getObject("percent_correct"),
				(Double) rs.getObject("percent_independent"), rs.getInt("count"), rs.getInt("duration_seconds"));
	}

}
