package org.sparktherapy.reporting.internal.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.annotation.Nullable;
import org.sparktherapy.platform.export.TableExport;
import org.sparktherapy.reporting.internal.progress.SignedReportPdfs;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one family's data export as a ZIP archive (ADR 0040): everything the clinic
 * holds about one child and the child's guardians. Layout:
 * <ul>
 * <li>{@code <module>.json} — one JSON document per area (module): {@code module}, and
 * {@code tables}, each of the module's tables with rows about the family as an array of
 * objects, the columns as members (the clinic export's JSON types: exact decimals,
 * booleans, ISO-8601 instants in UTC, arrays, embedded JSON);</li>
 * <li>{@code people.json} — the names and roles of the child's guardians and care
 * team;</li>
 * <li>{@code files/<module>/<storage key>} — the stored files the rows point at (message
 * attachments), named by each row's {@value ClinicArchive#FILE_COLUMN};</li>
 * <li>{@code progress-reports/<period start>_<period end>_<id>.pdf} — each signed
 * progress report as its PDF;</li>
 * <li>{@code manifest.json} last — the export's id, when, for whom, by whom, every
 * document's tables with row counts, the files and PDFs, what is left out and why.</li>
 * </ul>
 * Everything is read in one read-only, repeatable-read transaction, row by row through
 * the owning module's {@link TableExport} into the compressed stream: nothing holds more
 * than a page of rows, a buffer of bytes or one PDF.
 */
final class FamilyArchive {

	static final String MANIFEST = "manifest.json";

	static final String PEOPLE = "people.json";

	/** Who asked, for which family, when, and the export's id (the audit entry's). */
	record Ticket(UUID exportId, Instant at, UUID byId, String byName, UUID childId, List<UUID> guardians) {
	}

	record TableEntry(String table, List<String> columns, long rows, @Nullable Long files, @Nullable Long missing) {
	}

	record Document(String file, String module, List<TableEntry> tables) {
	}

	record ReportEntry(UUID reportId, LocalDate periodStart, LocalDate periodEnd, String file, long bytes) {
	}

	record LeftOut(String module, String what, String why) {
	}

	record Manifest(UUID exportId, Instant createdAt, UUID createdById, String createdBy, UUID childId,
			List<UUID> guardianIds, @Nullable String schemaVersion, List<Document> documents, String people,
			List<ReportEntry> progressReports, List<LeftOut> leftOut) {
	}

	record Person(UUID id, String name, String role, @Nullable String credential, String relation) {
	}

	private final List<TableExport> contributions;

	private final SignedReportPdfs pdfs;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	FamilyArchive(List<TableExport> contributions, SignedReportPdfs pdfs, JdbcClient jdbc,
			PlatformTransactionManager transactions, JsonMapper json) {
		this.contributions = contributions.stream()
			.filter(c -> !c.familyTables().isEmpty())
			.sorted(Comparator.comparing(TableExport::module))
			.toList();
		this.pdfs = pdfs;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setReadOnly(true);
		this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.json = json;
	}

