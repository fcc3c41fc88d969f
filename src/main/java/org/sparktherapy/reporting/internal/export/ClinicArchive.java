package org.sparktherapy.reporting.internal.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparktherapy.platform.export.TableExport;
import org.sparktherapy.reporting.internal.Csv;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the clinic's full export as a ZIP archive (ADR 0036): one CSV file per table,
 * {@code <module>/
 *
<table>
 * .csv}, as every module's {@link TableExport} declares its tables, then
 * {@code manifest.json} (tables, columns, row counts, what was left out and why, the
 * schema version, when and by whom). Every table is read in one read-only,
 * repeatable-read transaction, so the files agree with each other, and row by row through
 * the driver's cursor into the compressed stream: nothing holds more than a page of rows.
 */
final class ClinicArchive {

	/** The archive's manifest entry, written last. */
	static final String MANIFEST = "manifest.json";

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

	/** One table in the manifest. */
	record TableEntry(String module, String table, String file, List<String> columns, long rows) {
	}

	/** One thing left out in the manifest: a table, or a {@code table.column}. */
	record LeftOut(String module, String what, String why) {
	}

	/** The manifest. */
	record Manifest(UUID exportId, Instant createdAt, UUID createdById, String createdBy,
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

	/** Writes the archive to {@code out}, which it finishes but does not close. */
	Manifest write(Ticket ticket, @Nullable String schemaVersion, OutputStream out, Progress progress) {
		return this.transactions.execute(status -> {
			try {
				ZipOutputStream zip = new ZipOutputStream(new KeptOpen(out));
				List<TableEntry> tables = new ArrayList<>();
				List<LeftOut> leftOut = new ArrayList<>();
				for (TableExport contribution : this.contributions) {
					for (String table : contribution.tables()) {
						tables.add(writeTable(zip, contribution, table, progress));
					}
					contribution.leftOut()
						.forEach((what, why) -> leftOut.add(new LeftOut(contribution.module(), what, why)));
				}
				Manifest manifest = new Manifest(ticket.exportId(), ticket.at(), ticket.byId(), ticket.byName(),
						schemaVersion, tables, leftOut);
				zip.putNextEntry(new ZipEntry(MANIFEST));
				zip.write(this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
				zip.closeEntry();
				zip.finish();
				zip.flush();
				log.info("Clinic export {} written: {} tables, {} rows", ticket.exportId(), tables.size(),
						tables.stream().mapToLong(TableEntry::rows).sum());
				return manifest;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static TableEntry writeTable(ZipOutputStream zip, TableExport contribution, String table, Progress progress)
			throws IOException {
		String file = contribution.module() + "/" + table + ".csv";
		zip.putNextEntry(new ZipEntry(file));
		List<String> columns = new ArrayList<>();
		long rows;
		try (Csv csv = Csv.to(zip)) {
			long[] written = { -1 };
			contribution.write(table, cells -> {
				if (written[0] < 0) {
					cells.forEach(c -> columns.add(String.valueOf(c)));
				}
				csv.row(cells);
				written[0]++;
				if (written[0] > 0 && written[0] % PROGRESS_EVERY == 0) {
					progress.rows(contribution.module(), table, written[0]);
				}
			});
			rows = written[0];
		}
		zip.closeEntry();
		progress.rows(contribution.module(), table, rows);
		return new TableEntry(contribution.module(), table, file, columns, rows);
	}

	/** Keeps the response open when the archive's streams are closed. */
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
