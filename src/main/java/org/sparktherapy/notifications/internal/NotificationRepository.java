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

/** Notifications in PostgreSQL: stored once per (recipient, kind, source key), listed newest first. */
@Repository
class NotificationRepository {

	private final JdbcClient jdbc;

	NotificationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the notification unless the recipient already has one for its kind and source; returns its new id. */
	Optional<UUID> insertOnce(UUID recipient, Notification.Draft draft, boolean inApp) {
		return this.jdbc.sql("""
				insert into notifications (id, recipient_id, kind, source_key, title, link, in_app, created_at)
				values (:id, :recipient, :kind, :source, :title, :link, :inApp, :at)
				on conflict (recipient_id, kind, source_key) do nothing
				returning id
				""")
			.param("id", UUID.randomUUID())
			.param("recipient", recipient)
			.param("kind", draft.kind().value())
			.param("source", draft.sourceKey())
			.param("title", draft.title())
			.param("link", draft.link())
			.param("inApp", inApp)
			.param("at", Timestamp.from(draft.at()))
			.query(UUID.class)
			.optional();
	}

	PageResponse<Notification> page(UUID recipient, boolean unreadOnly, PageQuery page) {
		String where = " where recipient_id = :recipient and in_app" + (unreadOnly ? " and read_at is null" : "");
		long total = this.jdbc.sql("select count(*) from notifications" + where)
			.param("recipient", recipient)
			.query(Long.class)
			.single();
		List<Notification> content = this.jdbc
			.sql("select id, recipient_id, kind, title, link, created_at, read_at from notifications" + where
					+ " order by created_at desc, id desc limit :limit offset :offset")
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

	/** Marks the recipient's own notifications among {@code ids} read; others' ids are ignored. */
	int markRead(UUID recipient, Collection<UUID> ids, Instant now) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				update notifications set read_at = :now
				where recipient_id = :recipient and id in (:ids) and read_at is null
				""").param("now", Timestamp.from(now)).param("recipient", recipient).param("ids", ids).update();
	}

	/** Marks every notification of the recipient created at or before {@code upTo} read ({@code null}: all). */
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
		return new Notification(rs.getObject("id", UUID.class), rs.getObject("recipient_id", UUID.class),
				NotificationKind.of(rs.getString("kind")).orElseThrow(), rs.getString("title"), rs.getString("link"),
				rs.getTimestamp("created_at").toInstant(), (read != null) ? read.toInstant() : null);
	}

}
