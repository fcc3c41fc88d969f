package org.sparktherapy.messaging.internal;

import org.sparktherapy.platform.problem.Forbidden;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.problem.NotFound;
import org.sparktherapy.platform.problem.Problem;

/**
 * The rules of the messaging module that a caller can break.
 */
final class MessagingProblems {

	private MessagingProblems() {
	}

	static final class ConversationNotFound extends NotFound {

		ConversationNotFound() {
			super("conversation");
		}

	}

	static final class MessageNotFound extends NotFound {

		MessageNotFound() {
			super("message");
		}

	}

	static final class AttachmentNotFound extends NotFound {

		AttachmentNotFound() {
			super("attachment");
		}

	}

	static final class ChildNotFound extends NotFound {

		ChildNotFound() {
			super("child");
		}

	}

	static final class NotAllowedInConversation extends Forbidden {

		NotAllowedInConversation(String detail) {
			super(detail);
		}

	}

	static final class InvalidField extends InvalidInput {

		InvalidField(String pointer, String detail) {
			super(pointer, detail);
		}

	}

	static final class InvalidText extends InvalidInput {

		InvalidText(String detail) {
			super("/body", detail);
		}

	}

	static final class TooManyAttachments extends InvalidInput {

		TooManyAttachments(int max) {
			super("/files", "at most " + max + " files per message");
		}

	}

	static final class AttachmentTypeNotAllowed extends InvalidInput {

		AttachmentTypeNotAllowed(int index) {
			super("/files/" + index, "must be a PNG, JPEG, WebP or GIF image or a PDF document (checked by content)");
		}

	}

	static final class AttachmentTooLarge extends Problem {

		AttachmentTooLarge(int index, long maxBytes) {
			super(Kind.TOO_LARGE, "attachment-too-large", "Attachment too large",
					"Each file may be at most " + (maxBytes / (1024 * 1024)) + " MB.",
					java.util.List.of(new FieldError("/files/" + index, "is larger than allowed")));
		}

	}

	static final class BadCursor extends InvalidInput {

		BadCursor() {
			super("before", "is not a message of this conversation");
		}

	}

	static final class EditWindowClosed extends Problem {

		EditWindowClosed(java.time.Duration window) {
			super(Kind.CONFLICT, "edit-window-closed", "Edit window closed",
					"A message can be edited for " + window.toMinutes() + " minutes after it was sent.");
		}

	}

	static final class MessageDeleted extends Problem {

		MessageDeleted() {
			super(Kind.CONFLICT, "message-deleted", "Message deleted", "A deleted message cannot be edited.");
		}

	}

	/**
	 * The author used this Idempotency-Key for a different post (another text, other
	 * files or another conversation): a repeat must be the same post; a new post needs a
	 * new key.
	 */
	static final class IdempotencyKeyReused extends Problem {

		IdempotencyKeyReused() {
			super(Kind.CONFLICT, "idempotency-key-reused", "Idempotency key reused",
					"This Idempotency-Key was used for a different message; nothing was posted. A new message "
							+ "needs a new key.");
		}

	}

}
