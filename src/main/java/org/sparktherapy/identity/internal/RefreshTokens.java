package org.sparktherapy.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.sparktherapy.identity.Role;
import org.sparktherapy.platform.security.SecurityProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refresh tokens: 256 random bits given to the client once, stored only as a SHA-256
 * hash. A sign-in starts a family; each refresh uses up the presented token and issues
 * the next one in the family. A used token presented again means it was copied, so the
 * whole family is revoked (reuse detection).
 * <p>
 * A token's successor is not random but derived from it with a server key (HMAC): a token
 * presented again within {@link #REUSE_GRACE} of its use (two tabs, a retried request) is
 * answered with the very same successor, so a sign-in never forks into two live chains,
 * whichever node answers. The token's row lock orders the uses of one token across nodes.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9700#section-4.14.2">RFC 9700
 * §4.14.2, refresh token rotation</a>
 */
@Component
class RefreshTokens {

	/** The outcome of presenting a refresh token. */
	sealed interface Rotation {

		record Rotated(UUID accountId, UUID familyId, String token) implements Rotation {
		}

		record Rejected() implements Rotation {
		}

		/** A used token was presented again: the whole sign-in was revoked. */
		record Revoked(UUID accountId, UUID familyId) implements Rotation {
		}

		/**
		 * The sign-in was idle too long or is older than its role allows: it was ended.
		 */
		record Expired(UUID accountId, UUID familyId) implements Rotation {
		}

	}

	/**
	 * A used token presented again this soon after its use is a benign race (two tabs, a
	 * retried request), not a stolen copy: it gets the same successor again instead of
	 * revoking the sign-in.
	 */
	static final java.time.Duration REUSE_GRACE = java.time.Duration.ofSeconds(10);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecurityProperties properties;

	/** Derives a token's successor; its own key, from the token signing key. */
	private final SecretKey successorKey;

	private final SignInLifetimes lifetimes;

	RefreshTokens(JdbcClient jdbc, Clock clock, SecurityProperties properties, SignInLifetimes lifetimes,
			SecretKey jwtSigningKey) {
		this.jdbc = jdbc;
		this.lifetimes = lifetimes;
		this.clock = clock;
		this.properties = properties;
		this.successorKey = new SecretKeySpec(hmac(jwtSigningKey, "refresh-token-successor"), "HmacSHA256");
	}

	/** Starts a family with a random token; returns the raw token for the client. */
	String issue(UUID accountId, UUID familyId) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return store(accountId, familyId, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	private String store(UUID accountId, UUID familyId, String token) {
		Instant now = this.clock.instant();
		Instant signedInAt = this.jdbc
			.sql("select coalesce(min(created_at), :now) from refresh_tokens where family_id = :family")
			.param("family", familyId)
			.param("now", Timestamp.from(now))
			.query(Timestamp.class)
			.single()
			.toInstant();
		Instant expires = now.plus(this.properties.refreshTokenTtl());
		Instant end = signedInAt.plus(this.properties.signInMaxAge());
		this.jdbc.sql("""
				insert into refresh_tokens (id, account_id, family_id, token_hash, created_at, expires_at)
				values (:id, :account, :family, :hash, :now, :expires)
				""")
			.param("id", UUID.randomUUID())
			.param("account", accountId)
			.param("family", familyId)
			.param("hash", hash(token))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expires.isBefore(end) ? expires : end))
			.update();
		return token;
	}

	/**
	 * Uses up the token and issues its successor; must run in a transaction (the row is
	 * locked).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Rotation rotate(String token) {
		if (token == null || token.isBlank()) {
			return new Rotation.Rejected();
		}
		Instant now = this.clock.instant();
		var row = this.jdbc.sql("""
				select t.account_id, t.family_id, t.expires_at, t.used_at, t.revoked_at, a.active, a.role,
				       f.started_at, f.last_used_at
				from refresh_tokens t join accounts a on a.id = t.account_id,
				     lateral (select min(created_at) as started_at, max(created_at) as last_used_at
				              from refresh_tokens where family_id = t.family_id) f
				where t.token_hash = :hash for update of t
				""")
			.param("hash", hash(token))
			.query((rs, n) -> new Presented(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getTimestamp(3).toInstant(), instant(rs.getTimestamp(4)), rs.getTimestamp(5) != null,
					rs.getBoolean(6), Role.of(rs.getString(7)), rs.getTimestamp(8).toInstant(),
					rs.getTimestamp(9).toInstant()))
			.optional();
		if (row.isEmpty()) {
			return new Rotation.Rejected();
		}
		Presented r = row.get();
		UUID accountId = r.accountId();
		UUID familyId = r.familyId();
		if (r.revoked() || !r.active()) {
			return new Rotation.Rejected();
		}
		String successor = successorOf(token);
		if (r.usedAt() != null) {
			if (r.usedAt().isAfter(now.minus(REUSE_GRACE))) {
				// two tabs refreshing at once, or a retry after a lost answer: the same
				// successor as the first use got, no alarm, no second chain
				return live(successor, now) ? new Rotation.Rotated(accountId, familyId, successor)
						: new Rotation.Rejected();
			}
			revokeFamily(familyId);
			return new Rotation.Revoked(accountId, familyId);
		}
		// idle: since the chain's last refresh (its newest token); absolute: since its
		// start
		if (!now.isBefore(r.lastUsedAt().plus(this.lifetimes.idleTimeout(r.role())))
				|| !now.isBefore(r.startedAt().plus(this.lifetimes.maxAge(r.role())))) {
			revokeFamily(familyId);
			return new Rotation.Expired(accountId, familyId);
		}
		if (r.expiresAt().isBefore(now)) {
			return new Rotation.Rejected();
		}
		this.jdbc.sql("update refresh_tokens set used_at = :now where token_hash = :hash")
			.param("now", Timestamp.from(now))
			.param("hash", hash(token))
			.update();
		return new Rotation.Rotated(accountId, familyId, store(accountId, familyId, successor));
	}

	/** A presented token's row, with its account and its sign-in's start and last use. */
	private record Presented(UUID accountId, UUID familyId, Instant expiresAt, Instant usedAt, boolean revoked,
			boolean active, Role role, Instant startedAt, Instant lastUsedAt) {
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** The one successor a token can have. */
	private String successorOf(String token) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(hmac(this.successorKey, token.getBytes(StandardCharsets.UTF_8)));
	}

	/** Whether the token is stored, not revoked and not expired. */
	private boolean live(String token, Instant now) {
		return this.jdbc.sql("""
				select exists (select 1 from refresh_tokens
				               where token_hash = :hash and revoked_at is null and expires_at > :now)
				""").param("hash", hash(token)).param("now", Timestamp.from(now)).query(Boolean.class).single();
	}

	/** A sign-in: its account and family. */
	record Family(UUID accountId, UUID familyId) {
	}

	/**
	 * Ends the sign-in the token belongs to (logout); answers it if it was live until
	 * now. Unknown tokens and sign-ins already ended are ignored.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Family> revokeFamilyOf(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		Optional<UUID> family = this.jdbc.sql("select family_id from refresh_tokens where token_hash = :hash")
			.param("hash", hash(token))
			.query(UUID.class)
			.optional();
		if (family.isEmpty()) {
			return Optional.empty();
		}
		lockLive("family_id = :key", family.get());
		return this.jdbc.sql("""
				update refresh_tokens set revoked_at = :now
				where family_id = :family and revoked_at is null
				returning account_id, family_id
				""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("family", family.get())
			.query((rs, n) -> new Family(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list()
			.stream()
			.findFirst();
	}

	/**
	 * Locks the unused live tokens (one per sign-in) before a revocation's UPDATE. A
	 * refresh under way holds the lock of the token it uses up, so the revocation waits
	 * for it; the UPDATE, a later statement, then sees the successor that refresh
	 * committed. (A lone UPDATE waits for the same lock but, under READ COMMITTED, only
	 * re-reads the rows of its own snapshot: the successor stayed live after the
	 * sign-out.) A used token presented again within the grace issues nothing, so it need
	 * not be waited for; leaving used tokens out also means a refresh that revokes its
	 * own sign-in waits for no lock but its own. Locked in id order, so two revocations
	 * do not deadlock.
	 */
	private void lockLive(String where, UUID key) {
		this.jdbc
			.sql("select id from refresh_tokens where " + where
					+ " and revoked_at is null and used_at is null order by id for update")
			.param("key", key)
			.query(UUID.class)
			.list();
	}

	/**
	 * Removes what no longer matters: refresh tokens expired or revoked more than a week
	 * ago, what was kept of sign-ins that have no tokens left, and sign-in failure counts
	 * whose window and lock are over. Returns how many rows went.
	 */
	int prune(Instant now, java.time.Duration window) {
		Instant weekAgo = now.minus(java.time.Duration.ofDays(7));
		int tokens = this.jdbc.sql("""
				delete from refresh_tokens where expires_at < :weekAgo or revoked_at < :weekAgo
				""").param("weekAgo", Timestamp.from(weekAgo)).update();
		int signIns = this.jdbc.sql("""
				delete from sign_ins s
				where s.started_at < :weekAgo
				  and not exists (select 1 from refresh_tokens t where t.family_id = s.id)
				""").param("weekAgo", Timestamp.from(weekAgo)).update();
		int failures = this.jdbc.sql("""
				delete from login_failures
				where window_started_at < :windowStart and (locked_until is null or locked_until < :now)
				""").param("windowStart", Timestamp.from(now.minus(window))).param("now", Timestamp.from(now)).update();
		return tokens + signIns + failures;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void revokeFamily(UUID familyId) {
		lockLive("family_id = :key", familyId);
		this.jdbc.sql("update refresh_tokens set revoked_at = :now where family_id = :family and revoked_at is null")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("family", familyId)
			.update();
	}

	/**
	 * Ends every sign-in of the account except {@code keep} (may be {@code null} to end
	 * all).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void revokeAllOf(UUID accountId, UUID keep) {
		lockLive("account_id = :key", accountId);
		this.jdbc.sql("""
				update refresh_tokens set revoked_at = :now
				where account_id = :account and revoked_at is null and family_id is distinct from :keep
				""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("account", accountId)
			.param("keep", keep)
			.update();
	}

	/** Ends every sign-in of the account; answers the sign-ins that were live. */
	@Transactional(propagation = Propagation.MANDATORY)
	java.util.List<UUID> revokeAllOf(UUID accountId) {
		lockLive("account_id = :key", accountId);
		return this.jdbc.sql("""
				update refresh_tokens set revoked_at = :now
				where account_id = :account and revoked_at is null
				returning family_id
				""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("account", accountId)
			.query(UUID.class)
			.list()
			.stream()
			.distinct()
			.toList();
	}

	private static byte[] hmac(SecretKey key, String purpose) {
		return hmac(key, purpose.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] hmac(SecretKey key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(data);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
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
