package org.sparktherapy.messaging.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.messaging.ConversationRead;
import org.sparktherapy.messaging.MessagePosted;
import org.sparktherapy.realtime.LiveEvents;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores a checked message with its files and rows, moves the author's read position to
 * it, and publishes {@link MessagePosted} and the live event, in the caller's
 * transaction: all or nothing. Posting, starting a direct conversation and announcing all
 * post through here; the caller has checked access and content. Each message committed
 * counts in {@code spark.messages.posted} (ADR 0045).
 */
@Component
class MessagePosting {

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final MessagingAccessPolicy policy;

	private final AttachmentFiles files;

	private final LiveEvents live;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Counter posted;

	MessagePosting(ConversationRepository conversations, MessageRepository messages, MessagingAccessPolicy policy,
			AttachmentFiles files, LiveEvents live, ApplicationEventPublisher events, Clock clock,
			MeterRegistry meters) {
		this.posted = Counter.builder("spark.messages.posted")
			.description("Messages posted (counted when committed)")
			.register(meters);
		this.conversations = conversations;
		this.messages = messages;
		this.policy = policy;
		this.files = files;
		this.live = live;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Stores a checked message with its files; publishes {@link MessagePosted} and the
	 * live event.
	 */
	Message store(CurrentUser user, Conversation conversation, String text, List<Uploads.Checked> uploads) {
		return store(user, conversation, text, uploads, null).message();
	}

	/**
	 * A post's outcome: the message, and whether this post stored it (or a repeat found
	 * it).
	 */
	record Stored(Message message, boolean created) {
	}

	/**
	 * Stores a checked message with its files, unless the author already posted it with
	 * this idempotency key (ADR 0053): then the message stored the first time, and the
	 * files written for the repeat are deleted at commit. The same key for a different
	 * post is refused. Publishes {@link MessagePosted} and the live event only for a new
	 * message.
	 */
	Stored store(CurrentUser user, Conversation conversation, String text, List<Uploads.Checked> uploads,
			MessageRepository.Keyed key) {
		Instant now = this.clock.instant();
		UUID messageId = UUID.randomUUID();
		List<Message.Attachment> attachments = new ArrayList<>();
		for (int i = 0; i < uploads.size(); i++) {
			Uploads.Checked upload = uploads.get(i);
			UUID attachmentId = UUID.randomUUID();
			String storageKey = conversation.id() + "/" + attachmentId;
			try {
				this.files.write(storageKey, upload.upload().content().getInputStream());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("An upload could not be read", ex);
			}
			attachments.add(new Message.Attachment(attachmentId, messageId, conversation.id(), conversation.childId(),
					i, Uploads.fileName(upload.upload().fileName(), upload.type()), upload.type().contentType(),
					upload.upload().size(), storageKey));
		}
		this.conversations.lockForPosting(conversation.id());
		if (key != null) {
			// under the conversation's lock: a repeat racing its first post waits for it
			// here
			var earlier = this.messages.byKey(user.id(), key.key());
			if (earlier.isPresent()) {
				this.files.deleteAfterCommit(attachments.stream().map(Message.Attachment::storageKey).toList());
				return new Stored(repeated(earlier.get(), key), false);
			}
		}
		long seq = this.messages.insert(messageId, conversation.id(), conversation.childId(), user.id(), text, now, key)
			// the key taken at this moment by a post to another conversation: a different
			// post
			.orElseThrow(MessagingProblems.IdempotencyKeyReused::new);
		attachments.forEach(attachment -> this.messages.insertAttachment(attachment, now));
		this.conversations.touch(conversation.id(), now);
		this.conversations.markRead(conversation.id(), user.id(), seq, now);
		Set<UUID> members = this.policy.members(conversation);
		Set<UUID> recipients = new LinkedHashSet<>(members);
		recipients.remove(user.id());
		this.events.publishEvent(new MessagePosted(messageId, conversation.id(), user.id(), Set.copyOf(recipients), now,
				conversation.childId()));
		// whoever writes has read the conversation up to their own message
		this.events.publishEvent(new ConversationRead(conversation.id(), user.id(), now));
		this.live.publish(members, "message.created", new LiveRefs.MessageRef(conversation.id(), messageId));
		countWhenCommitted();
		return new Stored(this.messages.find(messageId, false).orElseThrow(), true);
	}

	/** The message an earlier post with the key stored, when this post is the same. */
	Message repeated(MessageRepository.Earlier earlier, MessageRepository.Keyed key) {
		if (!earlier.requestHash().equals(key.requestHash())) {
			throw new MessagingProblems.IdempotencyKeyReused();
		}
		return this.messages.find(earlier.messageId(), false).orElseThrow();
	}

	private void countWhenCommitted() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.posted.increment();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				MessagePosting.this.posted.increment();
			}
		});
	}

}
