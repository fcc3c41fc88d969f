package org.sparktherapy.reporting.internal.export;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sparktherapy.reporting.internal.export.ClinicExportIntegrationTests.unzip;

/**
 * The export's one-time download links: admins only, the export logged when the link is
 * made; the link downloads the archive once without the access token, for a minute by the
 * application's clock; only the token's hash is stored.
 */
@IntegrationTest
class ClinicExportLinksIntegrationTests {

	static final String LINKS = "/api/reports/clinic-export/links";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	Clinic clinic;

	Person admin;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
	}

	@Test
	void aLinkDownloadsTheArchiveOnceWithoutTheAccessToken() throws Exception {
		Api.Response link = this.admin.api().post(LINKS, Map.of("format", "json"));
		assertThat(link.status()).as(link.text()).isEqualTo(201);
		String url = link.at("/url");
		assertThat(url).startsWith("/api/reports/clinic-export/download?token=");
		assertThat(link.header("Location")).isEqualTo(url);
		assertThat(link.at("/format")).isEqualTo("json");
		assertThat(Instant.parse(link.at("/expiresAt"))).isBefore(Instant.now().plusSeconds(61));

		HttpResponse<byte[]> first = get(url);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Content-Type")).hasValue("application/zip");
		JsonNode manifest = this.json.readTree(unzip(first.body()).get(ClinicArchive.MANIFEST));
		assertThat(manifest.get("format").asString()).isEqualTo("json");
		assertThat(manifest.get("createdById").asString()).isEqualTo(this.admin.id());
		assertThat(this.jdbc.sql("""
				select count(*) from audit_log where action = 'export' and resource_type = 'clinic'
				    and resource_id = :id and account_id = :admin and outcome = 'success'
				""")
			.param("id", UUID.fromString(manifest.get("exportId").asString()))
			.param("admin", UUID.fromString(this.admin.id()))
			.query(Long.class)
			.single()).isEqualTo(1);

		HttpResponse<byte[]> second = get(url);
		assertThat(second.statusCode()).isEqualTo(410);
		assertThat(second.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.json.readTree(second.body());
		assertThat(problem.get("type").asString()).endsWith("/export-link-used");
		assertThat(problem.get("detail").asString()).contains("used already");
	}

	@Test
	void storesOnlyTheTokensHash() throws Exception {
		String token = this.admin.api().post(LINKS, Map.of()).at("/url").replaceFirst(".*token=", "");
		byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(UTF_8));

		assertThat(this.jdbc.sql("select count(*) from clinic_export_links where token_hash = :hash")
			.param("hash", hash)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from clinic_export_links t where t::text like :token")
			.param("token", "%" + token + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select format from clinic_export_links where token_hash = :hash")
			.param("hash", hash)
			.query(String.class)
			.single()).as("csv by default").isEqualTo("csv");
	}

	@Test
	void onlyAdminsGetALink() {
		assertThat(this.clinic.aTherapist("BCBA").api().post(LINKS, Map.of()).status()).isEqualTo(403);
		assertThat(this.clinic.aParent().api().post(LINKS, Map.of()).status()).isEqualTo(403);
		assertThat(new Api(this.port).post(LINKS, Map.of()).status()).isEqualTo(401);
	}

	@Test
	void anUnknownTokenIsNotFound() throws Exception {
		HttpResponse<byte[]> response = get("/api/reports/clinic-export/download?token=made-up");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(response.body()).get("type").asString()).endsWith("/export-link-unknown");
	}

	@Test
	void aLinkWorksForAMinuteByTheApplicationsClock() {
		Instant issuedAt = Instant.parse("2026-12-03T10:00:00Z");
		ClinicExportLinks atIssue = links(issuedAt);
		UUID admin = UUID.fromString(this.admin.id());

		ClinicExportLinks.Issued inTime = atIssue.issue(UUID.randomUUID(), admin, ExportFormat.CSV);
		assertThat(inTime.expiresAt()).isEqualTo(issuedAt.plusSeconds(60));
		assertThat(links(issuedAt.plusSeconds(59)).redeem(inTime.token()).format()).isEqualTo(ExportFormat.CSV);
		assertThatThrownBy(() -> links(issuedAt.plusSeconds(59)).redeem(inTime.token()))
			.isInstanceOf(ExportProblems.ExportLinkUsed.class);

		ClinicExportLinks.Issued late = atIssue.issue(UUID.randomUUID(), admin, ExportFormat.JSON);
		assertThatThrownBy(() -> links(issuedAt.plusSeconds(60)).redeem(late.token()))
			.isInstanceOf(ExportProblems.ExportLinkExpired.class)
			.hasMessageContaining("expired");
	}

	private ClinicExportLinks links(Instant now) {
		return new ClinicExportLinks(this.jdbc, Clock.fixed(now, ZoneOffset.UTC));
	}

	private HttpResponse<byte[]> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
	}

}
