package org.sparktherapy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * SPARKTherapy: a practice platform for ABA therapy clinics. One modular monolith; each
 * top-level package is a feature module (see {@code docs/architecture.md}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "platform")
public class SparkTherapyApplication {

	public static void main(String[] args) {
		SpringApplication.run(SparkTherapyApplication.class, args);
	}

}
