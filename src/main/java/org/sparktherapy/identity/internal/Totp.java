package org.sparktherapy.identity.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.sparktherapy.platform.security.OwnerOnlyFiles;

/**
 * RFC 6238 time-based one-time passwords as every authenticator app reads them:
 * HMAC-SHA1, 6 digits, 30-second steps, a 160-bit secret shown in base32. A code is
 * accepted for its own step and one step either side (clock drift); the caller keeps the
 * highest accepted step so no code works twice (RFC 6238 §5.2).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6238">RFC 6238</a>
 * @see <a href="https://github.com/google/google-authenticator/wiki/Key-Uri-Format">Key
 * URI format</a>
 */
final class Totp {

	static final Duration STEP = Duration.ofSeconds(30);

	static final int DIGITS = 6;

	static final int SECRET_BYTES = 20;

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP,
			DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

	private Totp() {
	}

	static byte[] newSecret() {
		return OwnerOnlyFiles.randomKey(SECRET_BYTES);
	}

	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
	}

	/** The code of one time step. */
	static String code(byte[] secret, long step) {
		try {
			return GENERATOR.generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"),
					Instant.ofEpochSecond(step * STEP.toSeconds()), java.util.Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The step whose code {@code typed} is, looking at the current step and one either
	 * side, newest first; empty when none matches or the text is not 6 digits. Spaces are
	 * ignored ("123 456").
	 */
	static OptionalLong matchingStep(byte[] secret, String typed, Instant now) {
		String code = (typed == null) ? "" : typed.replace(" ", "");
		if (!code.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long current = step(now);
		for (long step = current + 1; step >= current - 1; step--) {
			if (java.security.MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	/** The secret as people type it into an app: base32 without padding (RFC 4648). */
	static String base32(byte[] data) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : data) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	/** The {@code otpauth://} URI an authenticator app reads from the QR code. */
	static String uri(String issuer, String accountName, byte[] secret) {
		String label = encode(issuer) + ":" + encode(accountName);
		return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
