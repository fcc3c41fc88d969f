package org.sparktherapy.reporting.internal.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sparktherapy.platform.problem.StaleVersion;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Progress reports in PostgreSQL (reporting's own table), and the published views of
 * other modules the figures are read from: {@code child_names} (children),
 * {@code appointment_facts} (scheduling), {@code authorization_facts} (billing) and
 * {@code account_names} (identity), ADR 0021.
 */
@Repository
class ProgressReportRepository {

	private static final String SELECT = """
			select r.*, (select s.id from progress_reports s
			             where s.supersedes = r.id and s.signed_at is not null) as superseded_by
			from progress_reports r
			""";

	private final JdbcClient jdbc;

	ProgressReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID childId, LocalDate start, LocalDate end, ProgressReport.Narrative narrative, UUID by,
			UUID supersedes, Instant now) {
		this.jdbc.sql("""
				insert into progress_reports (id, child_id, period_start, period_end, summary, goals, recommendations,
				    created_by, created_at, updated_at, supersedes)
				values (:id, :child, :start, :end, :summary, :goals, :recommendations, :by, :now, :now, :supersedes)
				""")
			.param("id", id)
			.param("child", childId)
			.param("start", start)
			.param("end", end)
			.param("summary", narrative.summary())
			.param("goals", narrative.goals())
			.param("recommendations", narrative.recommendations())
			.param("by", by)
			.param("now", Timestamp.from(now))
			.param("supersedes", supersedes)
			.update();
	}

	Optional<ProgressReport> find(UUID id, boolean lock) {
		return this.jdbc.sql(SELECT + " where r.id = :id" + (lock ? " for update of r" : ""))
			.param("id", id)
			.query(this::report)
			.optional();
	}

	/** The child's signed reports, oldest period first (a family's export, ADR 0040). */
	List<ProgressReport> signedOf(UUID childId) {
		return this.jdbc
			.sql(SELECT + " where r.child_id = :child and r.signed_at is not null"
					+ " order by r.period_end, r.created_at, r.id")
			.param("child", childId)
			.query(this::report)
			.list();
	}

	/** The child's reports, the latest period first; drafts only when asked for. */
	PageResponse<ProgressReport> ofChild(UUID childId, boolean drafts, PageQuery page) {
		String shown = drafts ? "" : " and r.signed_at is not null";
		long total = this.jdbc.sql("select count(*) from progress_reports r where r.child_id = :child" + shown)
			.param("child", childId)
			.query(Long.class)
			.single();
		List<ProgressReport> rows = this.jdbc
			.sql(SELECT + " where r.child_id = :child" + shown
					+ " order by r.period_end desc, r.created_at desc, r.id limit :limit offset :offset")
			.param("child", childId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::report)
			.list();
		return PageResponse.of(rows, page, total);
	}

	/** Changes a draft's period and narrative if it is still at {@code version}. */
	void update(ProgressReport draft, LocalDate start, LocalDate end, ProgressReport.Narrative narrative, Instant now) {
		int updated = this.jdbc.sql("""
				update progress_reports set period_start = :start, period_end = :end, summary = :summary,
				    goals = :goals, recommendations = :recommendations, updated_at = :now, version = version + 1
				where id = :id and version = :version and signed_at is null
				""")
			.param("id", draft.id())
			.param("version", draft.version())
			.param("start", start)
			.param("end", end)
			.param("summary", narrative.summary())
			.param("goals", narrative.goals())
			.param("recommendations", narrative.recommendations())
			.param("now", Timestamp.from(now))
			.update();
		if (updated == 0) {
			throw new StaleVersion();
		}
	}

	/**
	 * Signs a draft: its figures frozen as {@code snapshot}. The row is final after this.
	 */
	void sign(ProgressReport draft, ProgressReport.Signature signature, String snapshot) {
		int updated = this.jdbc.sql("""
				update progress_reports set signed_by = :by, signed_by_name = :name, signed_at = :at,
				    snapshot = cast(:snapshot as jsonb), updated_at = :at, version = version + 1
				where id = :id and version = :version and signed_at is null
				""")
			.param("id", draft.id())
			.param("version", draft.version())
			.param("by", signature.by())
			.param("name", signature.name())
			.param("at", Timestamp.from(signature.at()))
			.param("snapshot", snapshot)
			.update();
		if (updated == 0) {
			throw new StaleVersion();
		}
	}

	/** The account's credential (BCBA, RBT…), from {@code account_names}. */
	Optional<String> credential(UUID accountId) {
		return this.jdbc.sql("select coalesce(credential, '') as credential from account_names where account_id = :id")
			.param("id", accountId)
			.query((rs, n) -> rs.getString("credential"))
			.optional();
	}

	/** The name the child is shown by ({@code child_names}). */
	Optional<String> childName(UUID childId) {
		return this.jdbc.sql("select display_name from child_names where child_id = :child")
			.param("child", childId)
			.query(String.class)
			.optional();
	}

	/**
	 * The child's appointments that start, or were delivered, in {@code [from, to)}, with
	 * the role of who cancelled them.
	 */
	List<ProgressFigures.AppointmentFact> appointments(UUID childId, Instant from, Instant to) {
		return this.jdbc.sql("""
				select f.status, f.starts_at, f.actual_start, f.actual_end, a.role as cancelled_by_role
				from appointment_facts f
				left join account_names a on a.account_id = f.cancelled_by
				where f.child_id = :child
				  and ((f.starts_at >= :from and f.starts_at < :to)
				    or (f.actual_start >= :from and f.actual_start < :to))
				""")
			.param("child", childId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new ProgressFigures.AppointmentFact(rs.getString("status"), instant(rs, "starts_at"),
					instant(rs, "actual_start"), instant(rs, "actual_end"), rs.getString("cancelled_by_role")))
			.list();
	}

	/** The child's authorizations whose dates overlap {@code [start, end]}. */
	List<ProgressFigures.ReportAuthorization> authorizations(UUID childId, LocalDate start, LocalDate end) {
		return this.jdbc.sql("""
				select payer, authorization_number, service_code, units_authorized, starts_on, ends_on
				from authorization_facts
				where child_id = :child and starts_on <= :end and ends_on >= :start
				order by starts_on, authorization_number
				""")
			.param("child", childId)
			.param("start", start)
			.param("end", end)
			.query((rs, n) -> new ProgressFigures.ReportAuthorization(rs.getString("payer"),
					rs.getString("authorization_number"), rs.getString("service_code"), rs.getInt("units_authorized"),
					rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class)))
			.list();
	}

	private ProgressReport report(ResultSet rs, int row) throws SQLException {
		Instant signedAt = instant(rs, "signed_at");
		ProgressReport.Signature signature = (signedAt != null) ? new ProgressReport.Signature(
				rs.getObject("signed_by", UUID.class), rs.getString("signed_by_name"), signedAt) : null;
		return new ProgressReport(rs.getObject("id", UUID.class), rs.getObject("child_id", UUID.class),
				rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
				new ProgressReport.Narrative(rs.getString("summary"), rs.getString("goals"),
						rs.getString("recommendations")),
				rs.getObject("created_by", UUID.class), instant(rs, "created_at"), instant(rs, "updated_at"),
				rs.getObject("supersedes", UUID.class), signature, rs.getString("snapshot"),
				rs.getObject("superseded_by", UUID.class), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
