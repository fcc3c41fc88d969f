package org.sparktherapy.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparktherapy.identity.AccountEvent;
import org.sparktherapy.identity.Role;
import org.sparktherapy.platform.mail.Mailer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Self-registration of parent accounts with a verified e-mail address (ADR 0039). A
 * request is answered the same way whether or not the address has an account: the
 * caller's thread only counts it against the limits, checks the password against the
 * policy and audits it; the rest happens in the background. An address without an account
 * gets a pending registration (name, password hash, token hash, expiry) and a mail with
 * its link; an address with an account gets a mail to its owner instead. The account is
 * opened only when a pending registration's own token is used, together with the password
 * chosen in that very request: someone who registers a stranger's address first never
 * owns the account the stranger verifies, and a link mailed to the owner of an address
 * opens nothing for the one who asked without that person's password.
 *
 * @see <a href=
 * "https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#authentication-and-error-messages">OWASP
 * Authentication Cheat Sheet: account creation responses</a>
 */
@Service
class Registrations {

	private static final Logger log = LoggerFactory.getLogger(Registrations.class);

	private final Executor background = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("registration-", 0).factory());

	private final AccountRepository accounts;

	private final AccountService service;

	private final LoginThrottle throttle;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	private final Mailer mailer;

	private final SignupProperties settings;

	private final Clock clock;

	Registrations(AccountRepository accounts, AccountService service, LoginThrottle throttle, JdbcClient jdbc,
			PasswordEncoder passwords, PasswordPolicy policy, ApplicationEventPublisher events,
			TransactionOperations transactions, Mailer mailer, SignupProperties settings, Clock clock) {
		this.accounts = accounts;
		this.service = service;
		this.throttle = throttle;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.policy = policy;
		this.events = events;
		this.transactions = transactions;
		this.mailer = mailer;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Someone asks to open a parent account. Does the same work for every address: the
	 * limits (429 over them), the password policy (400), the audit entry; finding out
	 * whether the address has an account happens after the answer.
	 */
	void request(String name, String email, String password, String address) {
		this.throttle.registration(email, address, this.settings.registrationsPerEmail(),
				this.settings.registrationsPerAddress());
		this.policy.check(password, "/password", name, email);
		this.events.publishEvent(new AccountEvent(AccountEvent.Kind.REGISTRATION_REQUESTED, null, null, false,
				AccountEvent.emailHash(email)));
		this.background.execute(() -> handle(name, email, password));
	}

	/** Opens a pending registration or warns the owner, and mails either. */
	void handle(String name, String email, String password) {
		if (!this.mailer.enabled()) {
			log.warn("Someone asked to register, but mail is off (no spring.mail.host): no link sent");
			return;
		}
		try {
			String passwordHash = this.passwords.encode(password);
			String token = this.transactions.execute(status -> pend(name, email, passwordHash));
			if (token == null) {
				this.mailer.send(Account.normalizeEmail(email), "Someone tried to register with your address", """
						Someone asked to open a SPARKTherapy account with this e-mail address, but you already have \
						one. If it was you, sign in, or reset your password if you forgot it:

						%s

						If it was not you, ignore this mail: nothing was changed and no account was opened.
						""".formatted(this.mailer.link("/forgot-password")));
				return;
			}
			this.mailer.send(Account.normalizeEmail(email), "Confirm your e-mail address for SPARKTherapy", """
					Someone (we hope you) asked to open a SPARKTherapy account with this e-mail address. To open it, \
					follow this link within %d hours and enter the password you chose:

					%s

					The link works once. If you did not ask for an account, ignore this mail: no account is opened.
					""".formatted(this.settings.verificationLifetime().toHours(),
					this.mailer.link("/verify-email#token=" + token)));
		}
		catch (MailException ex) {
			// no address and no token in the log; the person can simply ask again
			log.warn("A registration mail could not be sent ({})", ex.getClass().getSimpleName());
		}
		catch (RuntimeException ex) {
			log.error("A registration request failed", ex);
		}
	}

	/**
	 * Stores a pending registration and returns its token, or returns null when the
	 * address already has an account.
	 */
	private String pend(String name, String email, String passwordHash) {
		if (this.accounts.findByEmail(email).isPresent()) {
			return null;
		}
		Instant now = this.clock.instant();
		String token = SecretTokens.next();
		this.jdbc.sql("""
				insert into pending_registrations (id, email, name, password_hash, token_hash, created_at, expires_at)
				values (:id, :email, :name, :hash, :token, :now, :expires)
				""")
			.param("id", UUID.randomUUID())
			.param("email", Account.normalizeEmail(email))
			.param("name", name.strip())
			.param("hash", passwordHash)
			.param("token", SecretTokens.hash(token))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(this.settings.verificationLifetime())))
			.update();
		return token;
	}

	private record Pending(UUID id, String email, String name, String passwordHash) {
	}

	/**
	 * Opens the account of a pending registration with its own token and the password
	 * chosen with it; returns the account's e-mail address, to sign in with. An unknown,
	 * used or expired token is refused, as is one whose address got an account meanwhile;
	 * a wrong password leaves the token usable. Every other pending registration of the
	 * address dies with it.
	 */
	@Transactional
	String verify(String token, String password) {
		Instant now = this.clock.instant();
		Pending pending = this.jdbc.sql("""
				select id, email, name, password_hash from pending_registrations
				where token_hash = :hash and used_at is null and expires_at > :now for update
				""")
			.param("hash", SecretTokens.hash(token))
			.param("now", Timestamp.from(now))
			.query(Pending.class)
			.optional()
			.orElseThrow(() -> refused(null, "unknown, used or expired link"));
		if (!this.passwords.matches(password, pending.passwordHash())) {
			throw new IdentityProblems.NotTheRegisteredPassword();
		}
		var existing = this.accounts.findByEmail(pending.email());
		if (existing.isPresent()) {
			throw refused(existing.get().id(), "the address has an account already");
		}
		this.jdbc.sql("update pending_registrations set used_at = :now where email = :email and used_at is null")
			.param("now", Timestamp.from(now))
			.param("email", pending.email())
			.update();
		Account account = this.service.openWithHash(pending.name(), pending.email(), pending.passwordHash(),
				Role.PARENT, null, null, "by registration");
		this.events
			.publishEvent(new AccountEvent(AccountEvent.Kind.EMAIL_VERIFIED, account.id(), account.id(), false, null));
		return account.email();
	}

	/** Audits a refused verification and returns its problem. */
	private IdentityProblems.VerificationTokenRejected refused(UUID accountId, String why) {
		this.events.publishEvent(new AccountEvent(AccountEvent.Kind.EMAIL_VERIFIED, null, accountId, true, why));
		return new IdentityProblems.VerificationTokenRejected();
	}

}
