package org.sparktherapy.reporting.internal.progress;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.sparktherapy.programs.TargetPhase;
import org.sparktherapy.vocabulary.Measurement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF's layout on paper: nothing printed past the right margin, and one label per
 * phase line.
 */
class ProgressReportPdfTests {

	static final Instant START = Instant.parse("2026-11-01T10:00:00Z");

	@Test
	void longLinesWrapWithinTheMarginsAndTheCriterionLabelFitsOnThePage() throws IOException {
		List<Float> rightEdges = new ArrayList<>();
		String text = text(pdf(List.of()), rightEdges);

		assertThat(text).contains("attendance 50%").contains("Criterion 80%");
		assertThat(rightEdges).isNotEmpty().allSatisfy(edge -> assertThat(edge).isLessThan(612 - 20));
	}

	@Test
	void changesBeforeTheFirstSessionAreNamedByTheLastOnly() throws IOException {
		String text = text(pdf(List.of(change(TargetPhase.BASELINE, -30), change(TargetPhase.INTERVENTION, -20),
				change(TargetPhase.MASTERED, -10))), new ArrayList<>());

		assertThat(text).contains("Mastered").doesNotContain("Intervention");
	}

	private static ProgressFigures.ReportPhaseChange change(TargetPhase phase, int daysFromStart) {
		return new ProgressFigures.ReportPhaseChange(phase, START.plus(daysFromStart, ChronoUnit.DAYS), null, false);
	}

	private static byte[] pdf(List<ProgressFigures.ReportPhaseChange> changes) {
		List<ProgressFigures.ReportPoint> points = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			points.add(new ProgressFigures.ReportPoint(UUID.randomUUID(), START.plus(i, ChronoUnit.DAYS), 10, 90.0 + i,
					null, 0, null, 0, i > 0));
		}
		ProgressFigures.ReportTarget target = new ProgressFigures.ReportTarget(UUID.randomUUID(), UUID.randomUUID(),
				"Manding for preferred items", "snack", Measurement.PERCENT_CORRECT, TargetPhase.MASTERED,
				new ProgressFigures.ReportCriterion(80, 3, 5), null, 90.0, 92.0, points, changes);
		ProgressFigures figures = new ProgressFigures(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 11, 30), "Ava Chen",
				List.of(target), List.of(),
				new ProgressFigures.ReportHours(600, 1200,
						List.of(new ProgressFigures.ReportAuthorization("UnitedHealthcare", "PA-2026-97153-1002-LONG",
								"97153", 159, LocalDate.of(2026, 10, 1), LocalDate.of(2027, 3, 31)))),
				new ProgressFigures.ReportAttendance(1234, 617, 300, 300, 17, 1000, 50.0), Instant.now());
		ProgressReport draft = new ProgressReport(UUID.randomUUID(), UUID.randomUUID(), figures.periodStart(),
				figures.periodEnd(), new ProgressReport.Narrative("Summary", "Goals", "Recommendations"),
				UUID.randomUUID(), Instant.now(), Instant.now(), null, null, null, null, 1);
		return ProgressReportPdf.render(draft, figures, ZoneOffset.UTC);
	}

	/** The PDF's text; each glyph's right edge (in points) is added to the list. */
	private static String text(byte[] pdf, List<Float> rightEdges) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper() {
				@Override
				protected void writeString(String text, List<TextPosition> positions) throws IOException {
					positions.forEach(p -> rightEdges.add(p.getXDirAdj() + p.getWidthDirAdj()));
					super.writeString(text, positions);
				}
			};
			return stripper.getText(document);
		}
	}

}
