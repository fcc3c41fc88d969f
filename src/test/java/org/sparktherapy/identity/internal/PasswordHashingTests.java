package org.sparktherapy.identity.internal;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production hashes new passwords with Argon2id at 16 MiB and two passes; only the test
 * profile makes them cheap (ADR 0025).
 */
class PasswordHashingTests {

	private static final String PASSWORD = "lantern-orchid-velvet-42";

	@Test
	void newPasswordsAreHashedWithArgon2idAtSixteenMebibytesAndTwoPasses() throws IOException {
		PasswordEncoder encoder = new PasswordHashing().passwordEncoder(cost("application.yml"));

		String hash = encoder.encode(PASSWORD);

		assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=16384,t=2,p=1$");
		assertThat(encoder.matches(PASSWORD, hash)).isTrue();
		assertThat(encoder.matches("lantern-orchid-velvet-43", hash)).isFalse();
	}

	@Test
	void onlyTheTestProfileLowersTheCost() throws IOException {
		PasswordEncoder encoder = new PasswordHashing().passwordEncoder(cost("application-test.yml"));

		String hash = encoder.encode(PASSWORD);

		assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=64,t=1,p=1$");
		assertThat(new PasswordHashing().passwordEncoder(cost("application.yml")).matches(PASSWORD, hash))
			.as("a cheap hash still checks under the production settings: stored hashes carry their parameters")
			.isTrue();
	}

	private static PasswordHashProperties cost(String file) throws IOException {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
		return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("spark.identity.password-hash",
				PasswordHashProperties.class);
	}

}
