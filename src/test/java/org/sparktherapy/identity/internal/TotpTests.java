package org.sparktherapy.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	/** RFC 6238 appendix B's SHA-1 secret; its 8-digit codes end in these 6 digits. */
	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void matchesTheRfc6238TestVectors() {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
	}

	@Test
	void acceptsTheStepsEitherSideAndNothingFurther() {
		Instant now = Instant.ofEpochSecond(1111111109);
		long step = Totp.step(now);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now)).hasValue(step - 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now)).hasValue(step + 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "081 804", now)).hasValue(step);
		assertThat(Totp.matchingStep(RFC_SECRET, "08180", now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEmpty();
	}

	@Test
	void writesTheSecretInBase32() {
		assertThat(Totp.base32(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	}

	@Test
	void aFreshInstallRequiresASecondFactorForAdminsAndBcbas() {
		IdentityProperties defaults = new Binder(new MapConfigurationPropertySource()).bindOrCreate("spark.identity",
				IdentityProperties.class);

		assertThat(SecuritySettings.parse(defaults.secondFactor().requiredRoles()))
			.containsExactlyInAnyOrder(SecondFactorGroup.ADMIN, SecondFactorGroup.BCBA);
		assertThat(SecuritySettings.parse("none")).isEmpty();
	}

}
