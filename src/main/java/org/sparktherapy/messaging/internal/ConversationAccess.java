package org.sparktherapy.messaging.internal;

import java.util.List;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.identity.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Finds the conversation or message a call is about, as {@link MessagingAccessPolicy}
 * decides, and writes access to a child's conversation to the PHI access log (refusals
 * included): the messaging services' shared steps. Runs inside the caller's transaction.
 */
@Component
class ConversationAccess {

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final MessagingAccessPolicy policy;

	private final AuditTrail audit;

	ConversationAccess(ConversationRepository conversations, MessageRepository messages, MessagingAccessPolicy policy,
			AuditTrail audit) {
		this.conversations = conversations;
		this.messages = messages;
		this.policy = policy;
		this.audit = audit;
	}

	/**
	 * The conversation if the user may read it; otherwise 404 (and a refusal in the log
	 * for a child's).
	 */
	Conversation readable(CurrentUser user, UUID conversationId, String action, String resourceType) {
		return readableWithRights(user, conversationId, action, resourceType).conversation();
	}

	/** As {@link #readable}, with what the user may do in it (decided once). */
	Readable readableWithRights(CurrentUser user, UUID conversationId, String action, String resourceType) {
		Conversation conversation = this.conversations.find(conversationId)
			.orElseThrow(MessagingProblems.ConversationNotFound::new);
		MessagingAccessPolicy.Rights rights = this.policy.rights(user, conversation);
		if (!rights.mayRead()) {
			refuseIfChild(conversation, action, resourceType, true);
			throw new MessagingProblems.ConversationNotFound();
		}
		return new Readable(conversation, rights);
	}

	/** A conversation the user may read and their rights in it. */
	record Readable(Conversation conversation, MessagingAccessPolicy.Rights rights) {
	}

	/**
	 * The conversation, with the child's name, the user's unread count and the read
	 * positions, and what the user may do in it, if they may read it; otherwise 404 (and
	 * a refusal in the log for a child's). The rights are decided once, for the whole
	 * request.
	 */
	Reading reading(CurrentUser user, UUID conversationId, String action, String resourceType) {
		ConversationRepository.ForReader found = this.conversations.findForReader(conversationId, user.id())
			.orElseThrow(MessagingProblems.ConversationNotFound::new);
		MessagingAccessPolicy.Rights rights = this.policy.rights(user, found.conversation());
		if (!rights.mayRead()) {
			refuseIfChild(found.conversation(), action, resourceType, true);
			throw new MessagingProblems.ConversationNotFound();
		}
		return new Reading(found.conversation(), rights, found.childName(), found.unread(), found.reads());
	}

	/** A conversation the user may read, as {@link #reading} found it. */
	record Reading(Conversation conversation, MessagingAccessPolicy.Rights rights, String childName, long unread,
			List<ConversationRepository.ReadPosition> reads) {
	}

	/**
	 * The message if the user may change it: 404 when they cannot see it, 403 when it is
	 * not theirs.
	 */
	Message changeable(CurrentUser user, UUID messageId, String action) {
		Message message = this.messages.find(messageId, true).orElseThrow(MessagingProblems.MessageNotFound::new);
		Conversation conversation = this.conversations.find(message.conversationId()).orElseThrow();
		if (!this.policy.mayRead(user, conversation)) {
			refuseIfChild(conversation, action, "message", true);
			throw new MessagingProblems.MessageNotFound();
		}
		if (!this.policy.mayChange(user, message)) {
			refuseIfChild(conversation, action, "message", false);
			throw new MessagingProblems.NotAllowedInConversation("Only its author changes a message.");
		}
		return message;
	}

	void auditIfChild(Conversation conversation, String action, String resourceType, UUID resourceId) {
		if (conversation.isChild()) {
			this.audit.success(new PhiAccess(action, resourceType, resourceId, conversation.childId()));
		}
	}

	void refuseIfChild(Conversation conversation, String action, String resourceType, boolean notFound) {
		if (conversation.isChild()) {
			this.audit.refused(new PhiAccess(action, resourceType, conversation.id(), conversation.childId()),
					notFound);
		}
	}

}
