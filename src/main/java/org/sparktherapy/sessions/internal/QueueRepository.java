package org.sparktherapy.sessions.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import org.sparktherapy.vocabulary.ServiceCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The session notes that wait for someone, read for the home pages: notes not yet signed
 * by their therapist, notes awaiting a guardian's co-signature, and technicians' recent
 * notes for their supervisor to review. Each list is narrowed to a set of children
 * ({@code null}: the whole clinic), newest first, with its total.
 */
@Repository
class QueueRepository {

	/** At most this many notes per list; the total says how many there are. */
	static final int LIMIT = 20;

	private static final String SELECT = """
			select s.id, s.child_id, s.therapist_id, a.name as therapist_name, s.service_code, s.started_at, s.ended_at,
			    s.status, s.submitted_at
			from therapy_sessions s join account_names a on a.account_id = s.therapist_id
			""";

	/** One note in a queue. */
	record Note(UUID id, UUID childId, Session.Person therapist,
			@Schema(implementation = ServiceCode.class) String serviceCode, Instant startedAt,
			@Nullable Instant endedAt, Session.Status status, @Nullable Instant submittedAt) {
	}

	/** Some of a queue's notes, newest first, and how many it holds. */
	record Notes(long total, List<Note> notes) {

		static final Notes NONE = new Notes(0, List.of());

	}

	private final JdbcClient jdbc;

	QueueRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Sessions that have started but their therapist has not signed (submitted) yet. */
	Notes awaitingTherapist(Collection<UUID> children, Instant now) {
		return notes(" where s.status = 'open' and s.started_at <= :at", children, null, now);
	}

	/** Submitted sessions that have ended and no guardian has co-signed. */
	Notes awaitingGuardian(Collection<UUID> children, Instant now) {
		return notes(" where s.status = 'submitted' and s.guardian_signed_at is null"
				+ " and coalesce(s.ended_at, s.started_at) <= :at", children, null, now);
	}

	/**
	 * Sessions submitted since {@code since} by a therapist other than {@code reviewer}.
	 */
	Notes submittedByOthers(Collection<UUID> children, UUID reviewer, Instant since) {
		return notes(" where s.status = 'submitted' and s.submitted_at >= :at and s.therapist_id <> :reviewer",
				children, reviewer, since);
	}

	private Notes notes(String where, Collection<UUID> children, UUID reviewer, Instant at) {
		if (children != null && children.isEmpty()) {
			return Notes.NONE;
		}
		String clause = where + ((children != null) ? " and s.child_id in (:children)" : "");
		var count = this.jdbc.sql("select count(*) from therapy_sessions s" + clause).param("at", Timestamp.from(at));
		var rows = this.jdbc.sql(SELECT + clause + " order by s.started_at desc, s.id limit " + LIMIT)
			.param("at", Timestamp.from(at));
		if (children != null) {
			count = count.param("children", children);
			rows = rows.param("children", children);
		}
		if (reviewer != null) {
			count = count.param("reviewer", reviewer);
			rows = rows.param("reviewer", reviewer);
		}
		long total = count.query(Long.class).single();
		List<Note> notes = rows.query((rs, n) -> {
			Timestamp ended = rs.getTimestamp("ended_at");
			Timestamp submitted = rs.getTimestamp("submitted_at");
			return new Note(rs.getObject("id", UUID.class), rs.getObject("child_id", UUID.class),
					new Session.Person(rs.getObject("therapist_id", UUID.class), rs.getString("therapist_name")),
					rs.getString("service_code"), rs.getTimestamp("started_at").toInstant(),
					(ended != null) ? ended.toInstant() : null,
					Session.Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
					(submitted != null) ? submitted.toInstant() : null);
		}).list();
		return new Notes(total, notes);
	}

}
