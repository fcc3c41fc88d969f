package org.sparktherapy.reporting.internal.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparktherapy.platform.export.TableExport;
import org.sparktherapy.reporting.internal.Csv;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the clinic's full export as a ZIP archive (ADR 0036): one file per table,
 * {@code <module>/
 *
<table>
 * .csv} or {@code <module>/
 *
<table>
 * .jsonl} (JSON Lines), as every module's {@link TableExport} declares its tables; the
 * stored files a table's rows point at under {@code files/<module>/<storage key>}, each
 * row naming its file in an extra {@value #FILE_COLUMN} column; then
 * {@code manifest.json} (format, tables, columns, row and file counts, what was left out
 * and why, the schema version, when and by whom). Every table is read in one read-only,
 * repeatable-read transaction, so the files agree with each other, and row by row through
 * the driver's cursor into the compressed stream; stored files are copied one stream at a
 * time: nothing holds more than a page of rows or a buffer of bytes.
 */
final class ClinicArchive {

	/** The archive's manifest entry, written last. */
	static final String MANIFEST = "manifest.json";

	/**
	 * The column added to a table whose rows point at stored files: the file's path in
	 * the archive, empty when the store had no file under the row's key.
	 */
	static final String FILE_COLUMN = "archive_file";

	/** How often (rows) {@link Progress} hears of a table being written. */
	static final int PROGRESS_EVERY = 10_000;

	private static final Logger log = LoggerFactory.getLogger(ClinicArchive.class);

	/** Hears how far the archive is: for logs, and for tests that watch it stream. */
	interface Progress {

		/** {@code rows} of {@code table} have been written so far. */
		void rows(String module, String table, long rows);

		Progress NONE = (module, table, rows) -> {
		};

	}

	/** Who asked for the export, when, and its id (the audit entry's resource id). */
	record Ticket(UUID exportId, Instant at, UUID byId, String byName) {
	}

	/**
	 * The stored files of one table: the column with their keys, how many were copied and
	 * their bytes, and how many keys the store had no file for.
	 */
	record FileEntry(String keyColumn, String pathColumn, long files, long bytes, long missing) {
	}

	/** One table in the manifest. */
	record TableEntry(String module, String table, String file, List<String> columns, long rows,
			@Nullable FileEntry storedFiles) {
	}

	/** One thing left out in the manifest: a table, or a {@code table.column}. */
	record LeftOut(String module, String what, String why) {
	}

	/** The manifest. */
	record Manifest(UUID exportId, Instant createdAt, UUID createdById, String createdBy, String format,
			@Nullable String schemaVersion, List<TableEntry> tables, List<LeftOut> leftOut) {
	}

	private final List<TableExport> contributions;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	ClinicArchive(List<TableExport> contributions, PlatformTransactionManager transactions, JsonMapper json) {
		this.contributions = contributions.stream().sorted(Comparator.comparing(TableExport::module)).toList();
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setReadOnly(true);
		this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.json = json;
	}

	/** The contributions, by module. */
	List<TableExport> contributions() {
		return this.contributions;
	}

	/** The path in the archive of the stored file under {@code key}. */
	static String filePath(String module, String key) {
		return "files/" + module + "/" + key;
	}

	/** Writes the archive to {@code out}, which it finishes but does not close. */
	Manifest write(Ticket ticket, ExportFormat format, @Nullable String schemaVersion, OutputStream out,
			Progress progress) {
		return this.transactions.execute(status -> {
			try {
				ZipOutputStream zip = new ZipOutputStream(new KeptOpen(out));
				List<TableEntry> tables = new ArrayList<>();
				List<LeftOut> leftOut = new ArrayList<>();
				for (TableExport contribution : this.contributions) {
					for (String table : contribution.tables()) {
						tables.add(writeTable(zip, format, contribution, table, progress));
					}
					contribution.leftOut()
						.forEach((what, why) -> leftOut.add(new LeftOut(contribution.module(), what, why)));
				}
				Manifest manifest = new Manifest(ticket.exportId(), ticket.at(), ticket.byId(), ticket.byName(),
						format.code(), schemaVersion, tables, leftOut);
				zip.putNextEntry(new ZipEntry(MANIFEST));
				zip.write(this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
				zip.closeEntry();
				zip.finish();
				zip.flush();
				log.info("Clinic export {} written as {}: {} tables, {} rows", ticket.exportId(), format.code(),
						tables.size(), tables.stream().mapToLong(TableEntry::rows).sum());
				return manifest;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private TableEntry writeTable(ZipOutputStream zip, ExportFormat format, TableExport contribution, String table,
			Progress progress) throws IOException {
		String module = contribution.module();
		Optional<String> keyColumn = contribution.fileColumn(table);
		Set<String> missing = new HashSet<>();
		FileEntry storedFiles = null;
		if (keyColumn.isPresent()) {
			storedFiles = writeFiles(zip, contribution, table, keyColumn.get(), missing);
		}
		String file = module + "/" + table + format.extension();
		zip.putNextEntry(new ZipEntry(file));
		List<String> columns = new ArrayList<>();
		long rows;
		try (Rows out = (format == ExportFormat.JSON) ? new JsonRows(this.json, zip) : new CsvRows(zip)) {
			long[] written = { -1 };
			int[] keyAt = { -1 };
			contribution.write(table,
					(format == ExportFormat.JSON) ? TableExport.Values.TYPED : TableExport.Values.TEXT, cells -> {
						if (written[0] < 0) {
							cells.forEach(c -> columns.add(String.valueOf(c)));
							if (keyColumn.isPresent()) {
								keyAt[0] = columns.indexOf(keyColumn.get());
								if (columns.contains(FILE_COLUMN)) {
									throw new IllegalStateException(table + " has a column " + FILE_COLUMN);
								}
								columns.add(FILE_COLUMN);
							}
							out.header(columns);
						}
						else if (keyAt[0] >= 0) {
							List<Object> withFile = new ArrayList<>(cells);
							Object key = cells.get(keyAt[0]);
							withFile.add((key == null || missing.contains(key.toString())) ? null
									: filePath(module, key.toString()));
							out.row(withFile);
						}
						else {
							out.row(cells);
						}
						written[0]++;
						if (written[0] > 0 && written[0] % PROGRESS_EVERY == 0) {
							progress.rows(module, table, written[0]);
						}
					});
			rows = written[0];
		}
		zip.closeEntry();
		progress.rows(module, table, rows);
		return new TableEntry(module, table, file, columns, rows, storedFiles);
	}

	/**
	 * Copies the stored files of {@code table}'s rows into the archive, one stream at a
	 * time; remembers the keys the store has no file for (a file deleted since, or lost).
	 */
	private static FileEntry writeFiles(ZipOutputStream zip, TableExport contribution, String table, String keyColumn,
			Set<String> missing) {
		long[] copied = { 0, 0 };
		contribution.fileKeys(table, key -> {
			Optional<InputStream> stored = contribution.openFile(key);
			if (stored.isEmpty()) {
				missing.add(key);
				return;
			}
			try (InputStream content = stored.get()) {
				zip.putNextEntry(new ZipEntry(filePath(contribution.module(), key)));
				copied[1] += content.transferTo(zip);
				zip.closeEntry();
				copied[0]++;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		if (!missing.isEmpty()) {
			log.warn("Clinic export: {} stored files of {}.{} were not in the file store", missing.size(),
					contribution.module(), table);
		}
		return new FileEntry(keyColumn, FILE_COLUMN, copied[0], copied[1], missing.size());
	}

	/** A table file's writer: its header, then its rows. */
	private interface Rows extends AutoCloseable {

		void header(List<String> columns);

		void row(List<?> cells);

		@Override
		void close() throws IOException;

	}

	/** CSV: the header row, then a row per row (the shared {@link Csv} writer). */
	private static final class CsvRows implements Rows {

		private final Csv csv;

		CsvRows(OutputStream out) {
			this.csv = Csv.to(out);
		}

		@Override
		public void header(List<String> columns) {
			this.csv.row(columns);
		}

		@Override
		public void row(List<?> cells) {
			this.csv.row(cells);
		}

		@Override
		public void close() {
			this.csv.close();
		}

	}

	/**
	 * JSON Lines: one object per row, its members the columns. Numbers are written from
	 * their exact decimals (never through a double), booleans as booleans, timestamps as
	 * ISO-8601 instants, arrays as arrays, {@code json}/{@code jsonb} as JSON.
	 */
	private static final class JsonRows implements Rows {

		private final JsonGenerator generator;

		private List<String> columns = List.of();

		private long rows;

		JsonRows(JsonMapper json, OutputStream out) {
			this.generator = json.writer().withRootValueSeparator("\n").createGenerator(new KeptOpen(out));
		}

		@Override
		public void header(List<String> columns) {
			this.columns = List.copyOf(columns);
		}

		@Override
		public void row(List<?> cells) {
			this.generator.writeStartObject();
			for (int i = 0; i < cells.size(); i++) {
				this.generator.writeName(this.columns.get(i));
				value(cells.get(i));
			}
			this.generator.writeEndObject();
			this.rows++;
		}

		private void value(@Nullable Object value) {
			switch (value) {
				case null -> this.generator.writeNull();
				case BigDecimal decimal -> this.generator.writeNumber(decimal.toPlainString());
				case Number number -> this.generator.writeNumber(number.toString());
				case Boolean bool -> this.generator.writeBoolean(bool);
				case TableExport.JsonText text -> this.generator.writeRawValue(text.json());
				case List<?> list -> {
					this.generator.writeStartArray();
					list.forEach(this::value);
					this.generator.writeEndArray();
				}
				default -> this.generator.writeString(value.toString());
			}
		}

		@Override
		public void close() {
			if (this.rows > 0) {
				this.generator.writeRaw('\n');
			}
			this.generator.close();
		}

	}

	/** Keeps the response (or the archive) open when the streams on it are closed. */
	private static final class KeptOpen extends FilterOutputStream {

		KeptOpen(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
