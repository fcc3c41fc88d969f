package org.sparktherapy.identity.internal;

import java.time.Duration;
import java.util.Map;

import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.problem.Problem;

/**
 * The rules of the identity module that a caller can break, each answered as its own
 * problem type.
 */
final class IdentityProblems {

	private IdentityProblems() {
	}

	static final class EmailAlreadyTaken extends Problem {

		/** Points at {@code /email}, so a form shows it at the field. */
		EmailAlreadyTaken() {
			super(Kind.CONFLICT, "email-taken", "Email already in use", "An account with this email already exists.",
					java.util.List.of(new FieldError("/email", "An account with this email already exists.")));
		}

	}

	static final class InvalidCredentials extends Problem {

		InvalidCredentials() {
			super(Kind.UNAUTHENTICATED, "invalid-credentials", "Invalid credentials", "Invalid email or password.");
		}

	}

	static final class TooManySignInAttempts extends Problem {

		private final long retryAfterSeconds;

		TooManySignInAttempts(Duration retryAfter) {
			super(Kind.TOO_MANY_REQUESTS, "too-many-sign-in-attempts", "Too many sign-in attempts",
					"Too many failed sign-in attempts. Try again later.");
			this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
		}

		@Override
		public Map<String, String> headers() {
			return Map.of("Retry-After", Long.toString(this.retryAfterSeconds));
		}

	}

	static final class TooManyRegistrations extends Problem {

		private final long retryAfterSeconds;

		TooManyRegistrations(Duration retryAfter) {
			super(Kind.TOO_MANY_REQUESTS, "too-many-registrations", "Too many registrations",
					"Too many registration requests for this e-mail address or from this network. Try again later.");
			this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
		}

		@Override
		public Map<String, String> headers() {
			return Map.of("Retry-After", Long.toString(this.retryAfterSeconds));
		}

	}

	static final class VerificationTokenRejected extends Problem {

		VerificationTokenRejected() {
			super(Kind.INVALID, "invalid-verification-token", "Invalid verification link",
					"The verification link is invalid, expired or already used. Register again to get a new one.");
		}

	}

	static final class NotTheRegisteredPassword extends InvalidInput {

		NotTheRegisteredPassword() {
			super("/password", "is not the password chosen when registering with this link");
		}

	}

	static final class InvitationTokenRejected extends Problem {

		InvitationTokenRejected() {
			super(Kind.INVALID, "invalid-invitation-token", "Invalid invitation link",
					"The invitation link is invalid, expired, revoked or already used. Ask the clinic's admin for a "
							+ "new one.");
		}

	}

	static final class InvitationNotFound extends org.sparktherapy.platform.problem.NotFound {

		InvitationNotFound() {
			super("invitation");
		}

	}

	static final class RefreshTokenRejected extends Problem {

		RefreshTokenRejected() {
			super(Kind.UNAUTHENTICATED, "invalid-refresh-token", "Invalid refresh token",
					"The refresh token is invalid, expired or already used. Sign in again.");
		}

	}

	static final class SignInExpired extends Problem {

		SignInExpired() {
			super(Kind.UNAUTHENTICATED, "sign-in-expired", "Sign-in expired",
					"You were signed out after a time without activity, or because this sign-in reached its "
							+ "longest lifetime. Sign in again.");
		}

	}

	static final class ResetTokenRejected extends Problem {

		ResetTokenRejected() {
			super(Kind.INVALID, "invalid-reset-token", "Invalid password-reset link",
					"The password-reset link is invalid, expired or already used. Ask for a new one.");
		}

	}

	static final class SelfRegistrationOnlyForParents extends Problem {

		SelfRegistrationOnlyForParents() {
			super(Kind.FORBIDDEN, "registration-role-forbidden", "Role not allowed",
					"Self-registration creates parent accounts only. Ask the clinic's admin for other accounts.");
		}

	}

	static final class LastAdminRequired extends Problem {

