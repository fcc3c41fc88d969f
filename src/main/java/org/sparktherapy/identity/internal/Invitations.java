package org.sparktherapy.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparktherapy.identity.AccountEvent;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;
import org.sparktherapy.platform.mail.Mailer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An admin invites a guardian or a staff member by e-mail (ADR 0039): the invitee follows
 * the mailed single-use link, sees who invited them to which clinic and as what, and
 * chooses their own password; the account is opened only then. An address has at most one
 * open invitation (a new one revokes the older); admins list open ones, resend (a new
 * link and a new expiry: the old link stops working) and revoke them. Tokens are 256
 * random bits in the link's fragment; only their SHA-256 hash is stored.
 */
@Service
class Invitations {

	private static final Logger log = LoggerFactory.getLogger(Invitations.class);

	private final Executor background = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("invitation-", 0).factory());

	private final AccountRepository accounts;

	private final AccountService service;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final ApplicationEventPublisher events;

	private final Mailer mailer;

	private final SignupProperties settings;

	private final Clock clock;

	Invitations(AccountRepository accounts, AccountService service, JdbcClient jdbc, PasswordEncoder passwords,
			PasswordPolicy policy, ApplicationEventPublisher events, Mailer mailer, SignupProperties settings,
			Clock clock) {
		this.accounts = accounts;
		this.service = service;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.policy = policy;
		this.events = events;
		this.mailer = mailer;
		this.settings = settings;
		this.clock = clock;
	}

	/** An open invitation as admins list it. */
	record Invitation(UUID id, String name, String email, Role role, Credential credential, UUID invitedBy,
			String invitedByName, Instant createdAt, Instant sentAt, Instant expiresAt, boolean expired) {
	}

	/** What the invitee sees before choosing a password. */
	record Invited(String name, String email, Role role, Credential credential, String invitedByName, String clinicName,
			Instant expiresAt) {
	}

	private static final String SELECT = """
			select i.id, i.name, i.email, i.role, i.credential, i.invited_by, a.name as invited_by_name, i.created_at,
			       i.sent_at, i.expires_at, i.expires_at <= :now as expired
			from invitations i join accounts a on a.id = i.invited_by
			""";

	/**
	 * Invites someone; an address that has an account already is refused
	 * ({@code email-taken}: the admin may know that).
	 */
	@Transactional
	Invitation invite(CurrentUser admin, String name, String email, Role role, Credential credential) {
		Account.checkCredential(role, credential);
		String address = Account.normalizeEmail(email);
		if (this.accounts.findByEmail(address).isPresent()) {
			throw new IdentityProblems.EmailAlreadyTaken();
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update invitations set revoked_at = :now
				where email = :email and accepted_at is null and revoked_at is null
				""").param("now", Timestamp.from(now)).param("email", address).update();
		UUID id = UUID.randomUUID();
		String token = SecretTokens.next();
		this.jdbc.sql("""
				insert into invitations (id, email, name, role, credential, invited_by, token_hash, created_at, sent_at,
				                         expires_at)
				values (:id, :email, :name, :role, :credential, :by, :token, :now, :now, :expires)
				""")
			.param("id", id)
			.param("email", address)
			.param("name", name.strip())
			.param("role", role.value())
			.param("credential", (credential != null) ? credential.value() : null)
			.param("by", admin.id())
			.param("token", SecretTokens.hash(token))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(this.settings.invitationLifetime())))
			.update();
		Invitation invitation = get(id);
		audit(AccountEvent.Kind.INVITATION_SENT, admin, invitation, "sent");
		mailAfterCommit(invitation, token);
		return invitation;
	}

	/** The open invitations (pending or expired), newest first. */
	@Transactional(readOnly = true)
	List<Invitation> open() {
		return this.jdbc
			.sql(SELECT + " where i.accepted_at is null and i.revoked_at is null order by i.created_at desc")
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Invitations::invitation)
			.list();
	}

	/** A new link and a new expiry for an open invitation; the old link stops working. */
	@Transactional
	Invitation resend(CurrentUser admin, UUID id) {
		Instant now = this.clock.instant();
		String token = SecretTokens.next();
		int updated = this.jdbc.sql("""
				update invitations set token_hash = :token, sent_at = :now, expires_at = :expires
				where id = :id and accepted_at is null and revoked_at is null
				""")
			.param("token", SecretTokens.hash(token))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(this.settings.invitationLifetime())))
			.param("id", id)
			.update();
		if (updated == 0) {
			throw new IdentityProblems.InvitationNotFound();
		}
		Invitation invitation = get(id);
		audit(AccountEvent.Kind.INVITATION_SENT, admin, invitation, "resent");
		mailAfterCommit(invitation, token);
		return invitation;
	}

	@Transactional
	void revoke(CurrentUser admin, UUID id) {
		int updated = this.jdbc.sql(
				"update invitations set revoked_at = :now where id = :id and accepted_at is null and revoked_at is null")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.update();
		if (updated == 0) {
			throw new IdentityProblems.InvitationNotFound();
		}
		audit(AccountEvent.Kind.INVITATION_REVOKED, admin, get(id), "revoked");
	}

	/** What a usable link invites to; anything else is refused alike. */
	@Transactional(readOnly = true)
	Invited show(String token) {
		Invitation invitation = usable(token, false);
		return new Invited(invitation.name(), invitation.email(), invitation.role(), invitation.credential(),
				invitation.invitedByName(), this.settings.clinicName(), invitation.expiresAt());
	}

	/**
	 * Opens the invited account with the chosen password and returns its e-mail address,
	 * to sign in with. A password that breaks the policy leaves the link usable.
	 */
	@Transactional
	String accept(String token, String password) {
		Invitation invitation = usable(token, true);
		this.policy.check(password, "/password", invitation.name(), invitation.email());
		if (this.accounts.findByEmail(invitation.email()).isPresent()) {
			throw refused(invitation, "the address has an account already");
		}
		Account account = this.service.openWithHash(invitation.name(), invitation.email(),
				this.passwords.encode(password), invitation.role(), invitation.credential(), invitation.invitedBy(),
				"by invitation");
		this.jdbc.sql("update invitations set accepted_at = :now, account_id = :account where id = :id")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("account", account.id())
			.param("id", invitation.id())
			.update();
		this.events.publishEvent(new AccountEvent(AccountEvent.Kind.INVITATION_ACCEPTED, account.id(), account.id(),
				false, "invited by " + invitation.invitedBy()));
		return account.email();
	}

	private Invitation usable(String token, boolean lock) {
		Instant now = this.clock.instant();
		return this.jdbc
			.sql(SELECT + " where i.token_hash = :hash and i.accepted_at is null and i.revoked_at is null"
					+ " and i.expires_at > :now" + (lock ? " for update of i" : ""))
			.param("hash", SecretTokens.hash(token))
			.param("now", Timestamp.from(now))
			.query(Invitations::invitation)
			.optional()
			.orElseThrow(() -> refused(null, "unknown, used, revoked or expired link"));
	}

	private Invitation get(UUID id) {
		return this.jdbc.sql(SELECT + " where i.id = :id")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", id)
			.query(Invitations::invitation)
			.optional()
			.orElseThrow(IdentityProblems.InvitationNotFound::new);
	}

	private static Invitation invitation(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		String credential = rs.getString("credential");
		return new Invitation(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"),
				Role.of(rs.getString("role")), (credential != null) ? Credential.of(credential) : null,
				rs.getObject("invited_by", UUID.class), rs.getString("invited_by_name"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("sent_at").toInstant(),
				rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("expired"));
	}

	private void audit(AccountEvent.Kind kind, CurrentUser admin, Invitation invitation, String what) {
		this.events.publishEvent(new AccountEvent(kind, admin.id(), null, false, what + " invitation " + invitation.id()
				+ " as " + invitation.role().value() + ", " + AccountEvent.emailHash(invitation.email())));
	}

	private IdentityProblems.InvitationTokenRejected refused(Invitation invitation, String why) {
		this.events.publishEvent(new AccountEvent(AccountEvent.Kind.INVITATION_ACCEPTED, null, null, true,
				(invitation != null) ? why + ", invitation " + invitation.id() : why));
		return new IdentityProblems.InvitationTokenRejected();
	}

	/** Mails the link once the invitation is committed, off the request's thread. */
	private void mailAfterCommit(Invitation invitation, String token) {
		Runnable send = () -> this.background.execute(() -> mail(invitation, token));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					send.run();
				}
			});
		}
		else {
			send.run();
		}
	}

	private void mail(Invitation invitation, String token) {
		if (!this.mailer.enabled()) {
			log.warn("An invitation was made, but mail is off (no spring.mail.host): no link sent");
			return;
		}
		try {
			this.mailer.send(invitation.email(),
					"You are invited to " + this.settings.clinicName() + " on SPARKTherapy",
					"""
							%s invited you to %s on SPARKTherapy as %s. To accept, choose your password here within \
							%d days:

							%s

							The link works once. If you do not expect this invitation, ignore this mail.
							""".formatted(invitation.invitedByName(), this.settings.clinicName(), roleText(invitation),
							this.settings.invitationLifetime().toDays(),
							this.mailer.link("/accept-invitation#token=" + token)));
		}
		catch (MailException ex) {
			log.warn("An invitation mail could not be sent ({})", ex.getClass().getSimpleName());
		}
		catch (RuntimeException ex) {
			log.error("An invitation mail failed", ex);
		}
	}

	private static String roleText(Invitation invitation) {
		return switch (invitation.role()) {
			case ADMIN -> "an admin";
			case PARENT -> "a parent";
			case THERAPIST -> "a therapist (" + invitation.credential().value() + ")";
		};
	}

}
