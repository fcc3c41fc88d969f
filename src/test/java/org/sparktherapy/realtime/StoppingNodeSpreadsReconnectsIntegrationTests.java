package org.sparktherapy.realtime;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.sql.DataSource;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stopping node ends its event streams with reconnection hints spread over
 * {@code streams / reconnect-spread-rate} seconds after {@code retry} (ADR 0013), so its
 * clients come back to the other nodes over that time, not all in the same second.
 */
@IntegrationTest
class StoppingNodeSpreadsReconnectsIntegrationTests {

	private static final int STREAMS = 16;

	@Autowired
	DataSource dataSource;

	@Test
	void eachStreamOfAStoppingNodeEndsWithItsOwnReconnectionHintWithinTheSpread() {
		FreshDatabase database = new FreshDatabase(this.dataSource);
		List<EventStream> streams = new ArrayList<>();
		ConfigurableApplicationContext node = node(database);
		try {
			Clinic clinic = new Clinic(port(node));
			Clinic.Person therapist = clinic.aTherapist("RBT");
			for (int i = 0; i < STREAMS; i++) {
				EventStream stream = EventStream.open(port(node), therapist.accessToken(), "");
				assertThat(stream.status()).as(stream.problem()).isEqualTo(200);
				assertThat(stream.nextFrame(Duration.ofSeconds(10))).as("the opening hint")
					.isEqualTo(new EventStream.Retry(3000));
				assertThat(stream.next(Duration.ofSeconds(10)).type()).isEqualTo("ready");
				streams.add(stream);
			}

			node.close();

			// 16 streams at 4 per second: hints between 3 s and 3 s + 4 s
			List<Long> hints = new ArrayList<>();
			for (EventStream stream : streams) {
				Long last = null;
				Object frame;
				while ((frame = stream.nextFrame(Duration.ofSeconds(10))) != EventStream.ENDED) {
					assertThat(frame).as("the stream ends within 10 s").isNotNull();
					if (frame instanceof EventStream.Retry retry) {
						last = retry.millis();
					}
				}
				assertThat(last).as("a reconnection hint before the end").isNotNull();
				hints.add(last);
			}
			assertThat(hints).allSatisfy(hint -> assertThat(hint).isBetween(3000L, 7000L));
			assertThat(hints.stream().distinct().count()).as("spread, not one moment for all: %s", hints)
				.isGreaterThan(STREAMS / 2);
		}
		finally {
			streams.forEach(EventStream::close);
			node.close();
			database.drop();
		}
	}

	private static ConfigurableApplicationContext node(FreshDatabase database) {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return new SpringApplicationBuilder(SparkTherapyApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + database.url(),
					"--spring.datasource.username=" + database.username(),
					"--spring.datasource.hikari.maximum-pool-size=3",
					"--spark.security.jwt-secret=" + Base64.getEncoder().encodeToString(secret),
					"--spark.data-dir=target/test-data-spread", "--spark.realtime.retry=3s",
					"--spark.realtime.reconnect-spread-rate=4");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
