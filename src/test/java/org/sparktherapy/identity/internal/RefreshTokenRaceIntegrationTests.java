package org.sparktherapy.identity.internal;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-out (or "end all sign-ins") that meets a refresh still under way ends the
 * sign-in for good. Under READ COMMITTED an UPDATE sees the rows of its own snapshot: the
 * revocation waited for the refresh's row lock and then missed the successor the refresh
 * had just committed, so that token stayed live after the sign-out (seen in the idle
 * sign-out browser journey: a reload signed in again).
 */
@IntegrationTest
class RefreshTokenRaceIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RefreshTokens refreshTokens;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@Test
	void aSignOutDuringARefreshAlsoEndsTheRefreshedToken() throws Exception {
		Clinic.Person parent = new Clinic(this.port).aParent();

		String successor = refreshWhile(parent, (tokens) -> new TransactionTemplate(this.transactions)
			.executeWithoutResult((tx) -> tokens.revokeFamilyOf(parent.refreshToken())));

		assertEnded(parent, successor);
	}

	@Test
	void endingAllSignInsDuringARefreshAlsoEndsTheRefreshedToken() throws Exception {
		Clinic.Person parent = new Clinic(this.port).aParent();

		String successor = refreshWhile(parent, (tokens) -> new TransactionTemplate(this.transactions)
			.executeWithoutResult((tx) -> tokens.revokeAllOf(UUID.fromString(parent.id()))));

		assertEnded(parent, successor);
	}

	/**
	 * Rotates the person's refresh token in a transaction that stays open until
	 * {@code revocation}, run on another thread, waits for its lock; answers the
	 * successor.
	 */
	private String refreshWhile(Clinic.Person person, Consumer<RefreshTokens> revocation) throws Exception {
		CompletableFuture<RefreshTokens.Rotation> rotated = new CompletableFuture<>();
		CountDownLatch commit = new CountDownLatch(1);
		// each on a thread of its own (the common pool may have a single thread)
		CompletableFuture<Void> refresh = CompletableFuture
			.runAsync(() -> new TransactionTemplate(this.transactions).executeWithoutResult((tx) -> {
				rotated.complete(this.refreshTokens.rotate(person.refreshToken()));
				await(commit);
			}), this.threads);
		RefreshTokens.Rotation rotation = rotated.get(30, TimeUnit.SECONDS);
		assertThat(rotation).isInstanceOf(RefreshTokens.Rotation.Rotated.class);

		CompletableFuture<Void> revoke = CompletableFuture.runAsync(() -> revocation.accept(this.refreshTokens),
				this.threads);
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (this.jdbc.sql("""
				select count(*) from pg_stat_activity
				where cardinality(pg_blocking_pids(pid)) > 0 and query like '%refresh_tokens%'
				""").query(Long.class).single() == 0) {
			assertThat(revoke).as("the revocation waits for the refresh's lock").isNotDone();
			assertThat(System.nanoTime()).as("the revocation reached the refresh's lock").isLessThan(deadline);
			Thread.sleep(20);
		}
		commit.countDown();
		refresh.get(30, TimeUnit.SECONDS);
		revoke.get(30, TimeUnit.SECONDS);
		return ((RefreshTokens.Rotation.Rotated) rotation).token();
	}

	private void assertEnded(Clinic.Person person, String successor) {
		assertThat(
				this.jdbc.sql("select count(*) from refresh_tokens where account_id = :account and revoked_at is null")
					.param("account", UUID.fromString(person.id()))
					.query(Long.class)
					.single())
			.as("live refresh tokens after the sign-in ended")
			.isZero();
		assertThat(new Clinic(this.port).api().post("/api/auth/refresh", Api.body("refreshToken", successor)).status())
			.as("the refresh's successor after the sign-out")
			.isEqualTo(401);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
