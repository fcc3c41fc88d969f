package org.sparktherapy.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokenCacheTests {

	private static final SecretKey KEY = new SecretKeySpec(new byte[32], "HmacSHA256");

	private static final SecretKey OTHER_KEY = new SecretKeySpec(
			"another key of thirty-two bytes!".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "HmacSHA256");

	private final Instant now = Instant.now();

	private final MovableClock clock = new MovableClock(this.now);

	private final CountingDecoder verifier = new CountingDecoder();

	private final VerifiedTokenCache cache = new VerifiedTokenCache(this.verifier, this.verifier.validator, 100);

	@Test
	void aTokenIsVerifiedOnceAndThenKept() {
		String token = token(KEY, this.now.plusSeconds(900));

		Jwt first = this.cache.decode(token);
		Jwt second = this.cache.decode(token);

		assertThat(second).isSameAs(first);
		assertThat(this.verifier.verified).isEqualTo(1);
		assertThat(first.getSubject()).isEqualTo("subject");
	}

	@Test
	void aKeptTokenStopsWorkingAtItsExpiry() {
		String token = token(KEY, this.now.plusSeconds(900));
		this.cache.decode(token);

		this.clock.at(this.now.plusSeconds(901));

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.cache.decode(token));
		assertThat(this.cache.size()).isZero();
		this.clock.at(this.now);
		assertThat(this.cache.decode(token).getSubject()).as("verified in full again").isEqualTo("subject");
		assertThat(this.verifier.verified).isEqualTo(2);
	}

	@Test
	void aTamperedCopyOfAKeptTokenIsVerifiedAndRefused() {
		String token = token(KEY, this.now.plusSeconds(900));
		this.cache.decode(token);
		String[] parts = token.split("\\.");
		String otherSignature = parts[0] + "." + parts[1] + "." + flipOne(parts[2]);
		String otherClaims = parts[0] + "." + flipOne(parts[1]) + "." + parts[2];

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.cache.decode(otherSignature));
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.cache.decode(otherClaims));
		assertThatExceptionOfType(BadJwtException.class)
			.isThrownBy(() -> this.cache.decode(token(OTHER_KEY, this.now.plusSeconds(900))));
		assertThat(this.cache.size()).as("only the genuine token is kept").isEqualTo(1);
	}

	@Test
	void aTokenThatFailsIsNotKept() {
		String expired = token(KEY, this.now.minusSeconds(1));

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.cache.decode(expired));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.cache.decode(expired));
		assertThat(this.verifier.verified).isEqualTo(2);
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void tokensThatDifferOnlyInCharactersOutsideAsciiHaveDifferentKeys() {
		assertThat(VerifiedTokenCache.Key.of("header.claims.sign\u00e9"))
			.isNotEqualTo(VerifiedTokenCache.Key.of("header.claims.sign\u00e8"))
			.isNotEqualTo(VerifiedTokenCache.Key.of("header.claims.sign?"));
		assertThat(VerifiedTokenCache.Key.of("a.b.c")).isEqualTo(VerifiedTokenCache.Key.of("a.b.c"));
	}

	@Test
	void keepsAtMostItsSize() {
		VerifiedTokenCache small = new VerifiedTokenCache(this.verifier, this.verifier.validator, 3);

		for (int i = 0; i < 20; i++) {
			small.decode(token(KEY, this.now.plusSeconds(900 + i)));
		}

		assertThat(small.size()).isLessThanOrEqualTo(3);
	}

	/** One character changed inside (each of its six bits counts, unlike the last's). */
	private static String flipOne(String part) {
		char c = part.charAt(10);
		return part.substring(0, 10) + ((c == 'A') ? 'B' : 'A') + part.substring(11);
	}

	private String token(SecretKey key, Instant expiresAt) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(SecurityProperties.TOKEN_ISSUER)
			.subject("subject")
			.id(UUID.randomUUID().toString())
			.issuedAt(expiresAt.minusSeconds(900))
			.expiresAt(expiresAt)
			.build();
		return new NimbusJwtEncoder(new ImmutableSecret<>(key))
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	/** The real Nimbus decoder, as configured, counting its full verifications. */
	private final class CountingDecoder implements org.springframework.security.oauth2.jwt.JwtDecoder {

		final OAuth2TokenValidator<Jwt> validator;

		private final NimbusJwtDecoder nimbus;

		int verified;

		CountingDecoder() {
			JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
			timestamps.setClock(VerifiedTokenCacheTests.this.clock);
			this.validator = new DelegatingOAuth2TokenValidator<>(
					List.of(timestamps, new JwtIssuerValidator(SecurityProperties.TOKEN_ISSUER)));
			this.nimbus = NimbusJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build();
			this.nimbus.setJwtValidator(this.validator);
		}

		@Override
		public Jwt decode(String token) {
			this.verified++;
			return this.nimbus.decode(token);
		}

	}

	private static final class MovableClock extends Clock {

		private volatile Instant instant;

		MovableClock(Instant instant) {
			this.instant = instant;
		}

		void at(Instant instant) {
			this.instant = instant;
		}

		@Override
		public Instant instant() {
			return this.instant;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
