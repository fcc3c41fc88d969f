package org.sparktherapy.reporting.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Writes RFC 4180 CSV, one row at a time, straight to the response: every report table's
 * export goes through it, so quoting, the header row and the file name are the same
 * everywhere and a long export never sits in memory.
 *
 * <p>
 * A cell that a spreadsheet would run as a formula (it begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return) is prefixed with an apostrophe
 * (OWASP's advice against CSV injection), except a number, which is written as it is.
 */
public final class Csv implements AutoCloseable {

	/** {@code text/csv} with its charset, as exports answer. */
	public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final Writer out;

	private Csv(OutputStream out) {
		this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
	}

	/** A CSV writer on {@code out}, which it does not close. */
	public static Csv to(OutputStream out) {
		return new Csv(out);
	}

	/** Writes one row; {@code null} is an empty cell. */
	public Csv row(List<?> cells) {
		try {
			for (int i = 0; i < cells.size(); i++) {
				if (i > 0) {
					this.out.write(',');
				}
				this.out.write(cell(cells.get(i)));
			}
			this.out.write("\r\n");
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes one row. */
	public Csv row(Object... cells) {
		return row(java.util.Arrays.asList(cells));
	}

	@Override
	public void close() {
		try {
			this.out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One cell as it is written: quoted when it needs to be, defused when a formula. */
	static String cell(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number number) {
			return (number instanceof BigDecimal decimal) ? decimal.toPlainString() : number.toString();
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

	/**
	 * A response that streams a CSV file named {@code fileName} (without {@code .csv}),
	 * offered as a download; {@code body} writes its rows.
	 */
	public static ResponseEntity<StreamingResponseBody> download(String fileName,
			java.util.function.Consumer<Csv> body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(TEXT_CSV);
		headers.setContentDisposition(ContentDisposition.attachment().filename(fileName + ".csv").build());
		headers.setCacheControl("no-store");
		return ResponseEntity.ok().headers(headers).body(out -> {
			try (Csv csv = Csv.to(out)) {
				body.accept(csv);
			}
		});
	}

	/**
	 * A response that streams one report table as a CSV file named {@code fileName}
	 * (without {@code .csv}): the {@code header} row, then one row per element of
	 * {@code rows} as {@code cells} gives it. Every report table's CSV route is this one
	 * call.
	 */
	public static <T> ResponseEntity<StreamingResponseBody> table(String fileName, List<String> header,
			List<? extends T> rows, java.util.function.Function<? super T, List<?>> cells) {
		return download(fileName, csv -> {
			csv.row(header);
			rows.forEach(row -> csv.row(cells.apply(row)));
		});
	}

}
