package org.sparktherapy.realtime;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sparktherapy.SparkTherapyApplication;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.EventStream;
import org.sparktherapy.support.FreshDatabase;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node configured for Redis that cannot reach it starts, stays healthy and still serves
 * its own streams.
 */
@IntegrationTest
class RedisOutageIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Test
	void nodeWithoutReachableRedisStaysHealthyAndDeliversLocally() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		FreshDatabase database = new FreshDatabase(this.dataSource);
		try (ConfigurableApplicationContext node = new SpringApplicationBuilder(SparkTherapyApplication.class)
			.profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + database.url(),
					"--spring.datasource.username=" + database.username(),
					"--spring.datasource.hikari.maximum-pool-size=3",
					"--spark.redis-url=redis://127.0.0.1:" + closedPort, "--spark.data-dir=target/test-data-no-redis",
					"--spark.realtime.recheck=1h")) {
			int port = ((WebServerApplicationContext) node).getWebServer().getPort();
			assertThat(new Api(port).get("/api/health").at("/status")).isEqualTo("UP");
			Clinic.Person admin = new Clinic(port).rootAdmin();
			// The first sign-in raises a new_sign_in notification asynchronously; wait
			// for its live event so the
			// stream below sees only what this test publishes.
			JdbcClient nodeJdbc = JdbcClient.create(node.getBean(DataSource.class));
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> nodeJdbc
					.sql("select count(*) from live_events where recipient_id = :r and type = 'notification.created'")
					.param("r", UUID.fromString(admin.id()))
					.query(Integer.class)
					.single() > 0);
			try (EventStream stream = EventStream.open(port, admin.accessToken(), "")) {
				assertThat(stream.next(Duration.ofSeconds(10)).type()).isEqualTo("ready");

				node.getBean(TransactionTemplate.class)
					.executeWithoutResult(status -> node.getBean(LiveEvents.class)
						.publish(List.of(UUID.fromString(admin.id())), "notification.read", Map.of("unreadCount", 3)));

				// delivered by this node although Redis is down (the periodic re-read is
				// an hour away)
				EventStream.Event event = stream.next(Duration.ofSeconds(10));
				assertThat(event).isNotNull();
				assertThat(event.data()).isEqualTo("{\"unreadCount\": 3}");
			}
		}
		finally {
			database.drop();
		}
	}

}
