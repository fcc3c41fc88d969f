package org.sparktherapy.reporting.internal.export;

import java.util.Locale;

import jakarta.annotation.Nullable;
import org.sparktherapy.platform.problem.InvalidInput;

/**
 * The form of the tables in the clinic's archive (ADR 0036): CSV, one {@code .csv} file
 * per table, or JSON Lines, one {@code .jsonl} file per table with one JSON object per
 * row.
 */
enum ExportFormat {

	CSV("csv", ".csv"), JSON("json", ".jsonl");

	private final String code;

	private final String extension;

	ExportFormat(String code, String extension) {
		this.code = code;
		this.extension = extension;
	}

	/** The format as the API and the manifest name it: {@code csv} or {@code json}. */
	String code() {
		return this.code;
	}

	/** The table files' extension, with its dot. */
	String extension() {
		return this.extension;
	}

	/**
	 * The format named {@code code}; CSV when none is given. Anything else is a 400 at
	 * {@code pointer}.
	 */
	static ExportFormat of(@Nullable String code, String pointer) {
		if (code == null || code.isBlank()) {
			return CSV;
		}
		for (ExportFormat format : values()) {
			if (format.code.equals(code.trim().toLowerCase(Locale.ROOT))) {
				return format;
			}
		}
		throw new InvalidInput(pointer, "must be csv or json", "The export's format must be csv or json.");
	}

}
