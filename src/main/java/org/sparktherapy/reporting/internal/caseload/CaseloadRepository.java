package org.sparktherapy.reporting.internal.caseload;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whose children a caseload holds, read from the children module's published views
 * ({@code child_names}, {@code child_visibility}; ADR 0021).
 */
@Repository
class CaseloadRepository {

	/** A child on a caseload, with the name reports show. */
	record ChildName(UUID childId, String name) {
	}

	private final JdbcClient jdbc;

	CaseloadRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The active children the therapist supervises (care-team role supervisor), by name.
	 */
	List<ChildName> supervisedBy(UUID therapistId) {
		return this.jdbc.sql("""
				select n.child_id, n.display_name from child_visibility v
				join child_names n on n.child_id = v.child_id
				where v.account_id = :therapist and v.relation = 'supervisor' and n.status = 'active'
				order by n.display_name, n.child_id
				""")
			.param("therapist", therapistId)
			.query((rs, n) -> new ChildName(rs.getObject("child_id", UUID.class), rs.getString("display_name")))
			.list();
	}

	/** Every active child of the clinic, by name. */
	List<ChildName> allActive() {
		return this.jdbc.sql("""
				select child_id, display_name from child_names where status = 'active'
				order by display_name, child_id
				""")
			.query((rs, n) -> new ChildName(rs.getObject("child_id", UUID.class), rs.getString("display_name")))
			.list();
	}

}
