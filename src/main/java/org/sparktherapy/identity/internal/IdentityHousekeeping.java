package org.sparktherapy.identity.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hourly clean-up of old refresh tokens, sign-in failure counts and password-reset
 * tokens. Several nodes may run it; a transaction-scoped advisory lock lets one of them
 * do the work and the others skip.
 */
@Component
class IdentityHousekeeping {

	private static final long LOCK_KEY = 0x5350_4152_4b03L;

	private static final Logger log = LoggerFactory.getLogger(IdentityHousekeeping.class);

	private final JdbcClient jdbc;

	private final RefreshTokens refreshTokens;

	private final IdentityProperties properties;

	private final Clock clock;

	IdentityHousekeeping(JdbcClient jdbc, RefreshTokens refreshTokens, IdentityProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.refreshTokens = refreshTokens;
		this.properties = properties;
		this.clock = clock;
	}

	/** Returns how many rows were removed, or -1 when another node holds the lock. */
	@Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
	@Transactional
	public int prune() {
		boolean mine = this.jdbc.sql("select pg_try_advisory_xact_lock(:key)")
			.param("key", LOCK_KEY)
			.query(Boolean.class)
			.single();
		if (!mine) {
			return -1;
		}
		int removed = this.refreshTokens.prune(this.clock.instant(), this.properties.throttle().window())
				+ this.jdbc.sql("delete from password_reset_tokens where expires_at < :dayAgo")
					.param("dayAgo", java.sql.Timestamp.from(this.clock.instant().minus(java.time.Duration.ofDays(1))))
					.update()
				+ this.jdbc.sql("delete from pending_registrations where expires_at < :dayAgo")
					.param("dayAgo", java.sql.Timestamp.from(this.clock.instant().minus(java.time.Duration.ofDays(1))))
					.update();
		if (removed > 0) {
			log.info("Housekeeping removed {} expired sign-in rows", removed);
		}
		return removed;
	}

}
