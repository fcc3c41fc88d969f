package org.sparktherapy.reporting.internal.oversight;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.reporting.internal.oversight.SupervisionRequirement.LoggedContact;
import org.sparktherapy.reporting.internal.oversight.SupervisionRequirement.Observation;
import org.sparktherapy.reporting.internal.oversight.SupervisionRequirement.Span;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What RBT supervision is measured from: technicians and supervisors from identity's
 * {@code account_names}, service and observed supervision from scheduling's
 * {@code appointment_facts} (ADR 0021), and reporting's own supervision log
 * ({@code supervision_contacts}, V41).
 */
@Repository
class SupervisionRepository {

	/** A completed appointment's real span: its actual times, else as booked. */
	private static final String START = "coalesce(%1$s.actual_start, %1$s.starts_at)";

	private static final String END = "coalesce(%1$s.actual_end, %1$s.ends_at)";

	private final JdbcClient jdbc;

	SupervisionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A Registered Behavior Technician. */
	record Technician(UUID id, String name, boolean active) {
	}

	/** A technician's completed appointment. */
	record Delivered(UUID technicianId, UUID childId, Span span) {
	}

	/** An observation of a technician by a supervisor. */
	record Observed(UUID technicianId, UUID childId, Observation observation) {
	}

	/** A logged contact of one technician. */
	record Logged(UUID technicianId, LoggedContact contact) {
	}

	/** Every account with the RBT credential, by name. */
	List<Technician> technicians() {
		return this.jdbc.sql("""
				select account_id, name, active from account_names
				where role = 'therapist' and credential = 'RBT'
				order by name, account_id""")
			.query((rs, n) -> new Technician(rs.getObject("account_id", UUID.class), rs.getString("name"),
					rs.getBoolean("active")))
			.list();
	}

	/** The technicians' completed appointments that began in [start, end). */
	List<Delivered> service(Instant start, Instant end) {
		return this.jdbc.sql("""
				select p.therapist_id, p.child_id, %s as s, %s as e
				from appointment_facts p
				join account_names a on a.account_id = p.therapist_id and a.credential = 'RBT'
				where p.status = 'completed' and %1$s >= :start and %1$s < :end
				""".formatted(START.formatted("p"), END.formatted("p")))
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.query((rs, n) -> new Delivered(rs.getObject("therapist_id", UUID.class),
					rs.getObject("child_id", UUID.class),
					new Span(rs.getTimestamp("s").toInstant(), rs.getTimestamp("e").toInstant())))
			.list();
	}

	/**
	 * A BCBA's or BCaBA's completed 97155 overlapping a technician's completed 97153 with
	 * the same child, the overlap beginning in [start, end).
	 */
	List<Observed> observations(Instant start, Instant end) {
		String overlapStart = "greatest(" + START.formatted("t") + ", " + START.formatted("s") + ")";
		String overlapEnd = "least(" + END.formatted("t") + ", " + END.formatted("s") + ")";
		return this.jdbc
			.sql("""
					select t.therapist_id as technician_id, t.child_id, s.appointment_id, s.therapist_id as supervisor_id,
					  %1$s as o_start, %2$s as o_end
					from appointment_facts t
					join account_names r on r.account_id = t.therapist_id and r.credential = 'RBT'
					join appointment_facts s on s.child_id = t.child_id and s.service_code = '97155' and s.status = 'completed'
					join account_names v on v.account_id = s.therapist_id and v.credential in ('BCBA', 'BCaBA')
					where t.service_code = '97153' and t.status = 'completed'
					  and %1$s < %2$s and %1$s >= :start and %1$s < :end
					"""
				.formatted(overlapStart, overlapEnd))
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.query((rs, n) -> new Observed(rs.getObject("technician_id", UUID.class),
					rs.getObject("child_id", UUID.class),
					new Observation(rs.getObject("appointment_id", UUID.class),
							rs.getObject("supervisor_id", UUID.class),
							new Span(rs.getTimestamp("o_start").toInstant(), rs.getTimestamp("o_end").toInstant()))))
			.list();
	}

