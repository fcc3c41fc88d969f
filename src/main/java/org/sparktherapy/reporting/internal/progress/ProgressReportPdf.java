package org.sparktherapy.reporting.internal.progress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.sparktherapy.programs.TargetPhase;
import org.sparktherapy.vocabulary.Measurement;

/**
 * A progress report as PDF (US Letter): text, and per target a vector graph drawn the way
 * the screen draws it — one point per session left to right, phase changes as dashed
 * vertical lines, the mastery criterion as a dotted horizontal line — in black and grey
 * only, so it reads on a black-and-white printout: data as a solid line with filled
 * squares, sessions meeting the criterion as hollow circles around them. Standard
 * Helvetica fonts; characters they cannot show print as "?".
 */
final class ProgressReportPdf {

	private static final float MARGIN = 54;

	private static final float WIDTH = PDRectangle.LETTER.getWidth() - 2 * MARGIN;

	private static final float GRAPH_HEIGHT = 150;

	/** Room right of a graph for the criterion's label, clear of the data. */
	private static final float GRAPH_RIGHT_LABELS = 50;

	/** Room above a graph for its phase labels (two rows), clear of the data. */
	private static final float GRAPH_TOP_LABELS = 20;

	/** A target's name, levels and graph. */
	private static final float TARGET_HEIGHT = GRAPH_HEIGHT + GRAPH_TOP_LABELS + 60;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("M/d", Locale.US);

	private final PDDocument document = new PDDocument();

	private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private final ZoneId zone;

	private PDPageContentStream stream;

	private float y;

	private ProgressReportPdf(ZoneId zone) {
		this.zone = zone;
	}

