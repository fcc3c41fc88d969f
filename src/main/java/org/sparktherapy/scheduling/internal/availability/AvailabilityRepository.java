package org.sparktherapy.scheduling.internal.availability;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Therapists' weekly availability blocks and time off in PostgreSQL.
 */
@Repository
public class AvailabilityRepository {

	/** Working hours on one weekday, in the clinic's time zone. */
	public record Block(DayOfWeek weekday, LocalTime start, LocalTime end) {
	}

	/** A stretch of time off. */
	public record TimeOff(UUID id, UUID therapistId, Instant startsAt, Instant endsAt, String reason) {
	}

	private final JdbcClient jdbc;

	AvailabilityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Block> blocks(UUID therapistId) {
		return this.jdbc.sql("""
				select weekday, start_time, end_time from therapist_availability where therapist_id = :therapist
				order by weekday, start_time
				""")
			.param("therapist", therapistId)
			.query((rs, n) -> new Block(DayOfWeek.of(rs.getInt(1)), rs.getObject(2, LocalTime.class),
					rs.getObject(3, LocalTime.class)))
			.list();
	}

	void replaceBlocks(UUID therapistId, List<Block> blocks) {
		this.jdbc.sql("delete from therapist_availability where therapist_id = :therapist")
			.param("therapist", therapistId)
			.update();
		for (Block block : blocks) {
			this.jdbc.sql("""
					insert into therapist_availability (therapist_id, weekday, start_time, end_time)
					values (:therapist, :weekday, :start, :end)
					""")
				.param("therapist", therapistId)
				.param("weekday", block.weekday().getValue())
				.param("start", block.start())
				.param("end", block.end())
				.update();
		}
	}

	void insertTimeOff(TimeOff timeOff, UUID by, Instant now) {
		this.jdbc.sql("""
				insert into therapist_time_off (id, therapist_id, starts_at, ends_at, reason, created_by, created_at)
				values (:id, :therapist, :starts, :ends, :reason, :by, :now)
				""")
			.param("id", timeOff.id())
			.param("therapist", timeOff.therapistId())
			.param("starts", Timestamp.from(timeOff.startsAt()))
			.param("ends", Timestamp.from(timeOff.endsAt()))
			.param("reason", timeOff.reason())
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * The therapist's availability rule for times within {@code from}–{@code to}: weekly
	 * hours and the time off touching that window.
	 */
	public TherapistAvailability availability(UUID therapistId, Instant from, Instant to, java.time.ZoneId zone) {
		return new TherapistAvailability(blocks(therapistId), timeOff(therapistId, from, to), zone);
	}

	/** The therapist's time off that touches the window. */
	public List<TimeOff> timeOff(UUID therapistId, Instant from, Instant to) {
		return this.jdbc.sql("""
				select id, therapist_id, starts_at, ends_at, reason from therapist_time_off
				where therapist_id = :therapist and starts_at < :to and ends_at > :from order by starts_at
				""")
			.param("therapist", therapistId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new TimeOff(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
	}

}
