package org.sparktherapy.billing.internal.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A plain text-and-table PDF (US Letter) for statements and invoices: headings, lines and
 * rows of columns, with page breaks. Uses the standard Helvetica fonts (no font files);
 * characters they cannot show are written as "?".
 */
final class PdfText {

	private static final float MARGIN = 54;

	private static final float LEADING = 14;

	private final PDDocument document = new PDDocument();

	private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private PDPageContentStream stream;

	private float y;

	PdfText() {
		newPage();
	}

	/**
	 * The clinic's name and address lines at the top of a document, apart from what
	 * follows.
	 */
	record Letterhead(String name, List<String> lines) {

		static final Letterhead NONE = new Letterhead(null, List.of());

		Letterhead {
			lines = List.copyOf(lines);
		}

	}

	/** Writes the letterhead (nothing for {@link Letterhead#NONE}). */
	PdfText letterhead(Letterhead clinic) {
		if (clinic.name() != null) {
			write(this.bold, 12, MARGIN, clinic.name());
		}
		for (String line : clinic.lines()) {
			write(this.regular, 9, MARGIN, line);
		}
		if (clinic.name() != null || !clinic.lines().isEmpty()) {
			this.y -= LEADING;
		}
		return this;
	}

	PdfText heading(String text) {
		write(this.bold, 16, MARGIN, text);
		this.y -= 8;
		return this;
	}

	PdfText line(String text) {
		write(this.regular, 10, MARGIN, text);
		return this;
	}

	PdfText strong(String text) {
		write(this.bold, 10, MARGIN, text);
		return this;
	}

	PdfText gap() {
		this.y -= LEADING / 2;
		return this;
	}

	/**
	 * A row of cells at the given x offsets (from the margin); a cell starting with ">"
	 * is right-aligned so that it ends at the next offset.
	 */
	PdfText row(boolean header, float[] columns, String... cells) {
		ensureRoom();
		PDType1Font font = header ? this.bold : this.regular;
		for (int i = 0; i < cells.length; i++) {
			String cell = (cells[i] == null) ? "" : cells[i];
			float x = MARGIN + columns[i];
			if (cell.startsWith(">")) {
				cell = cell.substring(1);
				float end = MARGIN + ((i + 1 < columns.length) ? columns[i + 1] - 8 : 504);
				x = end - width(font, 9, cell);
			}
			else {
				float room = ((i + 1 < columns.length) ? columns[i + 1] : 504) - columns[i] - 6;
				cell = fit(font, 9, cell, room);
			}
			show(font, 9, x, this.y, cell);
		}
		this.y -= LEADING;
		return this;
	}

	byte[] bytes() {
		try (PDDocument doc = this.document) {
			this.stream.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void write(PDType1Font font, float size, float x, String text) {
		ensureRoom();
		show(font, size, x, this.y, fit(font, size, text, 504));
		this.y -= LEADING + (size - 10);
	}

	private void ensureRoom() {
		if (this.y < MARGIN + LEADING) {
			try {
				this.stream.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			newPage();
		}
	}

	private void newPage() {
		PDPage page = new PDPage(PDRectangle.LETTER);
		this.document.addPage(page);
		try {
			this.stream = new PDPageContentStream(this.document, page);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.y = PDRectangle.LETTER.getHeight() - MARGIN;
	}

	private void show(PDType1Font font, float size, float x, float y, String text) {
		try {
			this.stream.beginText();
			this.stream.setFont(font, size);
			this.stream.newLineAtOffset(x, y);
			this.stream.showText(text);
			this.stream.endText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The text with what the font cannot show replaced, cut to fit {@code room}. */
	private static String fit(PDType1Font font, float size, String text, float room) {
		String shown = printable(font, text);
		if (width(font, size, shown) <= room) {
			return shown;
		}
		while (!shown.isEmpty() && width(font, size, shown + "...") > room) {
			shown = shown.substring(0, shown.length() - 1);
		}
		return shown + "...";
	}

	private static String printable(PDType1Font font, String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach(c -> {
			String one = Character.isISOControl(c) ? " " : new String(Character.toChars(c));
			try {
				font.encode(one);
				out.append(one);
			}
			catch (IOException | IllegalArgumentException ex) {
				out.append('?');
			}
		});
		return out.toString();
	}

	private static float width(PDType1Font font, float size, String text) {
		try {
			return font.getStringWidth(printable(font, text)) / 1000 * size;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
