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
class ProfileIntegrationTests {

	@LocalServerPort
	int port;

	Clinic clinic;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
	}

	@Test
	void userRenamesThemself() {
		Clinic.Person parent = this.clinic.aParent();

		Api.Response changed = parent.api().put("/api/auth/profile", body("name", "Jordan Lee"));

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.at("/name")).isEqualTo("Jordan Lee");
		assertThat(parent.api().get("/api/auth/profile").at("/name")).isEqualTo("Jordan Lee");
	}

	@Test
	void roleIdOrActiveFlagAreRefusedNeverApplied() {
		Clinic.Person parent = this.clinic.aParent();

		for (Object[] field : new Object[][] { { "role", "admin" }, { "id", java.util.UUID.randomUUID().toString() },
				{ "active", false } }) {
			Api.Response response = parent.api().put("/api/auth/profile", body("name", "X", field[0], field[1]));
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.at("/errors/0/pointer")).isEqualTo("/" + field[0]);
		}
		Api.Response profile = parent.api().get("/api/auth/profile");
		assertThat(profile.at("/role")).isEqualTo("parent");
		assertThat(profile.at("/name")).isNotEqualTo("X");
		assertThat(parent.api().get("/api/users").status()).isEqualTo(403);
	}

	@Test
	void passwordChangeNeedsTheCurrentPassword() {
		Clinic.Person parent = this.clinic.aParent();

		Api.Response response = parent.api()
			.put("/api/auth/profile",
					body("currentPassword", "wrong-password-here", "newPassword", "granite-meadow-tulip-93"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.at("/errors/0/pointer")).isEqualTo("/currentPassword");
		this.clinic.signIn(parent.id(), parent.email(), Clinic.PASSWORD);
	}

	@Test
	void newPasswordMustBeLongAndUncommon() {
		Clinic.Person parent = this.clinic.aParent();

		for (String weak : new String[] { "short-pw", "password1234", "qwertyuiopasdf", "aaaaaaaaaaaaaaa",
				parent.email() }) {
			Api.Response response = parent.api()
				.put("/api/auth/profile", body("currentPassword", Clinic.PASSWORD, "newPassword", weak));
			assertThat(response.status()).as(weak).isEqualTo(400);
			assertThat(response.at("/errors/0/pointer")).isEqualTo("/newPassword");
		}
	}

	@Test
	void passwordChangeEndsOtherSignInsButKeepsThisOne() {
		Clinic.Person parent = this.clinic.aParent();
		Clinic.Person otherDevice = this.clinic.signIn(parent.id(), parent.email(), Clinic.PASSWORD);

		Api.Response changed = parent.api()
			.put("/api/auth/profile",
					body("currentPassword", Clinic.PASSWORD, "newPassword", "granite-meadow-tulip-93"));

		assertThat(changed.status()).isEqualTo(200);
		Api api = this.clinic.api();
		assertThat(api.post("/api/auth/refresh", body("refreshToken", otherDevice.refreshToken())).status())
			.isEqualTo(401);
		assertThat(api.post("/api/auth/refresh", body("refreshToken", parent.refreshToken())).status()).isEqualTo(200);
		assertThat(api.post("/api/auth/login", body("email", parent.email(), "password", Clinic.PASSWORD)).status())
			.isEqualTo(401);
		this.clinic.signIn(parent.id(), parent.email(), "granite-meadow-tulip-93");
	}

}
