package org.sparktherapy.identity;

import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * Sign-in lifetimes by role, enforced when a refresh token is presented: staff idle 30
 * minutes and 12 hours at most, parents idle 7 days and 30 days at most (the defaults).
 * Time passes by moving the sign-in's stored times into the past.
 */
@IntegrationTest
class SignInLifetimeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	Clinic clinic;

	Api api;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.api = this.clinic.api();
	}

	@Test
	void theTokenAnswerNamesTheIdleTimeoutOfTheUsersRole() {
		Clinic.Person therapist = this.clinic.aTherapist("RBT");
		Clinic.Person parent = this.clinic.aParent();

		Api.Response staff = this.api.post("/api/auth/login",
				body("email", therapist.email(), "password", therapist.password()));
		Api.Response family = this.api.post("/api/auth/refresh", body("refreshToken", parent.refreshToken()));

		assertThat(staff.at("/idleTimeout")).isEqualTo(String.valueOf(Duration.ofMinutes(30).toSeconds()));
		assertThat(family.at("/idleTimeout")).isEqualTo(String.valueOf(Duration.ofDays(7).toSeconds()));
	}

	@Test
	void aSignOutAfterInactivityEndsTheSignInButKeepsTheSiteStorage() {
		Clinic.Person therapist = this.clinic.aTherapist("RBT");

		Api.Response logout = this.api.post("/api/auth/logout",
				body("refreshToken", therapist.refreshToken(), "afterInactivity", true));

		assertThat(logout.status()).isEqualTo(204);
		assertThat(logout.header("Clear-Site-Data")).as("the offline session queue stays on the device")
			.isEqualTo("\"cookies\"");
		assertThat(therapist.api().get("/api/auth/profile").status()).isEqualTo(401);
		assertThat(this.api.post("/api/auth/refresh", body("refreshToken", therapist.refreshToken())).status())
			.isEqualTo(401);
	}

	@Test
	void staffSignInIdleForThirtyMinutesIsEndedAtTheNextRefresh() {
		Clinic.Person therapist = this.clinic.aTherapist("RBT");
		age(therapist, Duration.ofMinutes(30).plusSeconds(5), true);

		Api.Response refresh = this.api.post("/api/auth/refresh", body("refreshToken", therapist.refreshToken()));

		assertThat(refresh.status()).isEqualTo(401);
		assertThat(refresh.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refresh.at("/type")).isEqualTo("https://sparktherapy.org/problems/sign-in-expired");
		assertThat(therapist.api().get("/api/auth/profile").status())
			.as("the sign-in is ended: its access token stops too")
			.isEqualTo(401);
		assertThat(this.api.post("/api/auth/refresh", body("refreshToken", therapist.refreshToken())).at("/type"))
			.isEqualTo("https://sparktherapy.org/problems/invalid-refresh-token");
	}

	@Test
	void staffSignInRefreshedWithinTheIdleTimeoutGoesOnUntilTwelveHours() {
		Clinic.Person admin = this.clinic.anAdmin();
		age(admin, Duration.ofMinutes(29), true);
		Api.Response first = this.api.post("/api/auth/refresh", body("refreshToken", admin.refreshToken()));
		assertThat(first.status()).isEqualTo(200);
		age(admin, Duration.ofMinutes(29), true);
		Api.Response second = this.api.post("/api/auth/refresh", body("refreshToken", first.at("/refreshToken")));
		assertThat(second.status()).as("idle counts from the last refresh, not the sign-in").isEqualTo(200);

		// the sign-in started 12 hours ago; its last refresh was just now
		age(admin, Duration.ofHours(12).minusMinutes(58), false);
		Api.Response third = this.api.post("/api/auth/refresh", body("refreshToken", second.at("/refreshToken")));

		assertThat(third.status()).isEqualTo(401);
		assertThat(third.at("/type")).isEqualTo("https://sparktherapy.org/problems/sign-in-expired");
	}

	@Test
	void parentsStaySignedInLongerButNotPastSevenIdleDays() {
		Clinic.Person parent = this.clinic.aParent();
		age(parent, Duration.ofDays(6), true);
		Api.Response refreshed = this.api.post("/api/auth/refresh", body("refreshToken", parent.refreshToken()));
		assertThat(refreshed.status()).as("a parent idle six days is still signed in").isEqualTo(200);

		age(parent, Duration.ofDays(7).plusMinutes(1), true);
		Api.Response expired = this.api.post("/api/auth/refresh", body("refreshToken", refreshed.at("/refreshToken")));

		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.at("/type")).isEqualTo("https://sparktherapy.org/problems/sign-in-expired");
	}

	@Test
	void parentSignInEndsThirtyDaysAfterItStarted() {
		Clinic.Person parent = this.clinic.aParent();
		Api.Response refreshed = this.api.post("/api/auth/refresh", body("refreshToken", parent.refreshToken()));
		age(parent, Duration.ofDays(29), false);
		Api.Response stillIn = this.api.post("/api/auth/refresh", body("refreshToken", refreshed.at("/refreshToken")));
		assertThat(stillIn.status()).isEqualTo(200);
		// started 30 days ago, refreshed a moment ago
		age(parent, Duration.ofDays(1), false);

		Api.Response expired = this.api.post("/api/auth/refresh", body("refreshToken", stillIn.at("/refreshToken")));

		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.at("/type")).isEqualTo("https://sparktherapy.org/problems/sign-in-expired");
	}

	/**
	 * Moves the sign-in into the past by {@code by}: all of its tokens, or only its first
	 * one (so it started long ago but was refreshed lately).
	 */
	private void age(Clinic.Person person, Duration by, boolean allTokens) {
		UUID sid = signInId(person);
		JdbcClient.create(this.dataSource).sql("""
				update refresh_tokens
				set created_at = created_at - make_interval(secs => :secs),
				    used_at = used_at - make_interval(secs => :secs),
				    expires_at = expires_at - make_interval(secs => :secs)
				where family_id = :sid and (:all or created_at = (select min(created_at) from refresh_tokens
				                                                  where family_id = :sid))
				""").param("secs", by.toSeconds()).param("sid", sid).param("all", allTokens).update();
	}

	private static UUID signInId(Clinic.Person person) {
		String payload = new String(Base64.getUrlDecoder().decode(person.accessToken().split("\\.")[1]));
		return UUID.fromString(Api.JSON.readTree(payload).get("sid").asString());
	}

}
