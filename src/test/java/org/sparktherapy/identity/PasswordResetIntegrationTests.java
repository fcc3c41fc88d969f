package org.sparktherapy.identity;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.TestMailServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sparktherapy.support.Api.body;

@IntegrationTest
class PasswordResetIntegrationTests {

	static final String NEW_PASSWORD = "tundra-marble-psalm-harbor-81";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aForgottenPasswordMailCarriesASingleUseLinkThatSetsThePasswordAndEndsEverySignIn() {
		Clinic clinic = new Clinic(this.port);
		Clinic.Person parent = clinic.aParent();
		Api api = clinic.api();

		Api.Response asked = api.post("/api/auth/forgot-password", body("email", parent.email()));

		assertThat(asked.status()).isEqualTo(202);
		String token = tokenFrom(awaitMail(parent.email()));
		assertThat(this.jdbc.sql("""
				select extract(epoch from t.expires_at - t.created_at) from password_reset_tokens t
				join accounts a on a.id = t.account_id where a.email = :email
				""").param("email", parent.email()).query(Double.class).single()).as("the link expires within an hour")
			.isEqualTo(3600.0);
		assertThat(api.post("/api/auth/reset-password", body("token", token, "password", "password12345"))
			.at("/errors/0/pointer")).as("a weak password is refused and the link still works").isEqualTo("/password");
		assertThat(api.post("/api/auth/reset-password", body("token", token, "password", NEW_PASSWORD)).status())
			.isEqualTo(204);

		assertThat(api.post("/api/auth/refresh", body("refreshToken", parent.refreshToken())).status())
			.as("the sign-in from before the reset has ended")
			.isEqualTo(401);
		assertThat(api.post("/api/auth/login", body("email", parent.email(), "password", NEW_PASSWORD)).status())
			.isEqualTo(200);
		assertThat(api.post("/api/auth/login", body("email", parent.email(), "password", parent.password())).status())
			.isEqualTo(401);
		Api.Response again = api.post("/api/auth/reset-password", body("token", token, "password", NEW_PASSWORD + "x"));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.at("/type")).isEqualTo("https://sparktherapy.org/problems/invalid-reset-token");
	}

	@Test
	void anUnknownEmailGetsTheSameAnswerAndNoMail() {
		Clinic clinic = new Clinic(this.port);
		Clinic.Person parent = clinic.aParent();
		String stranger = Clinic.uniqueEmail("nobody");

		Api.Response unknown = clinic.api().post("/api/auth/forgot-password", body("email", stranger));
		Api.Response known = clinic.api().post("/api/auth/forgot-password", body("email", parent.email()));

		assertThat(unknown.status()).isEqualTo(202);
		assertThat(unknown.text()).isEqualTo(known.text());
		awaitMail(parent.email());
		await().during(Duration.ofMillis(700))
			.atMost(Duration.ofSeconds(10))
			.until(() -> TestMailServer.mailsTo(stranger).isEmpty());
	}

	@Test
	void anExpiredLinkIsRefused() {
		Clinic clinic = new Clinic(this.port);
		Clinic.Person parent = clinic.aParent();
		clinic.api().post("/api/auth/forgot-password", body("email", parent.email()));
		String token = tokenFrom(awaitMail(parent.email()));

		this.jdbc
			.sql("update password_reset_tokens set expires_at = now() - interval '1 minute' where account_id = :id")
			.param("id", java.util.UUID.fromString(parent.id()))
			.update();

		Api.Response reset = clinic.api()
			.post("/api/auth/reset-password", body("token", token, "password", NEW_PASSWORD));
		assertThat(reset.status()).isEqualTo(400);
		assertThat(reset.at("/type")).endsWith("/invalid-reset-token");
	}

	@Test
	void aNewRequestVoidsTheOlderLink() {
		Clinic clinic = new Clinic(this.port);
		Clinic.Person parent = clinic.aParent();
		clinic.api().post("/api/auth/forgot-password", body("email", parent.email()));
		String first = tokenFrom(awaitMail(parent.email()));
		clinic.api().post("/api/auth/forgot-password", body("email", parent.email()));
		await().atMost(Duration.ofSeconds(30)).until(() -> resetMails(parent.email()).size() == 2);
		String second = resetMails(parent.email()).stream()
			.map(PasswordResetIntegrationTests::tokenFrom)
			.filter(token -> !token.equals(first))
			.findFirst()
			.orElseThrow();

		assertThat(
				clinic.api().post("/api/auth/reset-password", body("token", first, "password", NEW_PASSWORD)).status())
			.isEqualTo(400);
		assertThat(
				clinic.api().post("/api/auth/reset-password", body("token", second, "password", NEW_PASSWORD)).status())
			.isEqualTo(204);
	}

	@Test
	void aMalformedEmailOrMissingTokenIsABadRequest() {
		Api api = new Clinic(this.port).api();
		assertThat(api.post("/api/auth/forgot-password", body("email", "not an email")).status()).isEqualTo(400);
		assertThat(api.post("/api/auth/reset-password", body("password", NEW_PASSWORD)).status()).isEqualTo(400);
		assertThat(api.post("/api/auth/reset-password", body("token", "made-up", "password", NEW_PASSWORD)).at("/type"))
			.endsWith("/invalid-reset-token");
	}

	static List<MimeMessage> resetMails(String address) {
		return TestMailServer.mailsTo(address)
			.stream()
			.filter(mail -> TestMailServer.subject(mail).contains("Reset your"))
			.toList();
	}

	static MimeMessage awaitMail(String address) {
		await().atMost(Duration.ofSeconds(30)).until(() -> !resetMails(address).isEmpty());
		return resetMails(address).get(0);
	}

	static String tokenFrom(MimeMessage mail) {
		String text = TestMailServer.text(mail);
		assertThat(text).contains("http://localhost:5000/reset-password#token=");
		return TestMailServer.find(text, "/reset-password#token=([A-Za-z0-9_-]+)");
	}

}