	static byte[] render(ProgressReport report, ProgressFigures figures, ZoneId zone) {
		ProgressReportPdf pdf = new ProgressReportPdf(zone);
		try {
			pdf.newPage();
			pdf.write(report, figures);
			return pdf.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void write(ProgressReport report, ProgressFigures f) throws IOException {
		text(this.bold, 18, "Progress report");
		text(this.bold, 12, f.childName());
		text(this.regular, 10, "Period: " + DAY.format(f.periodStart()) + " - " + DAY.format(f.periodEnd()));
		switch (report.status()) {
			case DRAFT -> text(this.bold, 10, "DRAFT - not signed; figures as of " + day(f.computedAt()));
			case SIGNED -> text(this.regular, 10,
					"Signed by " + report.signature().name() + " on " + day(report.signature().at()));
			case SUPERSEDED -> text(this.bold, 10, "SUPERSEDED by a later version. Signed by "
					+ report.signature().name() + " on " + day(report.signature().at()));
		}
		if (report.supersedes() != null) {
			text(this.regular, 10, "This version corrects an earlier signed report for the same period.");
		}
		gap();

		section("Summary", report.narrative().summary());

		heading("Hours and attendance");
		ProgressFigures.ReportHours h = f.hours();
		text(this.regular, 10, "Hours delivered: " + hours(h.deliveredMinutes()) + " of " + hours(h.authorizedMinutes())
				+ " authorized");
		for (ProgressFigures.ReportAuthorization a : h.authorizations()) {
			text(this.regular, 9, "   " + a.payer() + " " + a.number() + ", " + a.serviceCode() + ": " + a.units()
					+ " units, " + DAY.format(a.startsOn()) + " - " + DAY.format(a.endsOn()));
		}
		ProgressFigures.ReportAttendance at = f.attendance();
		text(this.regular, 10,
				"Appointments: " + at.appointments() + "; attended " + at.completed() + "; cancelled by the family "
						+ at.cancelledByFamily() + "; cancelled by the clinic " + at.cancelledByClinic() + "; no-shows "
						+ at.noShows() + "; still open " + at.open()
						+ ((at.rate() != null) ? "; attendance " + number(at.rate()) + "%" : ""));
		gap();

		heading("Targets mastered in this period");
		if (f.mastered().isEmpty()) {
			text(this.regular, 10, "None in this period.");
		}
		for (ProgressFigures.ReportMastered m : f.mastered()) {
			text(this.regular, 10, m.programName() + ": " + m.name() + " - mastered " + day(m.masteredAt()));
		}
		gap();

		heading("Progress by target");
		text(this.regular, 8, "Graph key: solid line and filled squares = session data; circled = meets criterion; "
				+ "dashed vertical line = phase change; dotted horizontal line = mastery criterion.");
		gap();
		String program = null;
		for (ProgressFigures.ReportTarget t : f.targets()) {
			if (!t.programName().equals(program)) {
				program = t.programName();
				// the program's name stays with its first target's graph
				room(30 + TARGET_HEIGHT);
				text(this.bold, 11, program);
			}
			target(t);
		}
		if (f.targets().isEmpty()) {
			text(this.regular, 10, "No targets.");
		}
		gap();
		section("Goals for the next period", report.narrative().goals());
		section("Recommendations", report.narrative().recommendations());
	}

	private void target(ProgressFigures.ReportTarget t) throws IOException {
		room(TARGET_HEIGHT);
		text(this.bold, 10, t.name() + "  (" + unit(t.measurement()) + "; phase: " + phase(t.phase()) + ")");
		String levels = "Baseline: " + level(t.baseline(), t.measurement()) + "   Current: "
				+ level(t.current(), t.measurement()) + "   Sessions: " + t.points().size()
				+ ((t.criterion() != null) ? "   Criterion: " + t.criterion().percent() + "% in "
						+ t.criterion().consecutiveSessions() + " consecutive sessions" : "")
				+ ((t.masteredAt() != null) ? "   Mastered: " + day(t.masteredAt()) : "");
		text(this.regular, 9, levels);
		if (t.points().isEmpty()) {
			text(this.regular, 9, "No sessions with this target in this period.");
			gap();
			return;
		}
		graph(t);
	}

	/** The graph, drawn below the current line. */
	private void graph(ProgressFigures.ReportTarget t) throws IOException {
		float left = MARGIN + 36;
		float right = MARGIN + WIDTH - GRAPH_RIGHT_LABELS;
		float top = this.y - 8 - (t.phaseChanges().isEmpty() ? 0 : GRAPH_TOP_LABELS);
		float bottom = top - GRAPH_HEIGHT;
		List<ProgressFigures.ReportPoint> points = t.points();
		List<Double> values = new ArrayList<>();
		double max = 0;
		for (ProgressFigures.ReportPoint p : points) {
			Double v = ProgressFigures.value(p, t.measurement());
			values.add(v);
			if (v != null) {
				max = Math.max(max, v);
			}
		}
		boolean percent = t.measurement() == Measurement.PERCENT_CORRECT
				|| t.measurement() == Measurement.TASK_ANALYSIS;
		double yMax = percent ? 100 : niceMax(max);
		float step = (right - left) / Math.max(1, points.size());

		// axes and grid
		this.stream.setStrokingColor(0f);
		this.stream.setLineWidth(0.8f);
		line(left, bottom, right, bottom);
		line(left, bottom, left, top);
		this.stream.setLineWidth(0.3f);
		this.stream.setStrokingColor(0.75f);
		for (int i = 1; i <= 4; i++) {
			float gy = bottom + (top - bottom) * i / 4;
			line(left, gy, right, gy);
		}
		this.stream.setStrokingColor(0f);
		for (int i = 0; i <= 4; i++) {
			float gy = bottom + (top - bottom) * i / 4;
			String label = number(yMax * i / 4);
			show(this.regular, 7, left - 4 - width(this.regular, 7, label), gy - 2, label);
		}

		// criterion: dotted horizontal line
		if (percent && t.criterion() != null) {
			float cy = (float) (bottom + (top - bottom) * t.criterion().percent() / yMax);
			this.stream.setLineWidth(0.8f);
			this.stream.setLineDashPattern(new float[] { 1, 2 }, 0);
			line(left, cy, right, cy);
			this.stream.setLineDashPattern(new float[0], 0);
			// right of the plot, where no data point can cover it
			show(this.regular, 7, right + 3, cy - 2, "Criterion " + t.criterion().percent() + "%");
		}

		// phase changes: dashed vertical lines between the sessions before and after,
		// labelled above the plot (alternating rows, so neighbours do not overlap); of
		// several changes between the same two sessions (or before the first) the last
		// is the phase the sessions after it are in, and only it is named
		this.stream.setLineWidth(0.8f);
		Map<Integer, TargetPhase> changes = new LinkedHashMap<>();
		for (ProgressFigures.ReportPhaseChange change : t.phaseChanges()
			.stream()
			.sorted(Comparator.comparing(ProgressFigures.ReportPhaseChange::at))
			.toList()) {
			int index = (int) points.stream().filter(p -> p.date().isBefore(change.at())).count();
			changes.remove(index);
			changes.put(index, change.phase());
		}
		List<Integer> breaks = new ArrayList<>();
		for (Map.Entry<Integer, TargetPhase> change : changes.entrySet()) {
			float x = left + change.getKey() * step;
			this.stream.setLineDashPattern(new float[] { 4, 3 }, 0);
			line(x, bottom, x, top);
			this.stream.setLineDashPattern(new float[0], 0);
			show(this.regular, 7, Math.min(x + 2, right - 40), top + 3 + 8 * (1 - breaks.size() % 2),
					phase(change.getValue()));
			breaks.add(change.getKey());
		}

		// data: solid line, not joined across a phase change, filled squares
		this.stream.setLineWidth(1.2f);
		Float lastX = null;
		Float lastY = null;
		for (int i = 0; i < points.size(); i++) {
			Double v = values.get(i);
			float x = left + (i + 0.5f) * step;
			if (v == null || breaks.contains(i)) {
				lastX = null;
			}
			if (v == null) {
				continue;
			}
			float py = (float) (bottom + (top - bottom) * Math.min(v, yMax) / yMax);
			if (lastX != null) {
				line(lastX, lastY, x, py);
			}
			this.stream.addRect(x - 2.2f, py - 2.2f, 4.4f, 4.4f);
			this.stream.fill();
			if (points.get(i).meetsCriterion()) {
				circle(x, py, 4.5f);
			}
			lastX = x;
			lastY = py;
		}

		// session dates under the axis, thinned to fit
		int every = Math.max(1, (int) Math.ceil(points.size() / ((right - left) / 28)));
		for (int i = 0; i < points.size(); i += every) {
			float x = left + (i + 0.5f) * step;
			String label = SHORT.format(points.get(i).date().atZone(this.zone));
			show(this.regular, 6, x - width(this.regular, 6, label) / 2, bottom - 9, label);
		}
		this.y = bottom - 22;
	}

	private void circle(float cx, float cy, float r) throws IOException {
		float k = 0.552f * r;
		this.stream.setLineWidth(0.8f);
		this.stream.moveTo(cx + r, cy);
		this.stream.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
		this.stream.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
		this.stream.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
		this.stream.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
		this.stream.stroke();
		this.stream.setLineWidth(1.2f);
	}

	private void line(float x1, float y1, float x2, float y2) throws IOException {
		this.stream.moveTo(x1, y1);
		this.stream.lineTo(x2, y2);
		this.stream.stroke();
	}

	private void section(String title, String body) throws IOException {
		heading(title);
		String text = body.isBlank() ? "(not written yet)" : body;
		for (String paragraph : text.split("\\R")) {
			for (String wrapped : wrap(paragraph, this.regular, 10, WIDTH)) {
				text(this.regular, 10, wrapped);
			}
		}
		gap();
	}

	private void heading(String title) throws IOException {
		room(40);
		text(this.bold, 13, title);
	}

	/** A line of text, wrapped at the margin when it is longer. */
	private void text(PDType1Font font, float size, String text) throws IOException {
		for (String line : (width(font, size, text) > WIDTH) ? wrap(text, font, size, WIDTH) : List.of(text)) {
			room(size + 4);
			this.y -= size + 4;
			show(font, size, MARGIN, this.y, line);
		}
	}

	private void show(PDType1Font font, float size, float x, float y, String text) throws IOException {
		this.stream.beginText();
		this.stream.setFont(font, size);
		this.stream.setNonStrokingColor(0f);
		this.stream.newLineAtOffset(x, y);
		this.stream.showText(printable(font, text));
		this.stream.endText();
	}

	private void gap() {
		this.y -= 8;
	}

	private void room(float needed) throws IOException {
		if (this.y - needed < MARGIN) {
			newPage();
		}
	}

	private void newPage() throws IOException {
		if (this.stream != null) {
			this.stream.close();
		}
		PDPage page = new PDPage(PDRectangle.LETTER);
		this.document.addPage(page);
		this.stream = new PDPageContentStream(this.document, page);
		this.y = PDRectangle.LETTER.getHeight() - MARGIN;
	}

	private byte[] finish() throws IOException {
		this.stream.close();
		int pages = this.document.getNumberOfPages();
		for (int i = 0; i < pages; i++) {
			PDPage page = this.document.getPage(i);
			try (PDPageContentStream footer = new PDPageContentStream(this.document, page,
					PDPageContentStream.AppendMode.APPEND, true)) {
				footer.beginText();
				footer.setFont(this.regular, 8);
				footer.newLineAtOffset(MARGIN, MARGIN / 2);
				footer.showText("Page " + (i + 1) + " of " + pages + " - confidential health information");
				footer.endText();
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.document.save(out);
		this.document.close();
		return out.toByteArray();
	}

	private static List<String> wrap(String paragraph, PDType1Font font, float size, float width) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : paragraph.split(" ")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (width(font, size, candidate) > width && !line.isEmpty()) {
				lines.add(line.toString());
				line = new StringBuilder(word);
			}
			else {
				line = new StringBuilder(candidate);
			}
		}
		lines.add(line.toString());
		return lines;
	}

	private static float width(PDType1Font font, float size, String text) throws IOException {
		return font.getStringWidth(printable(font, text)) / 1000 * size;
	}

	/** The text with what the font cannot encode replaced by "?". */
	private static String printable(PDType1Font font, String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach(c -> {
			String ch = new String(Character.toChars(c));
			try {
				font.encode(ch);
				out.append(ch);
			}
			catch (IOException | IllegalArgumentException ex) {
				out.append('?');
			}
		});
		return out.toString();
	}

	private String day(Instant at) {
		return DAY.format(at.atZone(this.zone));
	}

	private static String hours(int minutes) {
		int rest = minutes % 60;
		return (minutes / 60) + " h" + ((rest != 0) ? " " + rest + " min" : "");
	}

	private static String number(double value) {
		double rounded = Math.round(value * 10) / 10.0;
		return (rounded == Math.rint(rounded)) ? String.valueOf((long) rounded) : String.valueOf(rounded);
	}

	private static String level(Double value, Measurement measurement) {
		if (value == null) {
			return "-";
		}
		return switch (measurement) {
			case PERCENT_CORRECT, TASK_ANALYSIS -> number(value) + "%";
			case FREQUENCY -> number(value) + " per session";
			case RATE -> number(value) + " per hour";
			case DURATION -> number(value) + " min";
		};
	}

	private static String unit(Measurement measurement) {
		return switch (measurement) {
			case PERCENT_CORRECT -> "% correct";
			case TASK_ANALYSIS -> "% independent";
			case FREQUENCY -> "count";
			case RATE -> "per hour";
			case DURATION -> "minutes";
		};
	}

	private static String phase(TargetPhase phase) {
		String name = phase.name().toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	private static double niceMax(double value) {
		if (!(value > 0)) {
			return 1;
		}
		double power = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 5, 10 }) {
			if (step * power >= value) {
				return step * power;
			}
		}
		return 10 * power;
	}

}
