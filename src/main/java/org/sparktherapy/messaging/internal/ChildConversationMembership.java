package org.sparktherapy.messaging.internal;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.children.ChildPeopleChanged;
import org.sparktherapy.realtime.LiveEvents;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A child's conversation follows the child's guardians and care team as they are now (see
 * {@link MessagingAccessPolicy}); when someone is linked or unlinked, everyone concerned
 * — the members now and the person who left — hears {@code conversation.changed}, so open
 * inboxes and conversations refresh at once: a newcomer sees the conversation appear, a
 * therapist taken off the team sees it go. A repeated delivery only repeats the signal.
 */
@Component
class ChildConversationMembership {

	private final ConversationRepository conversations;

	private final MessagingAccessPolicy policy;

	private final LiveEvents live;

	private final Clock clock;

	ChildConversationMembership(ConversationRepository conversations, MessagingAccessPolicy policy, LiveEvents live,
			Clock clock) {
		this.conversations = conversations;
		this.policy = policy;
		this.live = live;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ChildPeopleChanged event) {
		Conversation conversation = this.conversations.ensureForChild(event.childId(), this.clock.instant());
		Set<UUID> concerned = new LinkedHashSet<>(this.policy.members(conversation));
		concerned.add(event.accountId());
		this.live.publish(concerned, "conversation.changed", new LiveRefs.ConversationRef(conversation.id()));
	}

}
