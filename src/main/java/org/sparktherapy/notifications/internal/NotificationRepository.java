package org.sparktherapy.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Notifications in PostgreSQL: stored once per (recipient, kind, source key), one
 * standing notice per (recipient, kind, subject), listed newest first.
 */
@Repository
class NotificationRepository {

	private final JdbcClient jdbc;

	NotificationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores the notification unless the recipient already has it (same kind and source
	 * key: a repeated event), or updates the recipient's standing notice of the kind
	 * about the same subject (a later event about the same thing: new title, link and
	 * time, unread again) instead of storing a second. A task's notice that comes after
	 * its task was done is stored resolved. Returns what was stored or updated now, empty
	 * when nothing changed.
	 */
	Optional<Stored> store(UUID recipient, Notification.Draft draft, boolean inApp) {
		Notification.Subject subject = draft.subject();
		if (subject != null && draft.kind().task()) {
			lock(draft.kind(), subject);
		}
		// no arbiter: a conflict on the source key (repeat) or on the standing subject
		// (later event) both land here
		Optional<Stored> inserted = this.jdbc.sql("""
				insert into notifications (id, recipient_id, kind, source_key, subject_type, subject_id, title, link,
				                           in_app, created_at, read_at, resolved_at)
				select cast(:id as uuid), cast(:recipient as uuid), cast(:kind as text), cast(:source as text),
				       cast(:subjectType as text), cast(:subjectId as uuid), cast(:title as text), cast(:link as text),
				       cast(:inApp as boolean), cast(:at as timestamptz), r.resolved_at, r.resolved_at
				from (select 1) one
				left join notification_resolutions r on r.kind = cast(:kind as text)
				  and r.subject_type = cast(:subjectType as text) and r.subject_id = cast(:subjectId as uuid)
				on conflict do nothing
				returning id, resolved_at is null
				""")
			.param("id", UUID.randomUUID())
			.param("recipient", recipient)
			.param("kind", draft.kind().value())
			.param("source", draft.sourceKey())
			.param("subjectType", (subject != null) ? subject.type() : null)
			.param("subjectId", (subject != null) ? subject.id() : null)
			.param("title", draft.title())
			.param("link", draft.link())
			.param("inApp", inApp)
			.param("at", Timestamp.from(draft.at()))
			.query((rs, row) -> new Stored(rs.getObject(1, UUID.class), rs.getBoolean(2)))
			.optional();
		if (inserted.isPresent() || subject == null) {
			return inserted;
		}
		// A later event about the same subject takes over the standing notice; the event
		// it already shows, an older
		// one delivered late, or one whose source key another notice of the recipient
		// holds change nothing.
		return this.jdbc.sql("""
				update notifications n set source_key = :source, title = :title, link = cast(:link as text),
				       in_app = :inApp, created_at = cast(:at as timestamptz), read_at = null
				where n.recipient_id = :recipient and n.kind = :kind and n.subject_type = :subjectType
				  and n.subject_id = :subjectId and n.resolved_at is null
				  and n.source_key <> :source and n.created_at <= cast(:at as timestamptz)
				  and not exists (select 1 from notifications o where o.recipient_id = :recipient and o.kind = :kind
				                  and o.source_key = :source)
				returning n.id, true
				""")
			.param("recipient", recipient)
			.param("kind", draft.kind().value())
			.param("source", draft.sourceKey())
			.param("subjectType", subject.type())
			.param("subjectId", subject.id())
			.param("title", draft.title())
			.param("link", draft.link())
			.param("inApp", inApp)
			.param("at", Timestamp.from(draft.at()))
			.query((rs, row) -> new Stored(rs.getObject(1, UUID.class), rs.getBoolean(2)))
			.optional();
	}

	/**
	 * A notification stored or updated now.
	 *
	 * @param standing false when it was stored already resolved (its task was done before
	 * it arrived)
	 */
	record Stored(UUID id, boolean standing) {
	}

