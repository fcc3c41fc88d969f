package org.sparktherapy.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Nullable;
import org.sparktherapy.identity.AccountEvent;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;
import org.sparktherapy.identity.SignInEnded;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's active sign-ins (refresh-token families not ended and within their
 * lifetimes), what they show of each, and ending them: one's own one by one, or all of a
 * user's by an admin.
 */
@Service
class SignIns {

	/** One active sign-in as its owner sees it. */
	record ActiveSignIn(UUID id, String device, @Nullable String place, Instant startedAt, Instant lastUsedAt,
			boolean current) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SignInLifetimes lifetimes;

	private final RefreshTokens refreshTokens;

	private final ApplicationEventPublisher events;

	SignIns(JdbcClient jdbc, Clock clock, SignInLifetimes lifetimes, RefreshTokens refreshTokens,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.lifetimes = lifetimes;
		this.refreshTokens = refreshTokens;
		this.events = events;
	}

	/** Keeps what the sign-in shows later; in the transaction that starts it. */
	void started(UUID familyId, UUID accountId, String device, String address, Instant at) {
		this.jdbc.sql("""
				insert into sign_ins (id, account_id, device, place, started_at)
				values (:id, :account, :device, :place, :at)
				""")
			.param("id", familyId)
			.param("account", accountId)
			.param("device", device)
			.param("place", ClientPlace.of(address))
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The user's active sign-ins, the most recently used first. */
	@Transactional(readOnly = true)
	List<ActiveSignIn> of(CurrentUser user) {
		Instant now = this.clock.instant();
		Role role = user.role();
		return this.jdbc.sql("""
				select f.family_id, coalesce(s.device, 'Unknown device'), s.place, f.started_at, f.last_used_at
				from (select family_id, min(created_at) as started_at, max(created_at) as last_used_at
				      from refresh_tokens where account_id = :account
				      group by family_id
				      having bool_and(revoked_at is null) and max(expires_at) > :now) f
				left join sign_ins s on s.id = f.family_id
				where f.last_used_at > :idleSince and f.started_at > :startedSince
				order by f.last_used_at desc
				""")
			.param("account", user.id())
			.param("now", Timestamp.from(now))
			.param("idleSince", Timestamp.from(now.minus(this.lifetimes.idleTimeout(role))))
			.param("startedSince", Timestamp.from(now.minus(this.lifetimes.maxAge(role))))
			.query((rs, n) -> new ActiveSignIn(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
					rs.getObject(1, UUID.class).equals(user.sessionId())))
			.list();
	}

	/**
	 * Ends one of the user's own sign-ins; false when there is no such live sign-in of
	 * theirs (another person's answers alike).
	 */
	@Transactional
	boolean end(CurrentUser user, UUID signInId) {
		boolean owned = this.jdbc.sql("""
				select exists (select 1 from refresh_tokens
				               where family_id = :family and account_id = :account and revoked_at is null)
				""").param("family", signInId).param("account", user.id()).query(Boolean.class).single();
		if (!owned) {
			return false;
		}
		this.refreshTokens.revokeFamily(signInId);
		this.events
			.publishEvent(new SignInEnded(user.id(), signInId, SignInEnded.Reason.SIGNED_OUT, this.clock.instant()));
		this.events.publishEvent(new AccountEvent(AccountEvent.Kind.LOGOUT, user.id(), user.id(), false,
				signInId.equals(user.sessionId()) ? null : "another sign-in ended"));
		return true;
	}

	/** An admin ends every sign-in of an account; answers how many were live. */
	@Transactional
	int endAll(CurrentUser admin, UUID accountId) {
		List<UUID> ended = this.refreshTokens.revokeAllOf(accountId);
		Instant now = this.clock.instant();
		ended.forEach(family -> this.events
			.publishEvent(new SignInEnded(accountId, family, SignInEnded.Reason.ENDED_BY_ADMIN, now)));
		this.events.publishEvent(new AccountEvent(AccountEvent.Kind.SESSIONS_ENDED_BY_ADMIN, admin.id(), accountId,
				false, ended.size() + " sign-in(s) ended"));
		return ended.size();
	}

}
