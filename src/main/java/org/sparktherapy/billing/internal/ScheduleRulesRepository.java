package org.sparktherapy.billing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The clinic's one row of {@link ScheduleRules} (V26 creates it). */
@Repository
class ScheduleRulesRepository {

	private final JdbcClient jdbc;

	ScheduleRulesRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ScheduleRules get() {
		return this.jdbc.sql("select * from billing_schedule_rules")
			.query((rs, row) -> new ScheduleRules(ScheduleRules.Enforcement.of(rs.getString("enforcement")),
					rs.getInt("grace_days"), rs.getObject("updated_by", UUID.class),
					rs.getTimestamp("updated_at").toInstant(), rs.getInt("version")))
			.single();
	}

	/**
	 * Changes the rules if the stored version is {@code version}; false when it is not.
	 */
	boolean update(int version, ScheduleRules.Enforcement enforcement, int graceDays, UUID by, Instant at) {
		return this.jdbc.sql("""
				update billing_schedule_rules set enforcement = :enforcement, grace_days = :grace, updated_by = :by,
				  updated_at = :at, version = version + 1
				where version = :version
				""")
			.param("enforcement", enforcement.value())
			.param("grace", graceDays)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("version", version)
			.update() == 1;
	}

}
