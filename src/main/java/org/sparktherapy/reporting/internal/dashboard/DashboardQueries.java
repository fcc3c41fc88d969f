package org.sparktherapy.reporting.internal.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Nullable;

import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.reporting.internal.ReportPeriod;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's figures, computed in SQL from the views other modules publish for
 * reporting (ADR 0021, ADR 0033) — {@code appointment_facts},
 * {@code prescribed_hours_facts}, {@code therapist_availability_facts},
 * {@code therapist_time_off_facts}, {@code authorization_facts}, {@code session_facts},
 * {@code child_names}, {@code account_names} — never their tables.
 * <p>
 * An appointment belongs to the period its start falls in (the clinic's days, so a
 * daylight-saving day has its 23 or 25 hours); its whole time counts there. Hours are
 * decimals with two places.
 */
@Component
class DashboardQueries {

	/** Hours from seconds, two decimals. */
	private static final String HOURS = "round(coalesce(%s, 0) / 3600.0, 2)";

	private final JdbcClient jdbc;

	private final Clock clock;

	DashboardQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Per child: prescribed, scheduled, delivered (service and clock hours), authorized.
	 */
	record ChildUtilizationRow(UUID childId, String childName, BigDecimal prescribedHours, BigDecimal scheduledHours,
			BigDecimal deliveredHours, BigDecimal deliveredClockHours, BigDecimal authorizedHours) {
	}

	/** Per therapist: delivered (billable) hours against available hours. */
	record TherapistUtilizationRow(UUID therapistId, String therapistName, @Nullable String credential,
			BigDecimal scheduledHours, BigDecimal billableHours, BigDecimal availableHours,
			@Nullable BigDecimal utilization) {
	}

	List<ChildUtilizationRow> childUtilization(ReportPeriod period) {
		return this.jdbc
			.sql("""
					with booked as (
					    select child_id,
					           sum(extract(epoch from ends_at - starts_at)) filter (where status <> 'cancelled') as scheduled,
					           sum(extract(epoch from actual_end - actual_start)) filter (where status = 'completed') as delivered
					    from appointment_facts
					    where starts_at >= :start and starts_at < :end
					    group by child_id),
					clock_time as (
					    select child_id, sum(extract(epoch from upper(r) - lower(r))) as delivered
					    from (select child_id, unnest(range_agg(tstzrange(actual_start, actual_end))) as r
					          from appointment_facts
					          where status = 'completed' and starts_at >= :start and starts_at < :end
					          group by child_id) merged
					    group by child_id),
					prescribed as (
					    select child_id, sum(weekly_hours) * :days / 7.0 as hours
					    from prescribed_hours_facts
					    group by child_id),
					authorized as (
					    select child_id,
					           sum(units_authorized * 0.25 * (least(ends_on, :to) - greatest(starts_on, :from) + 1)
					               / (ends_on - starts_on + 1)::numeric) as hours
					    from authorization_facts
					    where starts_on <= :to and ends_on >= :from
					    group by child_id)
					select n.child_id, n.display_name,
					       round(coalesce(p.hours, 0), 2) as prescribed,
					       %s as scheduled, %s as delivered, %s as delivered_clock,
					       round(coalesce(a.hours, 0), 2) as authorized
					from child_names n
					left join prescribed p on p.child_id = n.child_id
					left join booked b on b.child_id = n.child_id
					left join clock_time c on c.child_id = n.child_id
					left join authorized a on a.child_id = n.child_id
					where b.child_id is not null or a.child_id is not null
					   or (p.child_id is not null and n.status = 'active')
					order by n.display_name, n.child_id
					"""
				.formatted(HOURS.formatted("b.scheduled"), HOURS.formatted("b.delivered"),
						HOURS.formatted("c.delivered")))
			.param("start", ts(period.start()))
			.param("end", ts(period.end()))
			.param("from", period.from())
			.param("to", period.to())
			.param("days", period.days())
			.query((rs, row) -> new ChildUtilizationRow(uuid(rs, "child_id"), rs.getString("display_name"),
					rs.getBigDecimal("prescribed"), rs.getBigDecimal("scheduled"), rs.getBigDecimal("delivered"),
					rs.getBigDecimal("delivered_clock"), rs.getBigDecimal("authorized")))
			.list();
	}

