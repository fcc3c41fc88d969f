package org.sparktherapy.platform.web;

import org.sparktherapy.platform.problem.StaleVersion;

/**
 * Record versions as strong ETags ({@code "3"}) for optimistic concurrency with
 * {@code If-Match}.
 */
public final class ETags {

	private ETags() {
	}

	/** The strong ETag of a record version: {@code "3"}. */
	public static String of(int version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version an {@code If-Match} header names, or {@code null} when there is none
	 * (or {@code *}). A header that names no version of ours can never match: 412.
	 */
	public static Integer version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		String value = ifMatch.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "");
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw new StaleVersion();
		}
	}

}
