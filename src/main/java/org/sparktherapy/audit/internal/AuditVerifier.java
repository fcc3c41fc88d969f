package org.sparktherapy.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the whole access log in order and recomputes every hash: an entry whose stored
 * hash or previous-hash link does not match was changed, removed or reordered.
 */
@Component
class AuditVerifier {

	/** The result: {@code firstInvalidId} names the first entry that breaks the chain. */
	record Verification(boolean valid, long checked, UUID firstInvalidId) {
	}

	private final JdbcClient jdbc;

	AuditVerifier(javax.sql.DataSource dataSource) {
		// stream the log in chunks (PostgreSQL streams only with a fetch size, inside a
		// transaction)
		org.springframework.jdbc.core.JdbcTemplate template = new org.springframework.jdbc.core.JdbcTemplate(
				dataSource);
		template.setFetchSize(1000);
		this.jdbc = JdbcClient.create(template);
	}

	@Transactional(readOnly = true)
	Verification verify() {
		AtomicReference<byte[]> previous = new AtomicReference<>();
		AtomicLong checked = new AtomicLong();
		AtomicReference<UUID> firstInvalid = new AtomicReference<>();
		this.jdbc
			.sql("""
					select id, at, account_id, role, action, resource_type, resource_id, child_id, endpoint, address, outcome,
					    previous_hash, hash, detail
					from audit_log order by seq
					""")
			.query((RowCallbackHandler) rs -> {
				if (firstInvalid.get() != null) {
					return;
				}
				AuditLog.Entry entry = entry(rs);
				byte[] storedPrevious = rs.getBytes("previous_hash");
				byte[] stored = rs.getBytes("hash");
				boolean linked = Arrays.equals(storedPrevious, previous.get());
				boolean intact = Arrays.equals(stored, entry.hash(previous.get()));
				checked.incrementAndGet();
				if (!linked || !intact) {
					firstInvalid.set(entry.id());
				}
				previous.set(stored);
			});
		return new Verification(firstInvalid.get() == null, checked.get(), firstInvalid.get());
	}

	private static AuditLog.Entry entry(ResultSet rs) throws SQLException {
		return new AuditLog.Entry(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
				rs.getObject("account_id", UUID.class), rs.getString("role"), rs.getString("action"),
				rs.getString("resource_type"), rs.getObject("resource_id", UUID.class),
				rs.getObject("child_id", UUID.class), rs.getString("endpoint"), rs.getString("address"),
				rs.getString("outcome"), rs.getString("detail"));
	}

}
