package org.sparktherapy.messaging.internal;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.messaging.ConversationRead;
import org.sparktherapy.realtime.LiveEvents;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read state: how far each member has read a conversation (a read position only moves
 * forward) and how many messages wait unread. Access is checked through
 * {@link MessagingAccessPolicy}; a refused read of a child's conversation goes to the
 * audit trail.
 */
@Service
class ReadStateService {

	record ReadResult(UUID conversationId, UUID upTo, long unread) {
	}

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final MessagingAccessPolicy policy;

	private final ConversationAccess access;

	private final LiveEvents live;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ReadStateService(ConversationRepository conversations, MessageRepository messages, MessagingAccessPolicy policy,
			ConversationAccess access, LiveEvents live, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.conversations = conversations;
		this.messages = messages;
		this.policy = policy;
		this.access = access;
		this.live = live;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	long unreadTotal(CurrentUser user) {
		return this.conversations.unreadTotal(user.id(), user.role(), this.policy.memberFilter());
	}

	@Transactional
	ReadResult markRead(CurrentUser user, UUID conversationId, UUID upTo) {
		ConversationAccess.Readable readable = this.access.readableWithRights(user, conversationId, "read", "message");
		Conversation conversation = readable.conversation();
		if (!readable.rights().member()) {
			throw new MessagingProblems.NotAllowedInConversation("Only members keep a read position.");
		}
		long seq = this.messages.seqOf(conversation.id(), upTo)
			.orElseThrow(() -> new MessagingProblems.InvalidField("/upTo", "is not a message of this conversation"));
		ConversationRepository.ReadMark mark = this.conversations.markRead(conversation.id(), user.id(), seq,
				this.clock.instant());
		UUID position = mark.advanced() ? upTo : this.messages.idAt(conversation.id(), mark.seq()).orElseThrow();
		long unread = this.conversations.unread(conversation.id(), user.id());
		if (mark.advanced()) {
			// an announcement's readers are private: only the reader's own devices hear
			// it (and not its audience)
			Set<UUID> recipients = (conversation.kind() == Conversation.Kind.ANNOUNCEMENT) ? Set.of(user.id())
					: this.policy.members(conversation);
			this.live.publish(recipients, "conversation.read",
					new LiveRefs.ReadRef(conversation.id(), user.id(), position));
			// the reader's message notice of this conversation is read too, when it is
			// about nothing newer (notifications)
			this.messages.postedAt(conversation.id(), seq)
				.ifPresent((postedAt) -> this.events
					.publishEvent(new ConversationRead(conversation.id(), user.id(), postedAt)));
		}
		return new ReadResult(conversation.id(), position, unread);
	}

}