	/** Writes the archive to {@code out}, which it finishes but does not close. */
	Manifest write(Ticket ticket, @Nullable String schemaVersion, OutputStream out) {
		return this.transactions.execute(status -> {
			try {
				ZipOutputStream zip = new ZipOutputStream(new KeptOpen(out));
				TableExport.Family family = new TableExport.Family(List.of(ticket.childId()), ticket.guardians());
				List<Document> documents = new ArrayList<>();
				List<LeftOut> leftOut = new ArrayList<>();
				for (TableExport contribution : this.contributions) {
					documents.add(writeDocument(zip, contribution, family));
					contribution.leftOut()
						.forEach((what, why) -> leftOut.add(new LeftOut(contribution.module(), what, why)));
					contribution.familyLeftOut()
						.forEach((what, why) -> leftOut.add(new LeftOut(contribution.module(), what, why)));
				}
				zip.putNextEntry(new ZipEntry(PEOPLE));
				zip.write(this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(people(ticket)));
				zip.closeEntry();
				List<ReportEntry> reports = new ArrayList<>();
				this.pdfs.each(ticket.childId(), pdf -> {
					String file = "progress-reports/" + pdf.periodStart() + "_" + pdf.periodEnd() + "_" + pdf.reportId()
							+ ".pdf";
					try {
						zip.putNextEntry(new ZipEntry(file));
						zip.write(pdf.content());
						zip.closeEntry();
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
					reports.add(new ReportEntry(pdf.reportId(), pdf.periodStart(), pdf.periodEnd(), file,
							pdf.content().length));
				});
				Manifest manifest = new Manifest(ticket.exportId(), ticket.at(), ticket.byId(), ticket.byName(),
						ticket.childId(), ticket.guardians(), schemaVersion, documents, PEOPLE, reports, leftOut);
				zip.putNextEntry(new ZipEntry(MANIFEST));
				zip.write(this.json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
				zip.closeEntry();
				zip.finish();
				zip.flush();
				return manifest;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** The child's guardians and care team, from the published views (ADR 0021). */
	private List<Person> people(Ticket ticket) {
		return this.jdbc.sql("""
				select a.account_id, a.name, a.role, a.credential, v.relation
				from child_visibility v join account_names a on a.account_id = v.account_id
				where v.child_id = :child
				order by v.relation, a.name, a.account_id
				""")
			.param("child", ticket.childId())
			.query((rs, n) -> new Person(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	private Document writeDocument(ZipOutputStream zip, TableExport contribution, TableExport.Family family)
			throws IOException {
		String module = contribution.module();
		Map<String, Set<String>> missingByTable = new LinkedHashMap<>();
		Map<String, long[]> filesByTable = new LinkedHashMap<>();
		for (String table : contribution.familyTables()) {
			Optional<String> keyColumn = contribution.fileColumn(table);
			if (keyColumn.isPresent()) {
				Set<String> missing = new HashSet<>();
				long[] copied = { 0 };
				contribution.familyFileKeys(table, family, key -> {
					Optional<InputStream> stored = contribution.openFile(key);
					if (stored.isEmpty()) {
						missing.add(key);
						return;
					}
					try (InputStream content = stored.get()) {
						zip.putNextEntry(new ZipEntry(ClinicArchive.filePath(module, key)));
						content.transferTo(zip);
						zip.closeEntry();
						copied[0]++;
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
				missingByTable.put(table, missing);
				filesByTable.put(table, copied);
			}
		}
		String file = module + ".json";
		zip.putNextEntry(new ZipEntry(file));
		List<TableEntry> tables = new ArrayList<>();
		JsonGenerator generator = this.json.writer().withDefaultPrettyPrinter().createGenerator(new KeptOpen(zip));
		generator.writeStartObject();
		generator.writeStringProperty("module", module);
		generator.writeName("tables");
		generator.writeStartObject();
		for (String table : contribution.familyTables()) {
			Optional<String> keyColumn = contribution.fileColumn(table);
			Set<String> missing = missingByTable.getOrDefault(table, Set.of());
			generator.writeName(table);
			generator.writeStartArray();
			List<String> columns = new ArrayList<>();
			int[] keyAt = { -1 };
			long[] rows = { -1 };
			contribution.writeFamily(table, family, TableExport.Values.TYPED, cells -> {
				if (rows[0] < 0) {
					cells.forEach(c -> columns.add(String.valueOf(c)));
					if (keyColumn.isPresent()) {
						keyAt[0] = columns.indexOf(keyColumn.get());
						columns.add(ClinicArchive.FILE_COLUMN);
					}
				}
				else {
					List<Object> row = new ArrayList<>(cells);
					if (keyAt[0] >= 0) {
						Object key = cells.get(keyAt[0]);
						row.add((key == null || missing.contains(key.toString())) ? null
								: ClinicArchive.filePath(module, key.toString()));
					}
					generator.writeStartObject();
					for (int i = 0; i < row.size(); i++) {
						generator.writeName(columns.get(i));
						value(generator, row.get(i));
					}
					generator.writeEndObject();
				}
				rows[0]++;
			});
			generator.writeEndArray();
			long[] files = filesByTable.get(table);
			tables.add(new TableEntry(table, columns, rows[0], (files != null) ? files[0] : null,
					(files != null) ? (long) missing.size() : null));
		}
		generator.writeEndObject();
		generator.writeEndObject();
		generator.close();
		zip.closeEntry();
		return new Document(file, module, tables);
	}

	private static void value(JsonGenerator generator, @Nullable Object value) {
		switch (value) {
			case null -> generator.writeNull();
			case BigDecimal decimal -> generator.writeNumber(decimal.toPlainString());
			case Number number -> generator.writeNumber(number.toString());
			case Boolean bool -> generator.writeBoolean(bool);
			case TableExport.JsonText text -> generator.writeRawValue(text.json());
			case List<?> list -> {
				generator.writeStartArray();
				list.forEach(element -> value(generator, element));
				generator.writeEndArray();
			}
			default -> generator.writeString(value.toString());
		}
	}

	/** Keeps the archive open when the JSON generator on it is closed. */
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
