package org.sparktherapy.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.platform.web.SortColumns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the access log for admins, newest first, with the users' names.
 */
@Repository
class AuditSearch {

	/** The one order of the log: newest first (by its sequence). */
	static final SortColumns SORTABLE = SortColumns.of(Map.of("at", "seq"));

	record AuditEntryResponse(UUID id, Instant at, @Nullable UUID userId, @Nullable String userName,
			@Nullable @Schema(allowableValues = {
					"admin", "therapist", "parent" }) String role,
			String action, String resourceType, @Nullable UUID resourceId, @Nullable UUID childId, String endpoint,
			@Nullable String address, @Schema(allowableValues = { "success", "denied", "not_found" }) String outcome,
			@Nullable @Schema(description = "The account an account event concerns, by name") String subjectName,
			@Nullable @Schema(description = "What else was kept: search terms, filters, the new role…") String detail){
	}

	/**
	 * Which entries: {@code account} — account events and reads of this log; {@code phi}
	 * — accesses to records.
	 */
	static final java.util.Set<String> KINDS = java.util.Set.of("account", "phi");

	private final JdbcClient jdbc;

	private final Accounts accounts;

	AuditSearch(JdbcClient jdbc, Accounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	@Transactional(readOnly = true)
	PageResponse<AuditEntryResponse> page(UUID childId, UUID userId, Instant from, Instant to, String kind,
			String action, PageQuery query) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object[]> params = new ArrayList<>();
		if ("account".equals(kind)) {
			where.append(" and resource_type in ('account', 'audit_log')");
		}
		else if ("phi".equals(kind)) {
			where.append(" and resource_type not in ('account', 'audit_log')");
		}
		if (action != null) {
			where.append(" and action = :action");
			params.add(new Object[] { "action", action });
		}
		if (childId != null) {
			where.append(" and child_id = :child");
			params.add(new Object[] { "child", childId });
		}
		if (userId != null) {
			where.append(" and account_id = :account");
			params.add(new Object[] { "account", userId });
		}
		if (from != null) {
			where.append(" and at >= :from");
			params.add(new Object[] { "from", Timestamp.from(from) });
		}
		if (to != null) {
			where.append(" and at < :to");
			params.add(new Object[] { "to", Timestamp.from(to) });
		}
		var count = this.jdbc.sql("select count(*) from audit_log" + where);
		var rows = this.jdbc
			.sql("""
					select id, at, account_id, role, action, resource_type, resource_id, child_id, endpoint, address, outcome,
					    detail
					from audit_log"""
					+ where + " order by " + query.orderBy() + " limit :limit offset :offset");
		for (Object[] param : params) {
			count = count.param((String) param[0], param[1]);
			rows = rows.param((String) param[0], param[1]);
		}
		long total = count.query(Long.class).single();
		java.util.Map<UUID, String> names = new java.util.HashMap<>();
		List<AuditEntryResponse> content = rows.param("limit", query.size())
			.param("offset", query.offset())
			.query((rs, n) -> {
				UUID account = rs.getObject("account_id", UUID.class);
				String name = (account == null) ? null : names.computeIfAbsent(account,
						id -> this.accounts.findById(id).map(AccountSummary::name).orElse(null));
				UUID resource = rs.getObject("resource_id", UUID.class);
				String subject = (resource == null || !AccountEventLog.RESOURCE.equals(rs.getString("resource_type")))
						? null : names.computeIfAbsent(resource,
								id -> this.accounts.findById(id).map(AccountSummary::name).orElse(null));
				return new AuditEntryResponse(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
						account, name, rs.getString("role"), rs.getString("action"), rs.getString("resource_type"),
						resource, rs.getObject("child_id", UUID.class), rs.getString("endpoint"),
						rs.getString("address"), rs.getString("outcome"), subject, rs.getString("detail"));
			})
			.list();
		return PageResponse.of(content, query, total);
	}

}
