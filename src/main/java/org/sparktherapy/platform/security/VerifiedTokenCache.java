package org.sparktherapy.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Keeps the access tokens this node has verified, so a client's next requests with the
 * same token skip the signature check and the claims' parsing (about 7 % of a child
 * read's CPU, ADR 0048).
 * <p>
 * What stays per request: the validator (expiry, not-before, issuer) runs on every use of
 * a kept token, so a token stops working at its expiry exactly as before; and the
 * identity check that follows decoding (the account still active, the sign-in not ended)
 * is not cached at all, so deactivation and sign-out still apply at once. A token is
 * looked up by its SHA-256, so only the exact bytes verified before can match, lookups
 * take no time that depends on a secret, and each entry's key is 32 bytes. Entries leave
 * at their token's expiry and beyond {@code maximumSize}, least recently used first.
 */
final class VerifiedTokenCache implements JwtDecoder {

	private final JwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Cache<Key, Jwt> verified;

	/**
	 * @param verifier checks the signature, parses and validates a token it has not seen
	 * @param validator run again on each use of a kept token (the verifier's own)
	 */
	VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, long maximumSize) {
		this.verifier = verifier;
		this.validator = validator;
		this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(new UntilExpiry()).build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		if (token == null) {
			return this.verifier.decode(null);
		}
		Key key = Key.of(token);
		Jwt kept = this.verified.getIfPresent(key);
		if (kept == null) {
			Jwt jwt = this.verifier.decode(token);
			this.verified.put(key, jwt);
			return jwt;
		}
		OAuth2TokenValidatorResult result = this.validator.validate(kept);
		if (result.hasErrors()) {
			this.verified.invalidate(key);
			throw new JwtValidationException("The token is no longer valid", result.getErrors());
		}
		return kept;
	}

	long size() {
		this.verified.cleanUp();
		return this.verified.estimatedSize();
	}

	/** A token's SHA-256. */
	record Key(byte[] digest) {

		static Key of(String token) {
			try {
				return new Key(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public boolean equals(Object other) {
			return (other instanceof Key key) && MessageDigest.isEqual(this.digest, key.digest);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(this.digest);
		}

		@Override
		public String toString() {
			return "Key[sha256]";
		}

	}

	/**
	 * Kept until the token expires (a token without an expiry, which this node never
	 * issues, for a minute).
	 */
	private static final class UntilExpiry implements Expiry<Key, Jwt> {

		@Override
		public long expireAfterCreate(Key key, Jwt jwt, long currentTime) {
			Instant expiresAt = jwt.getExpiresAt();
			if (expiresAt == null) {
				return Duration.ofMinutes(1).toNanos();
			}
			Duration left = Duration.between(Instant.now(), expiresAt);
			return left.isNegative() ? 0 : left.toNanos();
		}

		@Override
		public long expireAfterUpdate(Key key, Jwt jwt, long currentTime, long currentDuration) {
			return expireAfterCreate(key, jwt, currentTime);
		}

		@Override
		public long expireAfterRead(Key key, Jwt jwt, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
