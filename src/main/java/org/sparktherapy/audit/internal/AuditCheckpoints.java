package org.sparktherapy.audit.internal;

import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparktherapy.audit.internal.CheckpointFiles.Checkpoint;
import org.sparktherapy.platform.problem.Problem;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a signed checkpoint of the access log's newest sealed entry (its chain position
 * and hash) every {@code spark.audit.checkpoint-interval} (and on demand), sealing what
 * was committed before first, but only of a chain that extends the previous checkpoint
 * intact: it walks the entries since that checkpoint first, so a checkpoint never blesses
 * a log that was cut short or rewritten. One node at a time (a transaction-scoped
 * advisory lock; another node skips that round).
 */
@Service
class AuditCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	private static final long CHECKPOINT_LOCK = 0x5350_4152_4b03L;

	/** A checkpoint as the API shows it. */
	record CheckpointResponse(long seq, String hash, java.time.Instant at, String file) {
	}

	/** Why no checkpoint was written (409). */
	static class NotWritten extends Problem {

		NotWritten(String message) {
			super(Kind.CONFLICT, "audit-checkpoint-not-written", "No checkpoint written", message);
		}

	}

	private final JdbcClient jdbc;

	private final CheckpointFiles files;

	private final AuditVerifier verifier;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final AuditSealer sealer;

	AuditCheckpoints(JdbcClient jdbc, CheckpointFiles files, AuditVerifier verifier, AuditSealer sealer, Clock clock,
			PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.sealer = sealer;
		this.jdbc = jdbc;
		this.files = files;
		this.verifier = verifier;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${spark.audit.checkpoint-interval:PT5M}",
			initialDelayString = "${spark.audit.checkpoint-interval:PT5M}")
	void scheduled() {
		try {
			write();
		}
		catch (NotWritten ex) {
			if (ex.getMessage().startsWith("another node")) {
				log.debug("No audit checkpoint written: {}", ex.getMessage());
			}
			else {
				log.error("No audit checkpoint written: {}", ex.getMessage());
			}
		}
		catch (CheckpointFiles.DirectoryUnwritable ex) {
			// logged by write()
		}
		catch (RuntimeException ex) {
			log.error("No audit checkpoint written", ex);
		}
	}

	/**
	 * At start-up, a checkpoint of the entries written since the newest one (a fresh
	 * demo, a node stopped before its next round), so the log is not protected by the key
	 * alone until the first interval has passed. In the background: walking a long log
	 * must not hold up the start.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void atStartUp() {
		Thread.ofVirtual().name("audit-checkpoint-at-start").start(this::checkpointAtStartUp);
	}

	/**
	 * What {@link #atStartUp()} runs: the scheduled round, quiet when the log is empty.
	 */
	void checkpointAtStartUp() {
		try {
			CheckpointResponse checkpoint = write();
			log.info("Audit checkpoint at start-up: entry {} ({})", checkpoint.seq(), checkpoint.file());
		}
		catch (NotWritten ex) {
			if (ex.getMessage().startsWith("another node") || ex.getMessage().equals("the log is empty")) {
				log.debug("No audit checkpoint at start-up: {}", ex.getMessage());
			}
			else {
				log.error("No audit checkpoint written at start-up: {}", ex.getMessage());
			}
		}
		catch (CheckpointFiles.DirectoryUnwritable ex) {
			// logged by write()
		}
		catch (RuntimeException ex) {
			log.error("No audit checkpoint written at start-up", ex);
		}
	}

	/**
	 * Seals the entries committed so far, then writes a checkpoint of the newest entry
	 * (or returns the newest checkpoint when nothing was appended since).
	 * @throws NotWritten when the log is empty, another node is writing one, or the log
	 * does not extend the last checkpoint
	 */
	CheckpointResponse write() {
		this.sealer.sealNow();
		// in a transaction of its own: the advisory lock lasts as long as it
		return this.transaction.execute((status) -> writeSealed());
	}

	private CheckpointResponse writeSealed() {
		Boolean locked = this.jdbc.sql("select pg_try_advisory_xact_lock(:key)")
			.param("key", CHECKPOINT_LOCK)
			.query(Boolean.class)
			.single();
		if (!Boolean.TRUE.equals(locked)) {
			throw new NotWritten("another node is writing a checkpoint");
		}
		Optional<Checkpoint> latest = this.files.latest();
		AuditVerifier.Walk walk = this.verifier.walk(latest.orElse(null), Set.of());
		if (!walk.intact()) {
			throw new NotWritten(walk.problem() + " Run the verification (GET /api/audit/verify).");
		}
		if (walk.lastSeq() == null) {
			throw new NotWritten("the log is empty");
		}
		Checkpoint checkpoint;
		try {
			checkpoint = (latest.isPresent() && latest.get().seq() == walk.lastSeq()) ? latest.get()
					: this.files.write(walk.lastSeq(), walk.lastHash(), this.clock.instant());
		}
		catch (CheckpointFiles.DirectoryUnwritable ex) {
			log.error("No audit checkpoint written: {}", ex.logMessage());
			throw ex;
		}
		return new CheckpointResponse(checkpoint.seq(), HexFormat.of().formatHex(checkpoint.hash()), checkpoint.at(),
				checkpoint.file());
	}

}
