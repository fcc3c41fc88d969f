package org.sparktherapy.platform;

import org.junit.jupiter.api.Test;
import org.sparktherapy.SparkTherapyApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A clinic time zone nobody knows stops the start, naming the setting, before anything is
 * opened or booked.
 */
class ClinicTimeZoneSettingTests {

	@Test
	void anUnknownClinicTimeZoneStopsTheStartAndNamesTheSetting() {
		Throwable failure = catchThrowable(() -> {
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SparkTherapyApplication.class)
				.profiles("test")
				.run("--server.port=0", "--spark.clinic-time-zone=Mars/Olympus_Mons",
						"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/never-reached",
						"--spark.data-dir=target/test-data-bad-zone")) {
				// started: the assertion below fails
			}
		});

		assertThat(failure).as("the application must not start").isNotNull();
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		assertThat(messages.toString()).contains("spark.clinic-time-zone").contains("Mars/Olympus_Mons");
	}

}
