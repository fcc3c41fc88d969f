package org.sparktherapy.reporting.internal.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.Messages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * A family's data export (ADR 0040): two families, each with a child record, care team,
 * program, a session its guardian co-signed, an appointment, an authorization, a payment,
 * a message with an attachment; family A also a signed progress report. The export of
 * family A holds each area's records of A and nothing of B, with the attachment's file
 * and the report's PDF; a guardian exports only their own family; every export is logged.
 */
@IntegrationTest
class FamilyExportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	Clinic clinic;

	Person admin;

	Person supervisor;

	Family a;

	Family b;

	record Family(String child, Person parent, String session, String appointment, String conversation) {
	}

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.supervisor = this.clinic.aTherapist("BCBA");
		this.a = aFamily();
		this.b = aFamily();
		aSignedReport(this.a.child());
	}

	private Family aFamily() {
		Person parent = this.clinic.aParent();
		Person technician = this.clinic.aTherapist("RBT");
		String child = this.clinic.aChild(this.admin, parent, this.supervisor, technician);
		Api.Response program = this.clinic.aProgram(this.supervisor, child);
		String target = program.at("/targets/0/id");
		String session = this.clinic.aSession(technician, child, target, List.of("correct", "incorrect"), true);
		Api.Response signed = parent.api()
			.post("/api/sessions/" + session + "/guardian-signature",
					body("name", "Pat Guardian", "signature", "data:image/png;base64,iVBORw0KGgo="));
		assertThat(signed.status()).as(signed.text()).isEqualTo(200);
		String appointment = this.clinic.anAppointment(this.admin, child, technician, Clinic.aMondayAfternoonAhead());
		Api.Response authorization = this.admin.api()
			.post("/api/children/" + child + "/authorizations",
					body("payer", "Aetna", "authorizationNumber", "A-" + child.substring(0, 8), "serviceCode", "97153",
							"unitsAuthorized", 40, "startDate", LocalDate.now().minusDays(30).toString(), "endDate",
							LocalDate.now().plusDays(60).toString()));
		assertThat(authorization.status()).as(authorization.text()).isEqualTo(201);
		String conversation = Messages.childConversation(this.supervisor, child);
		assertThat(Messages.postWithPng(this.port, parent, conversation, "Our week").status()).isEqualTo(201);
		return new Family(child, parent, session, appointment, conversation);
	}

	private void aSignedReport(String child) {
		LocalDate today = LocalDate.now();
		Api.Response draft = this.supervisor.api()
			.post("/api/children/" + child + "/progress-reports",
					body("periodStart", today.minusMonths(1).toString(), "periodEnd", today.toString()));
		assertThat(draft.status()).as(draft.text()).isEqualTo(201);
		Api.Response written = this.supervisor.api()
			.put("/api/progress-reports/" + draft.at("/id"),
					body("summary", "Steady progress.", "goals", "Two steps.", "recommendations", "Continue."),
					"If-Match", draft.header("ETag"));
		assertThat(written.status()).as(written.text()).isEqualTo(200);
		Api.Response signed = this.supervisor.api()
			.post("/api/progress-reports/" + draft.at("/id") + "/signature", body(), "If-Match",
					written.header("ETag"));
		assertThat(signed.status()).as(signed.text()).isEqualTo(200);
	}

	@Test
	void holdsEveryAreaOfTheFamilyAndNothingOfAnother() throws Exception {
		HttpResponse<byte[]> response = download(this.admin, this.a.child());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/zip");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
			.contains("sparktherapy-family-data-")
			.doesNotContain(this.a.child());
		assertThat(response.headers().firstValue("Content-Length")).as("streamed, not buffered").isEmpty();
		Map<String, byte[]> files = unzip(response.body());

		JsonNode manifest = this.json.readTree(files.get(FamilyArchive.MANIFEST));
		assertThat(manifest.get("childId").asString()).isEqualTo(this.a.child());
		assertThat(manifest.get("guardianIds").get(0).asString()).isEqualTo(this.a.parent().id());
		for (JsonNode document : manifest.get("documents")) {
			JsonNode tables = this.json.readTree(files.get(document.get("file").asString())).get("tables");
			for (JsonNode table : document.get("tables")) {
				assertThat(tables.get(table.get("table").asString()).size()).as(table.get("table").asString())
					.isEqualTo(table.get("rows").asInt());
			}
		}

		assertThat(rows(files, "children", "children")).singleElement()
			.satisfies(row -> assertThat(row.get("id").asString()).isEqualTo(this.a.child()));
		assertThat(rows(files, "children", "guardians")).singleElement()
			.satisfies(row -> assertThat(row.get("account_id").asString()).isEqualTo(this.a.parent().id()));
		assertThat(rows(files, "children", "care_team_members")).hasSize(2);
		assertThat(rows(files, "identity", "accounts")).singleElement().satisfies(row -> {
			assertThat(row.get("id").asString()).isEqualTo(this.a.parent().id());
			assertThat(row.has("password_hash")).isFalse();
		});
		assertThat(rows(files, "programs", "programs")).hasSize(1);
		assertThat(rows(files, "programs", "targets")).hasSize(2);
		assertThat(rows(files, "sessions", "therapy_sessions")).singleElement().satisfies(row -> {
			assertThat(row.get("id").asString()).isEqualTo(this.a.session());
			assertThat(row.get("guardian_signature").asString()).startsWith("data:image/png");
			assertThat(row.get("note").asString()).isEqualTo("Worked well.");
		});
		assertThat(rows(files, "sessions", "session_events")).hasSizeGreaterThanOrEqualTo(2);
		assertThat(rows(files, "scheduling", "appointments"))
			.anySatisfy(row -> assertThat(row.get("id").asString()).isEqualTo(this.a.appointment()));
		assertThat(rows(files, "billing", "authorizations")).hasSize(1);
		assertThat(rows(files, "reporting", "progress_reports")).hasSize(1);
		assertThat(rows(files, "messaging", "conversations"))
			.anySatisfy(row -> assertThat(row.get("id").asString()).isEqualTo(this.a.conversation()));
		assertThat(rows(files, "messaging", "messages"))
			.anySatisfy(row -> assertThat(row.get("body").asString()).isEqualTo("Our week"));
		JsonNode attachment = rows(files, "messaging", "message_attachments").getFirst();
		assertThat(files.get(attachment.get("archive_file").asString())).isEqualTo(Messages.PNG);
		assertThat(rows(files, "audit", "audit_log")).isNotEmpty()
			.allSatisfy(row -> assertThat(this.a.child().equals(text(row, "child_id"))
					|| this.a.parent().id().equals(text(row, "account_id")))
				.as(row.toString())
				.isTrue())
			.allSatisfy(row -> assertThat(row.has("address")).isFalse());
		assertThat(this.json.readTree(files.get(FamilyArchive.PEOPLE)).size()).as("guardian, supervisor, technician")
			.isEqualTo(3);

		List<String> pdfs = files.keySet().stream().filter(name -> name.startsWith("progress-reports/")).toList();
		assertThat(pdfs).singleElement().satisfies(name -> assertThat(name).endsWith(".pdf"));
		assertThat(new String(files.get(pdfs.getFirst()), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(manifest.get("progressReports")).hasSize(1);

		// nothing of the other family anywhere in the archive
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			String text = new String(file.getValue(), StandardCharsets.ISO_8859_1);
			assertThat(text).as(file.getKey())
				.doesNotContain(this.b.child())
				.doesNotContain(this.b.parent().id())
				.doesNotContain(this.b.session())
				.doesNotContain(this.b.conversation());
		}
		assertThat(logged(this.admin, this.a.child(), "success")).isEqualTo(1);
	}

	@Test
	void aGuardianDownloadsTheirOwnFamilyThroughAOneTimeLinkAndNoOtherFamily() throws Exception {
		Api.Response link = this.a.parent().api().post("/api/children/" + this.a.child() + "/data-export/links", "{}");
		assertThat(link.status()).as(link.text()).isEqualTo(201);
		assertThat(link.header("Cache-Control")).isEqualTo("no-store");
		String url = link.at("/url");
		assertThat(url).doesNotContain(this.a.child());
		HttpResponse<byte[]> archive = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + url)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(archive.statusCode()).isEqualTo(200);
		Map<String, byte[]> files = unzip(archive.body());
		assertThat(rows(files, "children", "children")).singleElement()
			.satisfies(row -> assertThat(row.get("id").asString()).isEqualTo(this.a.child()));
		assertThat(files.keySet()).anyMatch(name -> name.startsWith("progress-reports/"));
		HttpResponse<byte[]> again = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + url)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(again.statusCode()).isEqualTo(410);
		assertThat(logged(this.a.parent(), this.a.child(), "success")).isEqualTo(1);

		// the other family's child does not exist for them; refused and logged
		assertThat(download(this.a.parent(), this.b.child()).statusCode()).isEqualTo(404);
		assertThat(this.a.parent().api().post("/api/children/" + this.b.child() + "/data-export/links", "{}").status())
			.isEqualTo(404);
		assertThat(logged(this.a.parent(), this.b.child(), "not_found")).isEqualTo(2);
		// the care team sees the child, but does not export the family
		HttpResponse<byte[]> therapist = download(this.supervisor, this.a.child());
		assertThat(therapist.statusCode()).isEqualTo(403);
		assertThat(therapist.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/problem+json");
	}

	@Test
	void aLinkStopsWorkingForAGuardianWhoIsNoLongerTheChilds() throws Exception {
		Api.Response link = this.a.parent().api().post("/api/children/" + this.a.child() + "/data-export/links", "{}");
		assertThat(link.status()).isEqualTo(201);
		Api.Response unlinked = this.admin.api()
			.delete("/api/children/" + this.a.child() + "/guardians/" + this.a.parent().id());
		assertThat(unlinked.status()).as(unlinked.text()).isIn(200, 204);
		HttpResponse<byte[]> archive = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + link.at("/url"))).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(archive.statusCode()).isEqualTo(403);
	}

	private static String text(JsonNode row, String column) {
		JsonNode value = row.get(column);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private long logged(Person person, String child, String outcome) {
		return this.jdbc.sql("""
				select count(*) from audit_log
				where account_id = cast(:account as uuid) and child_id = cast(:child as uuid) and action = 'export'
				  and resource_type = 'family' and outcome = :outcome
				""")
			.param("account", person.id())
			.param("child", child)
			.param("outcome", outcome)
			.query(Long.class)
			.single();
	}

	private List<JsonNode> rows(Map<String, byte[]> files, String module, String table) {
		JsonNode document = this.json.readTree(files.get(module + ".json"));
		assertThat(document.get("module").asString()).isEqualTo(module);
		List<JsonNode> rows = new ArrayList<>();
		document.get("tables").get(table).forEach(rows::add);
		return rows;
	}

	private HttpResponse<byte[]> download(Person person, String child) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/children/" + child + "/data-export"))
				.header("Authorization", "Bearer " + person.accessToken())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	static Map<String, byte[]> unzip(byte[] archive) throws Exception {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				ByteArrayOutputStream content = new ByteArrayOutputStream();
				zip.transferTo(content);
				files.put(entry.getName(), content.toByteArray());
			}
		}
		return files;
	}

}
