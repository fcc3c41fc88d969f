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
class SignInIntegrationTests {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	javax.sql.DataSource dataSource;

	Clinic clinic;

	Api api;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.api = this.clinic.api();
	}

	@Test
	void loginAnswersTokenPairAndUser() {
		Clinic.Person parent = this.clinic.aParent();

		Api.Response login = this.api.post("/api/auth/login",
				body("email", parent.email().toUpperCase(), "password", Clinic.PASSWORD));

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.at("/tokenType")).isEqualTo("Bearer");
		assertThat(login.json().get("expiresIn").asInt()).isEqualTo(900);
		assertThat(login.at("/accessToken")).contains(".");
		assertThat(login.at("/refreshToken")).hasSizeGreaterThan(40);
		assertThat(login.at("/user/email")).isEqualTo(parent.email());
		assertThat(login.at("/user/role")).isEqualTo("parent");
		assertThat(login.json().get("user").has("passwordHash")).isFalse();
		assertThat(login.text()).doesNotContain("argon2");
		assertThat(login.header("Cache-Control")).isEqualTo("no-store");
	}

	/**
	 * Spring reads {@code iss} as a URL first; a bare word made every request's token
	 * decoding throw and catch an exception (issue 16), so the issuer is an absolute URL.
	 */
	@Test
	void accessTokenIssuerIsAnAbsoluteUrl() throws Exception {
		Clinic.Person parent = this.clinic.aParent();

		String token = this.api.post("/api/auth/login", body("email", parent.email(), "password", Clinic.PASSWORD))
			.at("/accessToken");
		String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
				java.nio.charset.StandardCharsets.UTF_8);
		String issuer = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(payload)
			.get("iss")
			.asString();

		assertThat(java.net.URI.create(issuer).toURL().getProtocol()).isEqualTo("https");
		assertThat(parent.api().get("/api/auth/profile").status()).isEqualTo(200);
	}

	@Test
	void wrongPasswordAndUnknownEmailAnswerAlike() {
		Clinic.Person parent = this.clinic.aParent();

		Api.Response wrongPassword = this.api.post("/api/auth/login",
				body("email", parent.email(), "password", "not-the-password-at-all"));
		Api.Response unknownEmail = this.api.post("/api/auth/login",
				body("email", Clinic.uniqueEmail("nobody"), "password", "not-the-password-at-all"));

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownEmail.status()).isEqualTo(401);
		assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
		for (String field : new String[] { "/type", "/title", "/detail", "/status" }) {
			assertThat(wrongPassword.at(field)).isEqualTo(unknownEmail.at(field));
		}
		assertThat(wrongPassword.at("/type")).isEqualTo("https://sparktherapy.org/problems/invalid-credentials");
	}

	@Test
	void accessTokenOpensProtectedEndpoints() {
		Clinic.Person therapist = this.clinic.aTherapist("RBT");

		Api.Response profile = therapist.api().get("/api/auth/profile");

		assertThat(profile.status()).isEqualTo(200);
		assertThat(profile.at("/id")).isEqualTo(therapist.id());
		assertThat(profile.at("/credential")).isEqualTo("RBT");
		assertThat(this.api.get("/api/auth/profile").status()).isEqualTo(401);
		assertThat(this.api.as("not.a.jwt").get("/api/auth/profile").status()).isEqualTo(401);
	}

	@Test
	void tamperedAccessTokenIsRefused() {
		Clinic.Person parent = this.clinic.aParent();
		String[] parts = parent.accessToken().split("\\.");
		String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"parent\"",
				"\"admin\"");
		String forged = parts[0] + "."
				+ java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];

		Api.Response response = this.api.as(forged).get("/api/users");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void refreshRotatesThePair() {
		Clinic.Person parent = this.clinic.aParent();

		Api.Response refreshed = this.api.post("/api/auth/refresh", body("refreshToken", parent.refreshToken()));

		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(refreshed.at("/refreshToken")).isNotEqualTo(parent.refreshToken());
		assertThat(refreshed.at("/user/id")).isEqualTo(parent.id());
		assertThat(this.api.as(refreshed.at("/accessToken")).get("/api/auth/profile").status()).isEqualTo(200);
	}

	@Test
	void reusedRefreshTokenRevokesTheWholeSignIn() {
		Clinic.Person parent = this.clinic.aParent();
		Api.Response first = this.api.post("/api/auth/refresh", body("refreshToken", parent.refreshToken()));
		String successor = first.at("/refreshToken");
		ageUsedTokens(parent, java.time.Duration.ofMinutes(1));

		Api.Response replay = this.api.post("/api/auth/refresh", body("refreshToken", parent.refreshToken()));

		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.at("/type")).isEqualTo("https://sparktherapy.org/problems/invalid-refresh-token");
		assertThat(this.api.post("/api/auth/refresh", body("refreshToken", successor)).status()).isEqualTo(401);
		assertThat(this.api.as(first.at("/accessToken")).get("/api/auth/profile").status())
			.as("access tokens of a revoked sign-in stop at once")
			.isEqualTo(401);
	}

	@Test
	void aTokenReusedWithinSecondsIsARaceNotATheft() {
		Clinic.Person parent = this.clinic.aParent();
		Api.Response firstTab = this.api.post("/api/auth/refresh", body("refreshToken", parent.refreshToken()));

		Api.Response secondTab = this.api.post("/api/auth/refresh", body("refreshToken", parent.refreshToken()));

		assertThat(secondTab.status()).isEqualTo(200);
		assertThat(secondTab.at("/refreshToken")).isEqualTo(firstTab.at("/refreshToken"));
		assertThat(this.api.post("/api/auth/refresh", body("refreshToken", secondTab.at("/refreshToken"))).status())
			.isEqualTo(200);
	}

	@Test
	void tenParallelRefreshesOfOneTokenGetOneSuccessorAndTheSignInNeverForks() throws Exception {
		Clinic.Person parent = this.clinic.aParent();
		var start = new java.util.concurrent.CountDownLatch(1);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
		List<Api.Response> answers = new java.util.ArrayList<>();
		try {
			var futures = java.util.stream.IntStream.range(0, 10).mapToObj(i -> pool.submit(() -> {
				start.await();
				return new Api(this.port).post("/api/auth/refresh", body("refreshToken", parent.refreshToken()));
			})).toList();
			start.countDown();
			for (var future : futures) {
				answers.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(answers).extracting(Api.Response::status).containsOnly(200);
		assertThat(answers.stream().map(answer -> answer.at("/refreshToken")).distinct())
			.as("every racing request answered with the same successor")
			.hasSize(1);
		assertThat(liveTokens(parent)).as("one live chain: a single unused token in the sign-in").isOne();
		String successor = answers.getFirst().at("/refreshToken");
		ageUsedTokens(parent, java.time.Duration.ofMinutes(1));

		Api.Response replay = this.api.post("/api/auth/refresh", body("refreshToken", parent.refreshToken()));

		assertThat(replay.status()).as("a replay after the grace window is reuse").isEqualTo(401);
		assertThat(this.api.post("/api/auth/refresh", body("refreshToken", successor)).status())
			.as("reuse detection ended the whole sign-in")
			.isEqualTo(401);
	}

	/** How many tokens of the person's sign-in are neither used nor revoked. */
	private long liveTokens(Clinic.Person person) {
		String payload = new String(java.util.Base64.getUrlDecoder().decode(person.accessToken().split("\\.")[1]));
		String sid = Api.JSON.readTree(payload).get("sid").asString();
		return org.springframework.jdbc.core.simple.JdbcClient.create(this.dataSource)
			.sql("select count(*) from refresh_tokens where family_id = :sid and used_at is null and revoked_at is null")
			.param("sid", java.util.UUID.fromString(sid))
			.query(Long.class)
			.single();
	}

	@Test
	void loggingOutEndsTheAccessTokenOfThatSignInOnly() {
		Clinic.Person parent = this.clinic.aParent();
		Clinic.Person otherDevice = this.clinic.signIn(parent.id(), parent.email(), Clinic.PASSWORD);

		this.api.post("/api/auth/logout", body("refreshToken", parent.refreshToken()));

		assertThat(parent.api().get("/api/auth/profile").status()).isEqualTo(401);
		assertThat(otherDevice.api().get("/api/auth/profile").status()).isEqualTo(200);
	}

	@Test
	void theRefreshCookieCountsOnlyWithTheWebAppsHeader() {
		Clinic.Person parent = this.clinic.aParent();
		String cookie = this.api
			.post("/api/auth/login", body("email", parent.email(), "password", Clinic.PASSWORD), "X-Spark-Client",
					"web")
			.header("Set-Cookie");
		String pair = cookie.substring(0, cookie.indexOf(';'));

		assertThat(this.api.post("/api/auth/refresh", "{}", "Cookie", pair).status()).isEqualTo(401);
		assertThat(this.api.post("/api/auth/refresh", "{}", "Cookie", pair, "X-Spark-Client", "web").status())
			.isEqualTo(200);
	}

	@Test
	void parallelGuessesCannotSlipPastTheLimit() throws Exception {
		Clinic.Person parent = this.clinic.aParent();
		Api attacker = new Api(this.port);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
		try {
			var answers = pool.invokeAll(java.util.stream.IntStream
				.range(0, 24).<java.util.concurrent.Callable<Integer>>mapToObj(i -> () -> attacker
					.post("/api/auth/login", body("email", parent.email(), "password", "guess-number-" + i))
					.status())
				.toList());
			List<Integer> statuses = new java.util.ArrayList<>();
			for (var answer : answers) {
				statuses.add(answer.get());
			}
			assertThat(statuses).containsOnly(401, 429);
			assertThat(statuses.stream().filter(s -> s == 401).count()).isLessThanOrEqualTo(5);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Pretends the sign-in's used refresh tokens were used some time ago. */
	private void ageUsedTokens(Clinic.Person person, java.time.Duration age) {
		String payload = new String(java.util.Base64.getUrlDecoder().decode(person.accessToken().split("\\.")[1]));
		String sid = Api.JSON.readTree(payload).get("sid").asString();
		org.springframework.jdbc.core.simple.JdbcClient.create(this.dataSource)
			.sql("update refresh_tokens set used_at = used_at - make_interval(secs => :secs) where family_id = :sid and used_at is not null")
			.param("secs", age.toSeconds())
			.param("sid", java.util.UUID.fromString(sid))
			.update();
	}

	@Test
	void otherSignInsSurviveReuseDetection() {
		Clinic.Person parent = this.clinic.aParent();
		Clinic.Person otherDevice = this.clinic.signIn(parent.id(), parent.email(), Clinic.PASSWORD);
		this.api.post("/api/auth/refresh", body("refreshToken", parent.refreshToken()));
		ageUsedTokens(parent, java.time.Duration.ofMinutes(1));
		this.api.post("/api/auth/refresh", body("refreshToken", parent.refreshToken()));

		assertThat(this.api.post("/api/auth/refresh", body("refreshToken", otherDevice.refreshToken())).status())
			.isEqualTo(200);
	}

	@Test
	void logoutEndsTheRefreshToken() {
		Clinic.Person parent = this.clinic.aParent();
		assertThat(parent.api().get("/api/auth/profile").status()).as("the access token, verified and kept")
			.isEqualTo(200);

		Api.Response logout = this.api.post("/api/auth/logout", body("refreshToken", parent.refreshToken()));

		assertThat(logout.status()).isEqualTo(204);
		assertThat(this.api.post("/api/auth/refresh", body("refreshToken", parent.refreshToken())).status())
			.isEqualTo(401);
		assertThat(parent.api().get("/api/auth/profile").status()).as("the sign-in's access token ends with it")
			.isEqualTo(401);
	}

	@Test
	void unknownOrMissingRefreshTokenIsRefused() {
		assertThat(this.api.post("/api/auth/refresh", body("refreshToken", "made-up")).status()).isEqualTo(401);
		assertThat(this.api.post("/api/auth/refresh", "{}").status()).isEqualTo(401);
	}

	@Test
	void webClientKeepsTheRefreshTokenInAnHttpOnlyCookie() {
		Clinic.Person parent = this.clinic.aParent();

		Api.Response login = this.api.post("/api/auth/login",
				body("email", parent.email(), "password", Clinic.PASSWORD), "X-Spark-Client", "web");

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("refreshToken").isNull()).isTrue();
		String cookie = login.header("Set-Cookie");
		assertThat(cookie).startsWith("__Host-spark_refresh=")
			.contains("HttpOnly")
			.contains("SameSite=Strict")
			.contains("Secure")
			.contains("Path=/;")
			.doesNotContain("Domain");
		String cookiePair = cookie.substring(0, cookie.indexOf(';'));

		Api.Response refreshed = this.api.post("/api/auth/refresh", "{}", "X-Spark-Client", "web", "Cookie",
				cookiePair);

		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(refreshed.json().get("refreshToken").isNull()).isTrue();
		String rotated = refreshed.header("Set-Cookie");
		assertThat(rotated).startsWith("__Host-spark_refresh=").isNotEqualTo(cookie);

		Api.Response logout = this.api.post("/api/auth/logout", "{}", "X-Spark-Client", "web", "Cookie",
				rotated.substring(0, rotated.indexOf(';')));
		assertThat(logout.status()).isEqualTo(204);
		assertThat(logout.header("Set-Cookie")).startsWith("__Host-spark_refresh=;").contains("Max-Age=0");
		assertThat(logout.header("Clear-Site-Data")).isEqualTo("\"cookies\", \"storage\"");
	}

}
