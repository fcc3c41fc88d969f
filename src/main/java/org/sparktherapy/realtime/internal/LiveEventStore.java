package org.sparktherapy.realtime.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.sparktherapy.realtime.LiveEvents;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores live events with the caller's transaction and tells the {@link LiveEventHub}
 * after commit.
 *
 * <p>
 * <b>Order per recipient.</b> Event ids come from one sequence, but transactions commit
 * in any order: if event 101 of a user committed before event 100, a client that saw 101
 * and reconnected with {@code Last-Event-ID: 101} would never get 100. So the events a
 * transaction published are written just before it commits, after taking a
 * transaction-scoped advisory lock per recipient (in one global order, so publishers
 * never deadlock). For any one recipient, ids are therefore committed in increasing
 * order, and "everything after id N" is a complete answer once N was seen. See
 * docs/adr/0013-real-time-stream.md.
 */
@Service
class LiveEventStore implements LiveEvents {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LiveEventStore.class);

	/** As the check constraint of {@code live_events.type} (V10). */
	private static final java.util.regex.Pattern TYPE = java.util.regex.Pattern.compile("[a-z]+(\\.[a-z_]+)+");

	/**
	 * Advisory lock namespace (first key) of the per-recipient publication locks: "live".
	 */
	private static final int LOCK_NAMESPACE = 0x6c697665;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final LiveEventHub hub;

	private final Clock clock;

	private final TransactionTemplate separately;

	LiveEventStore(JdbcClient jdbc, JsonMapper json, LiveEventHub hub, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.hub = hub;
		this.clock = clock;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void publish(Collection<UUID> recipients, String type, Object payload) {
		if (!TYPE.matcher(type).matches()) {
			throw new IllegalArgumentException("Live event types look like message.created: " + type);
		}
		Set<UUID> unique = new LinkedHashSet<>(recipients);
		if (unique.isEmpty()) {
			return;
		}
		pending().add(new Pending(List.copyOf(unique), type, this.json.writeValueAsString(payload)));
	}

	/**
	 * The events published so far in the current transaction, written before it commits.
	 * Kept in the transaction's synchronization (suspended with it by
	 * {@code REQUIRES_NEW}), not in a bound resource (which would not be).
	 */
	private List<Pending> pending() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Publication publication && publication.store() == this) {
				return publication.pending;
			}
		}
		Publication publication = new Publication();
		TransactionSynchronizationManager.registerSynchronization(publication);
		return publication.pending;
	}

	/**
	 * One transaction's live events: written before commit, announced to the hub after
	 * it. Events published too late for that (by another synchronization's
	 * {@code beforeCommit}, e.g. a {@code BEFORE_COMMIT} event listener) are written
	 * right after the commit in a transaction of their own.
	 */
	private final class Publication implements TransactionSynchronization {

		private final List<Pending> pending = new ArrayList<>();

		private final List<LiveEvent> stored = new ArrayList<>();

		LiveEventStore store() {
			return LiveEventStore.this;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			this.stored.addAll(write(this.pending));
			this.pending.clear();
		}

		@Override
		public void afterCommit() {
			if (!this.pending.isEmpty()) {
				try {
					this.stored.addAll(LiveEventStore.this.separately.execute(status -> write(this.pending)));
				}
				catch (RuntimeException ex) {
					// the caller's work is committed: do not fail it for a live notice
					log.warn("Live events published during commit could not be stored ({})",
							ex.getClass().getSimpleName());
				}
				this.pending.clear();
			}
			if (!this.stored.isEmpty()) {
				LiveEventStore.this.hub.committed(this.stored);
			}
		}

	}

	private List<LiveEvent> write(List<Pending> pending) {
		TreeSet<Integer> locks = new TreeSet<>();
		pending.forEach(event -> event.recipients().forEach(recipient -> locks.add(recipient.hashCode())));
		// one statement, taking the locks in ascending order (unnest yields the array in
		// order)
		this.jdbc.sql("select count(pg_advisory_xact_lock(:namespace, k)) from unnest(cast(:keys as int[])) as k")
			.param("namespace", LOCK_NAMESPACE)
			.param("keys", locks.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.query(Long.class)
			.single();
		Instant now = this.clock.instant();
		List<LiveEvent> stored = new ArrayList<>();
		for (Pending event : pending) {
			String[] recipients = event.recipients().stream().map(UUID::toString).toArray(String[]::new);
			stored.addAll(this.jdbc.sql("""
					insert into live_events (recipient_id, type, payload, created_at)
					select cast(r as uuid), :type, cast(:payload as jsonb), :now
					from unnest(cast(:recipients as text[])) with ordinality as u(r, n) order by n
					returning id, recipient_id
					""")
				.param("type", event.type())
				.param("payload", event.payload())
				.param("now", Timestamp.from(now))
				.param("recipients", recipients)
				.query((rs, n) -> new LiveEvent(rs.getLong(1), rs.getObject(2, UUID.class), event.type(),
						event.payload(), now))
				.list());
		}
		return stored;
	}

	private record Pending(List<UUID> recipients, String type, String payload) {
	}

}
