package org.sparktherapy.realtime.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.realtime.LiveEvents;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores live events with the caller's transaction and hands them to the {@link LiveEventHub} after commit.
 */
@Service
class LiveEventStore implements LiveEvents {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final LiveEventHub hub;

	private final Clock clock;

	LiveEventStore(JdbcClient jdbc, JsonMapper json, LiveEventHub hub, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.hub = hub;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void publish(Collection<UUID> recipients, String type, Object payload) {
		Set<UUID> unique = new LinkedHashSet<>(recipients);
		if (unique.isEmpty()) {
			return;
		}
		String body = this.json.writeValueAsString(payload);
		Instant now = this.clock.instant();
		List<LiveEvent> stored = new ArrayList<>(unique.size());
		for (UUID recipient : unique) {
			long id = this.jdbc.sql("""
					insert into live_events (recipient_id, type, payload, created_at)
					values (:recipient, :type, cast(:payload as jsonb), :now) returning id
					""")
				.param("recipient", recipient)
				.param("type", type)
				.param("payload", body)
				.param("now", Timestamp.from(now))
				.query(Long.class)
				.single();
			stored.add(new LiveEvent(id, recipient, type, body, now));
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				LiveEventStore.this.hub.committed(stored);
			}
		});
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

	/** Forgets events older than {@code before}; returns how many. */
	@Transactional
	int forgetBefore(Instant before) {
		return this.jdbc.sql("delete from live_events where created_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

}
