package org.sparktherapy.scheduling.internal.changes;

import org.sparktherapy.scheduling.internal.appointments.Appointment;
import org.sparktherapy.scheduling.internal.appointments.AppointmentService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.platform.web.SortColumns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Therapists' proposed appointment changes in PostgreSQL, read with the appointment as it
 * is now.
 */
@Repository
class ChangeRequestRepository {

	static final SortColumns SORTABLE = SortColumns.of(Map.of("requestedAt", "r.requested_at"));

	private static final String SELECT = """
			select r.*, p.starts_at as a_starts_at, p.ends_at as a_ends_at, p.therapist_id as a_therapist_id,
			    at.name as a_therapist_name, p.status as a_status, p.version as a_version,
			    pt.name as therapist_name, rb.name as requested_by_name, db.name as decided_by_name
			from appointment_change_requests r join appointments p on p.id = r.appointment_id
			join account_names at on at.account_id = p.therapist_id
			join account_names rb on rb.account_id = r.requested_by
			left join account_names pt on pt.account_id = r.therapist_id
			left join account_names db on db.account_id = r.decided_by
			""";

	private final JdbcClient jdbc;

	ChangeRequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The filters of a list; {@code null} for "any". {@code requestedBy} limits it to one
	 * proposer's.
	 */
	record Filter(AppointmentChangeRequest.Status status, UUID appointmentId, UUID requestedBy) {
	}

	/** Whether the appointment already has a pending request. */
	boolean hasPending(UUID appointmentId) {
		return this.jdbc
			.sql("select count(*) from appointment_change_requests where appointment_id = :id and status = 'pending'")
			.param("id", appointmentId)
			.query(Long.class)
			.single() > 0;
	}

	void insert(UUID id, Appointment appointment, Appointment.Scope scope, Instant startsAt, Instant endsAt,
			UUID therapistId, String note, UUID by, Instant now) {
		this.jdbc.sql("""
				insert into appointment_change_requests (id, appointment_id, appointment_version, child_id, scope,
				    starts_at, ends_at, therapist_id, note, status, requested_by, requested_at)
				values (:id, :appointment, :appointmentVersion, :child, :scope, :starts, :ends, :therapist, :note,
				    'pending', :by, :now)
				""")
			.param("id", id)
			.param("appointment", appointment.id())
			.param("appointmentVersion", appointment.version())
			.param("child", appointment.childId())
			.param("scope", scope.name().toLowerCase(Locale.ROOT))
			.param("starts", Timestamp.from(startsAt))
			.param("ends", Timestamp.from(endsAt))
			.param("therapist", therapistId)
			.param("note", note)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** The request, locked for a decision when {@code forUpdate}. */
	Optional<AppointmentChangeRequest> find(UUID id, boolean forUpdate) {
		return this.jdbc.sql(SELECT + " where r.id = :id" + (forUpdate ? " for update of r" : ""))
			.param("id", id)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** Settles a pending request; returns whether it was still pending. */
	boolean decide(UUID id, AppointmentChangeRequest.Status outcome, UUID by, String reason, Instant now) {
		return this.jdbc.sql("""
				update appointment_change_requests set status = :status, decided_by = :by, decided_at = :now,
				    decision_reason = :reason, version = version + 1
				where id = :id and status = 'pending'
				""")
			.param("id", id)
			.param("status", outcome.value())
			.param("by", by)
			.param("reason", reason)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/** One page of requests, newest first. */
	PageResponse<AppointmentChangeRequest> list(Filter filter, PageQuery page) {
		List<String> where = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (filter.status() != null) {
			where.add("r.status = :status");
			params.put("status", filter.status().value());
		}
		if (filter.appointmentId() != null) {
			where.add("r.appointment_id = :appointment");
			params.put("appointment", filter.appointmentId());
		}
		if (filter.requestedBy() != null) {
			// a proposer sees their requests while still on the child's care team
			where.add("r.requested_by = :by");
			where.add("exists (select 1 from child_visibility v where v.child_id = r.child_id and v.account_id = :by"
					+ " and v.relation in ('supervisor', 'technician'))");
			params.put("by", filter.requestedBy());
		}
		String clause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
		long total = this.jdbc.sql("select count(*) from appointment_change_requests r" + clause)
			.params(params)
			.query(Long.class)
			.single();
		List<AppointmentChangeRequest> rows = this.jdbc
			.sql(SELECT + clause + " order by " + page.orderBy() + ", r.id limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> map(rs))
			.list();
		return PageResponse.of(rows, page, total);
	}

	private static AppointmentChangeRequest map(ResultSet rs) throws SQLException {
		UUID therapist = rs.getObject("therapist_id", UUID.class);
		UUID decidedBy = rs.getObject("decided_by", UUID.class);
		Timestamp decidedAt = rs.getTimestamp("decided_at");
		return new AppointmentChangeRequest(rs.getObject("id", UUID.class), rs.getObject("appointment_id", UUID.class),
				rs.getInt("appointment_version"), rs.getObject("child_id", UUID.class),
				Appointment.Scope.valueOf(rs.getString("scope").toUpperCase(Locale.ROOT)),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				(therapist != null) ? new Appointment.Person(therapist, rs.getString("therapist_name")) : null,
				rs.getString("note"), AppointmentChangeRequest.Status.of(rs.getString("status")),
				new Appointment.Person(rs.getObject("requested_by", UUID.class), rs.getString("requested_by_name")),
				rs.getTimestamp("requested_at").toInstant(),
				(decidedBy != null) ? new Appointment.Person(decidedBy, rs.getString("decided_by_name")) : null,
				(decidedAt != null) ? decidedAt.toInstant() : null, rs.getString("decision_reason"),
				rs.getInt("version"),
				new AppointmentChangeRequest.Current(rs.getTimestamp("a_starts_at").toInstant(),
						rs.getTimestamp("a_ends_at").toInstant(),
						new Appointment.Person(rs.getObject("a_therapist_id", UUID.class),
								rs.getString("a_therapist_name")),
						Appointment.Status.of(rs.getString("a_status")), rs.getInt("a_version")));
	}

}
