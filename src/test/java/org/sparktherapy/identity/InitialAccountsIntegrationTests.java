package org.sparktherapy.identity;

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
		.compile("created admin@sparktherapy\\.local with the one-time password (\\S+)");

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
	void anEmptyClinicWithoutConfigurationGetsAGeneratedAdminPrintedOnce(CapturedOutput output) {
		FreshDatabase database = new FreshDatabase(this.dataSource);
		String password;
		try (ConfigurableApplicationContext first = start(database)) {
			Matcher matcher = ONE_TIME.matcher(output.getAll());
			assertThat(matcher.find()).as("the generated password is logged").isTrue();
			password = matcher.group(1);
			Api api = new Api(port(first));
			assertThat(api.post("/api/auth/login", body("email", "admin@sparktherapy.local", "password", password))
				.status()).isEqualTo(200);
		}
		try (ConfigurableApplicationContext second = start(database)) {
			Matcher matcher = ONE_TIME.matcher(output.getAll());
			assertThat(matcher.find()).isTrue();
			assertThat(matcher.find()).as("a restart prints no new password").isFalse();
		}
		finally {
			database.drop();
		}
	}

	@Test
	void healthAnswers503WhenTheDatabaseIsGone() {
		FreshDatabase database = new FreshDatabase(this.dataSource);
		try (ConfigurableApplicationContext app = start(database)) {
			Api api = new Api(port(app));
			assertThat(api.get("/api/health").status()).isEqualTo(200);

			database.drop();

			Api.Response health = api.get("/api/health", "Accept", "application/json");
			assertThat(health.status()).isEqualTo(503);
			assertThat(health.at("/status")).isEqualTo("DOWN");
		}
	}

	private static ConfigurableApplicationContext start(FreshDatabase database) {
		// command-line arguments: they outrank the test profile and SPRING_DATASOURCE_URL
		// from the environment
		return new SpringApplicationBuilder(SparkTherapyApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + database.url(),
					"--spring.datasource.username=" + database.username(),
					"--spring.datasource.hikari.maximum-pool-size=2",
					"--spring.datasource.hikari.connection-timeout=2000", "--spark.identity.bootstrap-admin-email=",
					"--spark.identity.bootstrap-admin-password=", "--spark.data-dir=target/test-data-fresh");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
