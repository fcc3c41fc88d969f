package org.sparktherapy.identity.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sparktherapy.platform.security.OwnerOnlyFiles;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * A changed or lost second-factor key (ADR 0038): the second factors set up under the old
 * key cannot be checked. Without a restart, the server's key cannot change; so the
 * account's rows are sealed as a server with another key would have written them (TOTP
 * secret encrypted, recovery codes hashed, key id), which is what this server meets after
 * {@code SPARK_IDENTITY_SECOND_FACTOR_KEY} changed or the key file was lost. The second
 * step answers 503 naming the setting, logs at ERROR once, and counts nothing against the
 * person: with the key back, the next code signs in.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecondFactorKeyMismatchIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSecondFactorOfAnotherKeyAnswers503NamingTheSettingAndWorksAgainOnceTheKeyIsBack(CapturedOutput output) {
		Clinic clinic = new Clinic(this.port);
		Clinic.Person parent = clinic.aParent();
		UUID account = UUID.fromString(parent.id());
		byte[] secret = base32(parent.api().post("/api/auth/second-factor/enrollment", "{}").at("/secret"));
		long step = Totp.step(Instant.now());
		Api.Response confirmed = parent.api()
			.post("/api/auth/second-factor/enrollment/confirm", body("code", Totp.code(secret, step)));
		assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
		List<String> recoveryCodes = new ArrayList<>();
		confirmed.json().get("recoveryCodes").forEach(code -> recoveryCodes.add(code.asString()));
		Sealed original = sealed(account);
		byte[] otherKeyBytes = OwnerOnlyFiles.randomKey(32);
		SecondFactorKey other = new SecondFactorKey(otherKeyBytes);
		sealWith(other, account, secret, recoveryCodes);

		Api.Response byApp = secondStep(clinic, parent, "code", Totp.code(secret, step + 1));
		Api.Response byRecoveryCode = secondStep(clinic, parent, "recoveryCode", recoveryCodes.getFirst());

		for (Api.Response refused : List.of(byApp, byRecoveryCode)) {
			assertThat(refused.status()).as(refused.text()).isEqualTo(503);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.at("/type")).isEqualTo("https://sparktherapy.org/problems/second-factor-key-mismatch");
			assertThat(refused.at("/detail")).contains("SPARK_IDENTITY_SECOND_FACTOR_KEY")
				.contains("keys/second-factor.key");
			assertThat(refused.at("/traceId")).isNotBlank();
			assertThat(refused.header("Retry-After")).as("waiting does not bring the key back").isNull();
		}
		List<String> lines = output.getAll()
			.lines()
			.filter(line -> line.contains("The second factor of account " + account))
			.toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).contains("ERROR")
			.contains("set up with second-factor key " + other.id())
			.contains("keys/second-factor.key");
		assertThat(lines.get(1)).as("once at ERROR, then as a warning").contains("WARN").doesNotContain("ERROR");
		assertThat(output.getAll()).as("no key in the log, no stack trace")
			.doesNotContain(readServerKey())
			.doesNotContain(Base64.getEncoder().encodeToString(otherKeyBytes))
			.doesNotContain("SecondFactorKeyMismatch")
			.doesNotContain("IllegalStateException: The second factor");

		restore(account, original, secret, recoveryCodes);
		// the same code as the refused one: the 503 neither used it nor counted a failure
		Api.Response keyBack = secondStep(clinic, parent, "code", Totp.code(secret, step + 1));
		assertThat(keyBack.status()).as(keyBack.text()).isEqualTo(200);
		assertThat(keyBack.at("/user/id")).isEqualTo(parent.id());
	}

	private record Sealed(String keyId, byte[] secret) {
	}

	private Sealed sealed(UUID account) {
		return this.jdbc.sql("select key_id, secret from second_factors where account_id = :account")
			.param("account", account)
			.query((rs, n) -> new Sealed(rs.getString("key_id"), rs.getBytes("secret")))
			.single();
	}

	/** The rows as a server with {@code key} writes them. */
	private void sealWith(SecondFactorKey key, UUID account, byte[] secret, List<String> recoveryCodes) {
		this.jdbc.sql("update second_factors set key_id = :key, secret = :secret where account_id = :account")
			.param("key", key.id())
			.param("secret", key.encrypt(account, secret))
			.param("account", account)
			.update();
		rehash(key, account, recoveryCodes);
	}

	private void restore(UUID account, Sealed original, byte[] secret, List<String> recoveryCodes) {
		this.jdbc.sql("update second_factors set key_id = :key, secret = :secret where account_id = :account")
			.param("key", original.keyId())
			.param("secret", original.secret())
			.param("account", account)
			.update();
		SecondFactorKey serverKey = new SecondFactorKey(Base64.getDecoder().decode(readServerKey()));
		assertThat(serverKey.id()).isEqualTo(original.keyId());
		rehash(serverKey, account, recoveryCodes);
	}

	private void rehash(SecondFactorKey key, UUID account, List<String> recoveryCodes) {
		this.jdbc.sql("delete from recovery_codes where account_id = :account").param("account", account).update();
		for (String code : recoveryCodes) {
			this.jdbc.sql("""
					insert into recovery_codes (id, account_id, code_hash, created_at)
					values (:id, :account, :hash, now())
					""")
				.param("id", UUID.randomUUID())
				.param("account", account)
				.param("hash", key.hash(code.replace("-", "")))
				.update();
		}
	}

	private static String readServerKey() {
		try {
			return Files.readString(Path.of("target/test-data/keys/second-factor.key")).trim();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Api.Response secondStep(Clinic clinic, Clinic.Person person, String field, String value) {
		Api.Response login = clinic.api()
			.post("/api/auth/login", body("email", person.email(), "password", Clinic.PASSWORD));
		assertThat(login.status()).as(login.text()).isEqualTo(200);
		return clinic.api()
			.post("/api/auth/login/second-factor", body("challengeToken", login.at("/challengeToken"), field, value));
	}

	private static byte[] base32(String text) {
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
