package org.sparktherapy.scheduling.internal.autoschedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Schedule proposals in PostgreSQL, and the reads a proposal is made from: care teams
 * (the children module's published view {@code child_visibility}, ADR 0021) and what is
 * already booked in a week.
 */
@Repository
class ProposalRepository {

	private final JdbcClient jdbc;

	ProposalRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A live appointment of a therapist with a child; {@code bookedAt} is when it was
	 * booked.
	 */
	record Booked(UUID appointmentId, UUID therapistId, UUID childId, String serviceCode, String place, Instant start,
			Instant end, Instant bookedAt) {

		int minutes() {
			return (int) java.time.Duration.between(this.start, this.end).toMinutes();
		}

	}

	/** The active therapists on each child's care team. */
	Map<UUID, List<UUID>> careTeams(Collection<UUID> childIds) {
		Map<UUID, List<UUID>> teams = new LinkedHashMap<>();
		childIds.forEach(id -> teams.put(id, new ArrayList<>()));
		if (childIds.isEmpty()) {
			return teams;
		}
		this.jdbc
			.sql("""
					select v.child_id, v.account_id from child_visibility v join account_names a on a.account_id = v.account_id
					where v.child_id in (:children) and v.relation in ('supervisor', 'technician') and a.active
					order by v.child_id, v.relation, v.since
					""")
			.param("children", childIds)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list()
			.forEach(e -> teams.get(e.getKey()).add(e.getValue()));
		return teams;
	}

	/**
	 * Live (not cancelled, not no-show) appointments of these therapists or children that
	 * touch the window.
	 */
	List<Booked> liveAppointments(Collection<UUID> therapistIds, Collection<UUID> childIds, Instant from, Instant to) {
		if (therapistIds.isEmpty() && childIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select id, therapist_id, child_id, service_code, place, starts_at, ends_at, created_at from appointments
				where (therapist_id in (:therapists) or child_id in (:children))
				    and status not in ('cancelled', 'no_show') and starts_at < :to and ends_at > :from
				order by starts_at, id
				""")
			.param("therapists", therapistIds.isEmpty() ? List.of(new UUID(0, 0)) : therapistIds)
			.param("children", childIds.isEmpty() ? List.of(new UUID(0, 0)) : childIds)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new Booked(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
					rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant()))
			.list();
	}

	void insert(Proposal proposal, UUID by) {
		this.jdbc.sql("""
				insert into schedule_proposals (id, week_start, score, status, created_by, created_at)
				values (:id, :week, :score, :status, :by, :now)
				""")
			.param("id", proposal.id())
			.param("week", proposal.weekStart())
			.param("score", proposal.score())
			.param("status", proposal.status().value())
			.param("by", by)
			.param("now", Timestamp.from(proposal.createdAt()))
			.update();
		for (int i = 0; i < proposal.placed().size(); i++) {
			Proposal.Placed p = proposal.placed().get(i);
			this.jdbc.sql("""
					insert into schedule_proposal_sessions (id, proposal_id, position, child_id, therapist_id,
					    service_code, place, starts_at, ends_at)
					values (:id, :proposal, :position, :child, :therapist, :code, :place, :starts, :ends)
					""")
				.param("id", p.id())
				.param("proposal", proposal.id())
				.param("position", i)
				.param("child", p.childId())
				.param("therapist", p.therapistId())
				.param("code", p.serviceCode())
				.param("place", p.place())
				.param("starts", Timestamp.from(p.start()))
				.param("ends", Timestamp.from(p.end()))
				.update();
		}
		for (int i = 0; i < proposal.unplaced().size(); i++) {
			Proposal.Unplaced u = proposal.unplaced().get(i);
			this.jdbc.sql("""
					insert into schedule_proposal_unplaced (proposal_id, position, child_id, service_code, minutes,
					    reason)
					values (:proposal, :position, :child, :code, :minutes, :reason)
					""")
				.param("proposal", proposal.id())
				.param("position", i)
				.param("child", u.childId())
				.param("code", u.serviceCode())
				.param("minutes", u.minutes())
				.param("reason", u.reason())
				.update();
		}
	}

	/** The proposal, locked for an acceptance when {@code forUpdate}. */
	Optional<Proposal> find(UUID id, boolean forUpdate) {
		return this.jdbc
			.sql("select week_start, score, status, created_at, version from schedule_proposals where id = :id"
					+ (forUpdate ? " for update" : ""))
			.param("id", id)
			.query((rs, n) -> new Proposal(id, rs.getObject(1, LocalDate.class), rs.getString(2),
					Proposal.Status.of(rs.getString(3)), placed(id), unplaced(id), rs.getTimestamp(4).toInstant(),
					rs.getInt(5)))
			.optional();
	}

	/**
	 * Marks the proposal accepted, recording the appointment booked for each placed
	 * session.
	 */
	void accept(UUID id, Map<UUID, UUID> appointmentByPlacement, UUID by, Instant now) {
		this.jdbc.sql("""
				update schedule_proposals set status = 'accepted', accepted_by = :by, accepted_at = :now,
				    version = version + 1
				where id = :id and status = 'draft'
				""").param("id", id).param("by", by).param("now", Timestamp.from(now)).update();
		appointmentByPlacement.forEach((placement, appointment) -> this.jdbc.sql("""
				update schedule_proposal_sessions set appointment_id = :appointment
				where proposal_id = :id and id = :placement
				""").param("appointment", appointment).param("id", id).param("placement", placement).update());
	}

	/** Gives a placed session of a draft another therapist and time. */
	void movePlacement(UUID id, UUID placementId, UUID therapistId, Instant start, Instant end) {
		this.jdbc.sql("""
				update schedule_proposal_sessions set therapist_id = :therapist, starts_at = :starts, ends_at = :ends
				where proposal_id = :id and id = :placement
				""")
			.param("id", id)
			.param("placement", placementId)
			.param("therapist", therapistId)
			.param("starts", Timestamp.from(start))
			.param("ends", Timestamp.from(end))
			.update();
		adjusted(id);
	}

	/**
	 * Takes a placed session out of a draft; its hours are listed as unplaced, with why.
	 */
	void removePlacement(UUID id, Proposal.Placed placed, String reason) {
		this.jdbc.sql("delete from schedule_proposal_sessions where proposal_id = :id and id = :placement")
			.param("id", id)
			.param("placement", placed.id())
			.update();
		int minutes = (int) Math.max(1, java.time.Duration.between(placed.start(), placed.end()).toMinutes());
		this.jdbc.sql("""
				insert into schedule_proposal_unplaced (proposal_id, position, child_id, service_code, minutes, reason)
				select :id, coalesce(max(position) + 1, 0), :child, :code, :minutes, :reason
				from schedule_proposal_unplaced where proposal_id = :id
				""")
			.param("id", id)
			.param("child", placed.childId())
			.param("code", placed.serviceCode())
			.param("minutes", minutes)
			.param("reason", reason)
			.update();
		adjusted(id);
	}

	private void adjusted(UUID id) {
		this.jdbc.sql("update schedule_proposals set version = version + 1 where id = :id").param("id", id).update();
	}

	private List<Proposal.Placed> placed(UUID id) {
		return this.jdbc.sql("""
				select child_id, therapist_id, service_code, place, starts_at, ends_at, appointment_id, id
				from schedule_proposal_sessions where proposal_id = :id order by position
				""")
			.param("id", id)
			.query((rs, n) -> new Proposal.Placed(rs.getObject(8, UUID.class), rs.getObject(1, UUID.class),
					rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
					rs.getTimestamp(6).toInstant(), rs.getObject(7, UUID.class)))
			.list();
	}

	private List<Proposal.Unplaced> unplaced(UUID id) {
		return this.jdbc.sql("""
				select child_id, service_code, minutes, reason from schedule_proposal_unplaced
				where proposal_id = :id order by position
				""")
			.param("id", id)
			.query((rs, n) -> new Proposal.Unplaced(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
					rs.getString(4)))
			.list();
	}

}
