package org.sparktherapy.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brute-force protection for sign-in, kept in PostgreSQL so every node sees the same counts. Failures are counted
 * per email (known or not, so the answer never tells whether an account exists) and per client address; either
 * passing its limit within the window locks that key for the lockout time. Nothing is global: one account's
 * failures never slow another account's sign-in from another address.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final IdentityProperties.Throttle limits;

	LoginThrottle(JdbcClient jdbc, Clock clock, IdentityProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.limits = properties.throttle();
	}

	/** Throws {@link IdentityProblems.TooManySignInAttempts} while the email or the address is locked. */
	void checkAllowed(String email, String address) {
		Instant now = this.clock.instant();
		List<Timestamp> locks = this.jdbc
			.sql("select locked_until from login_failures where key in (:keys) and locked_until > :now")
			.param("keys", List.of(accountKey(email), addressKey(address)))
			.param("now", Timestamp.from(now))
			.query(Timestamp.class)
			.list();
		locks.stream()
			.map(Timestamp::toInstant)
			.max(Instant::compareTo)
			.ifPresent(until -> {
				throw new IdentityProblems.TooManySignInAttempts(Duration.between(now, until));
			});
	}

	/** Counts a failure, in its own transaction so that it stays counted whatever happens next. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFailure(String email, String address) {
		count(accountKey(email), this.limits.accountFailures());
		count(addressKey(address), this.limits.addressFailures());
	}

	void recordSuccess(String email) {
		this.jdbc.sql("delete from login_failures where key = :key").param("key", accountKey(email)).update();
	}

	private void count(String key, int max) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into login_failures as f (key, failures, window_started_at, locked_until)
				values (:key, 1, :now, case when 1 >= :max then cast(:lockedUntil as timestamptz) end)
				on conflict (key) do update set
				    failures = case when f.window_started_at < :windowStart then 1 else f.failures + 1 end,
				    window_started_at = case when f.window_started_at < :windowStart then :now else f.window_started_at end,
				    locked_until = case
				        when (case when f.window_started_at < :windowStart then 1 else f.failures + 1 end) >= :max
				        then cast(:lockedUntil as timestamptz) else f.locked_until end
				""")
			.param("key", key)
			.param("now", Timestamp.from(now))
			.param("max", max)
			.param("windowStart", Timestamp.from(now.minus(this.limits.window())))
			.param("lockedUntil", Timestamp.from(now.plus(this.limits.lockout())))
			.update();
	}

	private static String accountKey(String email) {
		return "account:" + Account.normalizeEmail(email);
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

}
