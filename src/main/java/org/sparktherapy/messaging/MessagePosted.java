package org.sparktherapy.messaging;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A message was posted in a conversation. Carries ids only, never the text: events are
 * stored until every listener has handled them, and the text stays in the conversation
 * where its access rules apply.
 *
 * @param recipientIds the conversation's members at the time of posting, without the
 * author
 * @param childId the child whose conversation it is; null for direct conversations and
 * announcements
 */
public record MessagePosted(UUID messageId, UUID conversationId, UUID authorId, Set<UUID> recipientIds,
		Instant postedAt, UUID childId) {

	/** A message in a conversation about no child. */
	public MessagePosted(UUID messageId, UUID conversationId, UUID authorId, Set<UUID> recipientIds, Instant postedAt) {
		this(messageId, conversationId, authorId, recipientIds, postedAt, null);
	}

}
