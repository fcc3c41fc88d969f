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
		boolean announcement = conversation.kind() == Conversation.Kind.ANNOUNCEMENT;
		Set<UUID> memberIds = announcement ? Set.of() : this.policy.members(conversation);
		Map<UUID, Person> people = this.conversations.people(memberIds);
		List<Person> members = memberIds.stream().map(people::get).filter(Objects::nonNull).toList();
		String childName = conversation.isChild() ? this.conversations.childName(conversation.childId()).orElse(null)
				: null;
		boolean member = this.policy.isMember(user, conversation);
		return new ConversationView(conversation, title(user, conversation, childName), members,
				member ? this.conversations.unread(conversation.id(), user.id()) : 0,
				this.policy.mayPost(user, conversation), member,
				announcement ? List.of() : this.conversations.readPositions(conversation.id()));
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
				Set<UUID> others = new LinkedHashSet<>(this.conversations.directMembers(conversation.id()));
				others.remove(user.id());
				yield String.join(", ",
						this.conversations.people(others).values().stream().map(Person::name).sorted().toList());
			}
		};
	}

}