	List<TherapistUtilizationRow> therapistUtilization(ReportPeriod period) {
		return this.jdbc
			.sql("""
					with days as (
					    select d::date as day from generate_series(cast(:from as date), cast(:to as date), interval '1 day') d),
					working as (
					    select a.therapist_id,
					           range_agg(tstzrange((d.day + a.start_time) at time zone :zone,
					                               (d.day + a.end_time) at time zone :zone)) as hours
					    from days d
					    join therapist_availability_facts a on a.weekday = extract(isodow from d.day)
					    group by a.therapist_id),
					away as (
					    select therapist_id, range_agg(tstzrange(starts_at, ends_at)) as hours
					    from therapist_time_off_facts
					    where starts_at < :end and ends_at > :start
					    group by therapist_id),
					available as (
					    select w.therapist_id, sum(extract(epoch from upper(r) - lower(r))) as seconds
					    from working w
					    left join away o on o.therapist_id = w.therapist_id
					    cross join lateral unnest(w.hours - coalesce(o.hours, '{}'::tstzmultirange)) as r
					    group by w.therapist_id),
					booked as (
					    select therapist_id,
					           sum(extract(epoch from ends_at - starts_at)) filter (where status <> 'cancelled') as scheduled,
					           sum(extract(epoch from actual_end - actual_start)) filter (where status = 'completed') as billable
					    from appointment_facts
					    where starts_at >= :start and starts_at < :end
					    group by therapist_id)
					select t.account_id, t.name, t.credential,
					       %s as scheduled, %s as billable, %s as available
					from account_names t
					left join available v on v.therapist_id = t.account_id
					left join booked b on b.therapist_id = t.account_id
					where t.role = 'therapist' and (t.active or b.therapist_id is not null)
					order by t.name, t.account_id
					"""
				.formatted(HOURS.formatted("b.scheduled"), HOURS.formatted("b.billable"), HOURS.formatted("v.seconds")))
			.param("start", ts(period.start()))
			.param("end", ts(period.end()))
			.param("from", period.from())
			.param("to", period.to())
			.param("zone", period.zone().getId())
			.query((rs, row) -> {
				BigDecimal billable = rs.getBigDecimal("billable");
				BigDecimal available = rs.getBigDecimal("available");
				return new TherapistUtilizationRow(uuid(rs, "account_id"), rs.getString("name"),
						rs.getString("credential"), rs.getBigDecimal("scheduled"), billable, available,
						(available.signum() > 0) ? billable.divide(available, 4, RoundingMode.HALF_UP) : null);
			})
			.list();
	}

	/** The period's appointments by what became of them (cancellations by who). */
	record CancellationCounts(int appointments, int cancelledByParent, int cancelledByAdmin, int noShows,
			int lateCancellations) {

		int cancelled() {
			return this.cancelledByParent + this.cancelledByAdmin;
		}

	}

	/**
	 * One ISO week's counts; {@code week} like {@code 2026-W44}, starting on Monday
	 * {@code starts}.
	 */
	record WeekCancellations(String week, LocalDate starts, CancellationCounts counts) {
	}

	/** A child's or a therapist's counts. */
	record WhoCancellations(UUID id, String name, CancellationCounts counts) {
	}

	private static final String COUNTS = """
			count(f.appointment_id) as appointments,
			count(*) filter (where f.status = 'cancelled' and f.cancelled_by_role = 'parent') as by_parent,
			count(*) filter (where f.status = 'cancelled' and f.cancelled_by_role is distinct from 'parent') as by_admin,
			count(*) filter (where f.status = 'no_show') as no_shows,
			count(*) filter (where f.status = 'cancelled' and f.cancelled_late) as late
			""";

