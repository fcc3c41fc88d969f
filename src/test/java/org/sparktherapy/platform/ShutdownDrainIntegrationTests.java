package org.sparktherapy.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sparktherapy.SparkTherapyApplication;
import org.sparktherapy.support.FreshDatabase;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A node is ready ({@code /api/health} 200) only between the end of its start-up work and
 * the start of its drain (ADR 0044): while an application runner still works the port is
 * open but the node answers 503; when it stops it answers 503 and closes every connection
 * after its answer for {@code spark.shutdown.drain}, and only then closes its port.
 */
@IntegrationTest
class ShutdownDrainIntegrationTests {

	private static final int PORT = 5126;

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	DataSource dataSource;

	@Test
	void aNodeIsReadyOnlyBetweenItsStartUpWorkAndItsDrain() throws Exception {
		FreshDatabase database = new FreshDatabase(this.dataSource);
		CountDownLatch startUpWorkRunning = new CountDownLatch(1);
		CountDownLatch finishStartUpWork = new CountDownLatch(1);
		ApplicationRunner slowStartUpWork = (args) -> {
			startUpWorkRunning.countDown();
			finishStartUpWork.await(60, TimeUnit.SECONDS);
		};
		CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture
			.supplyAsync(() -> new SpringApplicationBuilder(SparkTherapyApplication.class).profiles("test")
				.initializers(
						(context) -> context.getBeanFactory().registerSingleton("slowStartUpWork", slowStartUpWork))
				.run("--server.port=" + PORT, "--spring.datasource.url=" + database.url(),
						"--spring.datasource.username=" + database.username(),
						"--spring.datasource.hikari.maximum-pool-size=3", "--spark.security.jwt-secret=" + secret(),
						"--spark.data-dir=target/test-data-drain", "--spark.shutdown.drain=3s"));
		ConfigurableApplicationContext node = null;
		try {
			assertThat(startUpWorkRunning.await(60, TimeUnit.SECONDS)).as("start-up work began").isTrue();
			HttpResponse<String> starting503 = health();
			assertThat(starting503.statusCode()).as("health while start-up work runs").isEqualTo(503);
			assertThat(starting503.body()).contains("OUT_OF_SERVICE");

			finishStartUpWork.countDown();
			node = starting.get(60, TimeUnit.SECONDS);
			assertThat(health().statusCode()).as("health once started").isEqualTo(200);
			assertThat(health().headers().firstValue("Connection")).as("keep-alive while serving").isEmpty();

			ConfigurableApplicationContext closing = node;
			CompletableFuture<Void> closed = CompletableFuture.runAsync(closing::close);
			Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> health().statusCode() == 503);
			HttpResponse<String> draining = health();
			assertThat(draining.body()).contains("OUT_OF_SERVICE");
			assertThat(draining.headers().firstValue("Connection")).as("while draining").hasValue("close");
			assertThat(closed).as("still draining").isNotDone();

			closed.get(30, TimeUnit.SECONDS);
			assertThatExceptionOfType(IOException.class).as("port closed after the drain").isThrownBy(this::health);
		}
		finally {
			finishStartUpWork.countDown();
			if (node != null) {
				node.close();
			}
			database.drop();
		}
	}

	private HttpResponse<String> health() throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/health")).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String secret() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return Base64.getEncoder().encodeToString(secret);
	}

}
