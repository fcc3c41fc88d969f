package org.sparktherapy.platform.web;

/**
 * Removes the invisible characters that make text look other than it is: the
 * bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) — a file
 * name {@code invoice\u202Efdp.exe} shows as {@code invoiceexe.pdf} — and the zero-width
 * characters (U+180E, U+200B–U+200D, U+2060–U+2064, U+FEFF), with which two names that
 * look the same differ. Applied where text enters: every JSON string
 * ({@link JsonTextConfiguration}) and the messaging module's multipart text and file
 * names.
 * <p>
 * One exception keeps emoji whole: a zero-width joiner between two pictographs stays
 * (woman, joiner, girl is one family emoji). The zero-width non-joiner goes although
 * Persian spelling uses it: the word reads the same without it.
 *
 * @see <a href="https://www.unicode.org/reports/tr36/">Unicode Technical Report 36,
 * Unicode Security Considerations</a>
 * @see <a href="https://trojansource.codes/">Trojan Source (CVE-2021-42574)</a>
 */
public final class InvisibleCharacters {

	private static final int ZERO_WIDTH_JOINER = 0x200D;

	private InvisibleCharacters() {
	}

	/**
	 * Whether the code point is one this class removes (ignoring the emoji exception).
	 */
	public static boolean isInvisible(int c) {
		return c == 0x061C || c == 0x180E || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
				|| (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
	}

	/** The text without invisible characters; {@code null} stays {@code null}. */
	public static String strip(String text) {
		if (text == null || text.codePoints().noneMatch(InvisibleCharacters::isInvisible)) {
			return text;
		}
		StringBuilder visible = new StringBuilder(text.length());
		int previous = -1;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			if (!isInvisible(c) || (c == ZERO_WIDTH_JOINER && previous != -1 && pictograph(previous)
					&& i < text.length() && pictograph(text.codePointAt(i)))) {
				visible.appendCodePoint(c);
				previous = c;
			}
		}
		return visible.toString();
	}

	/**
	 * A pictograph, or what may follow one inside an emoji (the emoji presentation
	 * selector, a skin tone).
	 */
	private static boolean pictograph(int c) {
		return Character.isExtendedPictographic(c) || Character.isEmojiModifier(c) || c == 0xFE0F;
	}

}