	/** The logged contacts held on [from, to], one row per technician. */
	List<Logged> logged(LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select t.technician_id, c.held_on, c.minutes, c.kind, c.with_child
				from supervision_contacts c
				join supervision_contact_technicians t on t.contact_id = c.id
				where c.held_on between :from and :to""")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs, n) -> new Logged(rs.getObject("technician_id", UUID.class),
					new LoggedContact(rs.getDate("held_on").toLocalDate(), rs.getInt("minutes"),
							"individual".equals(rs.getString("kind")), rs.getBoolean("with_child"))))
			.list();
	}

	/** The account's role and credential ({@code null}s for no account). */
	record Account(UUID id, String name, String role, String credential, boolean active) {
	}

	List<Account> accounts(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select account_id, name, role, credential, active from account_names " + "where account_id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> new Account(rs.getObject("account_id", UUID.class), rs.getString("name"),
					rs.getString("role"), rs.getString("credential"), rs.getBoolean("active")))
			.list();
	}

	/** Stores a logged contact and its technicians. */
	void insert(SupervisionContact contact) {
		this.jdbc.sql("""
				insert into supervision_contacts (id, held_on, minutes, supervisor_id, kind, with_child, recorded_by,
				  recorded_at)
				values (:id, :heldOn, :minutes, :supervisor, :kind, :withChild, :recordedBy, :recordedAt)""")
			.param("id", contact.id())
			.param("heldOn", Date.valueOf(contact.heldOn()))
			.param("minutes", contact.minutes())
			.param("supervisor", contact.supervisorId())
			.param("kind", contact.kind())
			.param("withChild", contact.withChild())
			.param("recordedBy", contact.recordedBy())
			.param("recordedAt", Timestamp.from(contact.recordedAt()))
			.update();
		for (UUID technician : contact.technicianIds()) {
			this.jdbc
				.sql("insert into supervision_contact_technicians (contact_id, technician_id) "
						+ "values (:contact, :technician)")
				.param("contact", contact.id())
				.param("technician", technician)
				.update();
		}
	}

	/**
	 * Logged contacts held on [from, to], latest first; only those of {@code supervisor}
	 * when given.
	 */
	PageResponse<SupervisionContact> contacts(LocalDate from, LocalDate to, UUID supervisor, PageQuery page) {
		String where = " where c.held_on between :from and :to"
				+ ((supervisor != null) ? " and c.supervisor_id = :supervisor" : "");
		long total = this.jdbc.sql("select count(*) from supervision_contacts c" + where)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.params(supervisorParam(supervisor))
			.query(Long.class)
			.single();
		List<SupervisionContact> rows = this.jdbc
			.sql("""
					select c.*, s.name as supervisor_name,
					  array(select t.technician_id from supervision_contact_technicians t where t.contact_id = c.id
					        order by t.technician_id) as technician_ids,
					  array(select coalesce(a.name, '') from supervision_contact_technicians t
					        left join account_names a on a.account_id = t.technician_id
					        where t.contact_id = c.id order by t.technician_id) as technician_names
					from supervision_contacts c
					left join account_names s on s.account_id = c.supervisor_id""" + where
					+ " order by c.held_on desc, c.recorded_at desc, c.id limit :limit offset :offset")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.params(supervisorParam(supervisor))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new SupervisionContact(rs.getObject("id", UUID.class),
					rs.getDate("held_on").toLocalDate(), rs.getInt("minutes"),
					rs.getObject("supervisor_id", UUID.class), rs.getString("supervisor_name"),
					technicians((UUID[]) rs.getArray("technician_ids").getArray(),
							(String[]) rs.getArray("technician_names").getArray()),
					rs.getString("kind"), rs.getBoolean("with_child"), rs.getObject("recorded_by", UUID.class),
					rs.getTimestamp("recorded_at").toInstant()))
			.list();
		return PageResponse.of(rows, page, total);
	}

	private static List<SupervisionContact.Technician> technicians(UUID[] ids, String[] names) {
		List<SupervisionContact.Technician> technicians = new java.util.ArrayList<>();
		for (int i = 0; i < ids.length; i++) {
			technicians.add(new SupervisionContact.Technician(ids[i], names[i]));
		}
		return technicians;
	}

	private static java.util.Map<String, ?> supervisorParam(UUID supervisor) {
		return (supervisor != null) ? java.util.Map.of("supervisor", supervisor) : java.util.Map.of();
	}

	/**
	 * Claims the alert of a technician's month; false when it was sent before (by this or
	 * another node).
	 */
	boolean claimAlert(UUID technicianId, LocalDate month, List<String> shortfalls, Instant at) {
		return this.jdbc.sql("""
				insert into supervision_alerts (technician_id, month, shortfalls, sent_at)
				values (:technician, :month, :shortfalls, :at) on conflict do nothing""")
			.param("technician", technicianId)
			.param("month", Date.valueOf(month))
			.param("shortfalls", shortfalls.toArray(String[]::new))
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

}
