package org.sparktherapy.platform.security;

import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.sparktherapy.platform.SparkProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The access-token signing key (HS256). From {@code SPARK_SECURITY_JWT_SECRET} when set
 * (several nodes must share it); otherwise generated once into
 * {@code SPARK_DATA_DIR/keys/jwt-hmac.key} (owner-only) so restarts don't sign everyone
 * out. See docs/adr/0003-tokens.md.
 */
@Configuration(proxyBeanMethods = false)
class JwtKeyConfiguration {

	/**
	 * Verified tokens kept at most (about 2 KB each): a token lives 15 minutes, so this
	 * covers ten thousand clients active at once on one node.
	 */
	static final long VERIFIED_TOKENS = 10_000;

	@Bean
	SecretKey jwtSigningKey(SecurityProperties security, SparkProperties spark) {
		byte[] secret = (security.jwtSecret() != null && !security.jwtSecret().isBlank())
				? Base64.getDecoder().decode(security.jwtSecret().trim()) : OwnerOnlyFiles
					.readOrCreateKey(spark.dataDir().resolve("keys").resolve("jwt-hmac.key"), "the token signing key");
		if (secret.length < 32) {
			throw new IllegalStateException("spark.security.jwt-secret must decode to at least 32 bytes");
		}
		return new SecretKeySpec(secret, "HmacSHA256");
	}

	@Bean
	JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(jwtSigningKey));
	}

	@Bean
	JwtDecoder jwtDecoder(SecretKey jwtSigningKey) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey)
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(SecurityProperties.TOKEN_ISSUER);
		decoder.setJwtValidator(validator);
		return new VerifiedTokenCache(decoder, validator, VERIFIED_TOKENS);
	}

}
