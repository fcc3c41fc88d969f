package org.sparktherapy.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sparktherapy.SparkTherapyApplication;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.FreshDatabase;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class InitialAccountsIntegrationTests {

	private static final Pattern ONE_TIME = Pattern
		.compile("created admin@sparktherapy\\.local with a one-time password, written to (\\S+)");

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void configuredBootstrapAdminIsCreated() {
		Clinic.Person admin = new Clinic(this.port).rootAdmin();

		assertThat(admin.api().get("/api/auth/profile").at("/role")).isEqualTo("admin");
	}

	@Test
	void anEmptyClinicWithoutConfigurationGetsAGeneratedAdminWhosePasswordOnlyTheOwnerCanRead(CapturedOutput output)
			throws Exception {
		FreshDatabase database = new FreshDatabase(this.dataSource);
		Path dataDir = Files.createTempDirectory(Path.of("target"), "test-data-fresh");
		Path file = dataDir.resolve("initial-admin-password");
		String password;
		try (ConfigurableApplicationContext first = start(database, dataDir)) {
			Matcher matcher = ONE_TIME.matcher(output.getAll());
			assertThat(matcher.find()).as("the log names the file").isTrue();
			assertThat(Path.of(matcher.group(1))).isEqualTo(file.toAbsolutePath());
			assertThat(Files.getPosixFilePermissions(file)).as("owner-only")
				.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
			password = Files.readString(file).strip();
			assertThat(password).hasSizeGreaterThanOrEqualTo(24);
			assertThat(output.getAll()).as("the password never reaches the log").doesNotContain(password);
			Api api = new Api(port(first));
			assertThat(api.post("/api/auth/login", body("email", "admin@sparktherapy.local", "password", password))
				.status()).isEqualTo(200);
		}
		try (ConfigurableApplicationContext second = start(database, dataDir)) {
			Matcher matcher = ONE_TIME.matcher(output.getAll());
			assertThat(matcher.find()).isTrue();
			assertThat(matcher.find()).as("a restart opens no new admin").isFalse();
			assertThat(Files.readString(file).strip()).isEqualTo(password);
		}
		finally {
			database.drop();
		}
	}

	@Test
	void healthAnswers503WhenTheDatabaseIsGone() {
		FreshDatabase database = new FreshDatabase(this.dataSource);
		try (ConfigurableApplicationContext app = start(database, Path.of("target/test-data-fresh"))) {
			Api api = new Api(port(app));
			assertThat(api.get("/api/health").status()).isEqualTo(200);

			database.drop();

			Api.Response health = api.get("/api/health", "Accept", "application/json");
			assertThat(health.status()).isEqualTo(503);
			assertThat(health.at("/status")).isEqualTo("DOWN");
		}
	}

	private static ConfigurableApplicationContext start(FreshDatabase database, Path dataDir) {
		// command-line arguments: they outrank the test profile and SPRING_DATASOURCE_URL
		// from the environment
		return new SpringApplicationBuilder(SparkTherapyApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + database.url(),
					"--spring.datasource.username=" + database.username(),
					"--spring.datasource.hikari.maximum-pool-size=3",
					"--spring.datasource.hikari.connection-timeout=2000", "--spark.identity.bootstrap-admin-email=",
					"--spark.identity.bootstrap-admin-password=", "--spark.data-dir=" + dataDir);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