	CancellationCounts cancellationTotals(ReportPeriod period) {
		return this.jdbc
			.sql("select " + COUNTS + " from appointment_facts f where f.starts_at >= :start and f.starts_at < :end")
			.param("start", ts(period.start()))
			.param("end", ts(period.end()))
			.query((rs, row) -> counts(rs))
			.single();
	}

	List<WeekCancellations> cancellationWeeks(ReportPeriod period) {
		return this.jdbc.sql("""
				select to_char(w.monday, 'IYYY-"W"IW') as week, w.monday::date as monday, %s
				from generate_series(date_trunc('week', cast(:from as timestamp)), cast(:to as timestamp),
				                     interval '1 week') as w(monday)
				left join appointment_facts f
				       on f.starts_at >= :start and f.starts_at < :end
				      and date_trunc('week', f.starts_at at time zone :zone) = w.monday
				group by w.monday
				order by w.monday
				""".formatted(COUNTS))
			.param("start", ts(period.start()))
			.param("end", ts(period.end()))
			.param("from", period.from())
			.param("to", period.to())
			.param("zone", period.zone().getId())
			.query((rs, row) -> new WeekCancellations(rs.getString("week"), rs.getObject("monday", LocalDate.class),
					counts(rs)))
			.list();
	}

	/**
	 * The children with the most cancellations and no-shows, most first; at most
	 * {@code limit}.
	 */
	List<WhoCancellations> cancellationsByChild(ReportPeriod period, int limit) {
		return byWho(period, limit, "f.child_id", "child_names n on n.child_id = f.child_id", "n.display_name");
	}

	/** The therapists with the most cancellations and no-shows, most first. */
	List<WhoCancellations> cancellationsByTherapist(ReportPeriod period, int limit) {
		return byWho(period, limit, "f.therapist_id", "account_names n on n.account_id = f.therapist_id", "n.name");
	}

	private List<WhoCancellations> byWho(ReportPeriod period, int limit, String id, String join, String name) {
		return this.jdbc.sql("""
				select %1$s as id, %3$s as name, %4$s
				from appointment_facts f join %2$s
				where f.starts_at >= :start and f.starts_at < :end
				group by %1$s, %3$s
				having count(*) filter (where f.status in ('cancelled', 'no_show')) > 0
				order by count(*) filter (where f.status in ('cancelled', 'no_show')) desc, %3$s, %1$s
				limit :limit
				""".formatted(id, join, name, COUNTS))
			.param("start", ts(period.start()))
			.param("end", ts(period.end()))
			.param("limit", limit)
			.query((rs, row) -> new WhoCancellations(uuid(rs, "id"), rs.getString("name"), counts(rs)))
			.list();
	}

	private static CancellationCounts counts(ResultSet rs) throws SQLException {
		return new CancellationCounts(rs.getInt("appointments"), rs.getInt("by_parent"), rs.getInt("by_admin"),
				rs.getInt("no_shows"), rs.getInt("late"));
	}

	/** A therapist's documentation in the period. */
	record TherapistDocumentationRow(UUID therapistId, String therapistName, int sessions, int submittedOnTime,
			int submittedLate, int openOverdue, int awaitingGuardian) {
	}

	/** One session with a documentation issue. */
	record SessionRow(UUID sessionId, UUID childId, String childName, UUID therapistId, String therapistName,
			String serviceCode, Instant startedAt, @Nullable Instant endedAt, String status,
			@Nullable Instant submittedAt, @Nullable BigDecimal hoursToSubmit, boolean submittedLate,
			boolean openOverdue, boolean awaitingGuardian) {
	}

