package org.sparktherapy.messaging.internal;

import java.text.Normalizer;

import org.sparktherapy.platform.web.InvisibleCharacters;

/**
 * The text of a message as it is stored: trimmed, in Unicode NFC, without control
 * characters except newline and tab ({@code \r\n} becomes {@code \n}), without unpaired
 * surrogates and invisible bidirectional or zero-width characters
 * ({@link InvisibleCharacters}: the multipart body and file names do not pass through the
 * JSON reader that removes them elsewhere), at most {@value #MAX_LENGTH} characters (code
 * points). It is plain text, never markup: clients render it as text, so a
 * {@code <script>} stays visible characters.
 */
final class MessageText {

	static final int MAX_LENGTH = 5000;

	private MessageText() {
	}

	/**
	 * The cleaned text; refuses a text that is empty after cleaning (unless
	 * {@code mayBeEmpty}, for a message that carries attachments) or longer than
	 * {@value #MAX_LENGTH} characters.
	 */
	static String of(String raw, boolean mayBeEmpty) {
		String text = clean(raw);
		if (text.isEmpty() && !mayBeEmpty) {
			throw new MessagingProblems.InvalidText("must not be empty");
		}
		if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
			throw new MessagingProblems.InvalidText("must be at most " + MAX_LENGTH + " characters");
		}
		return text;
	}

	static String clean(String raw) {
		if (raw == null) {
			return "";
		}
		String normalized = Normalizer.normalize(raw.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
		StringBuilder text = new StringBuilder(normalized.length());
		for (int i = 0; i < normalized.length(); i++) {
			char c = normalized.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < normalized.length() && Character.isLowSurrogate(normalized.charAt(i + 1))) {
					text.append(c).append(normalized.charAt(++i));
				}
				continue;
			}
			if (Character.isLowSurrogate(c)) {
				continue;
			}
			if (c == '\n' || c == '\t' || Character.getType(c) != Character.CONTROL) {
				text.append(c);
			}
		}
		return InvisibleCharacters.strip(text.toString()).strip();
	}

}
