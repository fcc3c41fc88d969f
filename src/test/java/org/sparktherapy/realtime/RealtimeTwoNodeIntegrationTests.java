package org.sparktherapy.realtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparktherapy.SparkTherapyApplication;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.EventStream;
import org.sparktherapy.support.FreshDatabase;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one PostgreSQL database and one Redis (127.0.0.1:6379): an event committed on node A
 * reaches a stream held by node B. Skipped without Redis, unless {@code CI} is set (then Redis is required).
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
	void eventCommittedOnOneNodeReachesAStreamHeldByAnother() {
		FreshDatabase database = new FreshDatabase(this.dataSource);
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		String sharedSecret = Base64.getEncoder().encodeToString(secret);
		try (ConfigurableApplicationContext nodeA = node(database, sharedSecret, "a");
				ConfigurableApplicationContext nodeB = node(database, sharedSecret, "b")) {
			Clinic.Person adminOnB = new Clinic(port(nodeB)).rootAdmin();
			try (EventStream stream = EventStream.open(port(nodeB), adminOnB.accessToken(), "")) {
				assertThat(stream.status()).as(stream.problem()).isEqualTo(200);
				assertThat(stream.next(Duration.ofSeconds(2)).type()).isEqualTo("ready");

				UUID appointment = UUID.randomUUID();
				nodeA.getBean(TransactionTemplate.class)
					.executeWithoutResult(status -> nodeA.getBean(LiveEvents.class)
						.publish(List.of(UUID.fromString(adminOnB.id())), "appointment.changed",
								Map.of("appointmentId", appointment, "change", "moved")));

				EventStream.Event event = stream.next(Duration.ofSeconds(2));
				assertThat(event).as("the event within 2 s on node B").isNotNull();
				assertThat(event.type()).isEqualTo("appointment.changed");
				assertThat(event.data()).contains(appointment.toString());
			}
		}
		finally {
			database.drop();
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
