package org.sparktherapy.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * Account events, reads of the log and PHI search terms in the audit log (ADR 0005): each
 * is performed over HTTP and found through {@code GET /api/audit}.
 */
@IntegrationTest
class AccountEventsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	Clinic clinic;

	Person admin;

	Instant before;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.before = Instant.now().minusSeconds(1);
	}

	@Test
	void aSignInIsLoggedWithItsAccountAddressAndEndpoint() {
		Person parent = this.clinic.aParent();

		JsonNode entry = onlyEntry("sign_in", parent.id());

		assertThat(entry.get("userId").asString()).isEqualTo(parent.id());
		assertThat(entry.get("subjectName").asString()).isEqualTo("Test parent");
		assertThat(entry.get("resourceType").asString()).isEqualTo("account");
		assertThat(entry.get("endpoint").asString()).isEqualTo("POST /api/auth/login");
		assertThat(entry.get("address").asString()).isEqualTo(parent.api().clientAddress());
		assertThat(entry.get("outcome").asString()).isEqualTo("success");
	}

	@Test
	void aWrongPasswordForAKnownAddressIsLoggedAsAnAnonymousRefusal() {
		Person parent = this.clinic.aParent();
		Api attacker = new Api(this.port);

		assertThat(attacker.post("/api/auth/login", body("email", parent.email(), "password", "not-the-password-1"))
			.status()).isEqualTo(401);

		JsonNode entry = onlyEntry("sign_in_failed", parent.id());
		assertThat(entry.get("userId").isNull()).as("nobody is known to have acted").isTrue();
		assertThat(entry.get("outcome").asString()).isEqualTo("denied");
		assertThat(entry.get("address").asString()).isEqualTo(attacker.clientAddress());
		assertThat(entry.get("detail").asString()).isEqualTo("wrong password");
	}

	@Test
	void aFailedSignInForAnUnknownAddressKeepsOnlyAHashOfIt() {
		Api attacker = new Api(this.port);
		String email = Clinic.uniqueEmail("nobody");

		assertThat(attacker.post("/api/auth/login", body("email", email, "password", "whatever-password-2")).status())
			.isEqualTo(401);

		JsonNode entry = entries("sign_in_failed").stream()
			.filter(e -> attacker.clientAddress().equals(e.get("address").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(entry.get("resourceId").isNull()).isTrue();
		assertThat(entry.get("detail").asString()).startsWith("unknown e-mail email-sha256:")
			.doesNotContain(email)
			.doesNotContain(email.substring(0, email.indexOf('@')));
	}

	@Test
	void aLockoutIsLogged() {
		Person parent = this.clinic.aParent();
		Api attacker = new Api(this.port);
		int status = 0;
		for (int i = 0; i < 8 && status != 429; i++) {
			status = attacker.post("/api/auth/login", body("email", parent.email(), "password", "guess-" + i)).status();
		}
		assertThat(status).isEqualTo(429);

		JsonNode entry = entries("locked_out").stream()
			.filter(e -> parent.id().equals(text(e, "resourceId")))
			.findFirst()
			.orElseThrow();
		assertThat(entry.get("outcome").asString()).isEqualTo("denied");
		assertThat(entry.get("endpoint").asString()).isEqualTo("POST /api/auth/login");
	}

	@Test
	void aSignOutIsLogged() {
		Person parent = this.clinic.aParent();

		assertThat(parent.api().post("/api/auth/logout", body("refreshToken", parent.refreshToken())).status())
			.isEqualTo(204);

		JsonNode entry = onlyEntry("logout", parent.id());
		assertThat(entry.get("userId").asString()).isEqualTo(parent.id());
		assertThat(entry.get("outcome").asString()).isEqualTo("success");
	}

	@Test
	void aReplayedRefreshTokenIsLogged() {
		Person parent = this.clinic.aParent();
		Api api = new Api(this.port);
		assertThat(api.post("/api/auth/refresh", body("refreshToken", parent.refreshToken())).status()).isEqualTo(200);
		JdbcClient.create(this.dataSource)
			.sql("update refresh_tokens set used_at = used_at - interval '1 minute' where account_id = :a and used_at is not null")
			.param("a", UUID.fromString(parent.id()))
			.update();

		assertThat(api.post("/api/auth/refresh", body("refreshToken", parent.refreshToken())).status()).isEqualTo(401);

		JsonNode entry = onlyEntry("refresh_reuse", parent.id());
		assertThat(entry.get("outcome").asString()).isEqualTo("denied");
		assertThat(entry.get("userId").isNull()).isTrue();
		assertThat(entry.get("endpoint").asString()).isEqualTo("POST /api/auth/refresh");
	}

	@Test
	void aPasswordChangeIsLogged() {
		Person parent = this.clinic.aParent();

		assertThat(parent.api()
			.put("/api/auth/profile",
					body("currentPassword", Clinic.PASSWORD, "newPassword", "a-brand-new-passphrase-93"))
			.status()).isEqualTo(200);

		assertThat(onlyEntry("password_changed", parent.id()).get("userId").asString()).isEqualTo(parent.id());
	}

	@Test
	void aResetRequestAResetAndARefusedResetAreLogged() throws Exception {
		Person parent = this.clinic.aParent();
		Api api = new Api(this.port);

		assertThat(api.post("/api/auth/forgot-password", body("email", parent.email())).status()).isEqualTo(202);
		assertThat(onlyEntry("password_reset_requested", parent.id()).get("outcome").asString()).isEqualTo("success");

		String token = "test-reset-token-" + UUID.randomUUID();
		JdbcClient.create(this.dataSource)
			.sql("""
					insert into password_reset_tokens (id, account_id, token_hash, created_at, expires_at)
					values (:id, :account, :hash, now(), :expires)
					""")
			.param("id", UUID.randomUUID())
			.param("account", UUID.fromString(parent.id()))
			.param("hash", MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)))
			.param("expires", Timestamp.from(Instant.now().plus(Duration.ofHours(1))))
			.update();
		assertThat(api.post("/api/auth/reset-password", body("token", token, "password", "reset-passphrase-for-84"))
			.status()).isEqualTo(204);
		assertThat(onlyEntry("password_reset", parent.id()).get("outcome").asString()).isEqualTo("success");

		assertThat(api.post("/api/auth/reset-password", body("token", token, "password", "reset-passphrase-for-85"))
			.status()).isEqualTo(400);
		assertThat(entries("password_reset").stream()
			.filter(e -> api.clientAddress().equals(e.get("address").asString()))
			.map(e -> e.get("outcome").asString())).contains("denied");
	}

	@Test
	void roleAndCredentialChangesDeactivationAndReactivationByAnAdminAreLogged() {
		Person therapist = this.clinic.aTherapist("RBT");
		Api admin = this.admin.api();
		String user = "/api/users/" + therapist.id();

		assertThat(admin.put(user, body("credential", "BCBA")).status()).isEqualTo(200);
		assertThat(admin.put(user, body("role", "admin")).status()).isEqualTo(200);
		assertThat(admin.delete(user).status()).isEqualTo(204);
		assertThat(admin.put(user, body("active", true)).status()).isEqualTo(200);

		JsonNode credential = onlyEntry("credential_changed", therapist.id());
		assertThat(credential.get("detail").asString()).isEqualTo("RBT → BCBA");
		assertThat(credential.get("userId").asString()).isEqualTo(this.admin.id());
		assertThat(credential.get("role").asString()).isEqualTo("admin");
		JsonNode role = onlyEntry("role_changed", therapist.id());
		assertThat(role.get("detail").asString()).isEqualTo("therapist → admin");
		assertThat(role.get("endpoint").asString()).isEqualTo("PUT /api/users/{id}");
		assertThat(onlyEntry("deactivated", therapist.id()).get("endpoint").asString())
			.isEqualTo("DELETE /api/users/{id}");
		assertThat(onlyEntry("reactivated", therapist.id()).get("userId").asString()).isEqualTo(this.admin.id());
	}

	@Test
	void aSignInOfADeactivatedAccountIsLoggedAsRefused() {
		Person parent = this.clinic.aParent();
		assertThat(this.admin.api().delete("/api/users/" + parent.id()).status()).isEqualTo(204);

		assertThat(
				new Api(this.port).post("/api/auth/login", body("email", parent.email(), "password", Clinic.PASSWORD))
					.status())
			.isEqualTo(401);

		assertThat(onlyEntry("sign_in_failed", parent.id()).get("detail").asString()).isEqualTo("account deactivated");
	}

	@Test
	void readingAndVerifyingTheLogAreLoggedWithTheFiltersUsed() {
		Person other = this.clinic.anAdmin();

		other.api().get("/api/audit?kind=account&action=role_changed&userId=" + this.admin.id());
		other.api().get("/api/audit/verify");

		List<JsonNode> reads = entries("audit_read").stream()
			.filter(e -> other.id().equals(text(e, "userId")))
			.toList();
		assertThat(reads).extracting(e -> e.get("detail").asString())
			.contains("verify", "userId=" + this.admin.id() + " kind=account action=role_changed page=0");
		assertThat(reads).extracting(e -> e.get("endpoint").asString())
			.contains("GET /api/audit", "GET /api/audit/verify");
	}

	@Test
	void theSearchTermsOfAChildSearchAreLoggedEvenWithoutMatches() {
		Person therapist = this.clinic.aTherapist("BCBA");

		therapist.api().get("/api/children?q=Zebedee%20Nomatch");

		JsonNode entry = entries("search").stream()
			.filter(e -> therapist.id().equals(text(e, "userId")))
			.findFirst()
			.orElseThrow();
		assertThat(entry.get("resourceType").asString()).isEqualTo("child");
		assertThat(entry.get("detail").asString()).isEqualTo("q=Zebedee Nomatch");
		assertThat(entry.get("endpoint").asString()).isEqualTo("GET /api/children");
	}

	@Test
	void theLogCanBeFilteredByKindAndStillVerifies() {
		this.clinic.aParent();

		List<JsonNode> account = page("/api/audit?kind=account&from=" + this.before + "&size=100");
		assertThat(account).isNotEmpty()
			.allSatisfy(e -> assertThat(e.get("resourceType").asString()).isIn("account", "audit_log"));
		assertThat(page("/api/audit?kind=phi&from=" + this.before + "&size=100"))
			.allSatisfy(e -> assertThat(e.get("resourceType").asString()).isNotIn("account", "audit_log"));
		assertThat(this.admin.api().get("/api/audit?kind=secret").status()).isEqualTo(400);
		assertThat(this.admin.api().get("/api/audit?action=DROP%20TABLE").status()).isEqualTo(400);
		assertThat(this.admin.api().get("/api/audit/verify").at("/valid")).isEqualTo("true");
	}

	@Test
	void noPasswordTokenOrTypedAddressEndsUpInTheLog() {
		Person parent = this.clinic.aParent();
		Api api = new Api(this.port);
		String unknown = Clinic.uniqueEmail("ghost");
		api.post("/api/auth/login", body("email", unknown, "password", "typed-secret-password-1"));
		api.post("/api/auth/login", body("email", parent.email(), "password", "typed-secret-password-2"));
		api.post("/api/auth/forgot-password", body("email", unknown));
		String refreshed = api.post("/api/auth/refresh", body("refreshToken", parent.refreshToken()))
			.at("/refreshToken");
		parent.api()
			.put("/api/auth/profile",
					body("currentPassword", Clinic.PASSWORD, "newPassword", "typed-secret-password-3"));
		parent.api().post("/api/auth/logout", body("refreshToken", refreshed));

		List<String> rows = JdbcClient.create(this.dataSource)
			.sql("select t::text from audit_log t where at >= :from")
			.param("from", Timestamp.from(this.before))
			.query(String.class)
			.list();

		assertThat(rows).isNotEmpty();
		List<String> secrets = new ArrayList<>(List.of("typed-secret-password", Clinic.PASSWORD, unknown,
				parent.refreshToken(), parent.accessToken()));
		if (refreshed != null) {
			secrets.add(refreshed);
		}
		for (String secret : secrets) {
			assertThat(rows).noneMatch(row -> row.contains(secret));
		}
	}

	@Test
	void changingTheDetailOfAnEntryBreaksTheChain() {
		Person therapist = this.clinic.aTherapist("RBT");
		assertThat(this.admin.api().put("/api/users/" + therapist.id(), body("role", "admin")).status()).isEqualTo(200);
		UUID entry = UUID.fromString(onlyEntry("role_changed", therapist.id()).get("id").asString());
		// seals the entry: only sealed ones are chained
		assertThat(this.admin.api().get("/api/audit/verify").at("/valid")).isEqualTo("true");
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		jdbc.sql("alter table audit_log disable trigger audit_log_no_update").update();
		try {
			jdbc.sql("update audit_log set detail = 'therapist → parent' where id = :id").param("id", entry).update();

			Api.Response verification = this.admin.api().get("/api/audit/verify");

			assertThat(verification.at("/valid")).isEqualTo("false");
			assertThat(verification.at("/firstInvalidId")).isEqualTo(entry.toString());
		}
		finally {
			jdbc.sql("update audit_log set detail = 'therapist → admin' where id = :id").param("id", entry).update();
			jdbc.sql("alter table audit_log enable trigger audit_log_no_update").update();
		}
		assertThat(this.admin.api().get("/api/audit/verify").at("/valid")).isEqualTo("true");
	}

	private JsonNode onlyEntry(String action, String subject) {
		List<JsonNode> found = entries(action).stream().filter(e -> subject.equals(text(e, "resourceId"))).toList();
		assertThat(found).as(action + " for " + subject).hasSize(1);
		return found.getFirst();
	}

	private List<JsonNode> entries(String action) {
		return page("/api/audit?action=" + action + "&from=" + this.before + "&size=100");
	}

	private List<JsonNode> page(String path) {
		Api.Response response = this.admin.api().get(path);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		List<JsonNode> list = new ArrayList<>();
		response.json().get("content").forEach(list::add);
		return list;
	}

	private static String text(JsonNode entry, String field) {
		JsonNode value = entry.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

}
