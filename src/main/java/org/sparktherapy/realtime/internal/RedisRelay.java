package org.sparktherapy.realtime.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Fan-out between nodes through Redis pub/sub, when {@code spark.redis-url}
 * ({@code SPARK_REDIS_URL}) is set. Notices ("these users have new events", "re-check
 * these users' sign-in") are published on one channel; every node, the publisher
 * included, subscribes and wakes the streams it holds. Messages carry account ids only.
 *
 * <p>
 * Redis is not needed for correctness: events live in PostgreSQL. While Redis is
 * unreachable the relay wakes this node's streams directly, streams elsewhere catch up at
 * their periodic re-read, and after Lettuce reconnects every stream of this node re-reads
 * once. The application starts (and stays healthy) without Redis.
 *
 * <p>
 * A lost connection is retried by Lettuce with waits growing from 100 ms to
 * {@code spark.realtime.redis-reconnect-max} (2 s): Lettuce's default grows to 30 s,
 * which kept nodes off the relay for ~20 s after Redis was back (ADR 0045). The relay's
 * state is the gauge {@code spark.realtime.relay.connected} (1 while both connections are
 * up), its recoveries the counter {@code spark.realtime.relay.reconnects}.
 */
@Component
@ConditionalOnExpression("!'${spark.redis-url:}'.isBlank()")
class RedisRelay implements LiveEventHub.Relay, SmartLifecycle {

	static final String CHANNEL = "sparktherapy:live-events";

	private static final Logger log = LoggerFactory.getLogger(RedisRelay.class);

	private final LiveEventHub hub;

	private final TaskScheduler scheduler;

	private final ClientResources resources;

	private final RedisClient client;

	/** The connections Lettuce reports connected right now. */
	private final Set<RedisChannelHandler<?, ?>> up = ConcurrentHashMap.newKeySet();

	private final Counter reconnects;

	private volatile StatefulRedisPubSubConnection<String, String> subscription;

	private volatile StatefulRedisConnection<String, String> publisher;

	private volatile ScheduledFuture<?> connecting;

	private volatile boolean running;

	private volatile boolean warned;

	RedisRelay(@Value("${spark.redis-url}") String url, LiveEventHub hub, TaskScheduler scheduler,
			RealtimeProperties properties, MeterRegistry meters) {
		this.hub = hub;
		this.scheduler = scheduler;
		RedisURI uri = RedisURI.create(url.trim());
		uri.setTimeout(Duration.ofSeconds(2));
		Duration longestWait = properties.redisReconnectMax();
		this.resources = ClientResources.builder()
			.reconnectDelay(() -> Delay.exponential(Duration.ofMillis(100), longestWait, 2, TimeUnit.MILLISECONDS))
			.build();
		this.client = RedisClient.create(this.resources, uri);
		this.client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			// fail at once while disconnected (this node then delivers locally) instead
			// of queueing
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.build());
		this.reconnects = Counter.builder("spark.realtime.relay.reconnects")
			.description("Times this node's Redis relay got its connection back after losing it")
			.register(meters);
		Gauge.builder("spark.realtime.relay.connected", this, relay -> relay.connected() ? 1 : 0)
			.description("Whether this node's Redis relay is connected (1) or not (0)")
			.register(meters);
		this.client.addListener(new RedisConnectionStateListener() {
			@Override
			public void onRedisConnected(RedisChannelHandler<?, ?> connection, java.net.SocketAddress address) {
				RedisRelay.this.up.add(connection);
				if (connection == RedisRelay.this.subscription) {
					// a reconnection (the first connection is not assigned yet)
					RedisRelay.this.reconnects.increment();
					log.info("Redis is back; live events fan out through it again");
				}
				// notices may have been lost while disconnected
				hub.wakeAll();
			}

			@Override
			public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
				RedisRelay.this.up.remove(connection);
			}
		});
	}

	/** Whether both connections (subscription and publisher) are up. */
	boolean connected() {
		StatefulRedisPubSubConnection<String, String> subscription = this.subscription;
		StatefulRedisConnection<String, String> publisher = this.publisher;
		return subscription != null && publisher != null && this.up.contains(subscription)
				&& this.up.contains(publisher);
	}

	@Override
	public void announce(Set<UUID> users) {
		publish("wake " + join(users));
	}

	@Override
	public void recheck(Set<UUID> users) {
		publish("recheck " + join(users));
	}

	private void publish(String message) {
		StatefulRedisConnection<String, String> connection = this.publisher;
		if (connection == null || !connection.isOpen()) {
			throw new IllegalStateException("Redis not connected");
		}
		connection.async().publish(CHANNEL, message).exceptionally(error -> {
			log.warn("Redis publish failed ({}); streams on other nodes catch up at their next re-read",
					error.getClass().getSimpleName());
			deliverHere(message);
			return 0L;
		});
	}

	private void deliverHere(String message) {
		int space = message.indexOf(' ');
		if (space < 0) {
			return;
		}
		Set<UUID> users;
		try {
			users = Arrays.stream(message.substring(space + 1).split(","))
				.filter(part -> !part.isBlank())
				.map(UUID::fromString)
				.collect(Collectors.toCollection(LinkedHashSet::new));
		}
		catch (IllegalArgumentException ex) {
			log.warn("Ignored a malformed live-event notice from Redis");
			return;
		}
		switch (message.substring(0, space)) {
			case "wake" -> this.hub.wake(users);
			case "recheck" -> this.hub.recheckHere(users);
			default -> log.warn("Ignored an unknown live-event notice from Redis");
		}
	}

	private static String join(Set<UUID> users) {
		return users.stream().map(UUID::toString).collect(Collectors.joining(","));
	}

	/** Connects both connections; until it succeeds, retried every few seconds. */
	private void connect() {
		if (!this.running || (this.subscription != null && this.publisher != null)) {
			return;
		}
		try {
			if (this.subscription == null) {
				StatefulRedisPubSubConnection<String, String> pubSub = this.client.connectPubSub();
				pubSub.addListener(new RedisPubSubAdapter<>() {
					@Override
					public void message(String channel, String message) {
						deliverHere(message);
					}
				});
				pubSub.sync().subscribe(CHANNEL);
				this.subscription = pubSub;
			}
			if (this.publisher == null) {
				this.publisher = this.client.connect();
			}
			this.hub.relayThrough(this);
			log.info("Live events fan out through Redis");
			ScheduledFuture<?> retry = this.connecting;
			if (retry != null) {
				retry.cancel(false);
			}
		}
		catch (RuntimeException ex) {
			// once at warning level, then quietly every retry
			if (!this.warned) {
				log.warn("Redis unreachable ({}); live events stay on this node until it is back",
						ex.getClass().getSimpleName());
				this.warned = true;
			}
			else {
				log.debug("Redis still unreachable ({})", ex.getClass().getSimpleName());
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
		connect();
		if (this.subscription == null || this.publisher == null) {
			this.connecting = this.scheduler.scheduleWithFixedDelay(this::connect, Duration.ofSeconds(5));
		}
	}

	@Override
	public void stop() {
		this.running = false;
		ScheduledFuture<?> retry = this.connecting;
		if (retry != null) {
			retry.cancel(false);
		}
		this.hub.relayThrough(null);
		if (this.subscription != null) {
			this.subscription.close();
		}
		if (this.publisher != null) {
			this.publisher.close();
		}
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		this.resources.shutdown(0, 2, TimeUnit.SECONDS);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
