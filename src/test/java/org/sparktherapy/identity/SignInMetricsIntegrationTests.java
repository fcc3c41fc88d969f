package org.sparktherapy.identity;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.Metrics;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * Sign-ins by outcome and lockouts in {@code /metrics} (ADR 0045), after real sign-ins.
 */
@IntegrationTest
class SignInMetricsIntegrationTests {

	private static final String SIGN_INS = "spark_identity_signins_total";

	private static final String LOCKOUTS = "spark_identity_lockouts_total";

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void signInsAreCountedByOutcome() {
		Clinic clinic = new Clinic(this.port);
		Clinic.Person parent = clinic.aParent();
		Api api = clinic.api();
		Metrics before = Metrics.scrape(this.managementPort);

		assertThat(login(api, parent.email(), Clinic.PASSWORD).status()).isEqualTo(200);
		assertThat(login(api, parent.email(), "not-the-password-at-all").status()).isEqualTo(401);
		assertThat(login(api, Clinic.uniqueEmail("nobody"), Clinic.PASSWORD).status()).isEqualTo(401);

		Metrics after = Metrics.scrape(this.managementPort);
		assertThat(delta(before, after, SIGN_INS, "outcome=success")).isEqualTo(1);
		assertThat(delta(before, after, SIGN_INS, "outcome=bad_credentials")).isEqualTo(2);
		assertThat(delta(before, after, SIGN_INS, "outcome=locked_out")).isZero();
	}

	@Test
	void passingTheLimitStartsOneLockoutAndLaterAttemptsAreLockedOut() {
		Clinic clinic = new Clinic(this.port);
		Clinic.Person parent = clinic.aParent();
		Api api = clinic.api();
		Metrics before = Metrics.scrape(this.managementPort);

		// five failures are allowed (spark.identity.throttle.account-failures), the
		// sixth attempt locks the e-mail
		for (int i = 0; i < 5; i++) {
			assertThat(login(api, parent.email(), "wrong-password-" + i).status()).isEqualTo(401);
		}
		assertThat(login(api, parent.email(), "wrong-password-5").status()).isEqualTo(429);
		Metrics locked = Metrics.scrape(this.managementPort);
		// the lock lasts: even the right password is refused, and no new lock starts
		assertThat(login(api, parent.email(), Clinic.PASSWORD).status()).isEqualTo(429);
		Metrics after = Metrics.scrape(this.managementPort);

		assertThat(delta(before, locked, LOCKOUTS, "factor=password")).isEqualTo(1);
		assertThat(delta(before, after, LOCKOUTS, "factor=password")).isEqualTo(1);
		assertThat(delta(before, after, SIGN_INS, "outcome=bad_credentials")).isEqualTo(5);
		assertThat(delta(before, after, SIGN_INS, "outcome=locked_out")).isEqualTo(2);
		assertThat(delta(before, after, SIGN_INS, "outcome=success")).isZero();
	}

	@Test
	void secondFactorStepsAreCounted() {
		Clinic clinic = new Clinic(this.port);
		Clinic.Person parent = clinic.aParent();
		String secret = parent.api().post("/api/auth/second-factor/enrollment", "{}").at("/secret");
		SecondFactorIntegrationTests.Authenticator app = new SecondFactorIntegrationTests.Authenticator(secret);
		Api.Response confirmed = parent.api()
			.post("/api/auth/second-factor/enrollment/confirm", body("code", app.nextCode()));
		assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
		Api api = clinic.api();
		Metrics before = Metrics.scrape(this.managementPort);

		Api.Response challenged = login(api, parent.email(), Clinic.PASSWORD);
		assertThat(challenged.status()).as(challenged.text()).isEqualTo(200);
		String challenge = challenged.at("/challengeToken");
		String wrong = wrongCode(app);
		Api.Response refused = api.post("/api/auth/login/second-factor",
				body("challengeToken", challenge, "code", wrong));
		Api.Response signedIn = api.post("/api/auth/login/second-factor",
				body("challengeToken", challenge, "code", app.nextCode()));

		assertThat(refused.status()).isEqualTo(401);
		assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
		Metrics after = Metrics.scrape(this.managementPort);
		assertThat(delta(before, after, SIGN_INS, "outcome=second_factor_required")).isEqualTo(1);
		assertThat(delta(before, after, SIGN_INS, "outcome=second_factor_failed")).isEqualTo(1);
		assertThat(delta(before, after, SIGN_INS, "outcome=success")).isEqualTo(1);
	}

	private static Api.Response login(Api api, String email, String password) {
		return api.post("/api/auth/login", body("email", email, "password", password));
	}

	private static String wrongCode(SecondFactorIntegrationTests.Authenticator app) {
		List<String> near = app.codesAroundNow();
		for (int n = 0;; n++) {
			String candidate = String.format("%06d", (n * 7919) % 1_000_000);
			if (!near.contains(candidate)) {
				return candidate;
			}
		}
	}

	private static double delta(Metrics before, Metrics after, String name, String... labels) {
		return after.value(name, labels) - before.value(name, labels);
	}

}
