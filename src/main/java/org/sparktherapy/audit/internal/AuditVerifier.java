package org.sparktherapy.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.annotation.Nullable;

import org.sparktherapy.audit.internal.CheckpointFiles.Checkpoint;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the whole sealed access log in chain order ({@code chain_seq}) and recomputes
 * every hash — plain SHA-256 for rows written before the chain was keyed, HMAC-SHA256
 * with the chain key after — then holds the result against the signed checkpoints outside
 * the database. An entry whose stored hash or previous-hash link does not match was
 * changed, removed or reordered; a plain entry after a keyed one was rewritten by someone
 * without the key; a checkpoint whose entry is gone or differs means the log was cut
 * short or recomputed. Entries not sealed yet ({@link AuditSealer}) are not part of the
 * chain: the result reports how many there are and how old the oldest is.
 */
@Component
class AuditVerifier {

	/**
	 * The result: {@code firstInvalidId} names the first entry that breaks the chain;
	 * {@code problem} says what is wrong (naming the checkpoint when one disagrees);
	 * {@code checkpoints} how many checkpoints were compared, {@code checkpointSeq} the
	 * chain position of the one that failed; {@code unsealed} how many committed entries
	 * are not sealed into the chain yet (so not verified), {@code oldestUnsealedAt} when
	 * the oldest of them was appended.
	 */
	record Verification(boolean valid, long checked, UUID firstInvalidId, String problem, int checkpoints,
			Long checkpointSeq, long unsealed, @Nullable Instant oldestUnsealedAt) {

		Verification(boolean valid, long checked, UUID firstInvalidId, String problem, int checkpoints,
				Long checkpointSeq, AuditSealer.Tail tail) {
			this(valid, checked, firstInvalidId, problem, checkpoints, checkpointSeq, tail.entries(), tail.oldest());
		}

	}

	/** What one walk over (part of) the chain found. */
	record Walk(long checked, UUID firstInvalidId, String problem, Long lastSeq, byte[] lastHash,
			Map<Long, byte[]> hashesAt) {

		boolean intact() {
			return this.problem == null;
		}

	}

	private final JdbcClient jdbc;

	private final AuditChainKey key;

	private final CheckpointFiles checkpoints;

	@Autowired
	AuditVerifier(DataSource dataSource, AuditChainKey key, CheckpointFiles checkpoints) {
		// stream the log in chunks (PostgreSQL streams only with a fetch size, inside a
		// transaction)
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(1000);
		this.jdbc = JdbcClient.create(template);
		this.key = key;
		this.checkpoints = checkpoints;
	}

	@Transactional(readOnly = true)
	Verification verify() {
		AuditSealer.Tail tail = this.jdbc.sql(AuditSealer.Tail.SQL).query((rs, n) -> AuditSealer.Tail.of(rs)).single();
		List<Checkpoint> all = (this.checkpoints != null) ? this.checkpoints.read() : List.of();
		for (Checkpoint checkpoint : all) {
			if (checkpoint.problem() != null) {
				return new Verification(false, 0, null, "The checkpoint file " + checkpoint.file() + " fails: "
						+ checkpoint.problem() + ". The checkpoints were tampered with.", all.size(), checkpoint.seq(),
						tail);
			}
		}
		Walk walk = walk(null, all.stream().map(Checkpoint::seq).collect(Collectors.toSet()));
		if (!walk.intact()) {
			return new Verification(false, walk.checked(), walk.firstInvalidId(), walk.problem(), all.size(), null,
					tail);
		}
		for (Checkpoint checkpoint : all.reversed()) {
			byte[] stored = walk.hashesAt().get(checkpoint.seq());
			if (stored == null && (walk.lastSeq() == null || checkpoint.seq() > walk.lastSeq())) {
				return new Verification(false, walk.checked(), null,
						"The log ends at entry " + walk.lastSeq() + ", but " + checkpoint.describe()
								+ " records a later one: the newest entries were deleted.",
						all.size(), checkpoint.seq(), tail);
			}
			if (stored == null) {
				return new Verification(
						false, walk.checked(), null, "Entry " + checkpoint.seq() + " recorded by "
								+ checkpoint.describe() + " is missing: entries were deleted.",
						all.size(), checkpoint.seq(), tail);
			}
			if (!Arrays.equals(stored, checkpoint.hash())) {
				return new Verification(
						false, walk.checked(), null, "Entry " + checkpoint.seq() + " does not match "
								+ checkpoint.describe() + ": the chain was recomputed since.",
						all.size(), checkpoint.seq(), tail);
			}
		}
		return new Verification(true, walk.checked(), null, null, all.size(), null, tail);
	}

