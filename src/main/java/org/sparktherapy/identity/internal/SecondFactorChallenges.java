package org.sparktherapy.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.sparktherapy.platform.security.OwnerOnlyFiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a correct password buys a person who needs a second factor (ADR 0038): a
 * short-lived, single-use challenge token (256 random bits; only its SHA-256 is stored).
 * {@code verify} challenges are answered with a code; {@code enroll} challenges let a
 * person whom the clinic requires to use a second factor set one up before any token is
 * issued. A challenge takes a few wrong codes, then it is used up. Each statement commits
 * on its own, so a failure counts even though the request fails.
 */
@Component
class SecondFactorChallenges {

	enum Purpose {

		VERIFY, ENROLL;

		String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	record Issued(String token, Duration ttl) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final IdentityProperties.SecondFactor settings;

	SecondFactorChallenges(JdbcClient jdbc, Clock clock, IdentityProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = properties.secondFactor();
	}

	Issued issue(UUID accountId, Purpose purpose) {
		Instant now = this.clock.instant();
		Duration ttl = (purpose == Purpose.VERIFY) ? this.settings.challengeTtl() : this.settings.enrollmentTtl();
		this.jdbc.sql("delete from second_factor_challenges where account_id = :account and expires_at <= :now")
			.param("account", accountId)
			.param("now", Timestamp.from(now))
			.update();
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(OwnerOnlyFiles.randomKey(32));
		this.jdbc.sql("""
				insert into second_factor_challenges (token_hash, account_id, purpose, expires_at)
				values (:hash, :account, :purpose, :expires)
				""")
			.param("hash", hash(token))
			.param("account", accountId)
			.param("purpose", purpose.value())
			.param("expires", Timestamp.from(now.plus(ttl)))
			.update();
		return new Issued(token, ttl);
	}

	/**
	 * The account a live challenge of this purpose belongs to; otherwise
	 * {@link IdentityProblems.SecondFactorChallengeRejected}.
	 */
	UUID accountOf(String token, Purpose purpose) {
		if (token == null || token.isBlank()) {
			throw new IdentityProblems.SecondFactorChallengeRejected();
		}
		return this.jdbc.sql("""
				select account_id from second_factor_challenges
				where token_hash = :hash and purpose = :purpose and expires_at > :now and failures < :max
				""")
			.param("hash", hash(token))
			.param("purpose", purpose.value())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("max", this.settings.challengeFailures())
			.query(UUID.class)
			.optional()
			.orElseThrow(IdentityProblems.SecondFactorChallengeRejected::new);
	}

	/** A wrong code was given with the challenge. */
	void failed(String token) {
		this.jdbc.sql("update second_factor_challenges set failures = failures + 1 where token_hash = :hash")
			.param("hash", hash(token))
			.update();
	}

	/**
	 * Uses the challenge up; throws when it was used meanwhile (two answers racing), so
	 * only one of them signs in.
	 */
	void consume(String token) {
		int deleted = this.jdbc.sql("delete from second_factor_challenges where token_hash = :hash")
			.param("hash", hash(token))
			.update();
		if (deleted != 1) {
			throw new IdentityProblems.SecondFactorChallengeRejected();
		}
	}

	/** Ends the account's open challenges (its second factor was reset). */
	void endAllOf(UUID accountId) {
		this.jdbc.sql("delete from second_factor_challenges where account_id = :account")
			.param("account", accountId)
			.update();
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
