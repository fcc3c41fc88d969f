package org.sparktherapy.billing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Authorizations and their usage. Usage is not stored: it is summed, at each read, from
 * the appointments of the child and service code whose local date falls within the
 * authorization (scheduling's published view {@code appointment_facts}; the child's name
 * from children's {@code child_names}, ADR 0021), so it follows every booking,
 * completion, move and cancellation at once. A session's units follow
 * {@link Authorization#units(long)}: of its actual times once completed, of its booked
 * times while planned. A planned one whose day lies more than the clinic's grace period
 * back ({@code billing_schedule_rules.grace_days}, ADR 0031) no longer counts: nobody
 * completed it, and it will not be billed.
 */
@Repository
class AuthorizationRepository {

	/**
	 * The columns of an authorization with its child's name and usage; {@code a} is the
	 * authorization.
	 */
	private static final String SELECT = """
			select a.*, c.display_name as child_name,
			  coalesce(u.used, 0) as units_used, coalesce(u.scheduled, 0) as units_scheduled
			from authorizations a
			join child_names c on c.child_id = a.child_id
			left join lateral (
			  select sum(case when p.status = 'completed' then %2$s end) as used,
			         sum(case when p.status in ('scheduled', 'checked_in')
			                   and p.local_start >= cast(:today as date) - (select r.grace_days from billing_schedule_rules r)
			                  then %1$s end) as scheduled
			  from appointment_facts p
			  where p.child_id = a.child_id and p.service_code = a.service_code
			    and p.local_start >= a.starts_on and p.local_start < a.ends_on + 1
			) u on true
			"""
		.formatted(Authorization.UNITS_SQL, Authorization.ACTUAL_UNITS_SQL);

	/** PostgreSQL's {@code exclusion_violation}. */
	private static final String EXCLUSION_VIOLATION = "23P01";

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	private final java.time.ZoneId zone;

	AuthorizationRepository(JdbcClient jdbc, java.time.Clock clock,
			org.sparktherapy.platform.SparkProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	/** The clinic's today, from which the grace period of planned units counts back. */
	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	Optional<Authorization> find(UUID id) {
		return this.jdbc.sql(SELECT + " where a.id = :id")
			.param("id", id)
			.param("today", today())
			.query(AuthorizationRepository::map)
			.optional();
	}

	/** The child's authorizations, the latest start first. */
	List<Authorization> ofChild(UUID childId) {
		return this.jdbc.sql(SELECT + " where a.child_id = :child order by a.starts_on desc, a.service_code")
			.param("child", childId)
			.param("today", today())
			.query(AuthorizationRepository::map)
			.list();
	}

	/**
	 * The clinic's authorizations not yet expired on {@code today}, those needing
	 * attention first (over, running out, ending soon), then by end date; only those with
	 * {@code alert} when given.
	 */
	PageResponse<Authorization> current(LocalDate today, Authorization.Alert alert, PageQuery page) {
		String committed = "(x.units_used + x.units_scheduled)";
		String rank = """
				case when %1$s > x.units_authorized then 0
				     when %1$s * 100 >= x.units_authorized::bigint * %2$d then 1
				     when x.starts_on <= :today and x.ends_on <= :soon then 2
				     else 3 end""".formatted(committed, Authorization.RUNNING_OUT_PERCENT);
		String from = "from (" + SELECT + " where a.ends_on >= :today) x";
		String where = (alert == null) ? "" : " where " + rank + " = :rank";
		int wanted = (alert == null) ? -1 : switch (alert) {
			case OVER -> 0;
			case RUNNING_OUT -> 1;
			case EXPIRING -> 2;
		};
		LocalDate soon = today.plusDays(Authorization.EXPIRING_DAYS);
		long total = this.jdbc.sql("select count(*) " + from + where)
			.param("today", today)
			.param("soon", soon)
			.param("rank", wanted)
			.query(Long.class)
			.single();
		List<Authorization> rows = this.jdbc
			.sql("select x.* " + from + where + " order by " + rank + ", x.ends_on, x.child_name, x.id"
					+ " limit :limit offset :offset")
			.param("today", today)
			.param("soon", soon)
			.param("rank", wanted)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(AuthorizationRepository::map)
			.list();
		return PageResponse.of(rows, page, total);
	}

	/**
	 * Stores a new authorization.
	 * @throws BillingProblems.OverlappingAuthorization when another of the child's covers
	 * some of the same days for the same service code (the database's exclusion
	 * constraint has the last word, so two admins at once cannot both win)
	 */
	void insert(UUID id, UUID childId, Authorization.Terms terms, UUID by, Instant at) {
		try {
			this.jdbc
				.sql("""
						insert into authorizations (id, child_id, payer, member_id, authorization_number, service_code,
						  units_authorized, starts_on, ends_on, notes, created_by, created_at, updated_by, updated_at)
						values (:id, :child, :payer, :member, :number, :code, :units, :start, :end, :notes, :by, :at, :by, :at)
						""")
				.param("id", id)
				.param("child", childId)
				.params(terms(terms))
				.param("by", by)
				.param("at", java.sql.Timestamp.from(at))
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw overlapOr(ex);
		}
	}

	/**
	 * Changes the terms if the stored version is {@code version}; false when it is not
	 * (someone changed it).
	 */
	boolean update(UUID id, int version, Authorization.Terms terms, UUID by, Instant at) {
		try {
			return this.jdbc.sql("""
					update authorizations set payer = :payer, member_id = :member, authorization_number = :number,
					  service_code = :code, units_authorized = :units, starts_on = :start, ends_on = :end,
					  notes = :notes, updated_by = :by, updated_at = :at, version = version + 1, alerted = null
					where id = :id and version = :version
					""")
				.param("id", id)
				.param("version", version)
				.params(terms(terms))
				.param("by", by)
				.param("at", java.sql.Timestamp.from(at))
				.update() == 1;
		}
		catch (DataIntegrityViolationException ex) {
			throw overlapOr(ex);
		}
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from authorizations where id = :id").param("id", id).update();
	}

	/**
	 * Another authorization of the child for the service code that covers some of the
	 * days, if any.
	 */
	Optional<UUID> overlapping(UUID childId, Authorization.Terms terms, UUID except) {
		return this.jdbc.sql("""
				select id from authorizations
				where child_id = :child and service_code = :code and id <> :except
				  and daterange(starts_on, ends_on, '[]') && daterange(:start, :end, '[]')
				order by starts_on limit 1""")
			.param("child", childId)
			.param("code", terms.serviceCode())
			.param("except", except)
			.param("start", terms.startDate())
			.param("end", terms.endDate())
			.query(UUID.class)
			.optional();
	}

	/**
	 * Records the state the admins were last told of ({@code null}: nothing to tell), if
	 * it differs from the stored one; returns the state it replaced, or empty when it was
	 * already so (another node got there first).
	 */
	Optional<String> alerted(UUID id, String state) {
		String before = this.jdbc.sql("select coalesce(alerted, '') from authorizations where id = :id for update")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
		if (before == null || before.equals((state == null) ? "" : state)) {
			return Optional.empty();
		}
		this.jdbc.sql("update authorizations set alerted = :state where id = :id")
			.param("id", id)
			.param("state", state)
			.update();
		return Optional.of(before);
	}

	/**
	 * The exclusion constraint's refusal as a conflict: another transaction stored an
	 * overlapping authorization after the service looked (the transaction is aborted now,
	 * so the winner is not looked up).
	 */
	private static RuntimeException overlapOr(DataIntegrityViolationException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
				return new BillingProblems.OverlappingAuthorization(null);
			}
		}
		return ex;
	}

	private static java.util.Map<String, Object> terms(Authorization.Terms terms) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("payer", terms.payer());
		params.put("member", terms.memberId());
		params.put("number", terms.authorizationNumber());
		params.put("code", terms.serviceCode());
		params.put("units", terms.unitsAuthorized());
		params.put("start", terms.startDate());
		params.put("end", terms.endDate());
		params.put("notes", terms.notes());
		return params;
	}

	private static Authorization map(ResultSet rs, int row) throws SQLException {
		return new Authorization(rs.getObject("id", UUID.class), rs.getObject("child_id", UUID.class),
				rs.getString("child_name"), rs.getString("payer"), rs.getString("member_id"),
				rs.getString("authorization_number"), rs.getString("service_code"), rs.getInt("units_authorized"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getString("notes"), rs.getLong("units_used"), rs.getLong("units_scheduled"), rs.getInt("version"));
	}

}
