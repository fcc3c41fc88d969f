package org.sparktherapy.reporting.internal.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sparktherapy.platform.export.TableExport;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's full export: a file per table each module declares, with the rows its owner
 * counts; no secret in it; admins only, logged; streamed while a table is still being
 * read.
 */
@IntegrationTest
class ClinicExportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	List<TableExport> contributions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JsonMapper json;

	Clinic clinic;

	Person admin;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		Person supervisor = this.clinic.aTherapist("BCBA");
		Person technician = this.clinic.aTherapist("RBT");
		String child = this.clinic.aChild(this.admin, this.clinic.aParent(), supervisor, technician);
		String target = this.clinic.aProgram(supervisor, child).at("/targets/0/id");
		this.clinic.aSession(technician, child, target, List.of("correct", "incorrect"), true);
	}

	@Test
	void holdsAFilePerOwnedTableWithTheRowsItsOwnerCountsAndAManifest() throws Exception {
		Map<String, byte[]> files = unzip(download(this.admin).body());

		List<String> expected = new ArrayList<>();
		this.contributions.forEach(c -> c.tables().forEach(t -> expected.add(c.module() + "/" + t + ".csv")));
		expected.add(ClinicArchive.MANIFEST);
		assertThat(files.keySet()).filteredOn(name -> !name.startsWith("files/"))
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(expected).contains("identity/accounts.csv", "children/children.csv", "sessions/session_events.csv",
				"billing/ledger_entries.csv", "scheduling/appointments.csv", "audit/audit_log.csv");

		JsonNode manifest = this.json.readTree(files.get(ClinicArchive.MANIFEST));
		assertThat(manifest.get("schemaVersion").asString()).isNotBlank();
		assertThat(manifest.get("format").asString()).isEqualTo("csv");
		assertThat(manifest.get("tables")).hasSize(expected.size() - 1);
		TransactionTemplate readOnly = new TransactionTemplate(this.transactions);
		readOnly.setReadOnly(true);
		for (JsonNode table : manifest.get("tables")) {
			String file = table.get("file").asString();
			TableExport owner = owner(table.get("module").asString());
			String name = table.get("table").asString();
			List<List<String>> rows = Csv.parse(new String(files.get(file), StandardCharsets.UTF_8));
			List<String> columns = new ArrayList<>(readOnly.execute(s -> owner.columns(name)));
			owner.fileColumn(name).ifPresent(key -> columns.add(ClinicArchive.FILE_COLUMN));
			assertThat(rows.get(0)).as(file).isEqualTo(columns);
			assertThat(rows.size() - 1L).as(file).isEqualTo(table.get("rows").asLong());
			long now = readOnly.execute(s -> owner.count(name));
			if (name.equals("audit_log") || name.startsWith("notification")) {
				// written on by the export's own request and by events after it
				assertThat(table.get("rows").asLong()).as(file).isLessThanOrEqualTo(now);
			}
			else {
				assertThat(table.get("rows").asLong()).as(file).isEqualTo(now);
			}
		}
		assertThat(manifest.get("tables").findValues("rows").stream().filter(r -> r.asLong() > 0).count())
			.as("tables with rows")
			.isGreaterThan(10);
	}

	@Test
	void leavesOutPasswordHashesAndTokensAndSaysWhy() throws Exception {
		Map<String, byte[]> files = unzip(download(this.admin).body());
		String everything = files.values()
			.stream()
			.map(b -> new String(b, StandardCharsets.ISO_8859_1))
			.reduce("", String::concat);

		List<String> hashes = this.jdbc.sql("select password_hash from accounts").query(String.class).list();
		assertThat(hashes).isNotEmpty().allSatisfy(hash -> assertThat(hash).startsWith("{"));
		assertThat(everything).doesNotContain("{argon2}", "$argon2id$", "{bcrypt}", "$2a$");
		assertThat(Csv.parse(new String(files.get("identity/accounts.csv"), StandardCharsets.UTF_8)).get(0))
			.contains("id", "email", "role")
			.doesNotContain("password_hash");
		hashes.forEach(hash -> assertThat(everything).doesNotContain(hash.substring(hash.lastIndexOf('$') + 1)));
		assertThat(files.keySet()).noneMatch(name -> name.contains("refresh_tokens") || name.contains("password_reset")
				|| name.contains("calendar_feed_tokens") || name.contains("login_failures"));

		JsonNode leftOut = this.json.readTree(files.get(ClinicArchive.MANIFEST)).get("leftOut");
		List<String> what = leftOut.findValues("what").stream().map(JsonNode::asString).toList();
		assertThat(what).contains("accounts.password_hash", "refresh_tokens", "password_reset_tokens",
				"calendar_feed_tokens");
		assertThat(leftOut.findValues("why")).allSatisfy(why -> assertThat(why.asString()).isNotBlank());
	}

	@Test
	void onlyAdminsExportAndEachExportIsLoggedOnce() throws Exception {
		assertThat(download(this.clinic.aTherapist("BCBA")).statusCode()).isEqualTo(403);
		assertThat(download(this.clinic.aParent()).statusCode()).isEqualTo(403);
		assertThat(HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/reports/clinic-export"))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(401);

		HttpResponse<byte[]> response = download(this.admin);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
			.startsWith("attachment; filename=\"sparktherapy-export-");
		String exportId = this.json.readTree(unzip(response.body()).get(ClinicArchive.MANIFEST))
			.get("exportId")
			.asString();
		assertThat(this.jdbc.sql("""
				select count(*) from audit_log where action = 'export' and resource_type = 'clinic'
				    and resource_id = :id and account_id = :admin and outcome = 'success'
				""")
			.param("id", UUID.fromString(exportId))
			.param("admin", UUID.fromString(this.admin.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(ExportFormat.class)
	void aLargeTableFlowsOutWhileItIsStillBeingRead(ExportFormat format) {
		this.jdbc.sql("drop table if exists export_probe_rows").update();
		this.jdbc.sql("""
				create table export_probe_rows as
				select g as id, md5(g::text) as a, md5((g * 7)::text) as b from generate_series(1, 200000) g
				""").update();
		try {
			TableExport probe = new TableExport("probe", this.dataSource, List.of("export_probe_rows"), Map.of()) {
			};
			ClinicArchive archive = new ClinicArchive(List.of(probe), this.transactions, this.json);
			CountingStream out = new CountingStream();
			Map<Long, Long> bytesAtRow = new LinkedHashMap<>();
			ClinicArchive.Manifest manifest = archive.write(
					new ClinicArchive.Ticket(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "Test"), format, "1",
					out, (module, table, rows) -> bytesAtRow.put(rows, out.bytes));

			assertThat(manifest.tables()).singleElement().satisfies(t -> assertThat(t.rows()).isEqualTo(200000));
			long atTenThousand = bytesAtRow.get(10_000L);
			long atHundredNinety = bytesAtRow.get(190_000L);
			// a buffering archive would have sent nothing before the table's end
			assertThat(atTenThousand).as("bytes out after 10,000 of 200,000 rows").isGreaterThan(100_000);
			assertThat(atHundredNinety).as("bytes out after 190,000 rows").isGreaterThan(atTenThousand * 10);
			assertThat(out.bytes).isGreaterThan(atHundredNinety);
		}
		finally {
			this.jdbc.sql("drop table export_probe_rows").update();
		}
	}

	private TableExport owner(String module) {
		return this.contributions.stream().filter(c -> c.module().equals(module)).findFirst().orElseThrow();
	}

	private HttpResponse<byte[]> download(Person person) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/reports/clinic-export"))
				.header("Authorization", "Bearer " + person.accessToken())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	static Map<String, byte[]> unzip(byte[] archive) throws IOException {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
			for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
				files.put(entry.getName(), zip.readAllBytes());
			}
		}
		return files;
	}

	/** Counts the bytes that reached it. */
	static final class CountingStream extends OutputStream {

		volatile long bytes;

		@Override
		public void write(int b) {
			this.bytes++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.bytes += len;
		}

	}

	/** Reads RFC 4180 CSV (quoted cells with commas, quotes and line breaks). */
	static final class Csv {

		static List<List<String>> parse(String text) {
			List<List<String>> rows = new ArrayList<>();
			List<String> row = new ArrayList<>();
			StringBuilder cell = new StringBuilder();
			boolean quoted = false;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (quoted) {
					if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					}
					else if (c == '"') {
						quoted = false;
					}
					else {
						cell.append(c);
					}
				}
				else if (c == '"') {
					quoted = true;
				}
				else if (c == ',') {
					row.add(cell.toString());
					cell.setLength(0);
				}
				else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					row.add(cell.toString());
					cell.setLength(0);
					rows.add(row);
					row = new ArrayList<>();
					i++;
				}
				else {
					cell.append(c);
				}
			}
			return rows;
		}

	}

}
