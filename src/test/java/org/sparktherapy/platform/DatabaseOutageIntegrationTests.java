package org.sparktherapy.platform;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.zaxxer.hikari.HikariDataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.sparktherapy.SparkTherapyApplication;
import org.sparktherapy.platform.logging.EcsJsonLines;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.ScratchPostgres;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database outage drill: a node on a PostgreSQL server of the test's own, which the
 * test stops and starts again. During the outage every request answers quickly with 503
 * problem details (with {@code Retry-After} and the request id), also when the failure
 * happens while the bearer token is checked; health says DOWN at once; the log lines of a
 * failing request carry its id; once the database is back the node serves again without a
 * restart (ADR 0041). Its outcome does not depend on the database the other tests use.
 */
@Tag(IntegrationTest.FIRST_PASS_ONLY)
class DatabaseOutageIntegrationTests {

	/** Generous: the point is "seconds, not Hikari's 30 s default", on a busy machine. */
	private static final Duration QUICKLY = Duration.ofSeconds(10);

	@Test
	void answersQuicklyWith503DuringAnOutageAndServesAgainWhenTheDatabaseIsBack() throws Exception {
		Path dataDir = Files.createTempDirectory("spark-outage-data");
		try (ScratchPostgres postgres = ScratchPostgres.start();
				ConfigurableApplicationContext node = start(postgres, dataDir)) {
			int port = ((WebServerApplicationContext) node).getWebServer().getPort();
			Api api = new Api(port);
			Clinic.Person admin = new Clinic(port).rootAdmin();
			assertThat(admin.api().get("/api/auth/profile").status()).isEqualTo(200);
			long connectionTimeout = node.getBean(HikariDataSource.class).getConnectionTimeout();
			assertThat(connectionTimeout).isEqualTo(shippedConnectionTimeout());

			try (CapturedLogs logs = CapturedLogs.capture()) {
				postgres.stop();

				// the account behind the token cannot be read: the failure is in the
				// security filters, before any controller
				Timed withToken = Timed.of(() -> admin.api().get("/api/auth/profile"));
				assertUnavailable(withToken);
				// no token: the sign-in reads the database in its controller
				Timed signIn = Timed.of(() -> api.post("/api/auth/login",
						Api.body("email", Clinic.ADMIN_EMAIL, "password", Clinic.ADMIN_PASSWORD)));
				assertUnavailable(signIn);

				Timed health = Timed.of(() -> api.get("/api/health", "Accept", "application/json"));
				assertThat(health.response().status()).isEqualTo(503);
				assertThat(health.response().at("/status")).isEqualTo("DOWN");
				assertThat(health.took()).as("health does not wait for the pool's connection timeout")
					.isLessThan(Duration.ofMillis(connectionTimeout));

				for (Timed failed : List.of(withToken, signIn)) {
					String requestId = failed.response().header("X-Request-Id");
					List<ILoggingEvent> lines = logs.withRequestId(requestId);
					assertThat(lines).as("log lines of request %s", requestId).isNotEmpty();
					JsonNode ecs = Api.JSON.readTree(ecs(node.getEnvironment(), lines.getFirst()));
					assertThat(ecs.toString()).as("the ECS line names the request").contains(requestId);
					assertThat(ecs.at("/service/node/name").asString()).as(ecs.toString())
						.isEqualTo(InetAddress.getLocalHost().getHostName());
				}
			}

			postgres.startAgain();
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> api.get("/api/health", "Accept", "application/json").status() == 200);
			assertThat(admin.api().get("/api/auth/profile").status()).isEqualTo(200);
		}
		finally {
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	private static void assertUnavailable(Timed timed) {
		Api.Response response = timed.response();
		assertThat(response.status()).as(response.text()).isEqualTo(503);
		assertThat(timed.took()).isLessThan(QUICKLY);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.at("/type")).isEqualTo("https://sparktherapy.org/problems/database-unavailable");
		assertThat(response.header("Retry-After")).matches("[1-9][0-9]*");
		assertThat(response.header("X-Request-Id")).isNotBlank();
		assertThat(response.at("/traceId")).isEqualTo(response.header("X-Request-Id"));
	}

	private static ConfigurableApplicationContext start(ScratchPostgres postgres, Path dataDir) {
		// command-line arguments: they outrank the test profile (which waits longer for a
		// connection) and SPRING_DATASOURCE_URL from the environment
		return new SpringApplicationBuilder(SparkTherapyApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + postgres.jdbcUrl(),
					"--spring.datasource.username=" + postgres.username(),
					"--spring.datasource.hikari.maximum-pool-size=3",
					"--spring.datasource.hikari.connection-timeout=" + shippedConnectionTimeout(),
					"--spark.data-dir=" + dataDir);
	}

	/**
	 * The connection timeout of {@code application.yml}: a few seconds, not Hikari's 30.
	 */
	private static long shippedConnectionTimeout() {
		long timeout = Long.parseLong(shippedProperty("spring.datasource.hikari.connection-timeout"));
		assertThat(timeout).as("the shipped connection timeout").isBetween(1_000L, 5_000L);
		return timeout;
	}

	private static String shippedProperty(String name) {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		return yaml.getObject().getProperty(name);
	}

	/**
	 * A log line as the shipped JSON format (application.yml) writes it for this node.
	 */
	private static String ecs(Environment environment, ILoggingEvent event) {
		String shipped = shippedProperty("logging.structured.format.console");
		return new String(EcsJsonLines.encoder(environment, shipped).encode(event), StandardCharsets.UTF_8);
	}

	private record Timed(Api.Response response, Duration took) {

		static Timed of(Supplier<Api.Response> request) {
			long started = System.nanoTime();
			Api.Response response = request.get();
			return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
		}

	}

	/**
	 * Every log event of the JVM while it is open, with its MDC fixed at logging time.
	 */
	private static final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

		private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

		static CapturedLogs capture() {
			CapturedLogs logs = new CapturedLogs();
			logs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
			logs.start();
			root().addAppender(logs);
			return logs;
		}

		@Override
		protected void append(ILoggingEvent event) {
			event.prepareForDeferredProcessing();
			this.events.add(event);
		}

		List<ILoggingEvent> withRequestId(String requestId) {
			return this.events.stream()
				.filter(event -> requestId.equals(event.getMDCPropertyMap().get("requestId")))
				.toList();
		}

		@Override
		public void close() {
			root().detachAppender(this);
			stop();
		}

		private static Logger root() {
			return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		}

	}

}
