package org.sparktherapy.identity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

@IntegrationTest
class RegistrationIntegrationTests {

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
	void anyoneRegistersAParentAccount() {
		String email = Clinic.uniqueEmail("Parent");

		Api.Response created = this.api.post("/api/auth/register",
				body("name", "Robin Parent", "email", email, "password", Clinic.PASSWORD, "role", "parent"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).endsWith("/api/users/" + created.at("/id"));
		assertThat(created.at("/email")).isEqualTo(email.toLowerCase());
		assertThat(created.at("/role")).isEqualTo("parent");
		assertThat(created.at("/active")).isEqualTo("true");
		assertThat(created.text()).doesNotContainIgnoringCase("password");
		this.clinic.signIn(created.at("/id"), email, Clinic.PASSWORD);
	}

	@Test
	void selfRegistrationOfOtherRolesIsForbidden() {
		for (String role : new String[] { "therapist", "admin" }) {
			Api.Response response = this.api.post("/api/auth/register",
					body("name", "Sam", "email", Clinic.uniqueEmail(role), "password", Clinic.PASSWORD, "role", role,
							"credential", role.equals("therapist") ? "RBT" : null));
			assertThat(response.status()).as(role).isEqualTo(403);
			assertThat(response.at("/type")).isEqualTo("https://sparktherapy.org/problems/registration-role-forbidden");
		}
	}

	@Test
	void aParentCannotRegisterStaffEither() {
		Clinic.Person parent = this.clinic.aParent();

		Api.Response response = parent.api()
			.post("/api/auth/register", body("name", "Sam", "email", Clinic.uniqueEmail("admin"), "password",
					Clinic.PASSWORD, "role", "admin"));

		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void aSignedInAdminRegistersATherapist() {
		Clinic.Person admin = this.clinic.rootAdmin();

		Api.Response created = admin.api()
			.post("/api/auth/register", body("name", "Tess Therapist", "email", Clinic.uniqueEmail("therapist"),
					"password", Clinic.PASSWORD, "role", "therapist", "credential", "BCBA"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.at("/credential")).isEqualTo("BCBA");
	}

	@Test
	void emailsAreUniqueWhateverTheirCase() {
		String email = Clinic.uniqueEmail("dup");
		this.api.post("/api/auth/register", body("name", "One", "email", email, "password", Clinic.PASSWORD));

		Api.Response duplicate = this.api.post("/api/auth/register",
				body("name", "Two", "email", email.toUpperCase(), "password", Clinic.PASSWORD));

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.at("/type")).isEqualTo("https://sparktherapy.org/problems/email-taken");
		assertThat(duplicate.at("/errors/0/pointer")).as("shown at the email field").isEqualTo("/email");
	}

	@Test
	void badFieldsAreNamedOneByOne() {
		Api.Response response = this.api.post("/api/auth/register",
				body("name", "", "email", "not-an-email", "password", Clinic.PASSWORD));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.at("/type")).isEqualTo("https://sparktherapy.org/problems/validation");
		assertThat(response.json().get("errors").findValuesAsString("pointer")).contains("/name", "/email");
	}

	@Test
	void commonOrShortPasswordsAreRefused() {
		for (String weak : new String[] { "tooshort", "password123456", "123456789012", "iloveyou1234" }) {
			Api.Response response = this.api.post("/api/auth/register",
					body("name", "Pat", "email", Clinic.uniqueEmail("weak"), "password", weak));
			assertThat(response.status()).as(weak).isEqualTo(400);
			assertThat(response.at("/errors/0/pointer")).isEqualTo("/password");
		}
	}

	@Test
	void anUnknownRoleIsABadRequest() {
		Api.Response response = this.api.post("/api/auth/register",
				body("name", "Pat", "email", Clinic.uniqueEmail("x"), "password", Clinic.PASSWORD, "role", "owner"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.at("/errors/0/pointer")).isEqualTo("/role");
	}

}
