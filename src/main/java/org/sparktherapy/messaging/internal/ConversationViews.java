package org.sparktherapy.messaging.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.messaging.internal.ConversationRepository.Person;
import org.sparktherapy.messaging.internal.ConversationRepository.ReadPosition;

import org.springframework.stereotype.Component;

/**
 * A conversation as one user sees it: its title for them (a direct conversation without
 * one is named after the other members), its members and read positions, their unread
 * count and whether they may post. Runs inside the caller's transaction; the caller has
 * checked access.
 */
@Component
class ConversationViews {

	/** A conversation as one user sees it. */
	record ConversationView(Conversation conversation, String title, List<Person> members, long unread, boolean canPost,
			boolean member, List<ReadPosition> reads) {
	}

	private final ConversationRepository conversations;

	private final MessagingAccessPolicy policy;

	ConversationViews(ConversationRepository conversations, MessagingAccessPolicy policy) {
		this.conversations = conversations;
		this.policy = policy;
	}

	ConversationView view(CurrentUser user, Conversation conversation) {
		Set<UUID> memberIds = memberIds(conversation);
		Map<UUID, Person> people = this.conversations.people(memberIds);
		String childName = conversation.isChild() ? this.conversations.childName(conversation.childId()).orElse(null)
				: null;
		MessagingAccessPolicy.Rights rights = this.policy.rights(user, conversation);
		return view(user, conversation, rights, childName,
				rights.member() ? this.conversations.unread(conversation.id(), user.id()) : 0, memberIds, people,
				(conversation.kind() == Conversation.Kind.ANNOUNCEMENT) ? List.of()
						: this.conversations.readPositions(conversation.id()));
	}

	/**
	 * The ids of the members a view lists: none for an announcement (its audience is a
	 * role, not a list).
	 */
	Set<UUID> memberIds(Conversation conversation) {
		return (conversation.kind() == Conversation.Kind.ANNOUNCEMENT) ? Set.of() : this.policy.members(conversation);
	}

	/**
	 * The view from what the caller has read already: the user's rights, the child's name
	 * (a child's conversation), the user's unread count, the {@link #memberIds members},
	 * {@code people} holding at least those members and the read positions (none for an
	 * announcement).
	 */
	ConversationView view(CurrentUser user, Conversation conversation, MessagingAccessPolicy.Rights rights,
			String childName, long unread, Set<UUID> memberIds, Map<UUID, Person> people, List<ReadPosition> reads) {
		boolean announcement = conversation.kind() == Conversation.Kind.ANNOUNCEMENT;
		List<Person> members = memberIds.stream().map(people::get).filter(Objects::nonNull).toList();
		String title = (conversation.kind() == Conversation.Kind.DIRECT && conversation.title() == null)
				? directTitle(user, memberIds, people) : title(user, conversation, childName);
		return new ConversationView(conversation, title, members, rights.member() ? unread : 0, rights.mayPost(),
				rights.member(), announcement ? List.of() : reads);
	}

	/** The conversation's title for the user; {@code childName} names a child's. */
	String title(CurrentUser user, Conversation conversation, String childName) {
		return switch (conversation.kind()) {
			case CHILD -> childName;
			case ANNOUNCEMENT -> conversation.title();
			case DIRECT -> {
				if (conversation.title() != null) {
					yield conversation.title();
				}
				Set<UUID> members = this.conversations.directMembers(conversation.id());
				yield directTitle(user, members, this.conversations.people(members));
			}
		};
	}

	/**
	 * An untitled direct conversation's title for the user: the other members' names, in
	 * order.
	 */
	private static String directTitle(CurrentUser user, Set<UUID> members, Map<UUID, Person> people) {
		Set<UUID> others = new LinkedHashSet<>(members);
		others.remove(user.id());
		return String.join(", ",
				others.stream().map(people::get).filter(Objects::nonNull).map(Person::name).sorted().toList());
	}

}
