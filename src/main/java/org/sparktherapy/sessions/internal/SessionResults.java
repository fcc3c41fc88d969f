package org.sparktherapy.sessions.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each submitted session's result per target, kept in {@code session_target_results} (ADR
 * 0049): a submitted session is locked, so what it adds to a target's graph is computed
 * once, when it is submitted (and again when an addendum is written), and progress reads
 * a child's results with one indexed query instead of replaying its every event. The
 * figures are those of {@link Tallies}; the statement that writes them is the one the
 * migration ({@code V64}) backfilled with.
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

	private static final String WRITE = """
			insert into session_target_results (session_id, target_id, child_id, started_at, ended_at, trials,
			    percent_correct, percent_independent, count, duration_seconds)
			select s.id, e.target_id, s.child_id, s.started_at, s.ended_at,
			    count(*) filter (where e.type in ('trial', 'task_step')),
			    case
			        when count(*) filter (where e.type = 'trial') > 0
			            then floor(count(*) filter (where e.type = 'trial' and e.outcome = 'correct') * 1000.0::float8
			                / count(*) filter (where e.type = 'trial') + 0.5) / 10
			        when count(*) filter (where e.type = 'task_step') > 0
			            then floor(count(*) filter (where e.type = 'task_step' and e.prompt_level = 'independent')
			                * 1000.0::float8 / count(*) filter (where e.type = 'task_step') + 0.5) / 10
			    end,
			    case
			        when count(*) filter (where e.type in ('trial', 'task_step')) > 0
			            then floor(count(*) filter (where e.type in ('trial', 'task_step')
			                and e.prompt_level = 'independent') * 1000.0::float8
			                / count(*) filter (where e.type in ('trial', 'task_step')) + 0.5) / 10
			    end,
			    coalesce(sum(e.count) filter (where e.type = 'frequency'), 0)
			        + count(*) filter (where e.type = 'duration'),
			    coalesce(sum(e.seconds) filter (where e.type = 'duration'), 0)
			from therapy_sessions s
			join session_events e on e.session_id = s.id and e.child_id = s.child_id
			where s.id = :session and s.status = 'submitted' and e.target_id is not null and e.type <> 'undo'
			    and not exists (select 1 from session_events u where u.session_id = s.id and u.undoes = e.id)
			group by s.id, e.target_id, s.child_id, s.started_at, s.ended_at
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
		return this.jdbc.sql("""
				select session_id, target_id, started_at, ended_at, trials, percent_correct, percent_independent,
				    count, duration_seconds
				from session_target_results
				where child_id = :child and started_at >= :from and started_at < :to
				order by started_at, session_id
				""")
			.param("child", childId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> {
				Timestamp ended = rs.getTimestamp("ended_at");
				return new Result(rs.getObject("session_id", UUID.class), rs.getObject("target_id", UUID.class),
						rs.getTimestamp("started_at").toInstant(), (ended != null) ? ended.toInstant() : null,
						rs.getInt("trials"), (Double) rs.getObject("percent_correct"),
						(Double) rs.getObject("percent_independent"), rs.getInt("count"),
						rs.getInt("duration_seconds"));
			})
			.list();
	}

	/** The child's results' version, for the progress ETag (an index-only read). */
	Version version(UUID childId) {
		return this.jdbc
			.sql("select coalesce(max(revision), 0), count(*) from session_target_results where child_id = :child")
			.param("child", childId)
			.query((rs, n) -> new Version(rs.getLong(1), rs.getLong(2)))
			.single();
	}

}
