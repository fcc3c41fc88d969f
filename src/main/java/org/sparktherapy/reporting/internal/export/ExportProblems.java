package org.sparktherapy.reporting.internal.export;

import org.sparktherapy.platform.problem.Problem;

/** The problems of the clinic export's one-time download links. */
final class ExportProblems {

	private ExportProblems() {
	}

	/** No link was issued with this token (or it was removed long after it expired). */
	static final class UnknownExportLink extends Problem {

		UnknownExportLink() {
			super(Kind.NOT_FOUND, "export-link-unknown", "Unknown download link",
					"This download link does not exist. Start the export again from the clinic overview.");
		}

	}

	/** The link was used already: it downloads the archive once. */
	static final class ExportLinkUsed extends Problem {

		ExportLinkUsed() {
			super(Kind.GONE, "export-link-used", "Download link already used",
					"This download link was used already; each link downloads the archive once. "
							+ "Start the export again from the clinic overview.");
		}

	}

	/** The link's short lifetime is over. */
	static final class ExportLinkExpired extends Problem {

		ExportLinkExpired() {
			super(Kind.GONE, "export-link-expired", "Download link expired",
					"This download link has expired; a link works for a minute after it is made. "
							+ "Start the export again from the clinic overview.");
		}

	}

}
