package org.sparktherapy.reporting.internal.progress;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * A child's signed progress reports as PDFs, for the family's export (ADR 0040), which
 * checks who asks and logs the access itself.
 */
@Component
public class SignedReportPdfs {

	/** One signed report's PDF. */
	public record Pdf(UUID reportId, LocalDate periodStart, LocalDate periodEnd, byte[] content) {
	}

	private final ProgressReportService service;

	SignedReportPdfs(ProgressReportService service) {
		this.service = service;
	}

	/** Hands each signed report of the child, oldest first, rendered one at a time. */
	public void each(UUID childId, java.util.function.Consumer<Pdf> pdf) {
		this.service.signedPdfs(childId, (report, content) -> pdf
			.accept(new Pdf(report.id(), report.periodStart(), report.periodEnd(), content)));
	}

}