	private static final String SESSION_FLAGS = """
			(s.status = 'submitted' and s.submitted_at > coalesce(s.ended_at, s.started_at) + interval '24 hours') as late,
			(s.status = 'open' and coalesce(s.ended_at, s.started_at) + interval '24 hours' < :now) as overdue,
			(s.status = 'submitted' and s.guardian_signed_at is null) as unsigned
			""";

	List<TherapistDocumentationRow> documentationByTherapist(ReportPeriod period) {
		return this.jdbc.sql("""
				select s.therapist_id, t.name,
				       count(*) as sessions,
				       count(*) filter (where s.status = 'submitted' and not flags.late) as on_time,
				       count(*) filter (where flags.late) as late,
				       count(*) filter (where flags.overdue) as overdue,
				       count(*) filter (where flags.unsigned) as unsigned
				from session_facts s
				join account_names t on t.account_id = s.therapist_id
				cross join lateral (select %s) flags
				where s.started_at >= :start and s.started_at < :end
				group by s.therapist_id, t.name
				order by t.name, s.therapist_id
				""".formatted(SESSION_FLAGS))
			.param("start", ts(period.start()))
			.param("end", ts(period.end()))
			.param("now", ts(this.clock.instant()))
			.query((rs, row) -> new TherapistDocumentationRow(uuid(rs, "therapist_id"), rs.getString("name"),
					rs.getInt("sessions"), rs.getInt("on_time"), rs.getInt("late"), rs.getInt("overdue"),
					rs.getInt("unsigned")))
			.list();
	}

	/**
	 * The period's sessions with an issue (submitted late, open past 24 hours, waiting
	 * for a guardian's signature), optionally of one therapist and one issue, in time
	 * order: one page of them, or all with {@code page} {@code null}.
	 */
	List<SessionRow> documentationSessions(ReportPeriod period, @Nullable UUID therapistId, @Nullable String issue,
			@Nullable PageQuery page) {
		return sessionsStatement("""
				select s.session_id, s.child_id, n.display_name, s.therapist_id, t.name, s.service_code,
				       s.started_at, s.ended_at, s.status, s.submitted_at,
				       round(extract(epoch from s.submitted_at - coalesce(s.ended_at, s.started_at)) / 3600.0, 1)
				           as hours_to_submit,
				       flags.late, flags.overdue, flags.unsigned
				""", "order by s.started_at, s.session_id" + limit(page), period, therapistId, issue, page)
			.query((rs, row) -> new SessionRow(uuid(rs, "session_id"), uuid(rs, "child_id"),
					rs.getString("display_name"), uuid(rs, "therapist_id"), rs.getString("name"),
					rs.getString("service_code"), instant(rs, "started_at"), instant(rs, "ended_at"),
					rs.getString("status"), instant(rs, "submitted_at"), rs.getBigDecimal("hours_to_submit"),
					rs.getBoolean("late"), rs.getBoolean("overdue"), rs.getBoolean("unsigned")))
			.list();
	}

	/** How many sessions {@link #documentationSessions} lists with the same filter. */
	long countDocumentationSessions(ReportPeriod period, @Nullable UUID therapistId, @Nullable String issue) {
		return sessionsStatement("select count(*)", "", period, therapistId, issue, null).query(Long.class).single();
	}

	private JdbcClient.StatementSpec sessionsStatement(String select, String tail, ReportPeriod period,
			@Nullable UUID therapistId, @Nullable String issue, @Nullable PageQuery page) {
		String filter = switch ((issue != null) ? issue : "any") {
			case "late" -> "flags.late";
			case "overdue" -> "flags.overdue";
			case "unsigned" -> "flags.unsigned";
			default -> "(flags.late or flags.overdue or flags.unsigned)";
		};
		return paged(this.jdbc.sql(select + """
				from session_facts s
				join account_names t on t.account_id = s.therapist_id
				join child_names n on n.child_id = s.child_id
				cross join lateral (select %s) flags
				where s.started_at >= :start and s.started_at < :end
				  and (cast(:therapist as uuid) is null or s.therapist_id = :therapist)
				  and %s
				""".formatted(SESSION_FLAGS, filter) + tail)
			.param("start", ts(period.start()))
			.param("end", ts(period.end()))
			.param("now", ts(this.clock.instant()))
			.param("therapist", therapistId), page);
	}

