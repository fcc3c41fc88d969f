package org.sparktherapy.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads scheduling's published view {@code appointment_facts} (ADR 0021) for what its
 * events do not carry: who booked or cancelled (not to notify people of their own doing),
 * a series' first date, and the appointments due for a reminder (ADR 0012). Nothing here
 * writes to scheduling's tables.
 */
@Repository
class AppointmentTable {

	/** What notifications need of an appointment. */
	record Row(UUID id, UUID childId, UUID therapistId, Instant startsAt, UUID createdBy, UUID cancelledBy) {
	}

	private static final String COLUMNS = "a.appointment_id, a.child_id, a.therapist_id, a.starts_at, a.created_by, a.cancelled_by";

	private final JdbcClient jdbc;

	AppointmentTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from appointment_facts a where a.appointment_id = :id")
			.param("id", id)
			.query(AppointmentTable::map)
			.optional();
	}

	/**
	 * The first start of a series' appointments that are still scheduled; empty when none
	 * is (all cancelled before this listener ran).
	 */
	Optional<Instant> firstStartOfSeries(UUID seriesId) {
		return this.jdbc.sql("""
				select starts_at from appointment_facts where series_id = :series and status = 'scheduled'
				order by starts_at limit 1
				""").param("series", seriesId).query(Timestamp.class).optional().map(Timestamp::toInstant);
	}

	/**
	 * Scheduled appointments starting after {@code from} and at most at {@code to},
	 * booked (or last created) at least a day before their start, that have had no
	 * reminder for their current start time.
	 */
	List<Row> dueForReminder(Instant from, Instant to) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from appointment_facts a
				where a.status = 'scheduled' and a.starts_at > :from and a.starts_at <= :to
				  and a.created_at <= a.starts_at - interval '24 hours'
				  and not exists (select 1 from appointment_reminders r
				                  where r.appointment_id = a.appointment_id and r.starts_at = a.starts_at)
				order by a.starts_at limit 500
				""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(AppointmentTable::map)
			.list();
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getObject("appointment_id", UUID.class), rs.getObject("child_id", UUID.class),
				rs.getObject("therapist_id", UUID.class), rs.getTimestamp("starts_at").toInstant(),
				rs.getObject("created_by", UUID.class), rs.getObject("cancelled_by", UUID.class));
	}

}
