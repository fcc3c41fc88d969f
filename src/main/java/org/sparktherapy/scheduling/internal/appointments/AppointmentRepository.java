package org.sparktherapy.scheduling.internal.appointments;

import org.sparktherapy.scheduling.internal.SchedulingAccessPolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.platform.web.SortColumns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appointments and series in PostgreSQL. The table's exclusion constraints refuse
 * overlapping live appointments of one therapist or one child, whatever runs concurrently
 * — except a supervisor's 97155 over a technician's 97153 of the same child (V17), which
 * each side lists as its supervision.
 */
@Repository
class AppointmentRepository {

	static final SortColumns SORTABLE = SortColumns.of(java.util.Map.of("start", "p.starts_at"));

	private static final String SELECT = """
			select p.*, t.name as therapist_name, c.name as cancelled_by_name, o.name as override_by_name,
			  (select s.status from session_states s where s.session_id = p.session_id) as session_status,
			  sv.ids as supervision_ids, sv.therapist_ids as supervision_therapist_ids,
			  sv.therapist_names as supervision_therapist_names
			from appointments p join account_names t on t.account_id = p.therapist_id
			left join account_names c on c.account_id = p.cancelled_by
			left join account_names o on o.account_id = p.override_by
			left join lateral (
			  select array_agg(q.id order by q.starts_at) as ids,
			         array_agg(q.therapist_id order by q.starts_at) as therapist_ids,
			         array_agg(qt.name order by q.starts_at) as therapist_names
			  from appointments q join account_names qt on qt.account_id = q.therapist_id
			  where p.service_code in ('97153', '97155') and p.status not in ('cancelled', 'no_show')
			    and q.child_id = p.child_id and q.therapist_id <> p.therapist_id
			    and q.service_code = case p.service_code when '97155' then '97153' else '97155' end
			    and q.status not in ('cancelled', 'no_show')
			    and q.starts_at < p.ends_at and q.ends_at > p.starts_at
			) sv on true
			""";

	/** Advisory lock namespace (first key) of the per-person booking locks: "schd". */
	private static final int SCHEDULE_LOCKS = 0x73636864;

	private final JdbcClient jdbc;

	AppointmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What a new appointment is made of. */
	record NewAppointment(UUID id, UUID seriesId, UUID childId, UUID therapistId, String serviceCode, String place,
			Instant startsAt, Instant endsAt, LocalDateTime localStart, ZoneId zone, UUID overrideBy,
			String overrideReason, UUID createdBy) {
	}

	/** A weekly series as booked. */
	record NewSeries(UUID id, String rrule, ZoneId zone, LocalDateTime localStart, int durationMinutes, UUID childId,
			UUID therapistId, String serviceCode, String place, UUID createdBy) {
	}

	/** The filters of a list; {@code null} for "any". */
	record Filter(Instant from, Instant to, UUID therapistId, UUID childId, Appointment.Status status) {
	}

