package org.sparktherapy.realtime.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Stream tickets: short-lived, single-purpose credentials for
 * {@code GET /api/events?ticket=…}, for clients such as the browser's {@code EventSource}
 * that cannot send an {@code Authorization} header.
 *
 * <p>
 * Stateless, so every node accepts a ticket any node issued:
 * {@code base64url(v1|user|sign-in|expiry|until)} and its HMAC-SHA256 under a key derived
 * from the token signing key (shared by all nodes) with a purpose label, so a ticket's
 * signature can never pass as a token's and vice versa. A ticket is not a JWT: the API
 * refuses it as a bearer token. {@code until} is the expiry of the access token it was
 * exchanged for: the stream closes then.
 */
@Component
class StreamTickets {

	private static final String VERSION = "v1";

	private static final byte[] PURPOSE = "sparktherapy live-events stream ticket v1".getBytes(StandardCharsets.UTF_8);

	private final SecretKey key;

	private final Clock clock;

	private final RealtimeProperties properties;

	StreamTickets(SecretKey jwtSigningKey, Clock clock, RealtimeProperties properties) {
		this.key = new SecretKeySpec(hmac(jwtSigningKey, PURPOSE), "HmacSHA256");
		this.clock = clock;
		this.properties = properties;
	}

	/** A ticket issued now. */
	record Issued(String ticket, Instant expiresAt) {
	}

	/** What a valid ticket stands for. */
	record Holder(UUID userId, UUID sessionId, Instant until) {
	}

	Issued issue(UUID userId, UUID sessionId, Instant until) {
		Instant expiresAt = this.clock.instant().plus(this.properties.ticketTtl());
		String body = String.join("|", VERSION, userId.toString(), sessionId.toString(),
				Long.toString(expiresAt.getEpochSecond()), Long.toString(until.getEpochSecond()));
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return new Issued(base64.encodeToString(bytes) + "." + base64.encodeToString(hmac(this.key, bytes)), expiresAt);
	}

	/**
	 * The ticket's holder; throws {@link RealtimeProblems.InvalidStreamTicket} if forged,
	 * malformed or expired.
	 */
	Holder verify(String ticket) {
		try {
			int dot = ticket.indexOf('.');
			if (dot < 0 || ticket.length() > 512) {
				throw new IllegalArgumentException("malformed");
			}
			byte[] body = Base64.getUrlDecoder().decode(ticket.substring(0, dot));
			byte[] signature = Base64.getUrlDecoder().decode(ticket.substring(dot + 1));
			if (!MessageDigest.isEqual(signature, hmac(this.key, body))) {
				throw new IllegalArgumentException("forged");
			}
			String[] parts = new String(body, StandardCharsets.UTF_8).split("\\|");
			if (parts.length != 5 || !VERSION.equals(parts[0])) {
				throw new IllegalArgumentException("unknown version");
			}
			Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[3]));
			if (!this.clock.instant().isBefore(expiresAt)) {
				throw new IllegalArgumentException("expired");
			}
			return new Holder(UUID.fromString(parts[1]), UUID.fromString(parts[2]),
					Instant.ofEpochSecond(Long.parseLong(parts[4])));
		}
		catch (IllegalArgumentException ex) {
			throw new RealtimeProblems.InvalidStreamTicket();
		}
	}

	private static byte[] hmac(SecretKey key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

}
