package org.sparktherapy.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Appends without a lock, sealed by one sealer at a time (ADR 0005, issue 16): whatever
 * order transactions commit in and however many sealers run, every committed entry ends
 * up in one unbroken chain, and a sealed entry cannot be changed.
 */
@IntegrationTest
class AuditSealerIntegrationTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditSealer sealer;

	@Autowired
	AuditVerifier verifier;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AuditChainKey key;

	@Test
	void concurrentAppendsFromManyThreadsAllEndUpSealedInOneUnbrokenChain() throws Exception {
		UUID child = UUID.randomUUID();
		long before = lastPlace();
		int threads = 16;
		int each = 25;
		ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> appends = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				appends.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < each; i++) {
						appendIn(child);
					}
					return null;
				}));
			}
			// a sealer racing the appends, as the scheduled one does
			Future<?> sealing = pool.submit(() -> {
				start.await();
				while (!appends.stream().allMatch(Future::isDone)) {
					this.sealer.seal(false);
				}
				return null;
			});
			start.countDown();
			for (Future<?> append : appends) {
				append.get(2, TimeUnit.MINUTES);
			}
			sealing.get(2, TimeUnit.MINUTES);
		}
		finally {
			pool.shutdownNow();
		}

		this.sealer.sealNow();

		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		assertThat(jdbc.sql("select count(*) from audit_log where child_id = :c and chain_seq is not null")
			.param("c", child)
			.query(Long.class)
			.single()).isEqualTo(threads * each);
		long after = lastPlace();
		assertThat(jdbc.sql("select count(*) from audit_log where chain_seq > :b and chain_seq <= :a")
			.param("b", before)
			.param("a", after)
			.query(Long.class)
			.single()).as("consecutive places, no gaps").isEqualTo(after - before);
		AuditVerifier.Verification verification = this.verifier.verify();
		assertThat(verification.valid()).as(verification.problem()).isTrue();
	}

	@Test
	void anEntryCommittedLateIsSealedOnceItCommitsAndTheChainHolds() throws Exception {
		UUID late = UUID.randomUUID();
		UUID early = UUID.randomUUID();
		CountDownLatch appended = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		CompletableFuture<Void> open = CompletableFuture.runAsync(() -> transaction().executeWithoutResult((s) -> {
			this.trail.success(new PhiAccess("read", "child", late, late));
			appended.countDown();
			await(commit);
		}));
		try {
			assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
			appendIn(early);

			this.sealer.sealNow();

			assertThat(placeOf(late)).as("not visible before it commits").isNull();
			assertThat(placeOf(early)).as("sealed while an earlier entry is still uncommitted").isNotNull();
		}
		finally {
			commit.countDown();
		}
		open.get(30, TimeUnit.SECONDS);
		assertThat(seqOf(late)).as("the late entry has the lower seq").isLessThan(seqOf(early));
		assertThat(placeOf(late)).as("not sealed before it committed... unless the scheduled round already did")
			.satisfiesAnyOf((place) -> assertThat(place).isNull(),
					(place) -> assertThat(place).isGreaterThan(placeOf(early)));

		this.sealer.sealNow();

		assertThat(placeOf(late)).isGreaterThan(placeOf(early));
		AuditVerifier.Verification verification = this.verifier.verify();
		assertThat(verification.valid()).as(verification.problem()).isTrue();
		assertThat(verification.unsealed()).isZero();
	}

	@Test
	void twoSealersAtOnceNeverForkTheChain() throws Exception {
		UUID child = UUID.randomUUID();
		long before = lastPlace();
		// more than two batches, appended unsealed in one go
		transaction().executeWithoutResult((s) -> {
			for (int i = 0; i < AuditSealer.BATCH * 2 + 100; i++) {
				this.trail.success(new PhiAccess("read", "child", child, child));
			}
		});
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Long>> sealers = new ArrayList<>();
			for (boolean wait : new boolean[] { true, true, false, false }) {
				sealers.add(pool.submit(() -> {
					start.await();
					return this.sealer.seal(wait);
				}));
			}
			start.countDown();
			long sealed = 0;
			for (Future<Long> one : sealers) {
				sealed += one.get(2, TimeUnit.MINUTES);
			}
			assertThat(sealed).as("each entry sealed once, by one of them").isEqualTo(lastPlace() - before);
		}
		finally {
			pool.shutdownNow();
		}
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		assertThat(jdbc.sql("select count(*) from audit_log where child_id = :c and chain_seq is null")
			.param("c", child)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc
			.sql("select count(distinct coalesce(previous_hash, '')) = count(*) from audit_log where chain_seq > :b")
			.param("b", before)
			.query(Boolean.class)
			.single()).as("no two entries follow the same one").isTrue();
		AuditVerifier.Verification verification = this.verifier.verify();
		assertThat(verification.valid()).as(verification.problem()).isTrue();
	}

	@Test
	void twoSealersPastTheLockCannotBothTakeTheNextPlace() throws Exception {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		// the scheduled sealer stays out (it takes the same lock); these two ignore it
		try (SealersLock held = new SealersLock(this.dataSource);
				Connection a = this.dataSource.getConnection();
				Connection b = this.dataSource.getConnection()) {
			appendIn(first);
			appendIn(second);
			byte[] last = jdbc
				.sql("select hash from audit_log where chain_seq is not null order by chain_seq desc limit 1")
				.query(byte[].class)
				.single();
			a.setAutoCommit(false);
			b.setAutoCommit(false);
			seal(a, seqOf(first), last, hashOf(first, last));
			// the second read the same end of the chain: it waits for the first, then
			// fails rather than fork
			Future<?> other = CompletableFuture.runAsync(() -> {
				try {
					seal(b, seqOf(second), last, new byte[] { 1 });
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			Thread.sleep(200);
			a.commit();
			assertThatThrownBy(() -> other.get(30, TimeUnit.SECONDS)).hasStackTraceContaining("audit_log_chain_idx");
			b.rollback();
			// and one that read a stale end is refused outright
			assertThatThrownBy(() -> seal(b, seqOf(second), last, new byte[] { 1 }))
				.hasMessageContaining("the chain moved on");
			b.rollback();
			a.setAutoCommit(true);
			b.setAutoCommit(true);
		}
		this.sealer.sealNow();
		assertThat(placeOf(second)).isGreaterThan(placeOf(first));
		AuditVerifier.Verification verification = this.verifier.verify();
		assertThat(verification.valid()).as(verification.problem()).isTrue();
	}

	@Test
	void anEntryIsSealedOnceAndOtherwiseNeverChangedOrDeleted() throws Exception {
		UUID child = UUID.randomUUID();
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		try (SealersLock held = new SealersLock(this.dataSource)) {
			appendIn(child);
			long unsealed = seqOf(child);

			assertThatThrownBy(() -> jdbc.sql("update audit_log set outcome = 'denied' where seq = :s")
				.param("s", unsealed)
				.update()).as("an unsealed entry's content").hasMessageContaining("append-only");
			assertThatThrownBy(() -> jdbc.sql("""
					update audit_log set chain_seq = -1, hash = 'x', hash_scheme = 'sha256', outcome = 'denied'
					where seq = :s""").param("s", unsealed).update()).as("sealing that changes anything else")
				.hasMessageContaining("append-only");
			assertThatThrownBy(() -> jdbc.sql("delete from audit_log where seq = :s").param("s", unsealed).update())
				.hasMessageContaining("append-only");
			assertThat(placeOf(child)).isNull();
		}
		long seq = seqOf(child);

		this.sealer.sealNow();
		assertThat(placeOf(child)).isNotNull();

		assertThatThrownBy(() -> jdbc.sql("update audit_log set hash = 'x' where seq = :s").param("s", seq).update())
			.as("a sealed entry's hash")
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc
			.sql("update audit_log set chain_seq = null, previous_hash = null, hash = null, hash_scheme = null, "
					+ "key_id = null where seq = :s")
			.param("s", seq)
			.update()).as("unsealing").hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_log where seq = :s").param("s", seq).update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("""
				select audit_log_seal(array[cast(:s as bigint)], array[(select hash from audit_log
				    where chain_seq is not null order by chain_seq desc limit 1)], array[cast('x' as bytea)],
				    'hmac-sha256', 'k')""").param("s", seq).query(Long.class).single()).as("sealing again")
			.hasMessageContaining("no longer unsealed");
	}

	/**
	 * The sealers' advisory lock, held on a connection of its own (session-level) until
	 * closed: no {@link AuditSealer} seals meanwhile.
	 */
	private static final class SealersLock implements AutoCloseable {

		private final Connection connection;

		SealersLock(DataSource dataSource) throws SQLException {
			this.connection = dataSource.getConnection();
			try (Statement lock = this.connection.createStatement()) {
				lock.execute("select pg_advisory_lock(" + AuditSealer.SEAL_LOCK + ")");
			}
		}

		@Override
		public void close() throws SQLException {
			try (Statement unlock = this.connection.createStatement()) {
				unlock.execute("select pg_advisory_unlock(" + AuditSealer.SEAL_LOCK + ")");
			}
			finally {
				this.connection.close();
			}
		}

	}

	private void appendIn(UUID child) {
		transaction().executeWithoutResult((s) -> this.trail.success(new PhiAccess("read", "child", child, child)));
	}

	private TransactionTemplate transaction() {
		return new TransactionTemplate(this.transactions);
	}

	private long lastPlace() {
		return JdbcClient.create(this.dataSource)
			.sql("select coalesce(max(chain_seq), 0) from audit_log")
			.query(Long.class)
			.single();
	}

	private long seqOf(UUID child) {
		return JdbcClient.create(this.dataSource)
			.sql("select seq from audit_log where child_id = :c")
			.param("c", child)
			.query(Long.class)
			.single();
	}

	private Long placeOf(UUID child) {
		return JdbcClient.create(this.dataSource)
			.sql("select chain_seq from audit_log where child_id = :c")
			.param("c", child)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/** What the sealer would store as the entry's hash after {@code previous}. */
	private byte[] hashOf(UUID child, byte[] previous) {
		return JdbcClient.create(this.dataSource)
			.sql("""
					select seq, id, at, account_id, role, action, resource_type, resource_id, child_id, endpoint, address,
					    outcome, detail
					from audit_log where child_id = :c""")
			.param("c", child)
			.query((rs, n) -> AuditVerifier.entry(rs))
			.single()
			.hmac(previous, this.key, this.key.currentId());
	}

	/** What {@link AuditSealer} does for one entry, on a connection of the test's. */
	private void seal(Connection connection, long seq, byte[] previous, byte[] hash) throws Exception {
		try (PreparedStatement seal = connection.prepareStatement("select audit_log_seal(?, ?, ?, 'hmac-sha256', ?)")) {
			seal.setArray(1, connection.createArrayOf("bigint", new Long[] { seq }));
			seal.setArray(2, connection.createArrayOf("bytea", new byte[][] { previous }));
			seal.setArray(3, connection.createArrayOf("bytea", new byte[][] { hash }));
			seal.setString(4, this.key.currentId());
			seal.executeQuery().close();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
