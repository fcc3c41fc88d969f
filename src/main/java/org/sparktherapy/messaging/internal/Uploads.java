package org.sparktherapy.messaging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

/**
 * Checks a message's uploads before anything is stored: how many, how large, and their
 * type recognised by content ({@link AttachmentType}), which a declared type must not
 * contradict.
 */
@Component
class Uploads {

	/** A file as uploaded, before it is checked. */
	record Upload(String fileName, String declaredType, long size, InputStreamSource content) {
	}

	/** An upload that passed the checks, with its type. */
	record Checked(Upload upload, AttachmentType type) {
	}

	private final MessagingProperties properties;

	Uploads(MessagingProperties properties) {
		this.properties = properties;
	}

	/**
	 * Checks count, sizes and types (by content) of the uploads before anything is
	 * stored.
	 */
	List<Checked> check(List<Upload> uploads) {
		if (uploads.size() > this.properties.maxAttachments()) {
			throw new MessagingProblems.TooManyAttachments(this.properties.maxAttachments());
		}
		long max = this.properties.maxAttachmentSize().toBytes();
		List<Checked> checked = new ArrayList<>();
		for (int i = 0; i < uploads.size(); i++) {
			Upload upload = uploads.get(i);
			if (upload.size() > max) {
				throw new MessagingProblems.AttachmentTooLarge(i, max);
			}
			int index = i;
			AttachmentType type = AttachmentType.detect(header(upload))
				.orElseThrow(() -> new MessagingProblems.AttachmentTypeNotAllowed(index));
			String declared = declaredType(upload.declaredType());
			if (declared != null && !declared.equals(type.contentType())) {
				throw new MessagingProblems.AttachmentTypeNotAllowed(i);
			}
			checked.add(new Checked(upload, type));
		}
		return checked;
	}

	private static byte[] header(Upload upload) {
		try (InputStream in = upload.content().getInputStream()) {
			return in.readNBytes(AttachmentType.HEADER_LENGTH);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("An upload could not be read", ex);
		}
	}

	/**
	 * The declared type when it names one (no parameters, {@code image/jpg} as
	 * {@code image/jpeg}), else null.
	 */
	private static String declaredType(String declared) {
		if (declared == null || declared.isBlank()) {
			return null;
		}
		String type = declared.split(";")[0].trim().toLowerCase(Locale.ROOT);
		if (type.equals("application/octet-stream")) {
			return null;
		}
		return type.equals("image/jpg") ? "image/jpeg" : type;
	}

	/**
	 * A safe file name: no path, no control characters, at most 200 characters, never
	 * empty.
	 */
	static String fileName(String raw, AttachmentType type) {
		String name = (raw != null) ? raw : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = MessageText.clean(name).replace('\n', ' ').replace('\t', ' ').strip();
		while (name.startsWith(".")) {
			name = name.substring(1);
		}
		if (name.codePointCount(0, name.length()) > 200) {
			name = name.substring(0, name.offsetByCodePoints(0, 200));
		}
		return name.isBlank() ? "attachment." + type.extension() : name;
	}

}
