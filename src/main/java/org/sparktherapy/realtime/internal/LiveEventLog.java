package org.sparktherapy.realtime.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the stored live events for streams, and forgets old ones. The replay window rule:
 * a client's {@code Last-Event-ID} is accepted when it is not below the highest id
 * housekeeping deleted <em>for that user</em> (nothing it had not seen is gone) and not
 * above the last id ever issued; otherwise the client must reload (410).
 */
@Repository
class LiveEventLog {

	private final JdbcClient jdbc;

	LiveEventLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Where a new stream of {@code recipient} starts, checking the client's
	 * {@code Last-Event-ID} if it sent one, and the first events to send — read in one
	 * snapshot, so housekeeping cannot delete an event between the check and the read.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	Start start(UUID recipient, Long lastEventId, int limit) {
		long prunedThrough = this.jdbc.sql("select pruned_through from live_event_horizons where recipient_id = :r")
			.param("r", recipient)
			.query(Long.class)
			.optional()
			.orElse(0L);
		long cursor;
		if (lastEventId == null) {
			// a fresh stream starts after everything this user already has
			long newest = this.jdbc.sql("select coalesce(max(id), 0) from live_events where recipient_id = :r")
				.param("r", recipient)
				.query(Long.class)
				.single();
			cursor = Math.max(newest, prunedThrough);
		}
		else {
			long issued = this.jdbc.sql("select coalesce(pg_sequence_last_value('live_events_id_seq'), 0)")
				.query(Long.class)
				.single();
			if (lastEventId < prunedThrough || lastEventId > issued) {
				throw new RealtimeProblems.LiveEventsExpired();
			}
			cursor = lastEventId;
		}
		return new Start(cursor, since(recipient, cursor, limit));
	}

	/** Where a stream starts and the events it replays first. */
	record Start(long cursor, List<LiveEvent> replay) {
	}

	/**
	 * The recipient's events after {@code lastId}, oldest first, at most {@code limit}.
	 */
	@Transactional(readOnly = true)
	List<LiveEvent> since(UUID recipient, long lastId, int limit) {
		return this.jdbc.sql("""
				select id, recipient_id, type, payload::text, created_at from live_events
				where recipient_id = :recipient and id > :last order by id limit :limit
				""")
			.param("recipient", recipient)
			.param("last", lastId)
			.param("limit", limit)
			.query((rs, n) -> new LiveEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	/**
	 * Forgets events older than {@code before} and remembers, per recipient, the highest
	 * id forgotten (so a client that had not seen it is told to reload). Idempotent:
	 * every node may run it. Returns how many were deleted.
	 */
	@Transactional
	int forgetBefore(Instant before) {
		return this.jdbc.sql("""
				with gone as (delete from live_events where created_at < :before returning recipient_id, id),
				horizon as (
				    insert into live_event_horizons (recipient_id, pruned_through)
				    select recipient_id, max(id) from gone group by recipient_id
				    on conflict (recipient_id) do update
				        set pruned_through = greatest(live_event_horizons.pruned_through, excluded.pruned_through)
				)
				select count(*) from gone
				""").param("before", Timestamp.from(before)).query(Integer.class).single();
	}

}
