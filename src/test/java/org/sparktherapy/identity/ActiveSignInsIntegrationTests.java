package org.sparktherapy.identity;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * Each person sees their active sign-ins and ends any of them; an admin ends all of a
 * user's, and the audit log keeps it.
 */
@IntegrationTest
class ActiveSignInsIntegrationTests {

	@LocalServerPort
	int port;

	Clinic clinic;

	Api api;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.api = this.clinic.api();
	}

	@Test
	void aPersonSeesTheirSignInsAndEndsAnother() {
		Clinic.Person parent = this.clinic.aParent();
		Clinic.Person phone = this.clinic.signIn(parent.id(), parent.email(), Clinic.PASSWORD);

		List<JsonNode> signIns = list(parent.api().get("/api/auth/sessions"));

		assertThat(signIns).hasSize(2);
		JsonNode current = signIns.stream().filter(s -> s.get("current").asBoolean()).findFirst().orElseThrow();
		JsonNode other = signIns.stream().filter(s -> !s.get("current").asBoolean()).findFirst().orElseThrow();
		assertThat(current.get("device").asString()).isNotBlank();
		assertThat(current.get("place").asString())
			.as("the network of the test client's address (2001:db8::x:y), never the address")
			.isEqualTo("2001:db8:0::/48");
		assertThat(current.get("startedAt").asString()).isNotBlank();
		assertThat(current.get("lastUsedAt").asString()).isNotBlank();

		Api.Response end = parent.api().delete("/api/auth/sessions/" + other.get("id").asString());

		assertThat(end.status()).isEqualTo(204);
		assertThat(this.api.post("/api/auth/refresh", body("refreshToken", phone.refreshToken())).status())
			.isEqualTo(401);
		assertThat(phone.api().get("/api/auth/profile").status()).isEqualTo(401);
		assertThat(list(parent.api().get("/api/auth/sessions"))).singleElement()
			.satisfies(s -> assertThat(s.get("current").asBoolean()).isTrue());
		assertThat(parent.api().delete("/api/auth/sessions/" + other.get("id").asString()).status()).as("already ended")
			.isEqualTo(404);
	}

	@Test
	void anotherPersonsSignInIsNotFound() {
		Clinic.Person parent = this.clinic.aParent();
		Clinic.Person stranger = this.clinic.aParent();
		String id = list(parent.api().get("/api/auth/sessions")).getFirst().get("id").asString();

		Api.Response end = stranger.api().delete("/api/auth/sessions/" + id);

		assertThat(end.status()).isEqualTo(404);
		assertThat(end.header("Content-Type")).startsWith("application/problem+json");
		assertThat(parent.api().get("/api/auth/profile").status()).isEqualTo(200);
		assertThat(stranger.api().delete("/api/auth/sessions/not-a-uuid").status()).as("a malformed id names nothing")
			.isEqualTo(404);
	}

	@Test
	void anAdminEndsAllOfAUsersSignInsAndTheLogKeepsIt() {
		Clinic.Person admin = this.clinic.anAdmin();
		Clinic.Person therapist = this.clinic.aTherapist("RBT");
		Clinic.Person tablet = this.clinic.signIn(therapist.id(), therapist.email(), Clinic.PASSWORD);

		assertThat(therapist.api().delete("/api/users/" + admin.id() + "/sessions").status()).isEqualTo(403);
		Api.Response end = admin.api().delete("/api/users/" + therapist.id() + "/sessions");

		assertThat(end.status()).isEqualTo(204);
		for (Clinic.Person signIn : List.of(therapist, tablet)) {
			assertThat(signIn.api().get("/api/auth/profile").status()).isEqualTo(401);
			assertThat(this.api.post("/api/auth/refresh", body("refreshToken", signIn.refreshToken())).status())
				.isEqualTo(401);
		}
		assertThat(admin.api().get("/api/auth/profile").status()).isEqualTo(200);
		List<JsonNode> audit = list(admin.api().get("/api/audit?action=sessions_ended_by_admin&size=100"), "content");
		assertThat(audit).filteredOn(e -> therapist.id().equals(e.get("resourceId").asString()))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.get("userId").asString()).isEqualTo(admin.id());
				assertThat(e.get("detail").asString()).isEqualTo("2 sign-in(s) ended");
			});
		assertThat(admin.api().delete("/api/users/" + java.util.UUID.randomUUID() + "/sessions").status())
			.isEqualTo(404);
		assertThat(this.clinic.signIn(therapist.id(), therapist.email(), Clinic.PASSWORD)
			.api()
			.get("/api/auth/profile")
			.status()).as("the account can sign in again").isEqualTo(200);
	}

	private static List<JsonNode> list(Api.Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		List<JsonNode> list = new ArrayList<>();
		response.json().forEach(list::add);
		return list;
	}

	private static List<JsonNode> list(Api.Response response, String field) {
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		List<JsonNode> list = new ArrayList<>();
		response.json().get(field).forEach(list::add);
		return list;
	}

}
