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

	/**
	 * Sign-in checks an unknown email against a hash made without hashing (no Argon2id at
	 * start-up, issue 16); it must still be a hash the encoder verifies at the cost of
	 * new hashes, or unknown emails would answer faster than wrong passwords.
	 */
	@Test
	void theUnknownAccountHashIsAnArgon2idHashAtTheCostOfNewHashesThatNothingMatches() throws IOException {
		PasswordHashProperties cost = cost("application.yml");
		PasswordEncoder encoder = new PasswordHashing().passwordEncoder(cost);

		String unknown = new PasswordHashing().unknownAccountHash(cost).value();

		assertThat(unknown).startsWith("{argon2}$argon2id$v=19$m=16384,t=2,p=1$");
		String[] parts = unknown.split("\\$");
		assertThat(java.util.Base64.getDecoder().decode(parts[4])).hasSize(16);
		assertThat(java.util.Base64.getDecoder().decode(parts[5])).hasSize(32);
		assertThat(encoder.matches(PASSWORD, unknown)).isFalse();
		assertThat(new PasswordHashing().unknownAccountHash(cost).value()).isNotEqualTo(unknown);
	}

	/**
	 * The format {@link UnknownAccountHash} writes is the one the encoder reads and
	 * verifies by computing Argon2id with the parameters it names: with the real digest
	 * of a password it matches, with one bit changed it does not. (A hash the encoder
	 * could not read would never match, and would answer at once.)
	 */
	@Test
	void theUnknownAccountHashFormatIsVerifiedByComputingArgon2id() throws IOException {
		PasswordHashProperties cost = cost("application-test.yml");
		PasswordEncoder encoder = new PasswordHashing().passwordEncoder(cost);
		byte[] salt = "sixteen byte slt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		byte[] digest = new byte[32];
		var generator = new org.bouncycastle.crypto.generators.Argon2BytesGenerator();
		generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
				org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
			.withSalt(salt)
			.withParallelism(cost.parallelism())
			.withMemoryAsKB(cost.memoryKib())
			.withIterations(cost.iterations())
			.build());
		generator.generateBytes(PASSWORD.toCharArray(), digest);

		assertThat(encoder.matches(PASSWORD, "{argon2}" + UnknownAccountHash.argon2id(cost, salt, digest))).isTrue();
		digest[0] ^= 1;
		assertThat(encoder.matches(PASSWORD, "{argon2}" + UnknownAccountHash.argon2id(cost, salt, digest))).isFalse();
	}

	private static PasswordHashProperties cost(String file) throws IOException {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
		return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("spark.identity.password-hash",
				PasswordHashProperties.class);
	}

}
