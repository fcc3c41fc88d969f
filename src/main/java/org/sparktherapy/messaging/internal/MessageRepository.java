package org.sparktherapy.messaging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Messages and their attachments (SQL).
 */
@Repository
class MessageRepository {

	private static final String COLUMNS = "m.id, m.seq, m.conversation_id, m.child_id, m.author_id, m.body, m.posted_at, m.edited_at, m.deleted_at";

	private static final String ATTACHMENT_COLUMNS = "a.id, a.message_id, a.conversation_id, a.child_id, a.position, a.file_name, a.content_type, a.size_bytes, a.storage_key";

	private final JdbcClient jdbc;

	MessageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new message; returns its sequence number. */
	long insert(UUID id, UUID conversationId, UUID childId, UUID authorId, String body, Instant postedAt) {
		return insert(id, conversationId, childId, authorId, body, postedAt, null).orElseThrow();
	}

	/**
	 * Stores a new message, with the author's idempotency key and the post's fingerprint
	 * when it has one; returns its sequence number, or nothing when the author has
	 * already used the key (for another post: this conversation's earlier posts were
	 * looked up first).
	 */
	Optional<Long> insert(UUID id, UUID conversationId, UUID childId, UUID authorId, String body, Instant postedAt,
			Keyed key) {
		return this.jdbc.sql("""
				insert into messages (id, conversation_id, child_id, author_id, body, posted_at, idempotency_key,
				    request_hash)
				values (:id, :conversation, :child, :author, :body, :at, :key, :hash)
				on conflict (author_id, idempotency_key) where idempotency_key is not null do nothing
				returning seq
				""")
			.param("id", id)
			.param("conversation", conversationId)
			.param("child", childId)
			.param("author", authorId)
			.param("body", body)
			.param("at", Timestamp.from(postedAt))
			.param("key", (key != null) ? key.key() : null)
			.param("hash", (key != null) ? key.requestHash() : null)
			.query(Long.class)
			.optional();
	}

	/** A post's idempotency key (the author's) and the fingerprint of what it posted. */
	record Keyed(String key, String requestHash) {
	}

	/**
	 * A message the author posted with this idempotency key, and that post's fingerprint.
	 */
	record Earlier(UUID messageId, String requestHash) {
	}

	Optional<Earlier> byKey(UUID authorId, String key) {
		return this.jdbc
			.sql("select id, request_hash from messages where author_id = :author and idempotency_key = :key")
			.param("author", authorId)
			.param("key", key)
			.query((rs, n) -> new Earlier(rs.getObject("id", UUID.class), rs.getString("request_hash")))
			.optional();
	}

	void insertAttachment(Message.Attachment attachment, Instant now) {
		this.jdbc.sql("""
				insert into message_attachments (id, message_id, conversation_id, child_id, position, file_name,
				    content_type, size_bytes, storage_key, created_at)
				values (:id, :message, :conversation, :child, :position, :name, :type, :size, :key, :now)
				""")
			.param("id", attachment.id())
			.param("message", attachment.messageId())
			.param("conversation", attachment.conversationId())
			.param("child", attachment.childId())
			.param("position", attachment.position())
			.param("name", attachment.fileName())
			.param("type", attachment.contentType())
			.param("size", attachment.size())
			.param("key", attachment.storageKey())
			.param("now", Timestamp.from(now))
			.update();
	}

	Optional<Message> find(UUID id, boolean forUpdate) {
		return this.jdbc
			.sql("select " + COLUMNS + " from messages m where m.id = :id" + (forUpdate ? " for update" : ""))
			.param("id", id)
			.query(MessageRepository::message)
			.optional()
			.map(message -> message.withAttachments(attachmentsOf(List.of(id)).getOrDefault(id, List.of())));
	}

	/** The sequence number of a message of this conversation. */
	Optional<Long> seqOf(UUID conversationId, UUID messageId) {
		return this.jdbc.sql("select seq from messages where id = :id and conversation_id = :conversation")
			.param("id", messageId)
			.param("conversation", conversationId)
			.query(Long.class)
			.optional();
	}

