package org.sparktherapy.realtime.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.convert.converter.Converter;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * This node's open streams by user, and the notices that wake them.
 *
 * <p>
 * After a commit the store hands the hub the events it wrote; the hub announces "these
 * users have new events" through its {@link Relay}: straight to this node's streams, or —
 * with Redis — to every node, this one included. If the relay fails, this node's streams
 * are still woken; streams elsewhere catch up on their next periodic re-read
 * ({@code spark.realtime.recheck}) or on reconnect. Every {@code heartbeat} each stream
 * gets a comment line; every {@code recheck} each stream's sign-in is checked again
 * (sign-out, deactivation) and its store re-read.
 */
@Component
class LiveEventHub implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveEventHub.class);

	/** Carries notices to the hubs of every node (or only this one). */
	interface Relay {

		/** Tells every node's hub that these users have new events. */
		void announce(Set<UUID> users);

		/**
		 * Tells every node's hub to re-check the sign-in behind these users' streams at
		 * once.
		 */
		void recheck(Set<UUID> users);

	}

	private final Map<UUID, Set<LiveStream>> streams = new ConcurrentHashMap<>();

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final LiveEventLog store;

	private final Converter<Jwt, ? extends AbstractAuthenticationToken> signIns;

	private final TaskScheduler scheduler;

	private final RealtimeProperties properties;

	private final Clock clock;

	private final Counter delivered;

	private final LiveStream.Observer observer;

	/** Straight to this node's streams. */
	private final Relay local = new Relay() {
		@Override
		public void announce(Set<UUID> users) {
			wake(users);
		}

		@Override
		public void recheck(Set<UUID> users) {
			recheckHere(users);
		}
	};

	private volatile Relay relay = this.local;

	private final List<ScheduledFuture<?>> ticks = new ArrayList<>();

	private volatile boolean running;

	/** Whether a periodic re-check round is under way ({@link #recheckAll}). */
	private final AtomicBoolean rechecking = new AtomicBoolean();

	LiveEventHub(LiveEventLog store, Converter<Jwt, ? extends AbstractAuthenticationToken> signIns,
			TaskScheduler scheduler, RealtimeProperties properties, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.signIns = signIns;
		this.scheduler = scheduler;
		this.properties = properties;
		this.clock = clock;
		Gauge.builder("spark.realtime.streams", this, LiveEventHub::streamCount)
			.description("Open event streams (GET /api/events) on this node; a vanished client's stream "
					+ "stops counting at its next heartbeat")
			.register(meters);
		this.delivered = Counter.builder("spark.realtime.events.delivered")
			.description("Live events written to streams on this node")
			.register(meters);
		this.observer = new LiveStream.Observer() {
			@Override
			public void sent(LiveStream stream, int events) {
				LiveEventHub.this.delivered.increment(events);
			}

			@Override
			public void closed(LiveStream stream) {
				remove(stream);
			}
		};
	}

	/**
	 * Makes notices go through {@code relay} (e.g. Redis) instead of straight to this
	 * node's streams; {@code null} goes back to this node only.
	 */
	void relayThrough(Relay relay) {
		this.relay = (relay != null) ? relay : this.local;
	}

	/**
	 * Opens a stream for the user holding {@code credential} until {@code until},
	 * starting after {@code lastEventId} (or at the user's newest event when null).
	 * @throws RealtimeProblems.LiveEventsExpired when events after {@code lastEventId}
	 * are gone
	 */
	SseEmitter open(UUID userId, Jwt credential, Instant until, Long lastEventId) {
		Duration lifetime = Duration.between(this.clock.instant(), until);
		if (lifetime.compareTo(this.properties.maxStreamLifetime()) > 0) {
			lifetime = this.properties.maxStreamLifetime();
		}
		SseEmitter emitter = new SseEmitter(Math.max(1, lifetime.toMillis()));
		LiveStream stream = new LiveStream(userId, credential, emitter, this.store::since, this.observer,
				this.properties.replayBatch());
		// subscribe before the first read: an event committed from now on wakes the
		// stream after that read
		// (added inside compute: atomic with the removal of the user's last stream, which
		// drops the set)
		this.streams.compute(userId, (id, open) -> {
			Set<LiveStream> set = (open != null) ? open : ConcurrentHashMap.newKeySet();
			set.add(stream);
			return set;
		});
		LiveEventLog.Start start;
		try {
			start = this.store.start(userId, lastEventId, this.properties.replayBatch());
		}
		catch (RuntimeException ex) {
			remove(stream);
			throw ex;
		}
		stream.begin(start, this.properties.retry().toMillis(), () -> this.executor.execute(stream::drain));
		return emitter;
	}

	/** Called after commit with the events a transaction stored. */
	void committed(List<LiveEvent> events) {
		Set<UUID> users = new LinkedHashSet<>();
		events.forEach(event -> users.add(event.recipientId()));
		try {
			this.relay.announce(users);
		}
		catch (RuntimeException ex) {
			log.warn("Live events could not be relayed to other nodes ({}); they catch up on their next re-read",
					ex.getClass().getSimpleName());
			wake(users);
		}
	}

	/**
	 * Re-checks the sign-in of the users' streams on every node (after deactivation or a
	 * password change).
	 */
	void recheckEverywhere(Set<UUID> users) {
		try {
			this.relay.recheck(users);
		}
		catch (RuntimeException ex) {
			log.warn("Stream re-check could not be relayed ({}); other nodes re-check on their next tick",
					ex.getClass().getSimpleName());
			recheckHere(users);
		}
	}

	/** Wakes this node's streams of these users. */
	void wake(Collection<UUID> users) {
		for (UUID user : users) {
			Set<LiveStream> open = this.streams.get(user);
			if (open != null) {
				open.forEach(stream -> stream.wake(this.executor));
			}
		}
	}

	/**
	 * Wakes every stream of this node (e.g. after the relay reconnected: notices may have
	 * been lost).
	 */
	void wakeAll() {
		wake(List.copyOf(this.streams.keySet()));
	}

	/** Re-checks this node's streams of these users now. */
	void recheckHere(Collection<UUID> users) {
		for (UUID user : users) {
			Set<LiveStream> open = this.streams.get(user);
			if (open != null) {
				open.forEach(stream -> this.executor.execute(() -> recheck(stream)));
			}
		}
	}

	/**
	 * The periodic re-check of every stream of this node: {@code recheckConcurrency}
	 * workers walk through them, each checking a stream's sign-in and re-reading its
	 * events before taking the next, so the round holds at most that many database
	 * connections. Started all at once, 10,000 streams queued 10,000 checks on the
	 * connection pool every minute: requests waited past the pool's timeout (503), and
	 * streams whose check timed out were ended as if signed out (ADR 0013). A round still
	 * running when the next one is due is not doubled: the next starts after it.
	 */
	void recheckAll() {
		if (!this.rechecking.compareAndSet(false, true)) {
			return;
		}
		Queue<LiveStream> round = new ConcurrentLinkedQueue<>(all());
		int workers = Math.max(1, this.properties.recheckConcurrency());
		AtomicInteger running = new AtomicInteger(workers);
		for (int i = 0; i < workers; i++) {
			this.executor.execute(() -> {
				try {
					for (LiveStream stream = round.poll(); stream != null; stream = round.poll()) {
						// the re-read runs here too (unless a read of this stream is
						// already running,
						// which then reads once more), inside the worker's turn
						recheck(stream, Runnable::run);
					}
				}
				finally {
					if (running.decrementAndGet() == 0) {
						this.rechecking.set(false);
					}
				}
			});
		}
	}

	private void recheck(LiveStream stream) {
		recheck(stream, this.executor);
	}

	private void recheck(LiveStream stream, java.util.concurrent.Executor reads) {
		if (!signedIn(stream.credential())) {
			// signed out, deactivated, or the database is unreachable: end the stream;
			// the client reconnects
			stream.close();
			return;
		}
		stream.wake(reads);
	}

	/**
	 * Whether the account and sign-in behind a credential are still active (as for any
	 * API request).
	 */
	boolean signedIn(Jwt credential) {
		try {
			this.signIns.convert(credential);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private void remove(LiveStream stream) {
		this.streams.computeIfPresent(stream.userId(), (id, set) -> {
			set.remove(stream);
			return set.isEmpty() ? null : set;
		});
	}

	private List<LiveStream> all() {
		List<LiveStream> all = new ArrayList<>();
		this.streams.values().forEach(all::addAll);
		return all;
	}

	/**
	 * How many open streams this node holds (for metrics): a stream whose client went
	 * away is closed (and removed) at its next write, the heartbeat at the latest.
	 */
	int streamCount() {
		return (int) this.streams.values().stream().flatMap(Set::stream).filter(stream -> !stream.isClosed()).count();
	}

	@Override
	public void start() {
		this.ticks.add(this.scheduler.scheduleWithFixedDelay(
				() -> all().forEach(stream -> this.executor.execute(stream::heartbeat)), this.properties.heartbeat()));
		this.ticks.add(this.scheduler.scheduleWithFixedDelay(this::recheckAll, this.properties.recheck()));
		this.running = true;
	}

	/**
	 * Ends every stream first, so the web server's graceful shutdown does not wait for
	 * them. Each ends with its own reconnection hint, spread at random over
	 * {@code streams / reconnectSpreadRate} seconds (at most {@code reconnectSpreadMax})
	 * after {@code retry}: the clients come back to the other nodes over that time
	 * instead of all in one second (each opening reads the database). A stream whose hint
	 * is not written within a few seconds (a client that stopped reading) is ended
	 * without it.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.ticks.forEach(tick -> tick.cancel(false));
		this.ticks.clear();
		List<LiveStream> open = all();
		long base = this.properties.retry().toMillis();
		long spread = reconnectSpread(open.size());
		CountDownLatch hinted = new CountDownLatch(open.size());
		for (LiveStream stream : open) {
			long retry = base + ((spread > 0) ? ThreadLocalRandom.current().nextLong(spread + 1) : 0);
			this.executor.execute(() -> {
				try {
					stream.close(retry);
				}
				finally {
					hinted.countDown();
				}
			});
		}
		try {
			if (!hinted.await(5, TimeUnit.SECONDS)) {
				log.warn("{} event streams did not take their reconnection hint in 5 s; ending them",
						hinted.getCount());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		all().forEach(LiveStream::close);
	}

	/**
	 * How widely the reconnections of {@code streams} streams are spread, in
	 * milliseconds.
	 */
	long reconnectSpread(int streams) {
		long millis = streams * 1000L / Math.max(1, this.properties.reconnectSpreadRate());
		return Math.min(millis, this.properties.reconnectSpreadMax().toMillis());
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
