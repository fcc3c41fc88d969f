package org.sparktherapy.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparktherapy.identity.AccountEvent;
import org.sparktherapy.identity.PasswordChanged;
import org.sparktherapy.platform.mail.Mailer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Forgotten passwords. A request is answered the same way whether or not the email
 * belongs to an account: the caller's thread only counts it against the throttle; finding
 * the account, making the token and mailing the link happen in the background. The link
 * carries 256 random bits in its fragment ({@code /reset-password#token=…}), so the token
 * never reaches a server log; only its SHA-256 hash is stored. It works once, for
 * {@link #LIFETIME}, and a newer request voids the older links. Using it sets the
 * password, ends every sign-in of the account and publishes {@link PasswordChanged}.
 *
 * @see <a href=
 * "https://cheatsheetseries.owasp.org/cheatsheets/Forgot_Password_Cheat_Sheet.html">OWASP
 * Forgot Password Cheat Sheet</a>
 */
@Service
class PasswordResets {

	static final Duration LIFETIME = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

	private final SecureRandom random = new SecureRandom();

	private final Executor background = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("password-reset-", 0).factory());

	private final AccountRepository accounts;

	private final LoginThrottle throttle;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final RefreshTokens refreshTokens;

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	private final Mailer mailer;

	private final Clock clock;

	PasswordResets(AccountRepository accounts, LoginThrottle throttle, JdbcClient jdbc, PasswordEncoder passwords,
			PasswordPolicy policy, RefreshTokens refreshTokens, ApplicationEventPublisher events,
			TransactionOperations transactions, Mailer mailer, Clock clock) {
		this.accounts = accounts;
		this.throttle = throttle;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.policy = policy;
		this.refreshTokens = refreshTokens;
		this.events = events;
		this.transactions = transactions;
		this.mailer = mailer;
		this.clock = clock;
	}

	/**
	 * Someone asks for a reset link for {@code email}. Does the same work for every
	 * email; requests over the throttle's limits are dropped without a trace in the
	 * answer.
	 */
	void request(String email, String address) {
		boolean allowed = this.throttle.allowReset(email, address);
		var account = this.accounts.findByEmail(email);
		this.events.publishEvent(new AccountEvent(AccountEvent.Kind.PASSWORD_RESET_REQUESTED, null,
				account.map(Account::id).orElse(null), !allowed,
				account.isPresent() ? null : "unknown e-mail " + AccountEvent.emailHash(email)));
		if (allowed) {
			this.background.execute(() -> mailLink(email));
		}
	}

	/**
	 * Creates a token for the active account of {@code email}, if there is one, and mails
	 * the link.
	 */
	void mailLink(String email) {
		if (!this.mailer.enabled()) {
			log.warn("A password reset was requested, but mail is off (no spring.mail.host): no link sent");
			return;
		}
		try {
			Link link = this.transactions.execute(status -> issue(email));
			if (link == null) {
				return;
			}
			this.mailer.send(link.email(), "Reset your SPARKTherapy password", """
					Someone asked to reset the password of your SPARKTherapy account. If it was you, choose a new \
					password here within the next hour:

					%s

					The link works once. If you did not ask for it, ignore this mail: your password stays as it is.
					""".formatted(this.mailer.link("/reset-password#token=" + link.token())));
		}
		catch (MailException ex) {
			// no address and no token in the log; the person can simply ask again
			log.warn("A password-reset mail could not be sent ({})", ex.getClass().getSimpleName());
		}
		catch (RuntimeException ex) {
			log.error("A password-reset request failed", ex);
		}
	}

	private record Link(String email, String token) {
	}

	private Link issue(String email) {
		Account account = this.accounts.findByEmail(email).filter(Account::active).orElse(null);
		if (account == null) {
			return null;
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("update password_reset_tokens set used_at = :now where account_id = :account and used_at is null")
			.param("now", Timestamp.from(now))
			.param("account", account.id())
			.update();
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("""
				insert into password_reset_tokens (id, account_id, token_hash, created_at, expires_at)
				values (:id, :account, :hash, :now, :expires)
				""")
			.param("id", UUID.randomUUID())
			.param("account", account.id())
			.param("hash", hash(token))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(LIFETIME)))
			.update();
		return new Link(account.email(), token);
	}

	/**
	 * Sets a new password with a reset token. A token that is unknown, used, expired or
	 * whose account was deactivated is refused; a password that breaks the policy leaves
	 * the token usable.
	 */
	@Transactional
	void reset(String token, String password) {
		Instant now = this.clock.instant();
		UUID accountId = this.jdbc.sql("""
				select account_id from password_reset_tokens
				where token_hash = :hash and used_at is null and expires_at > :now for update
				""")
			.param("hash", hash(token))
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> resetRefused(null, "unknown, used or expired link"));
		Account account = this.accounts.findByIdForUpdate(accountId)
			.filter(Account::active)
			.orElseThrow(() -> resetRefused(accountId, "account deactivated"));
		this.policy.check(password, "/password", account.name(), account.email());
		account.changePassword(this.passwords.encode(password), now);
		this.accounts.update(account);
		this.jdbc.sql("update password_reset_tokens set used_at = :now where account_id = :account and used_at is null")
			.param("now", Timestamp.from(now))
			.param("account", accountId)
			.update();
		this.refreshTokens.revokeAllOf(accountId, null);
		this.events.publishEvent(new PasswordChanged(accountId, now));
		this.events.publishEvent(new AccountEvent(AccountEvent.Kind.PASSWORD_RESET, accountId, accountId, false, null));
	}

	/**
	 * Audits a refused reset (written although the request fails) and returns its
	 * problem.
	 */
	private IdentityProblems.ResetTokenRejected resetRefused(UUID accountId, String why) {
		this.events.publishEvent(new AccountEvent(AccountEvent.Kind.PASSWORD_RESET, null, accountId, true, why));
		return new IdentityProblems.ResetTokenRejected();
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