	/** When the conversation's message with this sequence number was posted. */
	Optional<Instant> postedAt(UUID conversationId, long seq) {
		return this.jdbc.sql("select posted_at from messages where seq = :seq and conversation_id = :conversation")
			.param("seq", seq)
			.param("conversation", conversationId)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/** The id of the conversation's message with this sequence number. */
	Optional<UUID> idAt(UUID conversationId, long seq) {
		return this.jdbc.sql("select id from messages where seq = :seq and conversation_id = :conversation")
			.param("seq", seq)
			.param("conversation", conversationId)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Up to {@code limit} messages before {@code beforeSeq} (all when null), newest
	 * first.
	 */
	List<Message> page(UUID conversationId, Long beforeSeq, int limit) {
		// the page and its attachments in one statement (ADR 0050, session 14): one row
		// per
		// attachment, or one with none
		Map<UUID, Message> messages = new LinkedHashMap<>();
		Map<UUID, List<Message.Attachment>> attachments = new HashMap<>();
		this.jdbc.sql("select " + COLUMNS + ", " + ATTACHMENT_COLUMNS + """
				 from (select * from messages m where m.conversation_id = :conversation
				     and (cast(:before as bigint) is null or m.seq < :before) order by m.seq desc limit :limit) m
				 left join message_attachments a on a.message_id = m.id
				 order by m.seq desc, a.position
				""")
			.param("conversation", conversationId)
			.param("before", beforeSeq)
			.param("limit", limit)
			.query(rs -> {
				Message message = messages.get(rs.getObject(1, UUID.class));
				if (message == null) {
					message = message(rs, 0);
					messages.put(message.id(), message);
				}
				if (rs.getObject(10) != null) {
					attachments.computeIfAbsent(message.id(), id -> new ArrayList<>()).add(attachmentAt(rs, 9));
				}
			});
		return messages.values()
			.stream()
			.map(message -> message.withAttachments(attachments.getOrDefault(message.id(), List.of())))
			.toList();
	}

	void edit(UUID id, String body, Instant at) {
		this.jdbc.sql("update messages set body = :body, edited_at = :at where id = :id")
			.param("id", id)
			.param("body", body)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Turns the message into a tombstone: text and attachment rows gone. Returns the
	 * attachments' storage keys.
	 */
	List<String> tombstone(UUID id, Instant at) {
		List<String> keys = this.jdbc
			.sql("delete from message_attachments where message_id = :id returning storage_key")
			.param("id", id)
			.query(String.class)
			.list();
		this.jdbc.sql("update messages set body = null, deleted_at = :at where id = :id")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.update();
		return keys;
	}

	Optional<Message.Attachment> attachment(UUID id) {
		return this.jdbc.sql("select " + ATTACHMENT_COLUMNS + " from message_attachments a where a.id = :id")
			.param("id", id)
			.query(MessageRepository::attachment)
			.optional();
	}

	private Map<UUID, List<Message.Attachment>> attachmentsOf(Collection<UUID> messageIds) {
		Map<UUID, List<Message.Attachment>> byMessage = new LinkedHashMap<>();
		if (messageIds.isEmpty()) {
			return byMessage;
		}
		this.jdbc
			.sql("select " + ATTACHMENT_COLUMNS
					+ " from message_attachments a where a.message_id = any(:ids) order by a.message_id, a.position")
			.param("ids", messageIds.toArray(UUID[]::new))
			.query(MessageRepository::attachment)
			.list()
			.forEach(attachment -> byMessage.computeIfAbsent(attachment.messageId(), id -> new ArrayList<>())
				.add(attachment));
		return byMessage;
	}

	private static Message message(ResultSet rs, int n) throws SQLException {
		return new Message(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, UUID.class),
				rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6), instant(rs, 7),
				instant(rs, 8), instant(rs, 9), List.of());
	}

	private static Message.Attachment attachment(ResultSet rs, int n) throws SQLException {
		return attachmentAt(rs, 0);
	}

	/** The attachment in the columns after the first {@code offset}. */
	private static Message.Attachment attachmentAt(ResultSet rs, int offset) throws SQLException {
		return new Message.Attachment(rs.getObject(offset + 1, UUID.class), rs.getObject(offset + 2, UUID.class),
				rs.getObject(offset + 3, UUID.class), rs.getObject(offset + 4, UUID.class), rs.getInt(offset + 5),
				rs.getString(offset + 6), rs.getString(offset + 7), rs.getLong(offset + 8), rs.getString(offset + 9));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
