package org.sparktherapy.messaging.internal;

import java.util.Set;
import java.util.UUID;

import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;

import org.springframework.stereotype.Component;

/**
 * Who belongs to a conversation and who may do what in it — the one place this is decided
 * for messaging.
 * <ul>
 * <li>A child's conversation: its members are the child's guardians and care team <em>as
 * they are now</em> (read from the children module on every request), so a therapist
 * removed from the care team leaves it at once and a parent reaches only the care teams
 * of their own children. Only members read and write: admins see the child's record but
 * not its conversation (the minimum necessary, ADR 0011).</li>
 * <li>A direct conversation: the staff (admins, therapists) it was started with. Parents
 * cannot start one.</li>
 * <li>An announcement: admins write; the accounts of its audience (a role or everyone)
 * read.</li>
 * </ul>
 * A conversation the user may not read does not exist for them (404); reading but not
 * being allowed to write answers 403. Messages are edited (within the edit window) and
 * deleted by their author only.
 */
@Component
class MessagingAccessPolicy {

	private final Children children;

	private final ConversationRepository conversations;

	MessagingAccessPolicy(Children children, ConversationRepository conversations) {
		this.children = children;
		this.conversations = conversations;
	}

	/**
	 * The conversation's members now (who receive its live events and may have unread
	 * messages).
	 */
	Set<UUID> members(Conversation conversation) {
		return switch (conversation.kind()) {
			case CHILD -> this.children.peopleOf(conversation.childId()).everyone();
			case DIRECT -> this.conversations.directMembers(conversation.id());
			case ANNOUNCEMENT -> this.conversations.audienceMembers(conversation.audience());
		};
	}

	boolean isMember(CurrentUser user, Conversation conversation) {
		return switch (conversation.kind()) {
			case CHILD -> isChildMember(this.children.relationOf(user, conversation.childId()));
			case DIRECT -> this.conversations.directMembers(conversation.id()).contains(user.id());
			case ANNOUNCEMENT -> conversation.audience().includes(user.role());
		};
	}

	boolean mayRead(CurrentUser user, Conversation conversation) {
		return rights(user, conversation).mayRead();
	}

	boolean mayPost(CurrentUser user, Conversation conversation) {
		return rights(user, conversation).mayPost();
	}

	/**
	 * What the user is and may do in a conversation, decided at once: one membership
	 * lookup (one read of the child's relation for a child's conversation) however many
	 * of the answers a request needs.
	 */
	record Rights(boolean member, boolean mayRead, boolean mayPost) {
	}

	Rights rights(CurrentUser user, Conversation conversation) {
		boolean member = isMember(user, conversation);
		boolean mayPost = switch (conversation.kind()) {
			case CHILD, DIRECT -> member;
			case ANNOUNCEMENT -> user.isAdmin();
		};
		return new Rights(member, member, mayPost);
	}

	/**
	 * What the user may do with the child's conversation from the child's record: nothing
	 * if they cannot see the child (404), see the child but not its conversation if they
	 * are not a member (403), or open it.
	 */
	ChildConversationAccess childConversationAccess(CurrentUser user, UUID childId) {
		Relation relation = this.children.relationOf(user, childId);
		if (isChildMember(relation)) {
			return ChildConversationAccess.MEMBER;
		}
		return relation.canSee() ? ChildConversationAccess.NOT_A_MEMBER : ChildConversationAccess.NO_CHILD;
	}

	enum ChildConversationAccess {

		NO_CHILD, NOT_A_MEMBER, MEMBER

	}

	/** Direct conversations are between staff: admins and therapists. */
	boolean mayStartDirect(CurrentUser user) {
		return user.is(Role.ADMIN) || user.is(Role.THERAPIST);
	}

	boolean mayAnnounce(CurrentUser user) {
		return user.isAdmin();
	}

	boolean mayChange(CurrentUser user, Message message) {
		return message.authorId().equals(user.id());
	}

	/**
	 * Child conversations whose children the user is a guardian or care-team member of.
	 */
	boolean hasChildConversations(CurrentUser user) {
		return user.is(Role.PARENT) || user.is(Role.THERAPIST);
	}

	/**
	 * The SQL condition on {@code conversations c} for the conversations the user is a
	 * member of ({@code :me} the user, {@code :role} their role): the same rules as
	 * {@link #isMember}, for lists and unread counts.
	 */
	String memberFilter() {
		return """
				(c.kind = 'child' and exists (select 1 from child_visibility v
				  where v.child_id = c.child_id and v.account_id = :me))
				or (c.kind = 'direct' and exists (select 1 from conversation_members cm
				  where cm.conversation_id = c.id and cm.account_id = :me))
				or (c.kind = 'announcement' and (c.audience = 'everyone' or c.audience = :role or :role = 'admin'))""";
	}

	private static boolean isChildMember(Relation relation) {
		return relation == Relation.GUARDIAN || relation == Relation.SUPERVISOR || relation == Relation.TECHNICIAN;
	}

}