	/**
	 * Walks the chain, from the start or from a checkpoint's entry (which must still hold
	 * the checkpoint's hash), keeping the hashes of the entries in {@code remember}
	 * (chain positions). Runs inside the caller's transaction.
	 */
	Walk walk(Checkpoint from, Set<Long> remember) {
		byte[][] previous = { (from != null) ? from.hash() : null };
		long[] checked = { 0 };
		Long[] lastSeq = { null };
		boolean[] keyedSeen = { false };
		UUID[] firstInvalid = { null };
		String[] problem = { null };
		Map<Long, byte[]> hashesAt = new HashMap<>();
		this.jdbc.sql("""
				select chain_seq, id, at, account_id, role, action, resource_type, resource_id, child_id, endpoint,
				    address, outcome, previous_hash, hash, hash_scheme, key_id, detail
				from audit_log where chain_seq >= :from order by chain_seq
				""").param("from", (from != null) ? from.seq() : Long.MIN_VALUE).query((RowCallbackHandler) rs -> {
			if (problem[0] != null) {
				return;
			}
			long seq = rs.getLong("chain_seq");
			AuditLog.Entry entry = entry(rs);
			byte[] stored = rs.getBytes("hash");
			String scheme = rs.getString("hash_scheme");
			checked[0]++;
			if (from != null && checked[0] == 1) {
				// the checkpoint's own entry: it must be there, unchanged
				if (seq != from.seq() || !Arrays.equals(stored, from.hash())) {
					firstInvalid[0] = entry.id();
					problem[0] = "The log no longer holds " + from.describe() + " unchanged.";
				}
				keyedSeen[0] = AuditLog.Entry.HMAC_SHA256.equals(scheme);
			}
			else {
				problem[0] = check(entry, rs, previous[0], stored, scheme, keyedSeen[0]);
				if (problem[0] != null) {
					firstInvalid[0] = entry.id();
				}
				keyedSeen[0] |= AuditLog.Entry.HMAC_SHA256.equals(scheme);
			}
			if (remember.contains(seq)) {
				hashesAt.put(seq, stored);
			}
			previous[0] = stored;
			lastSeq[0] = seq;
		});
		if (from != null && checked[0] == 0) {
			problem[0] = "The log no longer holds " + from.describe() + ".";
		}
		return new Walk(checked[0], firstInvalid[0], problem[0], lastSeq[0], previous[0], hashesAt);
	}

	private String check(AuditLog.Entry entry, ResultSet rs, byte[] previous, byte[] stored, String scheme,
			boolean keyedSeen) throws SQLException {
		if (!Arrays.equals(rs.getBytes("previous_hash"), previous)) {
			return "Entry " + entry.id() + " does not link to the entry before it: entries were changed, removed or "
					+ "reordered.";
		}
		byte[] expected;
		if (AuditLog.Entry.HMAC_SHA256.equals(scheme)) {
			String keyId = rs.getString("key_id");
			if (!this.key.knows(keyId)) {
				return "Entry " + entry.id() + " is keyed with an unknown key (" + keyId + ").";
			}
			expected = entry.hmac(previous, this.key, keyId);
		}
		else {
			if (keyedSeen) {
				return "Entry " + entry.id()
						+ " has a plain hash after keyed entries: it was rewritten without the key.";
			}
			expected = entry.hash(previous);
		}
		if (!Arrays.equals(stored, expected)) {
			return "Entry " + entry.id() + " does not match its hash: it was changed.";
		}
		return null;
	}

	/** The hashed content of the entry at the result set's row. */
	static AuditLog.Entry entry(ResultSet rs) throws SQLException {
		return new AuditLog.Entry(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
				rs.getObject("account_id", UUID.class), rs.getString("role"), rs.getString("action"),
				rs.getString("resource_type"), rs.getObject("resource_id", UUID.class),
				rs.getObject("child_id", UUID.class), rs.getString("endpoint"), rs.getString("address"),
				rs.getString("outcome"), rs.getString("detail"));
	}

}
