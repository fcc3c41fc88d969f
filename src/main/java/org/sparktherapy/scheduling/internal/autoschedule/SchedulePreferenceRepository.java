package org.sparktherapy.scheduling.internal.autoschedule;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Children's schedule preferences in PostgreSQL.
 */
@Repository
public class SchedulePreferenceRepository {

	private final JdbcClient jdbc;

	SchedulePreferenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<SchedulePreferences> find(UUID childId) {
		return this.jdbc.sql("select preferred_place, version from child_schedule_preferences where child_id = :child")
			.param("child", childId)
			.query((rs, n) -> new SchedulePreferences(childId, hours(childId), prescriptions(childId), rs.getString(1),
					rs.getInt(2)))
			.optional();
	}

	/** The preferences of these children; children without any are left out. */
	List<SchedulePreferences> findAll(Collection<UUID> childIds) {
		if (childIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select child_id from child_schedule_preferences where child_id in (:children)")
			.param("children", childIds)
			.query(UUID.class)
			.list()
			.stream()
			.map(id -> find(id).orElseThrow())
			.toList();
	}

	/**
	 * Active children with some prescribed hours (the children module's published view
	 * {@code child_names}, ADR 0021).
	 */
	List<UUID> activeChildrenWithPrescribedHours() {
		return this.jdbc.sql("""
				select distinct h.child_id from child_prescribed_hours h join child_names c on c.child_id = h.child_id
				where c.status = 'active' and h.hours > 0 order by h.child_id
				""").query(UUID.class).list();
	}

	/** Replaces the child's preferences as a whole. */
	void replace(SchedulePreferences preferences, UUID by, Instant now) {
		UUID child = preferences.childId();
		this.jdbc.sql("""
				insert into child_schedule_preferences (child_id, preferred_place, updated_by, updated_at)
				values (:child, :place, :by, :now)
				on conflict (child_id) do update set preferred_place = excluded.preferred_place,
				    updated_by = excluded.updated_by, updated_at = excluded.updated_at,
				    version = child_schedule_preferences.version + 1
				""")
			.param("child", child)
			.param("place", preferences.preferredPlace())
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update();
		this.jdbc.sql("delete from child_available_hours where child_id = :child").param("child", child).update();
		this.jdbc.sql("delete from child_prescribed_hours where child_id = :child").param("child", child).update();
		for (SchedulePreferences.Hours hours : preferences.availableHours()) {
			this.jdbc.sql("""
					insert into child_available_hours (child_id, weekday, start_time, end_time)
					values (:child, :weekday, :start, :end)
					""")
				.param("child", child)
				.param("weekday", hours.weekday().getValue())
				.param("start", hours.start())
				.param("end", hours.end())
				.update();
		}
		for (SchedulePreferences.Prescription prescription : preferences.prescribedWeeklyHours()) {
			this.jdbc.sql("""
					insert into child_prescribed_hours (child_id, service_code, hours) values (:child, :code, :hours)
					""")
				.param("child", child)
				.param("code", prescription.serviceCode())
				.param("hours", prescription.hours())
				.update();
		}
	}

	private List<SchedulePreferences.Hours> hours(UUID childId) {
		return this.jdbc.sql("""
				select weekday, start_time, end_time from child_available_hours where child_id = :child
				order by weekday, start_time
				""")
			.param("child", childId)
			.query((rs, n) -> new SchedulePreferences.Hours(DayOfWeek.of(rs.getInt(1)),
					rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class)))
			.list();
	}

	private List<SchedulePreferences.Prescription> prescriptions(UUID childId) {
		return this.jdbc.sql("""
				select service_code, hours from child_prescribed_hours where child_id = :child order by service_code
				""")
			.param("child", childId)
			.query((rs, n) -> new SchedulePreferences.Prescription(rs.getString(1), rs.getInt(2)))
			.list();
	}

}
