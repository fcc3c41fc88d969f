package org.sparktherapy.identity;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * Two-step sign-in (issue 14, ADR 0038), through the API as a client sees it. Codes are
 * computed here with RFC 6238 (HMAC-SHA1, 6 digits, 30 s) from the secret the enrollment
 * shows. The clinic's requirement is switched on through the API and back off after each
 * test, as the test profile starts with none.
 */
@IntegrationTest
class SecondFactorIntegrationTests {

	private static final String PROBLEMS = "https://sparktherapy.org/problems/";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Clinic clinic;

	Api api;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.api = this.clinic.api();
	}

	@AfterEach
	void noRequirementLeftOn() {
		Api.Response reset = this.clinic.rootAdmin()
			.api()
			.put("/api/security-settings", body("secondFactorRequiredFor", List.of()));
		assertThat(reset.status()).as(reset.text()).isEqualTo(200);
	}

	@Test
	void enrollingShowsASecretAndQrCodeThenAFirstCodeTurnsItOnWithTenRecoveryCodes() {
		Clinic.Person parent = this.clinic.aParent();
		assertThat(parent.api().get("/api/auth/second-factor").json().get("enabled").asBoolean()).isFalse();

		Api.Response started = parent.api().post("/api/auth/second-factor/enrollment", "{}");

		assertThat(started.status()).as(started.text()).isEqualTo(200);
		assertThat(started.header("Cache-Control")).contains("no-store");
		String secret = started.at("/secret");
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(started.at("/otpauthUri")).startsWith("otpauth://totp/SPARKTherapy:")
			.contains("secret=" + secret)
			.contains("issuer=SPARKTherapy");
		JsonNode qr = started.json().get("qr");
		int size = qr.get("size").asInt();
		assertThat(size).isGreaterThanOrEqualTo(21);
		assertThat(qr.get("rows")).hasSize(size);
		qr.get("rows").forEach(row -> assertThat(row.asString()).matches("[01]{" + size + "}"));
		assertThat(parent.api().get("/api/auth/second-factor").json().get("enabled").asBoolean())
			.as("not on before a first code")
			.isFalse();

		Api.Response wrong = parent.api().post("/api/auth/second-factor/enrollment/confirm", body("code", "000000"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.at("/type")).isEqualTo(PROBLEMS + "invalid-second-factor-code");

		Authenticator app = new Authenticator(secret);
		Api.Response confirmed = parent.api()
			.post("/api/auth/second-factor/enrollment/confirm", body("code", app.nextCode()));
		assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
		List<String> codes = strings(confirmed.json().get("recoveryCodes"));
		assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[2-9A-Z]{5}-[2-9A-Z]{5}"));
		JsonNode status = parent.api().get("/api/auth/second-factor").json();
		assertThat(status.get("enabled").asBoolean()).isTrue();
		assertThat(status.get("recoveryCodesLeft").asInt()).isEqualTo(10);
		assertThat(parent.api().post("/api/auth/second-factor/enrollment", "{}").at("/type"))
			.isEqualTo(PROBLEMS + "second-factor-enabled");
		assertThat(auditDetails("second_factor_enabled", parent.id())).containsExactly("totp");
	}

	@Test
	void aPasswordAloneGivesNoTokensOnlyASingleUseChallengeThatACodeCompletesLikeASignIn() {
		Enrolled parent = enrolledParent();

		Api.Response login = this.api.post("/api/auth/login",
				body("email", parent.person().email(), "password", Clinic.PASSWORD), "X-Spark-Client", "web");

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().has("accessToken")).isFalse();
		assertThat(login.header("Set-Cookie")).isNull();
		assertThat(login.json().get("secondFactorRequired").asBoolean()).isTrue();
		assertThat(strings(login.json().get("methods"))).containsExactly("totp", "recovery_code");
		String challenge = login.at("/challengeToken");

		Api.Response signedIn = this.api.post("/api/auth/login/second-factor",
				body("challengeToken", challenge, "code", parent.app().nextCode()), "X-Spark-Client", "web");

		assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
		assertThat(signedIn.at("/user/id")).isEqualTo(parent.person().id());
		assertThat(signedIn.at("/refreshToken")).as("the web app's refresh token is only in the cookie").isNull();
		assertThat(signedIn.header("Set-Cookie")).startsWith("__Host-spark_refresh=").contains("HttpOnly");
		assertThat(new Api(this.port).as(signedIn.at("/accessToken")).get("/api/auth/profile").status()).isEqualTo(200);
		Api.Response again = this.api.post("/api/auth/login/second-factor",
				body("challengeToken", challenge, "code", parent.app().nextCode()));
		assertThat(again.status()).isEqualTo(401);
		assertThat(again.at("/type")).isEqualTo(PROBLEMS + "invalid-second-factor-challenge");
	}

	@Test
	void aCodeIsAcceptedOnlyOnce() {
		Enrolled parent = enrolledParent();
		String code = parent.app().nextCode();
		assertThat(secondStep(parent, "code", code).status()).isEqualTo(200);

		Api.Response replayed = secondStep(parent, "code", code);

		assertThat(replayed.status()).isEqualTo(401);
		assertThat(replayed.at("/type")).isEqualTo(PROBLEMS + "invalid-second-factor-code");
		assertThat(auditDetails("second_factor_failed", parent.person().id())).contains("code already used");
	}

	@Test
	void aRecoveryCodeSignsInOnce() {
		Enrolled parent = enrolledParent();
		String code = parent.recoveryCodes().get(3);

		assertThat(secondStep(parent, "recoveryCode", code.toLowerCase(java.util.Locale.ROOT)).status())
			.as("typed in lower case")
			.isEqualTo(200);
		Api.Response reused = secondStep(parent, "recoveryCode", code);

		assertThat(reused.status()).isEqualTo(401);
		assertThat(reused.at("/type")).isEqualTo(PROBLEMS + "invalid-second-factor-code");
		assertThat(parent.person().api().get("/api/auth/second-factor").json().get("recoveryCodesLeft").asInt())
			.isEqualTo(9);
		assertThat(auditDetails("recovery_code_used", parent.person().id())).containsExactly("9 recovery code(s) left");
	}

	@Test
	void wrongCodesUseAChallengeUpThenLockTheAccountWithRetryAfter() {
		Enrolled parent = enrolledParent();
		String challenge = challenge(parent.person());
		for (int i = 0; i < 3; i++) {
			assertThat(this.api
				.post("/api/auth/login/second-factor", body("challengeToken", challenge, "code", wrongCode(parent)))
				.status()).isEqualTo(401);
		}
		Api.Response usedUp = this.api.post("/api/auth/login/second-factor",
				body("challengeToken", challenge, "code", parent.app().nextCode()));
		assertThat(usedUp.at("/type")).as("three wrong codes use the challenge up")
			.isEqualTo(PROBLEMS + "invalid-second-factor-challenge");

		String another = challenge(parent.person());
		for (int i = 0; i < 2; i++) {
			assertThat(this.api
				.post("/api/auth/login/second-factor", body("challengeToken", another, "code", wrongCode(parent)))
				.status()).isEqualTo(401);
		}
		Api.Response locked = this.api.post("/api/auth/login/second-factor",
				body("challengeToken", challenge(parent.person()), "code", parent.app().nextCode()));

		assertThat(locked.status()).as("five wrong codes for the account, on any challenge").isEqualTo(429);
		assertThat(locked.at("/type")).isEqualTo(PROBLEMS + "too-many-second-factor-attempts");
		assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15 * 60L);
		assertThat(auditDetails("second_factor_failed", parent.person().id())).hasSize(5);
	}

	@Test
	void theSecretAndRecoveryCodesAreNotInTheDatabaseInClear() {
		Enrolled parent = enrolledParent();
		java.util.UUID id = java.util.UUID.fromString(parent.person().id());

		byte[] stored = this.jdbc.sql("select secret from second_factors where account_id = :id")
			.param("id", id)
			.query(byte[].class)
			.single();
		List<byte[]> hashes = this.jdbc.sql("select code_hash from recovery_codes where account_id = :id")
			.param("id", id)
			.query(byte[].class)
			.list();

		String storedHex = HexFormat.of().formatHex(stored);
		assertThat(storedHex).doesNotContain(HexFormat.of().formatHex(Authenticator.base32Decode(parent.secret())));
		assertThat(hashes).hasSize(10);
		for (String code : parent.recoveryCodes()) {
			String plain = code.replace("-", "");
			assertThat(hashes).noneMatch(hash -> HexFormat.of().formatHex(hash).equals(sha256(plain)))
				.noneMatch(hash -> new String(hash, java.nio.charset.StandardCharsets.ISO_8859_1).contains(plain));
		}
	}

	@Test
	void newRecoveryCodesNeedACurrentCodeAndReplaceTheOldOnes() {
		Enrolled parent = enrolledParent();
		Api me = parent.person().api();
		assertThat(me.post("/api/auth/second-factor/recovery-codes", body("code", wrongCode(parent))).status())
			.isEqualTo(401);

		Api.Response fresh = me.post("/api/auth/second-factor/recovery-codes", body("code", parent.app().nextCode()));

		assertThat(fresh.status()).as(fresh.text()).isEqualTo(200);
		List<String> codes = strings(fresh.json().get("recoveryCodes"));
		assertThat(codes).hasSize(10).doesNotContainAnyElementsOf(parent.recoveryCodes());
		assertThat(secondStep(parent, "recoveryCode", parent.recoveryCodes().get(0)).status())
			.as("an old code no longer works")
			.isEqualTo(401);
		assertThat(secondStep(parent, "recoveryCode", codes.get(0)).status()).isEqualTo(200);
		assertThat(auditDetails("recovery_codes_regenerated", parent.person().id()))
			.containsExactly("10 new recovery codes; the old ones stopped working");
	}

	@Test
	void turningItOffNeedsThePasswordAndACode() {
		Enrolled parent = enrolledParent();
		Api me = parent.person().api();
		Api.Response wrongPassword = me.post("/api/auth/second-factor/disable",
				body("password", "not-my-password", "code", "123456"));
		assertThat(wrongPassword.status()).isEqualTo(400);
		assertThat(wrongPassword.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/password");
		assertThat(me.post("/api/auth/second-factor/disable", body("password", Clinic.PASSWORD, "code", "000000"))
			.status()).isEqualTo(401);

		Api.Response off = me.post("/api/auth/second-factor/disable",
				body("password", Clinic.PASSWORD, "code", parent.app().nextCode()));

		assertThat(off.status()).as(off.text()).isEqualTo(204);
		assertThat(this.api.post("/api/auth/login", body("email", parent.person().email(), "password", Clinic.PASSWORD))
			.at("/accessToken")).as("one step again").isNotNull();
		assertThat(auditDetails("second_factor_disabled", parent.person().id())).containsExactly("totp");
	}

	@Test
	void aRequiredGroupMustEnrollAtSignInBeforeAnyTokenAndCannotTurnItOff() {
		Clinic.Person admin = this.clinic.rootAdmin();
		Clinic.Person parent = this.clinic.aParent();
		Clinic.Person rbt = this.clinic.aTherapist("RBT");
		assertThat(
				parent.api().put("/api/security-settings", body("secondFactorRequiredFor", List.of("parent"))).status())
			.isEqualTo(403);
		Api.Response saved = admin.api()
			.put("/api/security-settings", body("secondFactorRequiredFor", List.of("parent", "bcba")));
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
		assertThat(strings(admin.api().get("/api/security-settings").json().get("secondFactorRequiredFor")))
			.containsExactly("bcba", "parent");
		assertThat(auditDetails("security_setting_changed", null))
			.contains("second factor required for: none → bcba,parent");
		assertThat(this.api.post("/api/auth/login", body("email", rbt.email(), "password", Clinic.PASSWORD))
			.at("/accessToken")).as("RBTs are not required").isNotNull();

		Api.Response login = this.api.post("/api/auth/login",
				body("email", parent.email(), "password", Clinic.PASSWORD));

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().has("accessToken")).isFalse();
		assertThat(login.json().get("enrollmentRequired").asBoolean()).isTrue();
		String challenge = login.at("/challengeToken");
		assertThat(this.api.post("/api/auth/login/second-factor", body("challengeToken", challenge, "code", "123456"))
			.at("/type")).as("an enrollment challenge is not a sign-in")
			.isEqualTo(PROBLEMS + "invalid-second-factor-challenge");
		Api.Response started = this.api.post("/api/auth/login/enrollment", body("challengeToken", challenge));
		assertThat(started.status()).as(started.text()).isEqualTo(200);
		Authenticator app = new Authenticator(started.at("/secret"));
		Api.Response enrolled = this.api.post("/api/auth/login/enrollment/confirm",
				body("challengeToken", challenge, "code", app.nextCode()), "X-Spark-Client", "web");
		assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(200);
		assertThat(enrolled.header("Set-Cookie")).startsWith("__Host-spark_refresh=");
		assertThat(strings(enrolled.json().get("recoveryCodes"))).hasSize(10);
		Api me = new Api(this.port).as(enrolled.at("/accessToken"));
		assertThat(me.get("/api/auth/second-factor").json().get("required").asBoolean()).isTrue();

		Api.Response off = me.post("/api/auth/second-factor/disable",
				body("password", Clinic.PASSWORD, "code", app.nextCode()));
		assertThat(off.status()).isEqualTo(409);
		assertThat(off.at("/type")).isEqualTo(PROBLEMS + "second-factor-required");
		assertThat(this.api.post("/api/auth/login", body("email", parent.email(), "password", Clinic.PASSWORD))
			.json()
			.get("secondFactorRequired")
			.asBoolean()).isTrue();
	}

	@Test
	void aPasswordResetLeavesTheSecondFactorInPlace() {
		Enrolled parent = enrolledParent();
		this.api.post("/api/auth/forgot-password", body("email", parent.person().email()));
		String token = PasswordResetIntegrationTests
			.tokenFrom(PasswordResetIntegrationTests.awaitMail(parent.person().email()));
		assertThat(this.api
			.post("/api/auth/reset-password",
					body("token", token, "password", PasswordResetIntegrationTests.NEW_PASSWORD))
			.status()).isEqualTo(204);

		Api.Response login = this.api.post("/api/auth/login",
				body("email", parent.person().email(), "password", PasswordResetIntegrationTests.NEW_PASSWORD));

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().has("accessToken")).isFalse();
		assertThat(login.json().get("secondFactorRequired").asBoolean()).isTrue();
		assertThat(parent.person().api().get("/api/auth/second-factor").status()).as("the reset ended the old sign-in")
			.isEqualTo(401);
	}

	@Test
	void anAdminResetsAUsersSecondFactorAndEndsTheirSignIns() {
		Clinic.Person admin = this.clinic.rootAdmin();
		Enrolled parent = enrolledParent();
		String signedIn = secondStep(parent, "code", parent.app().nextCode()).at("/refreshToken");
		assertThat(admin.api()
			.get("/api/users/" + parent.person().id() + "/second-factor")
			.json()
			.get("enabled")
			.asBoolean()).isTrue();
		assertThat(parent.person().api().delete("/api/users/" + parent.person().id() + "/second-factor").status())
			.isEqualTo(403);

		Api.Response reset = admin.api().delete("/api/users/" + parent.person().id() + "/second-factor");

		assertThat(reset.status()).as(reset.text()).isEqualTo(204);
		assertThat(this.api.post("/api/auth/refresh", body("refreshToken", signedIn)).status()).isEqualTo(401);
		assertThat(parent.person().api().get("/api/auth/profile").status()).isEqualTo(401);
		assertThat(admin.api()
			.get("/api/users/" + parent.person().id() + "/second-factor")
			.json()
			.get("enabled")
			.asBoolean()).isFalse();
		assertThat(this.api.post("/api/auth/login", body("email", parent.person().email(), "password", Clinic.PASSWORD))
			.at("/accessToken")).isNotNull();
		assertThat(auditDetails("second_factor_reset_by_admin", parent.person().id()))
			.containsExactly("second factor removed");
		assertThat(admin.api().delete("/api/users/" + java.util.UUID.randomUUID() + "/second-factor").status())
			.isEqualTo(404);
	}

	// --- helpers

	record Enrolled(Clinic.Person person, String secret, Authenticator app, List<String> recoveryCodes) {
	}

	private Enrolled enrolledParent() {
		Clinic.Person parent = this.clinic.aParent();
		String secret = parent.api().post("/api/auth/second-factor/enrollment", "{}").at("/secret");
		Authenticator app = new Authenticator(secret);
		Api.Response confirmed = parent.api()
			.post("/api/auth/second-factor/enrollment/confirm", body("code", app.nextCode()));
		assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
		return new Enrolled(parent, secret, app, strings(confirmed.json().get("recoveryCodes")));
	}

	private String challenge(Clinic.Person person) {
		Api.Response login = this.api.post("/api/auth/login",
				body("email", person.email(), "password", Clinic.PASSWORD));
		assertThat(login.status()).as(login.text()).isEqualTo(200);
		return login.at("/challengeToken");
	}

	private Api.Response secondStep(Enrolled enrolled, String field, String value) {
		return this.api.post("/api/auth/login/second-factor",
				body("challengeToken", challenge(enrolled.person()), field, value));
	}

	/** A six-digit code that is none of the codes around now. */
	private static String wrongCode(Enrolled enrolled) {
		List<String> near = enrolled.app().codesAroundNow();
		for (int n = 0;; n++) {
			String candidate = String.format("%06d", (n * 7919) % 1_000_000);
			if (!near.contains(candidate)) {
				return candidate;
			}
		}
	}

	private List<String> auditDetails(String action, String subject) {
		Api.Response page = this.clinic.rootAdmin().api().get("/api/audit?kind=account&action=" + action + "&size=100");
		assertThat(page.status()).as(page.text()).isEqualTo(200);
		List<String> details = new ArrayList<>();
		page.json().get("content").forEach(entry -> {
			JsonNode resource = entry.get("resourceId");
			boolean matches = (subject == null) || (resource != null && subject.equals(resource.asString()));
			if (matches && entry.get("detail") != null && !entry.get("detail").isNull()) {
				details.add(entry.get("detail").asString());
			}
		});
		return details;
	}

	private static List<String> strings(JsonNode array) {
		List<String> list = new ArrayList<>();
		array.forEach(node -> list.add(node.asString()));
		return list;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An authenticator app, written from RFC 6238 independently of the server's library.
	 * Each code it hands out is of a later time step than the last one (the current step,
	 * or the next while the current one is used), as a person waits for the next code.
	 */
	static final class Authenticator {

		private final byte[] secret;

		private long lastStep = Long.MIN_VALUE;

		Authenticator(String base32) {
			this.secret = base32Decode(base32);
		}

		String nextCode() {
			long step = Math.max(this.lastStep + 1, Instant.now().getEpochSecond() / 30);
			this.lastStep = step;
			return code(step);
		}

		List<String> codesAroundNow() {
			long now = Instant.now().getEpochSecond() / 30;
			List<String> codes = new ArrayList<>();
			for (long step = now - 2; step <= now + 3; step++) {
				codes.add(code(step));
			}
			return codes;
		}

		String code(long step) {
			try {
				Mac mac = Mac.getInstance("HmacSHA1");
				mac.init(new SecretKeySpec(this.secret, "HmacSHA1"));
				byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
				int offset = hash[hash.length - 1] & 0x0f;
				int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
						| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
				return String.format("%06d", binary % 1_000_000);
			}
			catch (java.security.GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		static byte[] base32Decode(String text) {
			String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			int buffer = 0;
			int bits = 0;
			for (char c : text.toCharArray()) {
				buffer = (buffer << 5) | alphabet.indexOf(c);
				bits += 5;
				if (bits >= 8) {
					out.write((buffer >> (bits - 8)) & 0xff);
					bits -= 8;
				}
			}
			return out.toByteArray();
		}

	}

}
