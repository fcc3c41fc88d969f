package org.sparktherapy.messaging.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.sparktherapy.identity.Role;
import org.sparktherapy.platform.web.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Conversations, direct members and read positions (SQL). Reads the views the children
 * and identity modules publish ({@code child_visibility}, {@code child_names},
 * {@code account_names}; ADR 0021) for membership filters, child names and people's names
 * (docs/adr/0011-messaging.md).
 */
@Repository
class ConversationRepository {

	private static final String COLUMNS = "c.id, c.kind, c.child_id, c.audience, c.title, c.created_by, c.created_at, c.last_message_at";

	/** A person as a conversation shows them. */
	@Schema(name = "ConversationPerson")
	record Person(UUID id, String name, Role role) {
	}

	/**
	 * A conversation in a member's list, with the child's name for a child's
	 * conversation.
	 */
	record Listed(Conversation conversation, String childName, long unread) {
	}

	/** How far one member has read. */
	record ReadPosition(UUID accountId, UUID lastReadMessageId, Instant readAt) {
	}

	private final JdbcClient jdbc;

	ConversationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Conversation> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from conversations c where c.id = :id")
			.param("id", id)
			.query(ConversationRepository::conversation)
			.optional();
	}

	/**
	 * A conversation with what its page shows one reader besides: the child's name (a
	 * child's conversation), the reader's unread count and the members' read positions
	 * (none for an announcement, whose readers are private).
	 */
	record ForReader(Conversation conversation, String childName, long unread, List<ReadPosition> reads) {
	}

	/**
	 * The conversation, the child's name, {@code me}'s unread count and the read
	 * positions (as {@link #readPositions}) in one statement.
	 */
	Optional<ForReader> findForReader(UUID id, UUID me) {
		return this.jdbc
			.sql("select " + COLUMNS + ", case when c.kind = 'child' then ch.display_name end, " + UNREAD
					+ ", rp.accounts, rp.messages, rp.at"
					+ " from conversations c left join child_names ch on ch.child_id = c.child_id" + """
							 left join lateral (
							  select array_agg(r.account_id order by r.account_id) as accounts,
							         array_agg(m.id order by r.account_id) as messages,
							         array_agg(r.read_at order by r.account_id) as at
							  from conversation_reads r join messages m on m.seq = r.last_read_seq
							  where r.conversation_id = c.id
							) rp on c.kind <> 'announcement'
							where c.id = :id""")
			.param("id", id)
			.param("me", me)
			.query((rs, n) -> new ForReader(conversation(rs, n), rs.getString(9), rs.getLong(10), reads(rs)))
			.optional();
	}

	private static List<ReadPosition> reads(ResultSet rs) throws SQLException {
		java.sql.Array accounts = rs.getArray(11);
		if (accounts == null) {
			return List.of();
		}
		Object[] ids = (Object[]) accounts.getArray();
		Object[] messages = (Object[]) rs.getArray(12).getArray();
		Object[] at = (Object[]) rs.getArray(13).getArray();
		List<ReadPosition> reads = new java.util.ArrayList<>(ids.length);
		for (int i = 0; i < ids.length; i++) {
			reads.add(new ReadPosition((UUID) ids[i], (UUID) messages[i], ((Timestamp) at[i]).toInstant()));
		}
		return List.copyOf(reads);
	}

	/** The child's conversation, started now if it has none yet. */
	Conversation ensureForChild(UUID childId, Instant now) {
		ensureForChildren(List.of(childId), now);
		return this.jdbc
			.sql("select " + COLUMNS + " from conversations c where c.kind = 'child' and c.child_id = :child")
			.param("child", childId)
			.query(ConversationRepository::conversation)
			.single();
	}

	/** Starts the conversations these children do not have yet, in one statement. */
	void ensureForChildren(Collection<UUID> childIds, Instant now) {
		if (childIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into conversations (id, kind, child_id, created_at)
				select gen_random_uuid(), 'child', child, :now from unnest(:children) as child
				on conflict (child_id) where kind = 'child' do nothing
				""").param("children", childIds.toArray(UUID[]::new)).param("now", Timestamp.from(now)).update();
	}

	/**
	 * Starts a direct conversation; false when one with exactly these members exists
	 * already.
	 */
	boolean insertDirect(UUID id, Set<UUID> members, String title, UUID createdBy, Instant now) {
		int inserted = this.jdbc.sql("""
				insert into conversations (id, kind, member_key, title, created_by, created_at)
				values (:id, 'direct', :key, :title, :by, :now)
				on conflict (member_key) where kind = 'direct' do nothing
				""")
			.param("id", id)
			.param("key", memberKey(members))
			.param("title", title)
			.param("by", createdBy)
			.param("now", Timestamp.from(now))
			.update();
		if (inserted == 0) {
			return false;
		}
		for (UUID member : members) {
			this.jdbc.sql("insert into conversation_members (conversation_id, account_id) values (:id, :member)")
				.param("id", id)
				.param("member", member)
				.update();
		}
		return true;
	}

	Optional<Conversation> findDirect(Set<UUID> members) {
		return this.jdbc
			.sql("select " + COLUMNS + " from conversations c where c.kind = 'direct' and c.member_key = :key")
			.param("key", memberKey(members))
			.query(ConversationRepository::conversation)
			.optional();
	}

	void insertAnnouncement(UUID id, Conversation.Audience audience, String title, UUID createdBy, Instant now) {
		this.jdbc.sql("""
				insert into conversations (id, kind, audience, title, created_by, created_at)
				values (:id, 'announcement', :audience, :title, :by, :now)
				""")
			.param("id", id)
			.param("audience", audience.value())
			.param("title", title)
			.param("by", createdBy)
			.param("now", Timestamp.from(now))
			.update();
	}

	Set<UUID> directMembers(UUID conversationId) {
		return new LinkedHashSet<>(this.jdbc
			.sql("select account_id from conversation_members where conversation_id = :id order by account_id")
			.param("id", conversationId)
			.query(UUID.class)
			.list());
	}

	/**
	 * The active accounts an announcement reaches: its role (or everyone) and the admins.
	 */
	Set<UUID> audienceMembers(Conversation.Audience audience) {
		return new LinkedHashSet<>(this.jdbc.sql("""
				select account_id from account_names
				where active and (:audience = 'everyone' or role = :audience or role = 'admin')
				order by account_id
				""").param("audience", audience.value()).query(UUID.class).list());
	}

	/** Which of these ids are active admins or therapists. */
	Set<UUID> activeStaff(Collection<UUID> ids) {
		return new LinkedHashSet<>(this.jdbc.sql(
				"select account_id from account_names where active and role in ('admin', 'therapist') and account_id = any(:ids)")
			.param("ids", ids.toArray(UUID[]::new))
			.query(UUID.class)
			.list());
	}

	/** Active admins and therapists other than {@code me}, by name. */
	List<Person> staffExcept(UUID me) {
		return this.jdbc.sql("""
				select account_id, name, role from account_names
				where active and role in ('admin', 'therapist') and account_id <> :me
				order by lower(name), account_id
				""")
			.param("me", me)
			.query((rs, n) -> new Person(rs.getObject(1, UUID.class), rs.getString(2), Role.of(rs.getString(3))))
			.list();
	}

	Map<UUID, Person> people(Collection<UUID> ids) {
		Map<UUID, Person> people = new HashMap<>();
		if (ids.isEmpty()) {
			return people;
		}
		this.jdbc.sql("select account_id, name, role from account_names where account_id = any(:ids)")
			.param("ids", ids.toArray(UUID[]::new))
			.query((rs, n) -> people.put(rs.getObject(1, UUID.class),
					new Person(rs.getObject(1, UUID.class), rs.getString(2), Role.of(rs.getString(3)))))
			.list();
		return people;
	}

	Optional<String> childName(UUID childId) {
		return this.jdbc.sql("select display_name from child_names where child_id = :id")
			.param("id", childId)
			.query(String.class)
			.optional();
	}

	void touch(UUID conversationId, Instant at) {
		this.jdbc.sql("update conversations set last_message_at = :at where id = :id")
			.param("id", conversationId)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * The user's conversations, most recently active first. {@code memberFilter} is SQL
	 * on {@code conversations c} using {@code :me} and {@code :role}.
	 */
	List<Listed> list(UUID me, Role role, String memberFilter, PageQuery page) {
		String sql = "select " + COLUMNS + ", case when c.kind = 'child' then ch.display_name end, " + UNREAD
				+ " from conversations c left join child_names ch on ch.child_id = c.child_id where (" + memberFilter
				+ ") order by c.last_message_at desc nulls last, c.created_at desc, c.id limit :limit offset :offset";
		return this.jdbc.sql(sql)
			.param("me", me)
			.param("role", role.value())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new Listed(conversation(rs, n), rs.getString(9), rs.getLong(10)))
			.list();
	}

	long count(UUID me, Role role, String memberFilter) {
		return this.jdbc.sql("select count(*) from conversations c where (" + memberFilter + ")")
			.param("me", me)
			.param("role", role.value())
			.query(Long.class)
			.single();
	}

	/** Messages of others the user has not read, over all their conversations. */
	long unreadTotal(UUID me, Role role, String memberFilter) {
		return this.jdbc
			.sql("select cast(coalesce(sum(" + UNREAD + "), 0) as bigint) from conversations c where (" + memberFilter
					+ ")")
			.param("me", me)
			.param("role", role.value())
			.query(Long.class)
			.single();
	}

	long unread(UUID conversationId, UUID me) {
		return this.jdbc.sql("select " + UNREAD + " from conversations c where c.id = :id")
			.param("id", conversationId)
			.param("me", me)
			.query(Long.class)
			.single();
	}

	/**
	 * Unread messages of conversation {@code c} for {@code :me}: others' messages, not
	 * deleted, past the read position; announcements count only from when the account was
	 * opened (a new parent does not start with the clinic's old news unread).
	 */
	private static final String UNREAD = """
			(select count(*) from messages m where m.conversation_id = c.id and m.author_id <> :me and m.deleted_at is null
			 and m.seq > coalesce((select r.last_read_seq from conversation_reads r
			                       where r.conversation_id = c.id and r.account_id = :me), 0)
			 and (c.kind <> 'announcement' or m.posted_at >= (select a.opened_at from account_names a where a.account_id = :me)))""";

	/**
	 * A member's stored read position after {@link #markRead}, and whether that call
	 * moved it.
	 */
	record ReadMark(long seq, boolean advanced) {
	}

	/**
	 * Moves the member's read position forward to {@code seq} (never back). Returns the
	 * position now stored: the given one when it advanced, else the further one that was
	 * already there.
	 */
	ReadMark markRead(UUID conversationId, UUID accountId, long seq, Instant at) {
		Optional<Long> advanced = this.jdbc.sql("""
				insert into conversation_reads (conversation_id, account_id, last_read_seq, read_at)
				values (:conversation, :account, :seq, :at)
				on conflict (conversation_id, account_id) do update
				set last_read_seq = excluded.last_read_seq, read_at = excluded.read_at
				where conversation_reads.last_read_seq < excluded.last_read_seq
				returning last_read_seq
				""")
			.param("conversation", conversationId)
			.param("account", accountId)
			.param("seq", seq)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.optional();
		if (advanced.isPresent()) {
			return new ReadMark(advanced.get(), true);
		}
		// the conflicting row is locked by the statement above until commit, so this
		// reads what it kept
		long stored = this.jdbc.sql(
				"select last_read_seq from conversation_reads where conversation_id = :conversation and account_id = :account")
			.param("conversation", conversationId)
			.param("account", accountId)
			.query(Long.class)
			.single();
		return new ReadMark(stored, false);
	}

	/**
	 * Locks the conversation's row until the transaction ends. Taken before a message is
	 * inserted, so messages of one conversation commit in the order of their {@code seq}:
	 * a reader who has seen message n has seen every earlier one, and a read position
	 * never skips a message that commits later.
	 */
	void lockForPosting(UUID conversationId) {
		this.jdbc.sql("select id from conversations where id = :id for update")
			.param("id", conversationId)
			.query(UUID.class)
			.single();
	}

	List<ReadPosition> readPositions(UUID conversationId) {
		return this.jdbc.sql("""
				select r.account_id, m.id, r.read_at from conversation_reads r
				join messages m on m.seq = r.last_read_seq
				where r.conversation_id = :id order by r.account_id
				""")
			.param("id", conversationId)
			.query((rs, n) -> new ReadPosition(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

	private static String memberKey(Set<UUID> members) {
		return String.join(",", members.stream().map(UUID::toString).sorted().toList());
	}

	private static Conversation conversation(ResultSet rs, int n) throws SQLException {
		String audience = rs.getString(4);
		Timestamp last = rs.getTimestamp(8);
		return new Conversation(rs.getObject(1, UUID.class), Conversation.Kind.of(rs.getString(2)),
				rs.getObject(3, UUID.class), (audience != null) ? Conversation.Audience.of(audience) : null,
				rs.getString(5), rs.getObject(6, UUID.class), rs.getTimestamp(7).toInstant(),
				(last != null) ? last.toInstant() : null);
	}

}
