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

	/** What a correct password answers: tokens, or a second-factor challenge. */
	sealed interface Outcome permits Tokens, Challenge {

	}

	/** What a successful sign-in or refresh hands the client. */
	record Tokens(String accessToken, String refreshToken, long expiresIn, Account account) implements Outcome {
	}

	/**
	 * The password was right but the person must give a second factor ({@code VERIFY}) or
	 * set one up first ({@code ENROLL}) before any token is issued (ADR 0038).
	 */
	record Challenge(SecondFactorChallenges.Purpose purpose, String token, long expiresIn) implements Outcome {
	}

	/**
	 * A finished enrollment at sign-in: the tokens and the recovery codes, shown once.
	 */
	record Enrolled(Tokens tokens, java.util.List<String> recoveryCodes) {
	}

	/**
	 * A well-formed Argon2id hash no password matches: checked for unknown emails so both
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

	private final SecondFactors secondFactors;

	private final SecondFactorChallenges challenges;

	private final SecuritySettings settings;

	private final SignInMetrics metrics;

	SignIn(AccountRepository accounts, PasswordEncoder passwords, LoginThrottle throttle, RefreshTokens refreshTokens,
			AccessTokens accessTokens, ApplicationEventPublisher events, TransactionOperations transactions,
			Clock clock, SignIns signIns, SecondFactors secondFactors, SecondFactorChallenges challenges,
			SecuritySettings settings, SignInMetrics metrics, UnknownAccountHash unknownAccountHash) {
		this.metrics = metrics;
		this.secondFactors = secondFactors;
		this.challenges = challenges;
		this.settings = settings;
		this.signIns = signIns;
		this.accounts = accounts;
		this.passwords = passwords;
		this.throttle = throttle;
		this.refreshTokens = refreshTokens;
		this.accessTokens = accessTokens;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.unknownAccountHash = unknownAccountHash.value();
	}

	/**
	 * Checks the password and starts a sign-in. Wrong email and wrong password answer
	 * alike (401); a locked email or address answers 429 before any password is checked.
	 * Deliberately not one transaction: the slow password hash holds no database
	 * connection, and each step commits on its own. The new sign-in and its
	 * {@link SignedIn} event commit together. A person with a second factor, or whom the
	 * clinic requires to have one, gets a {@link Challenge} instead of tokens.
	 * @param userAgent the client's {@code User-Agent}; only a coarse description of it
	 * goes into the event
	 */
	Outcome login(String email, String password, String address, String userAgent) {
		try {
			this.throttle.attempt(email, address);
		}
		catch (IdentityProblems.TooManySignInAttempts ex) {
			this.metrics.signIn(SignInMetrics.Outcome.LOCKED_OUT);
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
			this.metrics.signIn(SignInMetrics.Outcome.BAD_CREDENTIALS);
			throw new IdentityProblems.InvalidCredentials();
		}
		this.throttle.succeeded(email, address);
		UUID accountId = account.get().id();
		if (this.secondFactors.enabled(accountId)) {
			return challenge(accountId, SecondFactorChallenges.Purpose.VERIFY);
		}
		if (this.settings.secondFactorRequired(account.get())) {
			return challenge(accountId, SecondFactorChallenges.Purpose.ENROLL);
		}
		return start(account.get(), address, userAgent);
	}

	/**
	 * The second step: a code from the app or a recovery code with the challenge from
	 * {@link #login}. A wrong code counts against the challenge and the account.
	 */
	Tokens completeWithSecondFactor(String challenge, String code, String recoveryCode, String address,
			String userAgent) {
		UUID accountId = this.challenges.accountOf(challenge, SecondFactorChallenges.Purpose.VERIFY);
		try {
			this.secondFactors.verify(accountId, code, recoveryCode);
		}
		catch (IdentityProblems.InvalidSecondFactorCode ex) {
			this.metrics.signIn(SignInMetrics.Outcome.SECOND_FACTOR_FAILED);
			this.challenges.failed(challenge);
			throw ex;
		}
		catch (IdentityProblems.TooManySecondFactorAttempts ex) {
			this.metrics.signIn(SignInMetrics.Outcome.SECOND_FACTOR_LOCKED_OUT);
			throw ex;
		}
		this.challenges.consume(challenge);
		return start(activeAccount(accountId), address, userAgent);
	}

	/** A person whom the clinic requires to use a second factor starts setting it up. */
	SecondFactors.Enrollment startEnrollment(String challenge) {
		return this.secondFactors
			.startEnrollment(this.challenges.accountOf(challenge, SecondFactorChallenges.Purpose.ENROLL));
	}

	/** …and finishes with a first code: signed in, with recovery codes shown once. */
	Enrolled completeEnrollment(String challenge, String code, String address, String userAgent) {
		UUID accountId = this.challenges.accountOf(challenge, SecondFactorChallenges.Purpose.ENROLL);
		activeAccount(accountId);
		java.util.List<String> codes;
		try {
			codes = this.secondFactors.confirmEnrollment(accountId, code);
		}
		catch (IdentityProblems.InvalidSecondFactorCode ex) {
			this.metrics.signIn(SignInMetrics.Outcome.SECOND_FACTOR_FAILED);
			this.challenges.failed(challenge);
			throw ex;
		}
		catch (IdentityProblems.TooManySecondFactorAttempts ex) {
			this.metrics.signIn(SignInMetrics.Outcome.SECOND_FACTOR_LOCKED_OUT);
			throw ex;
		}
		this.challenges.consume(challenge);
		return new Enrolled(start(activeAccount(accountId), address, userAgent), codes);
	}

	private Challenge challenge(UUID accountId, SecondFactorChallenges.Purpose purpose) {
		SecondFactorChallenges.Issued issued = this.challenges.issue(accountId, purpose);
		this.metrics.signIn(SignInMetrics.Outcome.SECOND_FACTOR_REQUIRED);
		return new Challenge(purpose, issued.token(), issued.ttl().toSeconds());
	}

	private Account activeAccount(UUID accountId) {
		return this.accounts.findById(accountId)
			.filter(Account::active)
			.orElseThrow(IdentityProblems.SecondFactorChallengeRejected::new);
	}

	private Tokens start(Account account, String address, String userAgent) {
		UUID family = UUID.randomUUID();
		UUID accountId = account.id();
		String refreshToken = this.transactions.execute(status -> {
			String issued = this.refreshTokens.issue(accountId, family);
			String device = DeviceDescription.of(userAgent);
			this.signIns.started(family, accountId, device, address, this.clock.instant());
			this.events.publishEvent(new SignedIn(accountId, family, device, this.clock.instant()));
			this.events.publishEvent(new AccountEvent(AccountEvent.Kind.SIGN_IN, accountId, accountId, false, device));
			return issued;
		});
		this.metrics.signIn(SignInMetrics.Outcome.SUCCESS);
		return tokens(account, family, refreshToken);
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
