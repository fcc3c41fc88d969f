package org.sparktherapy.scheduling.internal.feeds;

import org.sparktherapy.scheduling.internal.appointments.Appointment;
import org.sparktherapy.scheduling.internal.SchedulingAccessPolicy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Calendar feed tokens (their hashes) and the few facts a feed shows of each appointment.
 */
@Repository
class CalendarFeedRepository {

	/** A user's active token: the nonce it was derived from and its hash. */
	record FeedToken(UUID accountId, String nonce, String tokenHash) {
	}

	/** What a feed shows of one appointment: no names of children, no clinical data. */
	record Entry(UUID id, UUID childId, String serviceCode, String place, Instant startsAt, Instant endsAt,
			Appointment.Status status, String childFirstName, String childLastName, String therapistName,
			Instant updatedAt, int version) {
	}

	private final JdbcClient jdbc;

	CalendarFeedRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<FeedToken> tokenOf(UUID accountId) {
		return this.jdbc.sql("select account_id, nonce, token_hash from calendar_feed_tokens where account_id = :id")
			.param("id", accountId)
			.query((rs, n) -> new FeedToken(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
			.optional();
	}

	Optional<UUID> accountOf(String tokenHash) {
		return this.jdbc.sql("select account_id from calendar_feed_tokens where token_hash = :hash")
			.param("hash", tokenHash)
			.query(UUID.class)
			.optional();
	}

	/** Makes this the user's one active token; the previous one stops working. */
	void replace(FeedToken token, Instant now) {
		this.jdbc.sql("""
				insert into calendar_feed_tokens (account_id, nonce, token_hash, created_at)
				values (:account, :nonce, :hash, :now)
				on conflict (account_id) do update set nonce = excluded.nonce, token_hash = excluded.token_hash,
				    created_at = excluded.created_at
				""")
			.param("account", token.accountId())
			.param("nonce", token.nonce())
			.param("hash", token.tokenHash())
			.param("now", Timestamp.from(now))
			.update();
	}

	/** The appointments in the window that the scope shows the user, by start. */
	List<Entry> entries(SchedulingAccessPolicy.Scope scope, UUID userId, Instant from, Instant to) {
		List<String> where = new ArrayList<>(List.of("p.ends_at > :from", "p.starts_at < :to"));
		Map<String, Object> params = new HashMap<>(Map.of("from", Timestamp.from(from), "to", Timestamp.from(to)));
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
		return this.jdbc.sql("""
				select p.id, p.child_id, p.service_code, p.place, p.starts_at, p.ends_at, p.status, c.first_name,
				    c.last_name, t.name as therapist_name, p.updated_at, p.version
				from appointments p join child_names c on c.child_id = p.child_id
				join account_names t on t.account_id = p.therapist_id
				""" + " where " + String.join(" and ", where) + " order by p.starts_at, p.id")
			.params(params)
			.query((rs, n) -> new Entry(rs.getObject("id", UUID.class), rs.getObject("child_id", UUID.class),
					rs.getString("service_code"), rs.getString("place"), rs.getTimestamp("starts_at").toInstant(),
					rs.getTimestamp("ends_at").toInstant(), Appointment.Status.of(rs.getString("status")),
					rs.getString("first_name"), rs.getString("last_name"), rs.getString("therapist_name"),
					rs.getTimestamp("updated_at").toInstant(), rs.getInt("version")))
			.list();
	}

}
