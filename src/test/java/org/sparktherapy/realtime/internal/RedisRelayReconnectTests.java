package org.sparktherapy.realtime.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis drill of issue 15: two nodes' relays on a Redis server this test starts
 * (redis-server from the machine), Redis stopped for 20 seconds and started again on the
 * same port. Each node is back on the relay within a few seconds of Redis (Lettuce's
 * default backoff, growing to 30 s, took up to ~30 s), and the relay's state gauge says 0
 * while Redis is down and 1 again after.
 */
class RedisRelayReconnectTests {

	/**
	 * How long Redis stays down: long enough for Lettuce's default waits to pass 10 s.
	 */
	private static final Duration OUTAGE = Duration.ofSeconds(20);

	/** How soon after Redis is back a notice must arrive (ADR 0045). */
	private static final Duration BACK_WITHIN = Duration.ofSeconds(5);

	private final List<AutoCloseable> closing = new ArrayList<>();

	private Process redis;

	private int port;

	private Path redisDir;

	@AfterEach
	void stopAll() throws Exception {
		for (AutoCloseable closeable : this.closing.reversed()) {
			closeable.close();
		}
		stopRedis();
	}

	@Test
	void relaysReconnectWithinSecondsAfterRedisComesBack() throws Exception {
		this.port = scratchPort();
		this.redisDir = Files.createTempDirectory("relay-redis");
		startRedis();
		Node receiver = node();
		Node sender = node();
		UUID user = UUID.randomUUID();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receiver.connected() == 1.0);
		receiver.drain();
		sender.hub.committed(List.of(liveEvent(user)));
		assertThat(receiver.nextWake(Duration.ofSeconds(5))).contains(user);

		stopRedis();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receiver.connected() == 0.0);
		assertThat(sender.connected()).isZero();
		assertThat(receiver.meters.scrape()).contains("spark_realtime_relay_connected 0.0");
		Thread.sleep(OUTAGE.toMillis()); // the outage itself, not a wait for a result
		receiver.drain();

		startRedis();
		long back = System.nanoTime();
		// a notice published every 200 ms: the first one the receiver's relay hears marks
		// both nodes back (the sender's own publication goes through Redis, or falls back
		// to its own node only)
		UUID after = UUID.randomUUID();
		Collection<UUID> heard = Set.of();
		while (!heard.contains(after) && System.nanoTime() - back < TimeUnit.SECONDS.toNanos(40)) {
			sender.hub.committed(List.of(liveEvent(after)));
			heard = receiver.nextWake(Duration.ofMillis(200));
		}
		Duration took = Duration.ofNanos(System.nanoTime() - back);
		assertThat(heard).as("a notice through Redis after it came back").contains(after);
		assertThat(took).as("time from Redis back to a notice through it").isLessThanOrEqualTo(BACK_WITHIN);
		assertThat(receiver.connected()).isEqualTo(1.0);
		assertThat(receiver.meters.get("spark.realtime.relay.reconnects").counter().count()).isEqualTo(1.0);
		// as Prometheus reads them (the alert SparkTherapyRedisRelayDown)
		assertThat(receiver.meters.scrape()).contains("spark_realtime_relay_connected 1.0")
			.contains("spark_realtime_relay_reconnects_total 1.0");
	}

	private static LiveEvent liveEvent(UUID user) {
		return new LiveEvent(1, user, "notification.read", "{}", java.time.Instant.now());
	}

	private Node node() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.initialize();
		this.closing.add(scheduler::shutdown);
		PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		RealtimeProperties properties = new RealtimeProperties(Duration.ofSeconds(20), Duration.ofSeconds(3),
				Duration.ofHours(24), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(10), 500,
				Duration.ofHours(1), Duration.ofSeconds(2), 2, 300, Duration.ofSeconds(30));
		RecordingHub hub = new RecordingHub(scheduler, properties, meters);
		RedisRelay relay = new RedisRelay("redis://127.0.0.1:" + this.port, hub, scheduler, properties, meters);
		relay.start();
		this.closing.add(relay::stop);
		return new Node(hub, meters);
	}

	private void startRedis() throws IOException {
		this.redis = new ProcessBuilder("redis-server", "--port", Integer.toString(this.port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--dir", this.redisDir.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.redisDir.resolve("redis.log").toFile())
			.start();
		Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				return true;
			}
		});
	}

	private void stopRedis() throws InterruptedException {
		if (this.redis != null && this.redis.isAlive()) {
			this.redis.destroy();
			if (!this.redis.waitFor(10, TimeUnit.SECONDS)) {
				this.redis.destroyForcibly().waitFor();
			}
		}
	}

	/**
	 * A port for the scratch Redis: {@code SPARK_TEST_SCRATCH_REDIS_PORT} when set (a
	 * helper's own port range), else a free one.
	 */
	private static int scratchPort() throws IOException {
		String configured = System.getenv("SPARK_TEST_SCRATCH_REDIS_PORT");
		if (configured != null && !configured.isBlank()) {
			return Integer.parseInt(configured.trim());
		}
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private record Node(RecordingHub hub, PrometheusMeterRegistry meters) {

		double connected() {
			return this.meters.get("spark.realtime.relay.connected").gauge().value();
		}

		void drain() {
			this.hub.wakes.clear();
		}

		Collection<UUID> nextWake(Duration within) throws InterruptedException {
			Collection<UUID> users = this.hub.wakes.poll(within.toMillis(), TimeUnit.MILLISECONDS);
			return (users != null) ? users : Set.of();
		}

	}

	/** A node's hub that holds no streams and notes the users each notice wakes. */
	static final class RecordingHub extends LiveEventHub {

		final BlockingQueue<Collection<UUID>> wakes = new LinkedBlockingQueue<>();

		RecordingHub(ThreadPoolTaskScheduler scheduler, RealtimeProperties properties, MeterRegistry meters) {
			super(null, null, scheduler, properties, Clock.systemUTC(), meters);
		}

		@Override
		void wake(Collection<UUID> users) {
			if (!users.isEmpty()) {
				this.wakes.add(List.copyOf(users));
			}
		}

	}

}
