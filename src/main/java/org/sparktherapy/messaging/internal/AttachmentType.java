package org.sparktherapy.messaging.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file a message may carry, recognised by their first bytes (magic numbers),
 * not by the name or the type the client declared: a file is what its bytes say.
 *
 * @see <a href="https://mimesniff.spec.whatwg.org/#matching-an-image-type-pattern">WHATWG
 * MIME Sniffing: image type patterns</a>
 */
enum AttachmentType {

	PNG("image/png", "png"), JPEG("image/jpeg", "jpg"), WEBP("image/webp", "webp"), GIF("image/gif", "gif"),
	PDF("application/pdf", "pdf");

	/** How many leading bytes {@link #detect} needs. */
	static final int HEADER_LENGTH = 12;

	private final String contentType;

	private final String extension;

	AttachmentType(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	String contentType() {
		return this.contentType;
	}

	String extension() {
		return this.extension;
	}

	boolean isImage() {
		return this != PDF;
	}

	static Optional<AttachmentType> ofContentType(String contentType) {
		return Arrays.stream(values()).filter(type -> type.contentType.equals(contentType)).findFirst();
	}

	/** The type whose signature the header starts with, if any. */
	static Optional<AttachmentType> detect(byte[] header) {
		if (startsWith(header, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of(PNG);
		}
		if (startsWith(header, 0, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(JPEG);
		}
		if (startsWith(header, 0, 'G', 'I', 'F', '8', '7', 'a')
				|| startsWith(header, 0, 'G', 'I', 'F', '8', '9', 'a')) {
			return Optional.of(GIF);
		}
		if (startsWith(header, 0, 'R', 'I', 'F', 'F') && startsWith(header, 8, 'W', 'E', 'B', 'P')) {
			return Optional.of(WEBP);
		}
		if (startsWith(header, 0, '%', 'P', 'D', 'F', '-')) {
			return Optional.of(PDF);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] header, int offset, int... signature) {
		if (header.length < offset + signature.length) {
			return false;
		}
		for (int i = 0; i < signature.length; i++) {
			if ((header[offset + i] & 0xFF) != signature[i]) {
				return false;
			}
		}
		return true;
	}

}
