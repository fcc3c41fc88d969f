package org.sparktherapy.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brute-force protection for sign-in, kept in PostgreSQL so every node sees the same
 * counts. Every attempt is counted <em>before</em> the password is checked — per email
 * (known or not, so the answer never tells whether an account exists) and per client
 * address — so parallel guesses cannot slip past the limit. Passing a limit within the
 * window locks that key for the lockout time. A successful sign-in clears its email's
 * count and gives its address its attempt back. Nothing is global: one account's failures
 * never slow another account's sign-in from another address. Each lock started counts in
 * {@code spark.identity.lockouts} ({@link SignInMetrics}).
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final IdentityProperties.Throttle limits;

	private final SignInMetrics metrics;

	LoginThrottle(JdbcClient jdbc, Clock clock, IdentityProperties properties, SignInMetrics metrics) {
		this.jdbc = jdbc;
		this.metrics = metrics;
		this.clock = clock;
		this.limits = properties.throttle();
	}

	/**
	 * Counts an attempt for the email and the address; throws
	 * {@link IdentityProblems.TooManySignInAttempts} while either is locked or when this
	 * attempt passes a limit. The lock an attempt starts is kept (no rollback), so it
	 * lasts the lockout time.
	 */
	@Transactional(noRollbackFor = IdentityProblems.TooManySignInAttempts.class)
	public void attempt(String email, String address) {
		Instant now = this.clock.instant();
		List<Timestamp> locks = this.jdbc
			.sql("select locked_until from login_failures where key in (:keys) and locked_until > :now")
			.param("keys", List.of(accountKey(email), addressKey(address)))
			.param("now", Timestamp.from(now))
			.query(Timestamp.class)
			.list();
		Instant lockedUntil = locks.stream().map(Timestamp::toInstant).max(Instant::compareTo).orElse(null);
		if (lockedUntil == null) {
			lockedUntil = later(count(accountKey(email), this.limits.accountFailures(), now),
					count(addressKey(address), this.limits.addressFailures(), now));
			if (lockedUntil != null) {
				this.metrics.lockedOut(SignInMetrics.Factor.PASSWORD);
			}
		}
		if (lockedUntil != null) {
			throw new IdentityProblems.TooManySignInAttempts(Duration.between(now, lockedUntil));
		}
	}

	/**
	 * The attempt succeeded: the email starts afresh and the address gets its attempt
	 * back.
	 */
	@Transactional
	public void succeeded(String email, String address) {
		this.jdbc.sql("delete from login_failures where key = :key").param("key", accountKey(email)).update();
		this.jdbc.sql("update login_failures set failures = greatest(failures - 1, 0) where key = :key")
			.param("key", addressKey(address))
			.update();
	}

	/**
	 * Counts a forgotten-password request for the email (known or not) and the address,
	 * in counters of their own; returns false while either is over its limit
	 * ({@value #RESETS_PER_EMAIL} per email, {@value #RESETS_PER_ADDRESS} per address
	 * within the window). The caller then drops the request quietly, so the answer still
	 * says nothing about the account.
	 */
	@Transactional
	public boolean allowReset(String email, String address) {
		Instant now = this.clock.instant();
		Instant account = count("reset-account:" + Account.normalizeEmail(email), RESETS_PER_EMAIL, now);
		Instant client = count("reset-address:" + address, RESETS_PER_ADDRESS, now);
		return account == null && client == null;
	}

	/**
	 * Counts a second-factor code (or recovery code) tried for the account, before it is
	 * checked; throws {@link IdentityProblems.TooManySecondFactorAttempts} while the
	 * account is locked or when this attempt passes the account limit. Kept apart from
	 * the password's counter: the person already knows the password.
	 */
	@Transactional(noRollbackFor = IdentityProblems.TooManySecondFactorAttempts.class)
	public void attemptSecondFactor(java.util.UUID accountId) {
		Instant now = this.clock.instant();
		String key = secondFactorKey(accountId);
		Instant lockedUntil = this.jdbc
			.sql("select locked_until from login_failures where key = :key and locked_until > :now")
			.param("key", key)
			.param("now", Timestamp.from(now))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
		if (lockedUntil == null) {
			lockedUntil = count(key, this.limits.accountFailures(), now);
			if (lockedUntil != null) {
				this.metrics.lockedOut(SignInMetrics.Factor.SECOND_FACTOR);
			}
		}
		if (lockedUntil != null) {
			throw new IdentityProblems.TooManySecondFactorAttempts(Duration.between(now, lockedUntil));
		}
	}

	/** A right code: the account's second-factor count starts afresh. */
	@Transactional
	public void secondFactorSucceeded(java.util.UUID accountId) {
		this.jdbc.sql("delete from login_failures where key = :key").param("key", secondFactorKey(accountId)).update();
	}

	private static String secondFactorKey(java.util.UUID accountId) {
		return "second-factor:" + accountId;
	}

	/**
	 * Counts a registration request for the email (whether or not it has an account, so
	 * the answer says nothing about it) and for the address; throws
	 * {@link IdentityProblems.TooManyRegistrations} while either is over its limit within
	 * the window (ADR 0039).
	 */
	@Transactional
	public void registration(String email, String address, int perEmail, int perAddress) {
		Instant now = this.clock.instant();
		Instant lockedUntil = later(count("register-account:" + Account.normalizeEmail(email), perEmail, now),
				count("register-address:" + address, perAddress, now));
		if (lockedUntil != null) {
			throw new IdentityProblems.TooManyRegistrations(Duration.between(now, lockedUntil));
		}
	}

	static final int RESETS_PER_EMAIL = 3;

	static final int RESETS_PER_ADDRESS = 20;

	/** Counts one attempt; returns when the key is now locked, or null. */
	private Instant count(String key, int max, Instant now) {
		return this.jdbc
			.sql("""
					insert into login_failures as f (key, failures, window_started_at, locked_until)
					values (:key, 1, :now, case when 1 > :max then cast(:lockedUntil as timestamptz) end)
					on conflict (key) do update set
					    failures = case when f.window_started_at < :windowStart then 1 else f.failures + 1 end,
					    window_started_at = case when f.window_started_at < :windowStart then :now else f.window_started_at end,
					    locked_until = case
					        when (case when f.window_started_at < :windowStart then 1 else f.failures + 1 end) > :max
					        then cast(:lockedUntil as timestamptz) else f.locked_until end
					returning case when locked_until > :now then locked_until end
					""")
			.param("key", key)
			.param("now", Timestamp.from(now))
			.param("max", max)
			.param("windowStart", Timestamp.from(now.minus(this.limits.window())))
			.param("lockedUntil", Timestamp.from(now.plus(this.limits.lockout())))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
	}

	private static Instant later(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

	private static String accountKey(String email) {
		return "account:" + Account.normalizeEmail(email);
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

}