	Optional<Appointment> find(UUID id, boolean forUpdate) {
		return this.jdbc.sql(SELECT + " where p.id = :id" + (forUpdate ? " for update of p" : ""))
			.param("id", id)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** These appointments, by start. */
	List<Appointment> findAll(List<UUID> ids) {
		return this.jdbc.sql(SELECT + " where p.id in (:ids) order by p.starts_at")
			.param("ids", ids)
			.query((rs, n) -> map(rs))
			.list();
	}

	void insertSeries(NewSeries s, Instant now) {
		this.jdbc.sql("""
				insert into appointment_series (id, rrule, zone, local_start, duration_min, child_id, therapist_id,
				    service_code, place, created_by, created_at)
				values (:id, :rrule, :zone, :local, :duration, :child, :therapist, :code, :place, :by, :now)
				""")
			.param("id", s.id())
			.param("rrule", s.rrule())
			.param("zone", s.zone().getId())
			.param("local", s.localStart())
			.param("duration", s.durationMinutes())
			.param("child", s.childId())
			.param("therapist", s.therapistId())
			.param("code", s.serviceCode())
			.param("place", s.place())
			.param("by", s.createdBy())
			.param("now", Timestamp.from(now))
			.update();
	}

	void insert(NewAppointment a, Instant now) {
		this.jdbc
			.sql("""
					insert into appointments (id, series_id, child_id, therapist_id, service_code, place, starts_at, ends_at,
					    local_start, zone, status, override_by, override_reason, created_by, created_at, updated_at)
					values (:id, :series, :child, :therapist, :code, :place, :starts, :ends, :local, :zone, 'scheduled',
					    :overrideBy, :overrideReason, :by, :now, :now)
					""")
			.param("id", a.id())
			.param("series", a.seriesId())
			.param("child", a.childId())
			.param("therapist", a.therapistId())
			.param("code", a.serviceCode())
			.param("place", a.place())
			.param("starts", Timestamp.from(a.startsAt()))
			.param("ends", Timestamp.from(a.endsAt()))
			.param("local", a.localStart())
			.param("zone", a.zone().getId())
			.param("overrideBy", a.overrideBy())
			.param("overrideReason", a.overrideReason())
			.param("by", a.createdBy())
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Live (not cancelled, not no-show) appointments of the therapist or the child that
	 * touch the window.
	 */
	List<Appointment> liveOfTherapistOrChild(UUID therapistId, UUID childId, Instant from, Instant to) {
		return this.jdbc.sql(SELECT + """
				 where (p.therapist_id = :therapist or p.child_id = :child) and p.status not in ('cancelled', 'no_show')
				    and p.starts_at < :to and p.ends_at > :from
				order by p.starts_at
				""")
			.param("therapist", therapistId)
			.param("child", childId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> map(rs))
			.list();
	}

	/** Moves the status if it still is {@code from}; returns whether it did. */
	boolean changeStatus(UUID id, Appointment.Status from, Appointment.Status to, Instant now) {
		return this.jdbc.sql("""
				update appointments set status = :to, updated_at = :now, version = version + 1
				where id = :id and status = :from
				""")
			.param("id", id)
			.param("from", from.value())
			.param("to", to.value())
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Completes a checked-in appointment with its actual times; returns whether it was
	 * still checked in.
	 */
	boolean complete(UUID id, Instant actualStart, Instant actualEnd, Instant now) {
		return this.jdbc.sql("""
				update appointments set status = 'completed', actual_start = :start, actual_end = :end,
				    updated_at = :now, version = version + 1
				where id = :id and status = 'checked_in'
				""")
			.param("id", id)
			.param("start", Timestamp.from(actualStart))
			.param("end", Timestamp.from(actualEnd))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** The appointment a session records, locked for a change. */
	Optional<Appointment> ofSession(UUID sessionId) {
		return this.jdbc.sql(SELECT + " where p.session_id = :session for update of p")
			.param("session", sessionId)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** Links the session opened by completing the appointment. */
	void linkSession(UUID id, UUID sessionId) {
		this.jdbc.sql("update appointments set session_id = :session where id = :id")
			.param("id", id)
			.param("session", sessionId)
			.update();
	}

	/**
	 * The series' scheduled occurrences starting at or after {@code from}, by start,
	 * locked for a change.
	 */
	List<Appointment> scheduledOfSeries(UUID seriesId, Instant from) {
		return this.jdbc.sql(SELECT + """
				 where p.series_id = :series and p.status = 'scheduled' and p.starts_at >= :from
				order by p.starts_at for update of p
				""").param("series", seriesId).param("from", Timestamp.from(from)).query((rs, n) -> map(rs)).list();
	}

	/** The series as booked. */
	Optional<NewSeries> series(UUID seriesId) {
		return this.jdbc.sql("select * from appointment_series where id = :id")
			.param("id", seriesId)
			.query((rs, n) -> new NewSeries(rs.getObject("id", UUID.class), rs.getString("rrule"),
					ZoneId.of(rs.getString("zone")), rs.getObject("local_start", LocalDateTime.class),
					rs.getInt("duration_min"), rs.getObject("child_id", UUID.class),
					rs.getObject("therapist_id", UUID.class), rs.getString("service_code"), rs.getString("place"),
					rs.getObject("created_by", UUID.class)))
			.optional();
	}

	/** Describes the series anew after all its occurrences moved. */
	void updateSeries(NewSeries s) {
		this.jdbc.sql("""
				update appointment_series set rrule = :rrule, local_start = :local, duration_min = :duration,
				    therapist_id = :therapist, service_code = :code, place = :place
				where id = :id
				""")
			.param("id", s.id())
			.param("rrule", s.rrule())
			.param("local", s.localStart())
			.param("duration", s.durationMinutes())
			.param("therapist", s.therapistId())
			.param("code", s.serviceCode())
			.param("place", s.place())
			.update();
	}

	/**
	 * Gives the occurrences another series (the moved part of a series split by "this and
	 * following").
	 */
	void moveToSeries(List<UUID> ids, UUID seriesId) {
		this.jdbc.sql("update appointments set series_id = :series where id in (:ids)")
			.param("series", seriesId)
			.param("ids", ids)
			.update();
	}

	/**
	 * Takes the booking lock of each of these therapists and children until the
	 * transaction ends, in one global order (ascending key), so two bookings that could
	 * overlap — sharing a therapist or a child — run one after the other. Without it, two
	 * transactions inserting overlapping rows each wait for the other in the exclusion
	 * constraint's check (PostgreSQL inserts the index entry first, then looks for
	 * conflicts) and one dies of a deadlock. The second also sees the first's
	 * appointments once it has the lock, so it answers with the named conflicts.
	 */
	void lockSchedulesOf(java.util.Collection<UUID> people) {
		java.util.TreeSet<Integer> keys = new java.util.TreeSet<>();
		people.forEach(id -> keys.add(id.hashCode()));
		// one statement, taking the locks in ascending order (unnest yields the array in
		// order)
		this.jdbc.sql("select count(pg_advisory_xact_lock(:namespace, k)) from unnest(cast(:keys as int[])) as k")
			.param("namespace", SCHEDULE_LOCKS)
			.param("keys",
					keys.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")))
			.query(Long.class)
			.single();
	}

	/**
	 * Until {@link #checkOverlapsNow()}, overlaps are checked at commit: occurrences may
	 * pass each other.
	 */
	void deferOverlapChecks() {
		this.jdbc.sql("set constraints appointments_therapist_no_overlap, appointments_child_no_overlap deferred")
			.update();
	}

	/**
	 * Checks the overlaps deferred so far (an exclusion violation here) and checks at
	 * once again.
	 */
	void checkOverlapsNow() {
		this.jdbc.sql("set constraints appointments_therapist_no_overlap, appointments_child_no_overlap immediate")
			.update();
	}

	/** Gives the appointment new times, therapist, service and place. */
	void reschedule(UUID id, UUID therapistId, String serviceCode, String place, Instant startsAt, Instant endsAt,
			LocalDateTime localStart, UUID overrideBy, String overrideReason, Instant now) {
		this.jdbc.sql("""
				update appointments set therapist_id = :therapist, service_code = :code, place = :place,
				    starts_at = :starts, ends_at = :ends, local_start = :local,
				    override_by = coalesce(:overrideBy, override_by),
				    override_reason = coalesce(:overrideReason, override_reason), updated_at = :now,
				    version = version + 1
				where id = :id
				""")
			.param("id", id)
			.param("therapist", therapistId)
			.param("code", serviceCode)
			.param("place", place)
			.param("starts", Timestamp.from(startsAt))
			.param("ends", Timestamp.from(endsAt))
			.param("local", localStart)
			.param("overrideBy", overrideBy)
			.param("overrideReason", overrideReason)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Cancels the appointment if it is still scheduled; returns whether it did. */
	boolean cancel(UUID id, UUID by, String byRole, String reason, boolean late, Instant now) {
		return this.jdbc.sql("""
				update appointments set status = 'cancelled', cancelled_at = :now, cancelled_by = :by,
				    cancelled_by_role = :role, cancel_reason = :reason, cancelled_late = :late, updated_at = :now,
				    version = version + 1
				where id = :id and status = 'scheduled'
				""")
			.param("id", id)
			.param("by", by)
			.param("role", byRole)
			.param("reason", reason)
			.param("late", late)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** One page of the appointments the scope lets the user see, filtered. */
	PageResponse<Appointment> list(SchedulingAccessPolicy.Scope scope, UUID userId, Filter filter, PageQuery page) {
		List<String> where = new ArrayList<>();
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		switch (scope) {
			case ALL -> {
			}
			case OWN -> where.add("p.therapist_id = :user");
			// who sees which child: the children module's published view (ADR 0021)
			case THERAPIST -> where.add("(p.therapist_id = :user or p.child_id in "
					+ "(select v.child_id from child_visibility v where v.account_id = :user))");
			case GUARDIAN ->
				where.add("p.child_id in (select v.child_id from child_visibility v where v.account_id = :user)");
		}
		if (scope != SchedulingAccessPolicy.Scope.ALL) {
			params.put("user", userId);
		}
		if (filter.from() != null) {
			where.add("p.ends_at > :from");
			params.put("from", Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			where.add("p.starts_at < :to");
			params.put("to", Timestamp.from(filter.to()));
		}
		if (filter.therapistId() != null) {
			where.add("p.therapist_id = :therapist");
			params.put("therapist", filter.therapistId());
		}
		if (filter.childId() != null) {
			where.add("p.child_id = :child");
			params.put("child", filter.childId());
		}
		if (filter.status() != null) {
			where.add("p.status = :status");
			params.put("status", filter.status().value());
		}
		String clause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
		List<Appointment> rows = this.jdbc
			.sql(SELECT + clause + " order by " + page.orderBy() + ", p.id limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> map(rs))
			.list();
		return PageResponse.of(rows, page, total(rows.size(), page, clause, params));
	}

	/**
	 * How many appointments match in all: a page with fewer rows than it holds is the
	 * last one (unless it is empty past the first page), so the total is known without
	 * counting (a week of one therapist's usually fits one page); otherwise counted.
	 */
	private long total(int rows, PageQuery page, String clause, java.util.Map<String, Object> params) {
		if (rows < page.size() && (rows > 0 || page.offset() == 0)) {
			return page.offset() + rows;
		}
		return this.jdbc.sql("select count(*) from appointments p" + clause).params(params).query(Long.class).single();
	}

	private static Appointment map(ResultSet rs) throws SQLException {
		Timestamp cancelledAt = rs.getTimestamp("cancelled_at");
		UUID overrideBy = rs.getObject("override_by", UUID.class);
		Timestamp actualStart = rs.getTimestamp("actual_start");
		String code = rs.getString("service_code");
		List<Appointment.Supervision> supervision = supervision(rs);
		return new Appointment(rs.getObject("id", UUID.class), rs.getObject("series_id", UUID.class),
				rs.getObject("child_id", UUID.class),
				new Appointment.Person(rs.getObject("therapist_id", UUID.class), rs.getString("therapist_name")),
				rs.getString("service_code"), rs.getString("place"), rs.getTimestamp("starts_at").toInstant(),
				rs.getTimestamp("ends_at").toInstant(), Appointment.Status.of(rs.getString("status")),
				(cancelledAt != null) ? new Appointment.Cancellation(cancelledAt.toInstant(),
						new Appointment.Person(rs.getObject("cancelled_by", UUID.class),
								rs.getString("cancelled_by_name")),
						rs.getString("cancelled_by_role"), rs.getString("cancel_reason"),
						rs.getBoolean("cancelled_late")) : null,
				(overrideBy != null)
						? new Appointment.Override(new Appointment.Person(overrideBy, rs.getString("override_by_name")),
								rs.getString("override_reason"))
						: null,
				rs.getObject("session_id", UUID.class), rs.getString("session_status"),
				(actualStart != null)
						? new Appointment.Actual(actualStart.toInstant(), rs.getTimestamp("actual_end").toInstant())
						: null,
				"97155".equals(code) ? supervision : List.of(), "97153".equals(code) ? supervision : List.of(),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				rs.getInt("version"));
	}

	/** The appointments on the other side of a supervision overlap, by start. */
	private static List<Appointment.Supervision> supervision(ResultSet rs) throws SQLException {
		java.sql.Array ids = rs.getArray("supervision_ids");
		if (ids == null) {
			return List.of();
		}
		Object[] appointments = (Object[]) ids.getArray();
		Object[] therapists = (Object[]) rs.getArray("supervision_therapist_ids").getArray();
		Object[] names = (Object[]) rs.getArray("supervision_therapist_names").getArray();
		List<Appointment.Supervision> result = new ArrayList<>();
		for (int i = 0; i < appointments.length; i++) {
			result.add(new Appointment.Supervision((UUID) appointments[i],
					new Appointment.Person((UUID) therapists[i], (String) names[i])));
		}
		return List.copyOf(result);
	}

}
