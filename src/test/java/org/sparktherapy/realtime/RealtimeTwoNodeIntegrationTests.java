package org.sparktherapy.realtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import javax.sql.DataSource;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparktherapy.SparkTherapyApplication;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.EventStream;
import org.sparktherapy.support.FreshDatabase;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.Messages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one PostgreSQL database and one Redis (127.0.0.1:6379): a
 * message a parent posts through node A's API reaches the therapist's stream held by node
 * B. Skipped without Redis, unless {@code CI} is set (then Redis is required).
 */
@IntegrationTest
class RealtimeTwoNodeIntegrationTests {

	private static final String REDIS_HOST = "127.0.0.1";

	private static final int REDIS_PORT = 6379;

	@Autowired
	DataSource dataSource;

	@BeforeAll
	static void redisIsRunning() {
		boolean reachable;
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(REDIS_HOST, REDIS_PORT), 500);
			reachable = true;
		}
		catch (IOException ex) {
			reachable = false;
		}
		if (System.getenv("CI") != null) {
			assertThat(reachable).as("Redis at %s:%d (required in CI)", REDIS_HOST, REDIS_PORT).isTrue();
		}
		Assumptions.assumeTrue(reachable, "Redis is not running at 127.0.0.1:6379");
	}

	@Test
	void aMessagePostedThroughOneNodeArrivesOnAStreamHeldByAnother() {
		FreshDatabase database = new FreshDatabase(this.dataSource);
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		String sharedSecret = Base64.getEncoder().encodeToString(secret);
		long subscribedBefore = relaySubscribers();
		try (ConfigurableApplicationContext nodeA = node(database, sharedSecret, "a");
				ConfigurableApplicationContext nodeB = node(database, sharedSecret, "b")) {
			// both nodes listen on the channel (a node that found Redis slow retries its
			// subscription in 5 s)
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> relaySubscribers() >= subscribedBefore + 2);
			Clinic clinicA = new Clinic(port(nodeA));
			Clinic.Person admin = clinicA.rootAdmin();
			Clinic.Person parent = clinicA.aParent();
			Clinic.Person therapist = clinicA.aTherapist("BCBA");
			String child = clinicA.aChild(admin, parent, therapist, null);
			String conversation = Messages.childConversation(parent, child);

			try (EventStream stream = EventStream.open(port(nodeB), therapist.accessToken(), "")) {
				assertThat(stream.status()).as(stream.problem()).isEqualTo(200);
				assertThat(stream.next(Duration.ofSeconds(10)).type()).isEqualTo("ready");

				Api.Response posted = parent.api()
					.post("/api/conversations/" + conversation + "/messages", Api.body("body", "Hello from node A"));
				assertThat(posted.status()).as(posted.text()).isEqualTo(201);
				String messageId = posted.at("/id");

				// node B re-reads only when told (its periodic re-read is an hour away):
				// the notice came through Redis.
				// How fast is measured in benchmarks/live-latency, not here.
				EventStream.Event created = messageCreated(stream, Duration.ofSeconds(10));
				assertThat(created).as("message.created on node B's stream").isNotNull();
				assertThat(created.data()).contains(messageId).contains(conversation).doesNotContain("Hello");
			}
		}
		finally {
			database.drop();
		}
	}

	/**
	 * The first {@code message.created} event within {@code timeout} (other events, e.g.
	 * notices, skipped).
	 */
	private static EventStream.Event messageCreated(EventStream stream, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			EventStream.Event event = stream.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
			if (event == null) {
				return null;
			}
			if (event.type().equals("message.created")) {
				return event;
			}
		}
		return null;
	}

	/**
	 * How many connections listen on the live-events channel of the Redis server (other
	 * test nodes included).
	 */
	private static long relaySubscribers() {
		RedisClient client = RedisClient.create(RedisURI.create(REDIS_HOST, REDIS_PORT));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync()
				.pubsubNumsub("sparktherapy:live-events")
				.getOrDefault("sparktherapy:live-events", 0L);
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	private static ConfigurableApplicationContext node(FreshDatabase database, String secret, String name) {
		return new SpringApplicationBuilder(SparkTherapyApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + database.url(),
					"--spring.datasource.username=" + database.username(),
					"--spring.datasource.hikari.maximum-pool-size=3", "--spark.redis-url=redis://127.0.0.1:6379",
					"--spark.security.jwt-secret=" + secret, "--spark.data-dir=target/test-data-node-" + name,
					// no periodic re-read: the event must travel through Redis
					"--spark.realtime.recheck=1h");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
