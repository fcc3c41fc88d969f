package org.sparktherapy.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class IdentityHousekeepingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityHousekeeping housekeeping;

	@Autowired
	DataSource dataSource;

	@Test
	void oldTokensAndFinishedFailureCountsAreRemovedLiveOnesKept() {
		Clinic.Person parent = new Clinic(this.port).aParent();
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		UUID account = UUID.fromString(parent.id());
		Instant longAgo = Instant.now().minus(Duration.ofDays(60));
		jdbc.sql("""
				insert into refresh_tokens (id, account_id, family_id, token_hash, created_at, expires_at)
				values (:id, :account, :family, :hash, :at, :at)
				""")
			.param("id", UUID.randomUUID())
			.param("account", account)
			.param("family", UUID.randomUUID())
			.param("hash", UUID.randomUUID().toString().getBytes())
			.param("at", Timestamp.from(longAgo))
			.update();
		String oldKey = "account:old-" + UUID.randomUUID() + "@tests.sparktherapy.org";
		jdbc.sql("insert into login_failures (key, failures, window_started_at) values (:key, 3, :at)")
			.param("key", oldKey)
			.param("at", Timestamp.from(longAgo))
			.update();

		int removed = this.housekeeping.prune();

		assertThat(removed).isGreaterThanOrEqualTo(2);
		assertThat(jdbc.sql("select count(*) from refresh_tokens where account_id = :a")
			.param("a", account)
			.query(Long.class)
			.single()).as("the live sign-in stays").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from login_failures where key = :k")
			.param("k", oldKey)
			.query(Long.class)
			.single()).isZero();
		assertThat(parent.api().get("/api/auth/profile").status()).isEqualTo(200);
	}

	@Test
	void aSignInEndsAfterItsMaximumAgeHoweverOftenItIsRefreshed() {
		Clinic clinic = new Clinic(this.port);
		Clinic.Person parent = clinic.aParent();
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		UUID account = UUID.fromString(parent.id());
		String second = clinic.api()
			.post("/api/auth/refresh", org.sparktherapy.support.Api.body("refreshToken", parent.refreshToken()))
			.at("/refreshToken");
		// signed in 29 days ago, refreshed just now (so within the idle timeout)
		Instant signedIn = Instant.now().minus(Duration.ofDays(29));
		jdbc.sql("update refresh_tokens set created_at = :at where account_id = :a and used_at is not null")
			.param("at", Timestamp.from(signedIn))
			.param("a", account)
			.update();

		String next = clinic.api()
			.post("/api/auth/refresh", org.sparktherapy.support.Api.body("refreshToken", second))
			.at("/refreshToken");

		Instant expires = jdbc
			.sql("select expires_at from refresh_tokens where account_id = :a order by created_at desc limit 1")
			.param("a", account)
			.query(Timestamp.class)
			.single()
			.toInstant();
		assertThat(next).isNotNull();
		assertThat(expires).isBefore(signedIn.plus(Duration.ofDays(30)).plusSeconds(5));
	}

}