		LastAdminRequired() {
			super(Kind.CONFLICT, "last-admin", "Last admin", "The clinic must keep at least one active admin account.");
		}

	}

	static final class WrongCurrentPassword extends InvalidInput {

		WrongCurrentPassword() {
			this("/currentPassword");
		}

		WrongCurrentPassword(String pointer) {
			super(pointer, "is not your current password");
		}

	}

	static final class CredentialMismatch extends InvalidInput {

		CredentialMismatch(String detail) {
			super("/credential", detail);
		}

	}

	static final class AccountNotFound extends org.sparktherapy.platform.problem.NotFound {

		AccountNotFound() {
			super("account");
		}

	}

	static final class SecondFactorChallengeRejected extends Problem {

		SecondFactorChallengeRejected() {
			super(Kind.UNAUTHENTICATED, "invalid-second-factor-challenge", "Sign in again",
					"This sign-in step has expired, was already used or took too many wrong codes. "
							+ "Sign in again with your password.");
		}

	}

	static final class InvalidSecondFactorCode extends Problem {

		/** Points at the field that was sent, so a form shows it there. */
		InvalidSecondFactorCode(String pointer) {
			super(Kind.UNAUTHENTICATED, "invalid-second-factor-code", "Wrong code",
					"That code is not right, or was already used. Check your authenticator app and try again.",
					java.util.List.of(new FieldError(pointer, "is not right, or was already used")));
		}

	}

	static final class TooManySecondFactorAttempts extends Problem {

		private final long retryAfterSeconds;

		TooManySecondFactorAttempts(Duration retryAfter) {
			super(Kind.TOO_MANY_REQUESTS, "too-many-second-factor-attempts", "Too many codes tried",
					"Too many wrong codes for this account. Try again later.");
			this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
		}

		@Override
		public Map<String, String> headers() {
			return Map.of("Retry-After", Long.toString(this.retryAfterSeconds));
		}

	}

	static final class SecondFactorAlreadyEnabled extends Problem {

		SecondFactorAlreadyEnabled() {
			super(Kind.CONFLICT, "second-factor-enabled", "Two-step sign-in already on",
					"Two-step sign-in is already on for this account. Turn it off first to set up another app.");
		}

	}

	static final class SecondFactorNotEnabled extends Problem {

		SecondFactorNotEnabled() {
			super(Kind.CONFLICT, "second-factor-not-enabled", "Two-step sign-in is off",
					"Two-step sign-in is not on for this account.");
		}

	}

	/**
	 * The account's second factor was set up under another second-factor key than this
	 * server's (ADR 0038): the key changed or was lost. Nothing the person can type
	 * helps; 503 names the setting the operator must check, the server log the key ids.
	 */
	static final class SecondFactorKeyMismatch extends Problem {

		SecondFactorKeyMismatch() {
			super(Kind.SERVICE_UNAVAILABLE, "second-factor-key-mismatch", "Second-factor key not available",
					"Two-step sign-in cannot be checked right now: this server's second-factor key is not the one "
							+ "the account's second factor was set up with. The clinic's administrator must restore "
							+ "the key (SPARK_IDENTITY_SECOND_FACTOR_KEY, or the file keys/second-factor.key in "
							+ "SPARK_DATA_DIR); the server log names the key ids.");
		}

	}

	static final class NoEnrollmentStarted extends Problem {

		NoEnrollmentStarted() {
			super(Kind.CONFLICT, "no-second-factor-enrollment", "Start the set-up first",
					"There is no two-step sign-in set-up waiting for a code. Start the set-up again.");
		}

	}

	static final class SecondFactorRequired extends Problem {

		SecondFactorRequired(String group) {
			super(Kind.CONFLICT, "second-factor-required", "Two-step sign-in is required",
					"The clinic requires two-step sign-in for " + group
							+ " accounts, so it cannot be turned off. An admin can reset it if you lost your device.");
		}

	}

}
