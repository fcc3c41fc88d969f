package org.sparktherapy.identity;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

@IntegrationTest
class UserAdministrationIntegrationTests {

	@LocalServerPort
	int port;

	Clinic clinic;

	Clinic.Person admin;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
	}

	@Test
	void onlyAdminsAdministerAccounts() {
		Clinic.Person parent = this.clinic.aParent();
		for (Clinic.Person person : List.of(parent, this.clinic.aTherapist("BCBA"))) {
			Api api = person.api();
			assertThat(api.get("/api/users").status()).isEqualTo(403);
			assertThat(api.get("/api/users/" + parent.id()).status()).isEqualTo(403);
			assertThat(api
				.post("/api/users",
						body("name", "X", "email", Clinic.uniqueEmail("x"), "password", Clinic.PASSWORD, "role",
								"admin"))
				.status()).isEqualTo(403);
			assertThat(api.put("/api/users/" + parent.id(), body("role", "admin")).status()).isEqualTo(403);
			assertThat(api.delete("/api/users/" + parent.id()).status()).isEqualTo(403);
		}
		assertThat(this.clinic.api().get("/api/users").status()).isEqualTo(401);
	}

	@Test
	void adminOpensATherapistWithACredential() {
		String email = Clinic.uniqueEmail("therapist");

		Api.Response created = this.admin.api()
			.post("/api/users", body("name", "Noor Haddad", "email", email, "password", Clinic.PASSWORD, "role",
					"therapist", "credential", "BCaBA"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).endsWith("/api/users/" + created.at("/id"));
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		assertThat(created.at("/credential")).isEqualTo("BCaBA");
		this.clinic.signIn(created.at("/id"), email, Clinic.PASSWORD);
	}

	@Test
	void therapistsNeedACredentialAndOthersHaveNone() {
		Api.Response noCredential = this.admin.api()
			.post("/api/users", body("name", "T", "email", Clinic.uniqueEmail("t"), "password", Clinic.PASSWORD, "role",
					"therapist"));
		Api.Response parentWithCredential = this.admin.api()
			.post("/api/users", body("name", "P", "email", Clinic.uniqueEmail("p"), "password", Clinic.PASSWORD, "role",
					"parent", "credential", "RBT"));

		assertThat(noCredential.status()).isEqualTo(400);
		assertThat(noCredential.at("/errors/0/pointer")).isEqualTo("/credential");
		assertThat(parentWithCredential.status()).isEqualTo(400);
	}

	@Test
	void listIsPagedFilteredAndSearchable() {
		String marker = "Quill" + System.nanoTime();
		for (int i = 0; i < 3; i++) {
			this.admin.api()
				.post("/api/users", body("name", marker + " Therapist " + i, "email", Clinic.uniqueEmail("q"),
						"password", Clinic.PASSWORD, "role", "therapist", "credential", "RBT"));
		}
		this.admin.api()
			.post("/api/users", body("name", marker + " Parent", "email", Clinic.uniqueEmail("q"), "password",
					Clinic.PASSWORD, "role", "parent"));

		Api.Response page = this.admin.api()
			.get("/api/users?q=" + marker.toLowerCase() + "&role=therapist&active=true&size=2&sort=name,desc");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().get("content")).hasSize(2);
		assertThat(page.at("/content/0/name")).isEqualTo(marker + " Therapist 2");
		assertThat(page.at("/page/totalElements")).isEqualTo("3");
		assertThat(page.at("/page/totalPages")).isEqualTo("2");
		assertThat(page.at("/page/size")).isEqualTo("2");
		assertThat(page.at("/page/number")).isEqualTo("0");
		assertThat(
				this.admin.api().get("/api/users?q=" + marker + "&page=1&size=2&role=therapist").json().get("content"))
			.hasSize(1);
	}

	@Test
	void badListParametersAreBadRequests() {
		for (String query : new String[] { "size=0", "size=1000", "page=-1", "sort=password", "sort=name,up",
				"role=owner", "active=maybe" }) {
			Api.Response response = this.admin.api().get("/api/users?" + query);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void adminChangesAnAccountGuardedByItsVersion() {
		Clinic.Person therapist = this.clinic.aTherapist("RBT");
		Api.Response current = this.admin.api().get("/api/users/" + therapist.id());
		String etag = current.header("ETag");

		Api.Response promoted = this.admin.api()
			.put("/api/users/" + therapist.id(), body("credential", "BCBA", "name", "Promoted Person"), "If-Match",
					etag);
		Api.Response stale = this.admin.api()
			.put("/api/users/" + therapist.id(), body("name", "Lost Update"), "If-Match", etag);

		assertThat(promoted.status()).isEqualTo(200);
		assertThat(promoted.at("/credential")).isEqualTo("BCBA");
		assertThat(promoted.header("ETag")).isNotEqualTo(etag);
		assertThat(stale.status()).isEqualTo(412);
		assertThat(this.admin.api().get("/api/users/" + therapist.id()).at("/name")).isEqualTo("Promoted Person");
	}

	@Test
	void changingRoleAwayFromTherapistDropsTheCredential() {
		Clinic.Person therapist = this.clinic.aTherapist("RBT");

		Api.Response changed = this.admin.api().put("/api/users/" + therapist.id(), body("role", "admin"));

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.at("/role")).isEqualTo("admin");
		assertThat(changed.at("/credential")).isNull();
		assertThat(therapist.api().get("/api/users").status()).as("the new role applies at once").isEqualTo(200);
	}

	@Test
	void deactivatedAccountsCannotSignInRefreshOrUseTheirTokens() {
		Clinic.Person parent = this.clinic.aParent();
		assertThat(parent.api().get("/api/auth/profile").status()).as("the access token, verified and kept")
			.isEqualTo(200);

		Api.Response deactivated = this.admin.api().delete("/api/users/" + parent.id());

		assertThat(deactivated.status()).isEqualTo(204);
		assertThat(this.admin.api().get("/api/users/" + parent.id()).at("/active")).isEqualTo("false");
		assertThat(parent.api().get("/api/auth/profile").status()).isEqualTo(401);
		Api api = this.clinic.api();
		assertThat(api.post("/api/auth/refresh", body("refreshToken", parent.refreshToken())).status()).isEqualTo(401);
		assertThat(api.post("/api/auth/login", body("email", parent.email(), "password", Clinic.PASSWORD)).status())
			.isEqualTo(401);

		this.admin.api().put("/api/users/" + parent.id(), body("active", true));
		this.clinic.signIn(parent.id(), parent.email(), Clinic.PASSWORD);
	}

	@Test
	void theLastActiveAdminStays() {
		Api.Response self = this.admin.api().get("/api/auth/profile");
		Api.Response admins = this.admin.api().get("/api/users?role=admin&active=true&size=200");
		for (var other : admins.json().get("content")) {
			String id = other.get("id").asString();
			if (!id.equals(self.at("/id"))) {
				this.admin.api().delete("/api/users/" + id);
			}
		}

		Api.Response response = this.admin.api().delete("/api/users/" + self.at("/id"));
		Api.Response demote = this.admin.api().put("/api/users/" + self.at("/id"), body("role", "parent"));

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.at("/type")).isEqualTo("https://sparktherapy.org/problems/last-admin");
		assertThat(demote.status()).isEqualTo(409);
	}

	@Test
	void anAccountCannotBeGivenABlankNameOrEmail() {
		Clinic.Person parent = this.clinic.aParent();

		assertThat(this.admin.api().put("/api/users/" + parent.id(), body("email", "")).status()).isEqualTo(400);
		assertThat(this.admin.api().put("/api/users/" + parent.id(), body("name", " ")).status()).isEqualTo(400);
		assertThat(parent.api().put("/api/auth/profile", body("name", "  ")).status()).isEqualTo(400);
		this.clinic.signIn(parent.id(), parent.email(), Clinic.PASSWORD);
	}

	@Test
	void unknownOrMalformedIdsAreNotFound() {
		assertThat(this.admin.api().get("/api/users/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(this.admin.api().get("/api/users/12345").status()).isEqualTo(404);
		assertThat(this.admin.api().put("/api/users/" + java.util.UUID.randomUUID(), body("name", "x")).status())
			.isEqualTo(404);
	}

}
