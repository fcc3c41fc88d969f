package org.sparktherapy.identity.internal;

import java.util.Optional;
import java.util.UUID;

import java.time.Clock;

import org.sparktherapy.identity.AccountEvent;
import org.sparktherapy.identity.SignInEnded;
import org.sparktherapy.identity.SignedIn;
import org.sparktherapy.identity.internal.RefreshTokens.Rotation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sign-in, token refresh and sign-out.
 */
@Service
class SignIn {

	/** What a successful sign-in or refresh hands the client. */
	record Tokens(String accessToken, String refreshToken, long expiresIn, Account account) {
	}

	/**
	 * A valid Argon2id hash of a random string: checked for unknown emails so both
	 * answers take as long.
	 */
	private final String unknownAccountHash;

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final RefreshTokens refreshTokens;

	private final AccessTokens accessTokens;

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final SignIns signIns;

	SignIn(AccountRepository accounts, PasswordEncoder passwords, LoginThrottle throttle, RefreshTokens refreshTokens,
			AccessTokens accessTokens, ApplicationEventPublisher events, TransactionOperations transactions,
			Clock clock, SignIns signIns) {
		this.signIns = signIns;
		this.accounts = accounts;
		this.passwords = passwords;
		this.throttle = throttle;
		this.refreshTokens = refreshTokens;
		this.accessTokens = accessTokens;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.unknownAccountHash = passwords.encode(UUID.randomUUID().toString());
	}

	/**
	 * Checks the password and starts a sign-in. Wrong email and wrong password answer
	 * alike (401); a locked email or address answers 429 before any password is checked.
	 * Deliberately not one transaction: the slow password hash holds no database
	 * connection, and each step commits on its own. The new sign-in and its
	 * {@link SignedIn} event commit together.
	 * @param userAgent the client's {@code User-Agent}; only a coarse description of it
	 * goes into the event
	 */
	Tokens login(String email, String password, String address, String userAgent) {
		try {
			this.throttle.attempt(email, address);
		}
		catch (IdentityProblems.TooManySignInAttempts ex) {
			var locked = this.accounts.findByEmail(email);
			this.events
				.publishEvent(new AccountEvent(AccountEvent.Kind.LOCKED_OUT, null, locked.map(Account::id).orElse(null),
						true, locked.isPresent() ? null : "unknown e-mail " + AccountEvent.emailHash(email)));
			throw ex;
		}
		var account = this.accounts.findByEmail(email);
		String hash = account.map(Account::passwordHash).orElse(this.unknownAccountHash);
		boolean matches = this.passwords.matches(password, hash);
		if (account.isEmpty() || !matches || !account.get().active()) {
			String why = account.isEmpty() ? "unknown e-mail " + AccountEvent.emailHash(email)
					: (!matches ? "wrong password" : "account deactivated");
			this.events.publishEvent(new AccountEvent(AccountEvent.Kind.SIGN_IN_FAILED, null,
					account.map(Account::id).orElse(null), true, why));
			throw new IdentityProblems.InvalidCredentials();
		}
		this.throttle.succeeded(email, address);
		UUID family = UUID.randomUUID();
		UUID accountId = account.get().id();
		String refreshToken = this.transactions.execute(status -> {
			String issued = this.refreshTokens.issue(accountId, family);
			String device = DeviceDescription.of(userAgent);
			this.signIns.started(family, accountId, device, address, this.clock.instant());
			this.events.publishEvent(new SignedIn(accountId, family, device, this.clock.instant()));
			this.events.publishEvent(new AccountEvent(AccountEvent.Kind.SIGN_IN, accountId, accountId, false, device));
			return issued;
		});
		return tokens(account.get(), family, refreshToken);
	}

	/**
	 * Rotates the refresh token. A reused token revokes its whole family; the revocation
	 * is kept even though the caller gets a 401 (no exception inside the transaction). A
	 * sign-in past its idle timeout or lifetime ({@link SignInLifetimes}) is ended and
	 * answered with {@link IdentityProblems.SignInExpired}; the ending commits.
	 */
	@Transactional(noRollbackFor = IdentityProblems.SignInExpired.class)
	Optional<Tokens> refresh(String refreshToken) {
		return switch (this.refreshTokens.rotate(refreshToken)) {
			case Rotation.Rotated rotated -> this.accounts.findById(rotated.accountId())
				.map(account -> tokens(account, rotated.familyId(), rotated.token()));
			case Rotation.Rejected rejected -> Optional.empty();
			case Rotation.Revoked revoked -> {
				this.events.publishEvent(new SignInEnded(revoked.accountId(), revoked.familyId(),
						SignInEnded.Reason.TOKEN_REUSED, this.clock.instant()));
				this.events.publishEvent(new AccountEvent(AccountEvent.Kind.REFRESH_REUSE, null, revoked.accountId(),
						true, "sign-in ended"));
				yield Optional.empty();
			}
			case Rotation.Expired expired -> {
				this.events.publishEvent(new SignInEnded(expired.accountId(), expired.familyId(),
						SignInEnded.Reason.EXPIRED, this.clock.instant()));
				throw new IdentityProblems.SignInExpired();
			}
		};
	}

	@Transactional
	void logout(String refreshToken) {
		this.refreshTokens.revokeFamilyOf(refreshToken).ifPresent(family -> {
			this.events.publishEvent(new SignInEnded(family.accountId(), family.familyId(),
					SignInEnded.Reason.SIGNED_OUT, this.clock.instant()));
			this.events.publishEvent(
					new AccountEvent(AccountEvent.Kind.LOGOUT, family.accountId(), family.accountId(), false, null));
		});
	}

	private Tokens tokens(Account account, UUID family, String refreshToken) {
		return new Tokens(this.accessTokens.issue(account, family), refreshToken, this.accessTokens.expiresInSeconds(),
				account);
	}

}
