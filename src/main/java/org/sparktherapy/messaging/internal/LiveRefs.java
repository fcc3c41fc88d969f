package org.sparktherapy.messaging.internal;

import java.util.UUID;

/**
 * What messaging's live events carry ({@code conversation.changed},
 * {@code message.created}, {@code message.updated}, {@code conversation.read}): ids only,
 * never text.
 */
final class LiveRefs {

	private LiveRefs() {
	}

	record ConversationRef(UUID conversationId) {
	}

	/** The ids a live event about a message carries. */
	record MessageRef(UUID conversationId, UUID messageId) {
	}

	record ReadRef(UUID conversationId, UUID readerId, UUID upTo) {
	}

}
