package org.sparktherapy.messaging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * What a post would store, as one SHA-256: the conversation, the checked text, and each
 * file's name, type, size and content. A repeat with the same Idempotency-Key (ADR 0053)
 * must have the same fingerprint to be answered with the earlier message.
 */
final class PostFingerprint {

	private PostFingerprint() {
	}

	static String of(UUID conversationId, String text, List<Uploads.Checked> uploads) {
		MessageDigest digest = sha256();
		field(digest, conversationId.toString());
		field(digest, (text == null) ? "" : text);
		for (Uploads.Checked upload : uploads) {
			field(digest, String.valueOf(upload.upload().fileName()));
			field(digest, upload.type().contentType());
			field(digest, Long.toString(upload.upload().size()));
			MessageDigest content = sha256();
			try (InputStream in = upload.upload().content().getInputStream()) {
				byte[] buffer = new byte[64 * 1024];
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					content.update(buffer, 0, n);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("An upload could not be read", ex);
			}
			field(digest, HexFormat.of().formatHex(content.digest()));
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/** A length-prefixed field, so that no two different posts run together the same. */
	private static void field(MessageDigest digest, String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
		digest.update((byte) ':');
		digest.update(bytes);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
