package org.sparktherapy.billing.internal.x12;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Values as X12 wants them: upper-case text in the basic character set without the
 * delimiters, amounts without trailing zeros beyond the cents, numbers as plain decimals.
 */
final class X12Text {

	private X12Text() {
	}

	/**
	 * Upper case, accents dropped, anything outside letters, digits, space and
	 * {@code . , - ' & / # ( )} turned into a space, runs of spaces collapsed, cut to
	 * {@code max} characters. Never returns a delimiter ({@code * : ~ ^}).
	 */
	static String text(String value, int max) {
		if (value == null) {
			return "";
		}
		String plain = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		StringBuilder out = new StringBuilder(plain.length());
		for (char c : plain.toUpperCase(Locale.ROOT).toCharArray()) {
			boolean allowed = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ".,-'&/#() ".indexOf(c) >= 0;
			out.append(allowed ? c : ' ');
		}
		String cleaned = out.toString().trim().replaceAll(" {2,}", " ");
		return cleaned.length() <= max ? cleaned : cleaned.substring(0, max).trim();
	}

	/** Only the digits of {@code value} (phone numbers, tax ids, zip codes). */
	static String digits(String value) {
		return value == null ? "" : value.replaceAll("[^0-9]", "");
	}

	/**
	 * An identifier (member ids, claim numbers, codes): upper case letters, digits and
	 * dashes kept, anything else dropped.
	 */
	static String id(String value, int max) {
		if (value == null) {
			return "";
		}
		String cleaned = value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9-]", "");
		return cleaned.length() <= max ? cleaned : cleaned.substring(0, max);
	}

	/** An amount (R): {@code 120}, {@code 120.5}, {@code 120.55}; never exponent form. */
	static String amount(BigDecimal value) {
		BigDecimal scaled = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
		if (scaled.scale() < 0) {
			scaled = scaled.setScale(0);
		}
		return scaled.toPlainString();
	}

	/** An ICD-10-CM code as X12 carries it: without the dot. */
	static String diagnosis(String code) {
		return id(code.replace(".", ""), 7);
	}

	/**
	 * {@code value} padded with spaces (ISA fixed-length fields) or cut to
	 * {@code length}.
	 */
	static String fixed(String value, int length) {
		String text = value.length() > length ? value.substring(0, length) : value;
		return text + " ".repeat(length - text.length());
	}

}
