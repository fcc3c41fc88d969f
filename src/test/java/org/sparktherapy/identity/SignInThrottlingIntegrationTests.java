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
class SignInThrottlingIntegrationTests {

	@LocalServerPort
	int port;

	Clinic clinic;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
	}

	@Test
	void repeatedFailuresLockTheAccountWithRetryAfter() {
		Clinic.Person parent = this.clinic.aParent();
		Api attacker = new Api(this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(
					attacker.post("/api/auth/login", body("email", parent.email(), "password", "guess-" + i)).status())
				.isEqualTo(401);
		}

		Api.Response locked = attacker.post("/api/auth/login",
				body("email", parent.email(), "password", Clinic.PASSWORD));

		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.contentType()).startsWith("application/problem+json");
		assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15 * 60L);
		assertThat(
				new Api(this.port).post("/api/auth/login", body("email", parent.email(), "password", Clinic.PASSWORD))
					.status())
			.as("the account is locked from every address")
			.isEqualTo(429);
	}

	@Test
	void anotherAccountsFailuresNeverSlowASuccessfulSignIn() {
		Clinic.Person target = this.clinic.aParent();
		Clinic.Person bystander = this.clinic.aParent();
		Api attacker = new Api(this.port);
		for (int i = 0; i < 6; i++) {
			attacker.post("/api/auth/login", body("email", target.email(), "password", "guess-" + i));
		}

		Api.Response login = new Api(this.port).post("/api/auth/login",
				body("email", bystander.email(), "password", Clinic.PASSWORD));

		assertThat(login.status()).isEqualTo(200);
	}

	@Test
	void manyFailuresFromOneAddressLockThatAddress() {
		Clinic.Person parent = this.clinic.aParent();
		Api sprayer = new Api(this.port);
		for (int i = 0; i < 30; i++) {
			sprayer.post("/api/auth/login", body("email", Clinic.uniqueEmail("spray"), "password", "guess-" + i));
		}

		Api.Response fromSprayer = sprayer.post("/api/auth/login",
				body("email", parent.email(), "password", Clinic.PASSWORD));
		Api.Response fromElsewhere = new Api(this.port).post("/api/auth/login",
				body("email", parent.email(), "password", Clinic.PASSWORD));

		assertThat(fromSprayer.status()).isEqualTo(429);
		assertThat(fromElsewhere.status()).isEqualTo(200);
	}

	@Test
	void aSuccessfulSignInClearsTheAccountsFailures() {
		Clinic.Person parent = this.clinic.aParent();
		Api api = new Api(this.port);
		for (int i = 0; i < 4; i++) {
			api.post("/api/auth/login", body("email", parent.email(), "password", "guess-" + i));
		}
		assertThat(api.post("/api/auth/login", body("email", parent.email(), "password", Clinic.PASSWORD)).status())
			.isEqualTo(200);
		for (int i = 0; i < 4; i++) {
			api.post("/api/auth/login", body("email", parent.email(), "password", "again-" + i));
		}

		assertThat(api.post("/api/auth/login", body("email", parent.email(), "password", Clinic.PASSWORD)).status())
			.isEqualTo(200);
	}

}