	/**
	 * One appointment a figure counts: the drill-down of utilization and cancellations.
	 */
	record AppointmentRow(UUID appointmentId, UUID childId, String childName, UUID therapistId, String therapistName,
			String serviceCode, Instant startsAt, Instant endsAt, String status, BigDecimal bookedHours,
			@Nullable BigDecimal deliveredHours, @Nullable String cancelledByRole, @Nullable Boolean cancelledLate,
			@Nullable UUID sessionId) {
	}

	/**
	 * The period's appointments of a child or a therapist (or all), optionally with one
	 * status, in time order: one page of them, or all with {@code page} {@code null}.
	 */
	List<AppointmentRow> appointments(ReportPeriod period, @Nullable UUID childId, @Nullable UUID therapistId,
			@Nullable String status, @Nullable PageQuery page) {
		return appointmentsStatement("""
				select f.appointment_id, f.child_id, n.display_name, f.therapist_id, t.name, f.service_code,
				       f.starts_at, f.ends_at, f.status,
				       round(extract(epoch from f.ends_at - f.starts_at) / 3600.0, 2) as booked,
				       round(extract(epoch from f.actual_end - f.actual_start) / 3600.0, 2) as delivered,
				       f.cancelled_by_role, f.cancelled_late, f.session_id
				""", "order by f.starts_at, f.appointment_id" + limit(page), period, childId, therapistId, status, page)
			.query((rs, row) -> new AppointmentRow(uuid(rs, "appointment_id"), uuid(rs, "child_id"),
					rs.getString("display_name"), uuid(rs, "therapist_id"), rs.getString("name"),
					rs.getString("service_code"), instant(rs, "starts_at"), instant(rs, "ends_at"),
					rs.getString("status"), rs.getBigDecimal("booked"), rs.getBigDecimal("delivered"),
					rs.getString("cancelled_by_role"), (Boolean) rs.getObject("cancelled_late"),
					(UUID) rs.getObject("session_id")))
			.list();
	}

	/** How many appointments {@link #appointments} lists with the same filter. */
	long countAppointments(ReportPeriod period, @Nullable UUID childId, @Nullable UUID therapistId,
			@Nullable String status) {
		return appointmentsStatement("select count(*)", "", period, childId, therapistId, status, null)
			.query(Long.class)
			.single();
	}

	private JdbcClient.StatementSpec appointmentsStatement(String select, String tail, ReportPeriod period,
			@Nullable UUID childId, @Nullable UUID therapistId, @Nullable String status, @Nullable PageQuery page) {
		return paged(this.jdbc.sql(select + """
				from appointment_facts f
				join child_names n on n.child_id = f.child_id
				join account_names t on t.account_id = f.therapist_id
				where f.starts_at >= :start and f.starts_at < :end
				  and (cast(:child as uuid) is null or f.child_id = :child)
				  and (cast(:therapist as uuid) is null or f.therapist_id = :therapist)
				  and (cast(:status as text) is null or f.status = :status)
				""" + tail)
			.param("start", ts(period.start()))
			.param("end", ts(period.end()))
			.param("child", childId)
			.param("therapist", therapistId)
			.param("status", status), page);
	}

	private static String limit(@Nullable PageQuery page) {
		return (page != null) ? " limit :limit offset :offset" : "";
	}

	private static JdbcClient.StatementSpec paged(JdbcClient.StatementSpec statement, @Nullable PageQuery page) {
		return (page != null) ? statement.param("limit", page.size()).param("offset", page.offset()) : statement;
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	private static UUID uuid(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
