package org.sparktherapy.reporting.internal.export;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sparktherapy.platform.export.TableExport;
import org.sparktherapy.platform.storage.FileStorage;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.Messages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.reporting.internal.export.ClinicExportIntegrationTests.unzip;

/**
 * The clinic export as JSON Lines, with types kept, and with the attachments' files: each
 * copied byte for byte under {@code files/}, its row pointing at it, in either format.
 */
@IntegrationTest
class ClinicExportJsonAndFilesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JsonMapper json;

	@Autowired
	FileStorage storage;

	Person admin;

	Person supervisor;

	String child;

	@BeforeEach
	void setUp() {
		Clinic clinic = new Clinic(this.port);
		this.admin = clinic.rootAdmin();
		this.supervisor = clinic.aTherapist("BCBA");
		Person technician = clinic.aTherapist("RBT");
		this.child = clinic.aChild(this.admin, clinic.aParent(), this.supervisor, technician);
		clinic.aProgram(this.supervisor, this.child);
	}

	@Test
	void writesEachTableAsJsonLinesWithItsTypesKept() throws Exception {
		HttpResponse<byte[]> response = download(this.admin, "json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).endsWith("-json.zip\"");
		Map<String, byte[]> files = unzip(response.body());
		JsonNode manifest = this.json.readTree(files.get(ClinicArchive.MANIFEST));
		assertThat(manifest.get("format").asString()).isEqualTo("json");
		assertThat(manifest.get("tables").findValues("file"))
			.allSatisfy(f -> assertThat(f.asString()).endsWith(".jsonl"));
		for (JsonNode table : manifest.get("tables")) {
			assertThat(lines(files.get(table.get("file").asString()))).as(table.get("file").asString())
				.hasSize(table.get("rows").asInt());
		}

		JsonNode child = lines(files.get("children/children.jsonl")).stream()
			.filter(row -> row.get("id").asString().equals(this.child))
			.findFirst()
			.orElseThrow();
		assertThat(child.get("diagnosis_codes").isArray()).isTrue();
		assertThat(child.get("emergency_contacts").isArray()).as("jsonb as JSON").isTrue();
		assertThat(child.get("version").isIntegralNumber()).isTrue();
		assertThat(child.get("date_of_birth").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(Instant.parse(child.get("created_at").asString())).isBefore(Instant.now().plusSeconds(60));
		JsonNode program = lines(files.get("programs/programs.jsonl")).stream()
			.filter(row -> row.get("child_id").asString().equals(this.child))
			.findFirst()
			.orElseThrow();
		assertThat(program.get("auto_advance").isBoolean()).isTrue();
		assertThat(lines(files.get("identity/accounts.jsonl")))
			.allSatisfy(row -> assertThat(row.has("password_hash")).isFalse());
	}

	@Test
	void writesNumbersAsTheirExactDecimalsAndKeepsTheCsvAsItWas() {
		this.jdbc.sql("drop table if exists export_probe_types").update();
		this.jdbc.sql("""
				create table export_probe_types (id integer, amount numeric(12, 2), tiny numeric, paid boolean,
				    at timestamptz, tags text[], doc jsonb, note text)
				""").update();
		this.jdbc.sql("""
				insert into export_probe_types values
				(1, 125.50, 0.0000001, true, '2026-12-03T10:15:30Z', '{a,"b,c"}', '{"k": [1, 2.50]}', '=cmd'),
				(2, null, null, null, null, null, null, null)
				""").update();
		try {
			TableExport probe = new TableExport("probe", this.dataSource, List.of("export_probe_types"), Map.of()) {
			};
			ClinicArchive archive = new ClinicArchive(List.of(probe), this.transactions, this.json);

			String jsonl = file(archive, ExportFormat.JSON, "probe/export_probe_types.jsonl");
			assertThat(jsonl.split("\n")).containsExactly(
					"{\"id\":1,\"amount\":125.50,\"tiny\":0.0000001,\"paid\":true,\"at\":\"2026-12-03T10:15:30Z\","
							+ "\"tags\":[\"a\",\"b,c\"],\"doc\":{\"k\": [1, 2.50]},\"note\":\"=cmd\"}",
					"{\"id\":2,\"amount\":null,\"tiny\":null,\"paid\":null,\"at\":null,\"tags\":null,\"doc\":null,"
							+ "\"note\":null}");
			assertThat(jsonl).endsWith("}\n");

			String csv = file(archive, ExportFormat.CSV, "probe/export_probe_types.csv");
			assertThat(csv).startsWith("id,amount,tiny,paid,at,tags,doc,note\r\n1,125.50,0.0000001,t,")
				.contains(",\"{a,\"\"b,c\"\"}\",\"{\"\"k\"\": [1, 2.50]}\",'=cmd\r\n")
				.endsWith("2,,,,,,,\r\n");
		}
		finally {
			this.jdbc.sql("drop table export_probe_types").update();
		}
	}

	@ParameterizedTest
	@EnumSource(ExportFormat.class)
	void copiesTheAttachmentsFilesByteForByteWithTheirRowsPointingAtThem(ExportFormat format) throws Exception {
		String conversation = Messages.childConversation(this.supervisor, this.child);
		assertThat(Messages.postWithPng(this.port, this.supervisor, conversation, "Today's chart").status())
			.isEqualTo(201);
		String key = this.jdbc.sql("select storage_key from message_attachments where conversation_id = :c")
			.param("c", UUID.fromString(conversation))
			.query(String.class)
			.list()
			.getFirst();

		Map<String, byte[]> files = unzip(download(this.admin, format.code()).body());

		String path = "files/messaging/" + key;
		assertThat(files.get(path)).as(path).isEqualTo(Messages.PNG);
		assertThat(attachmentRows(files, format)).anySatisfy(row -> {
			assertThat(row.get("storage_key")).isEqualTo(key);
			assertThat(row.get(ClinicArchive.FILE_COLUMN)).isEqualTo(path);
		});
		JsonNode table = tableOf(files, "message_attachments");
		assertThat(table.at("/storedFiles/keyColumn").asString()).isEqualTo("storage_key");
		assertThat(table.at("/storedFiles/files").asLong() + table.at("/storedFiles/missing").asLong())
			.isEqualTo(table.get("rows").asLong());
		assertThat(table.at("/storedFiles/files").asLong())
			.isEqualTo(files.keySet().stream().filter(f -> f.startsWith("files/messaging/")).count());
	}

	@Test
	void aRowWhoseFileIsGoneFromTheStoreNamesNoFile() throws Exception {
		String conversation = Messages.childConversation(this.supervisor, this.child);
		Messages.postWithPng(this.port, this.supervisor, conversation, "Lost chart");
		String key = this.jdbc.sql("select storage_key from message_attachments where conversation_id = :c")
			.param("c", UUID.fromString(conversation))
			.query(String.class)
			.list()
			.getFirst();
		this.storage.delete(key);

		Map<String, byte[]> files = unzip(download(this.admin, "csv").body());

		assertThat(files).doesNotContainKey("files/messaging/" + key);
		assertThat(attachmentRows(files, ExportFormat.CSV)).anySatisfy(row -> {
			assertThat(row.get("storage_key")).isEqualTo(key);
			assertThat(row.get(ClinicArchive.FILE_COLUMN)).isEmpty();
		});
		assertThat(tableOf(files, "message_attachments").at("/storedFiles/missing").asLong()).isPositive();
	}

	@Test
	void refusesAnUnknownFormatWithAProblem() throws Exception {
		HttpResponse<byte[]> response = download(this.admin, "xml");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("detail").asString()).contains("csv or json");
		assertThat(problem.at("/errors/0/pointer").asString()).isEqualTo("format");

		var link = this.admin.api().post("/api/reports/clinic-export/links", Map.of("format", "xml"));
		assertThat(link.status()).isEqualTo(400);
		assertThat(link.at("/errors/0/pointer")).isEqualTo("/format");
	}

	private String file(ClinicArchive archive, ExportFormat format, String name) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		archive.write(new ClinicArchive.Ticket(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), "Test"), format,
				"1", out, ClinicArchive.Progress.NONE);
		try {
			return new String(unzip(out.toByteArray()).get(name), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private JsonNode tableOf(Map<String, byte[]> files, String table) {
		JsonNode manifest = this.json.readTree(files.get(ClinicArchive.MANIFEST));
		for (JsonNode entry : manifest.get("tables")) {
			if (entry.get("table").asString().equals(table)) {
				return entry;
			}
		}
		throw new AssertionError("no " + table + " in the manifest");
	}

	/** The attachments' rows, each as column → text ("" for null). */
	private List<Map<String, String>> attachmentRows(Map<String, byte[]> files, ExportFormat format) {
		List<Map<String, String>> rows = new ArrayList<>();
		String name = "messaging/message_attachments" + format.extension();
		String text = new String(files.get(name), StandardCharsets.UTF_8);
		if (format == ExportFormat.JSON) {
			for (JsonNode row : lines(files.get(name))) {
				Map<String, String> cells = new java.util.LinkedHashMap<>();
				row.properties()
					.forEach(e -> cells.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asString()));
				rows.add(cells);
			}
			return rows;
		}
		List<List<String>> csv = ClinicExportIntegrationTests.Csv.parse(text);
		for (List<String> row : csv.subList(1, csv.size())) {
			Map<String, String> cells = new java.util.LinkedHashMap<>();
			for (int i = 0; i < row.size(); i++) {
				cells.put(csv.get(0).get(i), row.get(i));
			}
			rows.add(cells);
		}
		return rows;
	}

	private List<JsonNode> lines(byte[] file) {
		String text = new String(file, StandardCharsets.UTF_8);
		List<JsonNode> rows = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (!line.isEmpty()) {
				rows.add(this.json.readTree(line));
			}
		}
		return rows;
	}

	private HttpResponse<byte[]> download(Person person, String format) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/reports/clinic-export?format=" + format))
				.header("Authorization", "Bearer " + person.accessToken())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
