package org.sparktherapy.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sparktherapy.identity.AccountDeactivated;
import org.sparktherapy.identity.AccountEvent;
import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.PasswordChanged;
import org.sparktherapy.identity.Role;
import org.sparktherapy.platform.problem.StaleVersion;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening, changing and deactivating accounts. Who may do what is decided here, in one
 * place: anyone may ask to register a parent account ({@link Registrations}); only admins
 * open or invite other accounts ({@link Invitations}) and administer any account;
 * everyone edits their own name and password. The clinic always keeps one active admin.
 */
@Service
class AccountService implements Accounts {

	/**
	 * The changes an admin may make to an account; {@code null} leaves a field as it is.
	 */
	record AccountChange(String name, String email, Role role, Credential credential, Boolean active) {
	}

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final RefreshTokens refreshTokens;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AccountService(AccountRepository accounts, PasswordEncoder passwords, PasswordPolicy policy,
			RefreshTokens refreshTokens, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.policy = policy;
		this.refreshTokens = refreshTokens;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A signed-in admin opens an account of any role through {@code /api/auth/register}
	 * (anonymous self-registration goes through {@link Registrations}).
	 */
	@Transactional
	Account register(CurrentUser caller, String name, String email, String password, Role role, Credential credential) {
		Role wanted = (role != null) ? role : Role.PARENT;
		if (caller == null || !caller.isAdmin()) {
			throw new IdentityProblems.SelfRegistrationOnlyForParents();
		}
		return open(caller, name, email, password, wanted, credential);
	}

	/**
	 * Opens an account with a password that the policy accepts; {@code by} is the admin
	 * who opened it, or null when the application did (first admin, demo clinic).
	 */
	@Transactional
	Account open(CurrentUser by, String name, String email, String password, Role role, Credential credential) {
		this.policy.check(password, "/password", name, email);
		return openWithHash(name, email, this.passwords.encode(password), role, credential,
				(by != null) ? by.id() : null, (by != null) ? "by an admin" : "by the application");
	}

	@Transactional
	Account open(String name, String email, String password, Role role, Credential credential) {
		return open(null, name, email, password, role, credential);
	}

	/**
	 * Opens an account whose password was hashed before (a verified registration, an
	 * accepted invitation) and audits it as {@code account_created} with {@code how}.
	 */
	@Transactional
	Account openWithHash(String name, String email, String passwordHash, Role role, Credential credential, UUID actor,
			String how) {
		Account account = Account.open(name, email, passwordHash, role, credential, this.clock.instant());
		this.accounts.insert(account);
		this.events.publishEvent(new AccountEvent(AccountEvent.Kind.ACCOUNT_CREATED, actor, account.id(), false,
				how + ", " + account.role().value()
						+ ((account.credential() != null) ? " (" + account.credential().value() + ")" : "")));
		return account;
	}

	@Transactional(readOnly = true)
	Account get(UUID id) {
		return this.accounts.findById(id).orElseThrow(IdentityProblems.AccountNotFound::new);
	}

	@Transactional(readOnly = true)
	PageResponse<Account> search(String text, Role role, Boolean active, PageQuery page) {
		return this.accounts.search(text, role, active, page);
	}

	/**
	 * An admin changes an account. {@code expectedVersion} comes from {@code If-Match};
	 * {@code null} skips the check.
	 */
	@Transactional
	Account change(CurrentUser admin, UUID id, Integer expectedVersion, AccountChange change) {
		Account account = this.accounts.findByIdForUpdate(id).orElseThrow(IdentityProblems.AccountNotFound::new);
		if (expectedVersion != null && expectedVersion != account.version()) {
			throw new StaleVersion();
		}
		Instant now = this.clock.instant();
		boolean wasActiveAdmin = account.active() && account.role() == Role.ADMIN;
		Role roleBefore = account.role();
		Credential credentialBefore = account.credential();
		boolean activeBefore = account.active();
		if (change.name() != null) {
			account.rename(change.name(), now);
		}
		if (change.email() != null) {
			account.changeEmail(change.email(), now);
		}
		if (change.role() != null || change.credential() != null) {
			Role role = (change.role() != null) ? change.role() : account.role();
			Credential credential = (role == Role.THERAPIST)
					? ((change.credential() != null) ? change.credential() : account.credential()) : null;
			account.assignRole(role, credential, now);
		}
		boolean deactivating = Boolean.FALSE.equals(change.active()) && account.active();
		if (Boolean.TRUE.equals(change.active())) {
			account.reactivate(now);
		}
		if (deactivating) {
			account.deactivate(now);
		}
		if (wasActiveAdmin && !(account.active() && account.role() == Role.ADMIN)) {
			ensureAnotherAdmin();
		}
		this.accounts.update(account);
		if (deactivating) {
			this.refreshTokens.revokeAllOf(id, null);
			this.events.publishEvent(new AccountDeactivated(id, admin.id(), now));
		}
		publishChanges(admin, account, roleBefore, credentialBefore, activeBefore);
		return get(id);
	}

	@Transactional
	void deactivate(CurrentUser admin, UUID id) {
		change(admin, id, null, new AccountChange(null, null, null, null, false));
	}

	/**
	 * The signed-in user renames themself and/or changes their password (given the
	 * current one).
	 */
	@Transactional
	Account changeProfile(CurrentUser user, String name, String currentPassword, String newPassword) {
		Account account = this.accounts.findByIdForUpdate(user.id()).orElseThrow(IdentityProblems.AccountNotFound::new);
		Instant now = this.clock.instant();
		if (name != null) {
			account.rename(name, now);
		}
		boolean passwordChanged = false;
		if (newPassword != null) {
			if (currentPassword == null || !this.passwords.matches(currentPassword, account.passwordHash())) {
				throw new IdentityProblems.WrongCurrentPassword();
			}
			this.policy.check(newPassword, "/newPassword", account.name(), account.email());
			account.changePassword(this.passwords.encode(newPassword), now);
			passwordChanged = true;
		}
		this.accounts.update(account);
		if (passwordChanged) {
			this.refreshTokens.revokeAllOf(account.id(), user.sessionId());
			this.events.publishEvent(new PasswordChanged(account.id(), now));
			this.events.publishEvent(
					new AccountEvent(AccountEvent.Kind.PASSWORD_CHANGED, user.id(), account.id(), false, null));
		}
		return get(account.id());
	}

	/** The audited changes an admin made: role, credential, deactivation. */
	private void publishChanges(CurrentUser admin, Account account, Role roleBefore, Credential credentialBefore,
			boolean activeBefore) {
		UUID by = (admin != null) ? admin.id() : null;
		if (account.role() != roleBefore) {
			this.events.publishEvent(new AccountEvent(AccountEvent.Kind.ROLE_CHANGED, by, account.id(), false,
					roleBefore.value() + " → " + account.role().value()));
		}
		else if (account.credential() != credentialBefore) {
			this.events.publishEvent(new AccountEvent(AccountEvent.Kind.CREDENTIAL_CHANGED, by, account.id(), false,
					credentialText(credentialBefore) + " → " + credentialText(account.credential())));
		}
		if (account.active() != activeBefore) {
			this.events.publishEvent(
					new AccountEvent(account.active() ? AccountEvent.Kind.REACTIVATED : AccountEvent.Kind.DEACTIVATED,
							by, account.id(), false, null));
		}
	}

	private static String credentialText(Credential credential) {
		return (credential != null) ? credential.value() : "none";
	}

	private void ensureAnotherAdmin() {
		if (this.accounts.lockActiveAdmins() <= 1) {
			throw new IdentityProblems.LastAdminRequired();
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AccountSummary> findById(UUID id) {
		return this.accounts.findById(id).map(Account::summary);
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Map<UUID, AccountSummary> findAllById(java.util.Collection<UUID> ids) {
		java.util.Map<UUID, AccountSummary> found = new java.util.LinkedHashMap<>();
		this.accounts.findAllById(ids).forEach(account -> found.put(account.id(), account.summary()));
		return found;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AccountSummary> findByEmail(String email) {
		return this.accounts.findByEmail(email).map(Account::summary);
	}

	@Override
	@Transactional(readOnly = true)
	public List<UUID> activeWithRole(Role role) {
		return this.accounts.activeWithRole(role);
	}

}
