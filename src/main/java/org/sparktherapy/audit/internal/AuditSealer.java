package org.sparktherapy.audit.internal;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the access log (ADR 0005): takes the committed entries that have no place in the
 * chain yet, oldest {@code seq} first, and gives each the next place ({@code chain_seq}),
 * the previous entry's hash and its own keyed hash — through the database function
 * {@code audit_log_seal}, which lets the application's role set these fields of unsealed
 * entries only, once, and only as the chain's next places. One sealer at a time across
 * nodes (a transaction-scoped advisory lock per batch); every
 * {@code spark.audit.seal-interval} (1 s), and on demand before a verification or a
 * checkpoint. An entry whose transaction commits late (a lower {@code seq} than entries
 * already sealed) is simply sealed in a later round: the chain's order is the order of
 * sealing, and nothing committed is skipped.
 */
@Service
class AuditSealer {

	private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

	static final long SEAL_LOCK = 0x5350_4152_4b04L;

	/** Entries sealed per transaction. */
	static final int BATCH = 1000;

	/** The unsealed tail: how many entries, and when the oldest was appended. */
	record Tail(long entries, Instant oldest) {

		static final String SQL = "select count(*), min(at) from audit_log where chain_seq is null";

		static Tail of(ResultSet rs) throws java.sql.SQLException {
			Timestamp oldest = rs.getTimestamp(2);
			return new Tail(rs.getLong(1), (oldest != null) ? oldest.toInstant() : null);
		}

	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate transaction;

	private final AuditChainKey key;

	private final Clock clock;

	private volatile boolean failing;

	private volatile Tail tail = new Tail(0, null);

	private volatile long tailReadAt;

	AuditSealer(DataSource dataSource, PlatformTransactionManager transactions, AuditChainKey key, Clock clock,
			MeterRegistry meters) {
		this.template = new JdbcTemplate(dataSource);
		this.jdbc = JdbcClient.create(this.template);
		this.transaction = new TransactionTemplate(transactions);
		this.key = key;
		this.clock = clock;
		Gauge.builder("spark.audit.unsealed.entries", this, (sealer) -> sealer.cachedTail().entries())
			.description("Access-log entries committed but not yet sealed into the hash chain")
			.register(meters);
		Gauge.builder("spark.audit.unsealed.age", this, AuditSealer::oldestUnsealedAgeSeconds)
			.description("Age of the oldest access-log entry not yet sealed into the hash chain (0 when none)")
			.baseUnit("seconds")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${spark.audit.seal-interval:PT1S}",
			initialDelayString = "${spark.audit.seal-interval:PT1S}")
	void scheduled() {
		try {
			seal(false);
			if (this.failing) {
				log.info("Audit entries are being sealed again");
				this.failing = false;
			}
		}
		catch (RuntimeException ex) {
			// once per failure streak: a database outage would otherwise log every second
			if (!this.failing) {
				log.error("Audit entries could not be sealed; retrying every round", ex);
				this.failing = true;
			}
		}
	}

	/**
	 * Seals every entry committed before the call, waiting for a sealer on another node
	 * if one is at work.
	 * @return how many entries this call sealed
	 */
	long sealNow() {
		return seal(true);
	}

	/**
	 * Seals batch after batch until none is left; with {@code wait} false, stops as soon
	 * as another node holds the sealer's lock.
	 */
	long seal(boolean wait) {
		long total = 0;
		while (true) {
			Integer sealed = this.transaction.execute((status) -> sealBatch(wait));
			if (sealed == null || sealed < 0) {
				return total;
			}
			total += sealed;
			if (sealed < BATCH) {
				return total;
			}
		}
	}

	/** One batch in the current transaction; -1 when another sealer holds the lock. */
	private int sealBatch(boolean wait) {
		if (wait) {
			this.jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", SEAL_LOCK).query(Object.class).single();
		}
		else if (!Boolean.TRUE.equals(this.jdbc.sql("select pg_try_advisory_xact_lock(:key)")
			.param("key", SEAL_LOCK)
			.query(Boolean.class)
			.single())) {
			return -1;
		}
		List<Unsealed> batch = this.jdbc.sql("""
				select seq, id, at, account_id, role, action, resource_type, resource_id, child_id, endpoint, address,
				    outcome, detail
				from audit_log where chain_seq is null order by seq limit :batch
				""")
			.param("batch", BATCH)
			.query((rs, n) -> new Unsealed(rs.getLong("seq"), AuditVerifier.entry(rs)))
			.list();
		if (batch.isEmpty()) {
			return 0;
		}
		byte[] previous = this.jdbc
			.sql("select hash from audit_log where chain_seq is not null order by chain_seq desc limit 1")
			.query(byte[].class)
			.optional()
			.orElse(null);
		String keyId = this.key.currentId();
		Long[] entries = new Long[batch.size()];
		byte[][] previousHashes = new byte[batch.size()][];
		byte[][] hashes = new byte[batch.size()][];
		for (int i = 0; i < batch.size(); i++) {
			entries[i] = batch.get(i).seq();
			previousHashes[i] = previous;
			hashes[i] = batch.get(i).entry().hmac(previous, this.key, keyId);
			previous = hashes[i];
		}
		this.template.execute((ConnectionCallback<Void>) (connection) -> {
			Array seqs = connection.createArrayOf("bigint", entries);
			Array previousArray = connection.createArrayOf("bytea", previousHashes);
			Array hashArray = connection.createArrayOf("bytea", hashes);
			try (PreparedStatement seal = connection.prepareStatement("select audit_log_seal(?, ?, ?, ?, ?)")) {
				seal.setArray(1, seqs);
				seal.setArray(2, previousArray);
				seal.setArray(3, hashArray);
				seal.setString(4, AuditLog.Entry.HMAC_SHA256);
				seal.setString(5, keyId);
				seal.executeQuery().close();
			}
			return null;
		});
		return batch.size();
	}

	/** The unsealed tail now, read in the caller's transaction (if any). */
	Tail tail() {
		return this.jdbc.sql(Tail.SQL).query((rs, n) -> Tail.of(rs)).single();
	}

	/** The tail for the gauges, read at most once a second (a scrape reads both). */
	private Tail cachedTail() {
		long now = System.nanoTime();
		if (now - this.tailReadAt > Duration.ofSeconds(1).toNanos()) {
			try {
				this.tail = tail();
			}
			catch (RuntimeException ex) {
				this.tail = new Tail(-1, null);
			}
			this.tailReadAt = now;
		}
		return this.tail;
	}

	private double oldestUnsealedAgeSeconds() {
		Tail current = cachedTail();
		if (current.entries() < 0) {
			return Double.NaN;
		}
		if (current.oldest() == null) {
			return 0;
		}
		return Math.max(0, Duration.between(current.oldest(), this.clock.instant()).toMillis() / 1000.0);
	}

	private record Unsealed(long seq, AuditLog.Entry entry) {
	}

}
