package org.sparktherapy.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Something happened to an account that the audit log keeps (ADR 0005): a sign-in, a
 * failed or locked-out attempt, a password change, a role change… Published
 * synchronously, inside the transaction of the change when there is one; the audit module
 * writes refused ones even though the request fails. Never carries a password, a token or
 * a typed e-mail address in clear.
 *
 * @param actorId who acted; null when nobody is known (a failed sign-in, a replayed
 * refresh token)
 * @param subjectId the account concerned; null when there is none (an unknown e-mail
 * address)
 * @param refused the attempt failed or was refused
 * @param detail a short, non-secret description (the new role, why a sign-in failed), or
 * null
 */
public record AccountEvent(Kind kind, UUID actorId, UUID subjectId, boolean refused, String detail) {

	/** The events, with the names the audit log stores. */
	public enum Kind {

		SIGN_IN, SIGN_IN_FAILED, LOCKED_OUT, LOGOUT, REFRESH_REUSE, PASSWORD_CHANGED, PASSWORD_RESET_REQUESTED,
		PASSWORD_RESET, ROLE_CHANGED, CREDENTIAL_CHANGED, DEACTIVATED, REACTIVATED, SESSIONS_ENDED_BY_ADMIN,
		SECOND_FACTOR_ENABLED, SECOND_FACTOR_DISABLED, SECOND_FACTOR_RESET_BY_ADMIN, SECOND_FACTOR_FAILED,
		RECOVERY_CODE_USED, RECOVERY_CODES_REGENERATED, SECURITY_SETTING_CHANGED, ACCOUNT_CREATED,
		REGISTRATION_REQUESTED, EMAIL_VERIFIED, INVITATION_SENT, INVITATION_ACCEPTED, INVITATION_REVOKED;

		/** The stored name, e.g. {@code sign_in_failed}. */
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A typed e-mail address that matches no account, as the log may keep it: the first
	 * 16 hex digits of the SHA-256 of the normalized address — enough to see repeated
	 * attempts on one address, never the address itself.
	 */
	public static String emailHash(String email) {
		String normalized = (email == null) ? "" : email.strip().toLowerCase(Locale.ROOT);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
			return "email-sha256:" + HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