	/**
	 * Orders storing and resolving a task's notices about one subject, so neither misses
	 * the other.
	 */
	private void lock(NotificationKind kind, Notification.Subject subject) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "notification:" + kind.value() + ":" + subject.type() + ":" + subject.id())
			.query((rs, row) -> 1)
			.list();
	}

	/** A notice resolved now: whose it was. */
	record Resolved(UUID id, UUID recipientId, boolean inApp) {
	}

	/**
	 * Resolves every standing notice of the kind about the subject, whoever's it is (the
	 * task was done): it is read from now on and says when it was resolved. The
	 * resolution is kept, so a notice about the subject that arrives later is stored
	 * resolved.
	 */
	List<Resolved> resolve(NotificationKind kind, Notification.Subject subject, Instant at) {
		lock(kind, subject);
		this.jdbc.sql("""
				insert into notification_resolutions (kind, subject_type, subject_id, resolved_at)
				values (:kind, :subjectType, :subjectId, :at)
				on conflict do nothing
				""")
			.param("kind", kind.value())
			.param("subjectType", subject.type())
			.param("subjectId", subject.id())
			.param("at", Timestamp.from(at))
			.update();
		return this.jdbc.sql("""
				update notifications set resolved_at = :at, read_at = coalesce(read_at, :at)
				where kind = :kind and subject_type = :subjectType and subject_id = :subjectId and resolved_at is null
				returning id, recipient_id, in_app
				""")
			.param("at", Timestamp.from(at))
			.param("kind", kind.value())
			.param("subjectType", subject.type())
			.param("subjectId", subject.id())
			.query((rs, row) -> new Resolved(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getBoolean(3)))
			.list();
	}

	PageResponse<Notification> page(UUID recipient, boolean unreadOnly, PageQuery page) {
		String where = " where recipient_id = :recipient and in_app" + (unreadOnly ? " and read_at is null" : "");
		long total = this.jdbc.sql("select count(*) from notifications" + where)
			.param("recipient", recipient)
			.query(Long.class)
			.single();
		List<Notification> content = this.jdbc
			.sql("select id, recipient_id, kind, title, link, created_at, read_at, resolved_at from notifications"
					+ where + " order by created_at desc, id desc limit :limit offset :offset")
			.param("recipient", recipient)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(NotificationRepository::map)
			.list();
		return PageResponse.of(content, page, total);
	}

	long unreadCount(UUID recipient) {
		return this.jdbc
			.sql("select count(*) from notifications where recipient_id = :recipient and in_app and read_at is null")
			.param("recipient", recipient)
			.query(Long.class)
			.single();
	}

	/**
	 * Marks the recipient's own notifications among {@code ids} read; others' ids are
	 * ignored.
	 */
	int markRead(UUID recipient, Collection<UUID> ids, Instant now) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				update notifications set read_at = :now
				where recipient_id = :recipient and id in (:ids) and read_at is null
				""").param("now", Timestamp.from(now)).param("recipient", recipient).param("ids", ids).update();
	}

	/**
	 * Marks the recipient's unread notice of the kind about the subject read, when it is
	 * from {@code upTo} or before.
	 */
	int markSubjectRead(UUID recipient, NotificationKind kind, Notification.Subject subject, Instant upTo,
			Instant now) {
		return this.jdbc.sql("""
				update notifications set read_at = :now
				where recipient_id = :recipient and kind = :kind and subject_type = :subjectType
				  and subject_id = :subjectId and read_at is null and created_at <= :upTo
				""")
			.param("now", Timestamp.from(now))
			.param("recipient", recipient)
			.param("kind", kind.value())
			.param("subjectType", subject.type())
			.param("subjectId", subject.id())
			.param("upTo", Timestamp.from(upTo))
			.update();
	}

	/**
	 * Marks every notification of the recipient created at or before {@code upTo} read
	 * ({@code null}: all).
	 */
	int markReadUpTo(UUID recipient, Instant upTo, Instant now) {
		return this.jdbc.sql("""
				update notifications set read_at = :now
				where recipient_id = :recipient and read_at is null
				  and created_at <= coalesce(cast(:upTo as timestamptz), created_at)
				""")
			.param("now", Timestamp.from(now))
			.param("recipient", recipient)
			.param("upTo", (upTo != null) ? Timestamp.from(upTo) : null)
			.update();
	}

	private static Notification map(ResultSet rs, int row) throws SQLException {
		Timestamp read = rs.getTimestamp("read_at");
		Timestamp resolved = rs.getTimestamp("resolved_at");
		return new Notification(rs.getObject("id", UUID.class), rs.getObject("recipient_id", UUID.class),
				NotificationKind.of(rs.getString("kind")).orElseThrow(), rs.getString("title"), rs.getString("link"),
				rs.getTimestamp("created_at").toInstant(), (read != null) ? read.toInstant() : null,
				(resolved != null) ? resolved.toInstant() : null);
	}

}
