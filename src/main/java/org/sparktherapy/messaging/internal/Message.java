package org.sparktherapy.messaging.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message. A deleted message is a tombstone: it keeps its place and author, but its
 * text and attachments are gone.
 */
record Message(UUID id, long seq, UUID conversationId, UUID childId, UUID authorId, String body, Instant postedAt,
		Instant editedAt, Instant deletedAt, List<Attachment> attachments) {

	boolean isDeleted() {
		return this.deletedAt != null;
	}

	Message withAttachments(List<Attachment> attachments) {
		return new Message(this.id, this.seq, this.conversationId, this.childId, this.authorId, this.body,
				this.postedAt, this.editedAt, this.deletedAt, attachments);
	}

	/**
	 * A file attached to a message; its bytes are in the file storage under
	 * {@code storageKey}.
	 */
	record Attachment(UUID id, UUID messageId, UUID conversationId, UUID childId, int position, String fileName,
			String contentType, long size, String storageKey) {
	}

}
