package org.sparktherapy.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The access log's hash chain for tests outside the module (backups): appends entries
 * hashed exactly as {@link AuditLog} does, and runs the module's own
 * {@link AuditVerifier} against any database.
 */
public final class AuditChains {

	private static final List<String> ACTIONS = List.of("read", "update", "list", "export");

	private static final List<String> TYPES = List.of("child", "session", "program", "progress");

	private AuditChains() {
	}

	/**
	 * Appends {@code count} successful accesses of the given children by the given
	 * accounts, sealed (plain SHA-256) and chained to whatever the log holds already, one
	 * second apart from {@code from}. Works on the schema before V48 too (no scheme
	 * column) and before V63 (no chain position).
	 */
	public static void append(Connection db, int count, List<UUID> accounts, List<UUID> children, Instant from)
			throws SQLException {
		Random random = new Random(7);
		boolean placed = hasColumn(db, "chain_seq");
		byte[] previous = null;
		long place = 0;
		try (var last = db.createStatement()
			.executeQuery(placed ? "select hash, chain_seq from audit_log order by chain_seq desc nulls last limit 1"
					: "select hash, seq from audit_log order by seq desc limit 1")) {
			if (last.next()) {
				previous = last.getBytes(1);
				place = last.getLong(2);
			}
		}
		try (PreparedStatement insert = db.prepareStatement(placed ? """
				insert into audit_log (id, at, account_id, role, action, resource_type, resource_id, child_id, endpoint,
				    address, outcome, previous_hash, hash, hash_scheme, chain_seq)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sha256', ?)""" : """
				insert into audit_log (id, at, account_id, role, action, resource_type, resource_id, child_id, endpoint,
				    address, outcome, previous_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
			for (int i = 0; i < count; i++) {
				UUID child = children.get(random.nextInt(children.size()));
				AuditLog.Entry entry = new AuditLog.Entry(new UUID(random.nextLong(), random.nextLong()),
						from.plusSeconds(i).plus(random.nextInt(1_000_000), ChronoUnit.MICROS),
						accounts.get(random.nextInt(accounts.size())), "therapist",
						ACTIONS.get(random.nextInt(ACTIONS.size())), TYPES.get(random.nextInt(TYPES.size())), child,
						child, "GET /api/children/{id}", "192.0.2." + random.nextInt(255), "success");
				byte[] hash = entry.hash(previous);
				insert.setObject(1, entry.id());
				insert.setTimestamp(2, Timestamp.from(entry.at()));
				insert.setObject(3, entry.accountId());
				insert.setString(4, entry.role());
				insert.setString(5, entry.action());
				insert.setString(6, entry.resourceType());
				insert.setObject(7, entry.resourceId());
				insert.setObject(8, entry.childId());
				insert.setString(9, entry.endpoint());
				insert.setString(10, entry.address());
				insert.setString(11, entry.outcome());
				insert.setBytes(12, previous);
				insert.setBytes(13, hash);
				if (placed) {
					insert.setLong(14, ++place);
				}
				insert.addBatch();
				previous = hash;
				if (i % 1000 == 999) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
		}
	}

	private static boolean hasColumn(Connection db, String column) throws SQLException {
		try (PreparedStatement query = db.prepareStatement(
				"select count(*) from information_schema.columns where table_name = 'audit_log' and column_name = ?")) {
			query.setString(1, column);
			try (var rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1) > 0;
			}
		}
	}

	/** What {@link AuditVerifier} finds in the database at {@code url}. */
	public static Result verify(String url, String username, String password) {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, username, password, true);
		dataSource.setAutoCommit(false); // lets the verifier stream the log with its
											// fetch size
		try {
			AuditVerifier.Verification verification = new AuditVerifier(dataSource, AuditChainKey.random(), null)
				.verify();
			return new Result(verification.valid(), verification.checked());
		}
		finally {
			dataSource.destroy();
		}
	}

	/**
	 * What an attacker with database access but without the chain key can do: recompute
	 * every hash of the sealed chain from entry {@code fromSeq} (which must be sealed) on
	 * with plain SHA-256 (as the chain was before it was keyed), optionally marking the
	 * rows as plain. Triggers must be disabled.
	 */
	public static void recomputeWithoutKey(JdbcClient jdbc, long fromSeq, boolean markPlain) {
		long fromPlace = jdbc.sql("select chain_seq from audit_log where seq = :s")
			.param("s", fromSeq)
			.query(Long.class)
			.single();
		byte[] previous = jdbc.sql("select hash from audit_log where chain_seq < :p order by chain_seq desc limit 1")
			.param("p", fromPlace)
			.query(byte[].class)
			.optional()
			.orElse(null);
		List<Map.Entry<Long, AuditLog.Entry>> rows = jdbc.sql("""
				select seq, id, at, account_id, role, action, resource_type, resource_id, child_id, endpoint, address,
				    outcome, detail
				from audit_log where chain_seq >= :p order by chain_seq""")
			.param("p", fromPlace)
			.query((rs, n) -> Map.entry(rs.getLong("seq"),
					new AuditLog.Entry(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
							rs.getObject("account_id", UUID.class), rs.getString("role"), rs.getString("action"),
							rs.getString("resource_type"), rs.getObject("resource_id", UUID.class),
							rs.getObject("child_id", UUID.class), rs.getString("endpoint"), rs.getString("address"),
							rs.getString("outcome"), rs.getString("detail"))))
			.list();
		for (Map.Entry<Long, AuditLog.Entry> row : rows) {
			byte[] hash = row.getValue().hash(previous);
			jdbc.sql("""
					update audit_log set previous_hash = :p, hash = :h,
					    hash_scheme = case when :plain then 'sha256' else hash_scheme end,
					    key_id = case when :plain then null else key_id end
					where seq = :s""")
				.param("p", previous)
				.param("h", hash)
				.param("plain", markPlain)
				.param("s", row.getKey())
				.update();
			previous = hash;
		}
	}

	/** Whether the chain holds, over how many entries. */
	public record Result(boolean valid, long checked) {
	}

}
