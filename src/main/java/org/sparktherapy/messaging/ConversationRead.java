package org.sparktherapy.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A member's read position in a conversation moved forward: they read it, or wrote in it.
 * Ids and times only, as {@link MessagePosted}.
 *
 * @param conversationId the conversation
 * @param readerId the member who read it
 * @param upTo when the newest message the member has now read was posted
 */
public record ConversationRead(UUID conversationId, UUID readerId, Instant upTo) {

}
