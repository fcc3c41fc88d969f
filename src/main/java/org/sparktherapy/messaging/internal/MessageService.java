package org.sparktherapy.messaging.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.messaging.MessagePosted;
import org.sparktherapy.messaging.internal.ConversationRepository.Person;
import org.sparktherapy.messaging.internal.ConversationViews.ConversationView;
import org.sparktherapy.realtime.LiveEvents;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages: reading a conversation's messages page by page, posting (with attachments),
 * editing within the edit window, deleting (a tombstone stays) and reading attachments.
 * Every call checks access through {@link MessagingAccessPolicy}; reading or writing in a
 * child's conversation is PHI access and goes to the audit trail. A post stores its
 * files, its rows, the {@link MessagePosted} event and the live events in one
 * transaction: all or nothing.
 */
@Service
class MessageService {

	static final int DEFAULT_PAGE = 30;

	static final int MAX_PAGE = 100;

	record MessageView(Message message, Person author) {
	}

	/**
	 * One page of a conversation's messages, oldest first; {@code nextBefore} continues
	 * with older ones.
	 */
	record MessagePage(ConversationView conversation, List<MessageView> messages, UUID nextBefore) {
	}

	record AttachmentContent(Message.Attachment attachment, InputStream content) {
	}

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final MessagingAccessPolicy policy;

	private final ConversationAccess access;

	private final ConversationViews views;

	private final Uploads uploads;

	private final MessagePosting posting;

	private final AttachmentFiles files;

	private final LiveEvents live;

	private final MessagingProperties properties;

	private final Clock clock;

	MessageService(ConversationRepository conversations, MessageRepository messages, MessagingAccessPolicy policy,
			ConversationAccess access, ConversationViews views, Uploads uploads, MessagePosting posting,
			AttachmentFiles files, LiveEvents live, MessagingProperties properties, Clock clock) {
		this.conversations = conversations;
		this.messages = messages;
		this.policy = policy;
		this.access = access;
		this.views = views;
		this.uploads = uploads;
		this.posting = posting;
		this.files = files;
		this.live = live;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	MessagePage messages(CurrentUser user, UUID conversationId, UUID before, Integer limit) {
		int size = (limit == null) ? DEFAULT_PAGE : limit;
		if (size < 1 || size > MAX_PAGE) {
			throw new MessagingProblems.InvalidField("limit", "must be between 1 and " + MAX_PAGE);
		}
		ConversationAccess.Reading reading = this.access.reading(user, conversationId, "read", "message");
		Conversation conversation = reading.conversation();
		Long beforeSeq = null;
		if (before != null) {
			beforeSeq = this.messages.seqOf(conversation.id(), before).orElseThrow(MessagingProblems.BadCursor::new);
		}
		List<Message> newestFirst = this.messages.page(conversation.id(), beforeSeq, size + 1);
		boolean more = newestFirst.size() > size;
		List<Message> page = new ArrayList<>(newestFirst.subList(0, Math.min(size, newestFirst.size())));
		Collections.reverse(page);
		// the members' and the authors' names in one read
		Set<UUID> memberIds = this.views.memberIds(conversation);
		Set<UUID> named = new HashSet<>(memberIds);
		page.forEach(message -> named.add(message.authorId()));
		Map<UUID, Person> people = this.conversations.people(named);
		List<MessageView> views = page.stream()
			.map(message -> new MessageView(message, people.get(message.authorId())))
			.toList();
		MessagePage result = new MessagePage(this.views.view(user, conversation, reading.rights(), reading.childName(),
				reading.unread(), memberIds, people, reading.reads()), views, more ? page.getFirst().id() : null);
		this.access.auditIfChild(conversation, "read", "message", conversation.id());
		return result;
	}

	@Transactional
	MessageView post(CurrentUser user, UUID conversationId, String body, List<Uploads.Upload> uploads) {
		return post(user, conversationId, body, uploads, null).view();
	}

	/** A post's answer: the message, and whether this post stored it. */
	record Posted(MessageView view, boolean created) {
	}

	/**
	 * Posts a message; with the author's {@code idempotencyKey} (ADR 0053) a repeat of
	 * the same post answers the message stored the first time (not created), and the same
	 * key for a different post is refused (409).
	 */
	@Transactional
	Posted post(CurrentUser user, UUID conversationId, String body, List<Uploads.Upload> uploads,
			String idempotencyKey) {
		ConversationAccess.Readable readable = this.access.readableWithRights(user, conversationId, "create",
				"message");
		Conversation conversation = readable.conversation();
		if (!readable.rights().mayPost()) {
			this.access.refuseIfChild(conversation, "create", "message", false);
			// members of a child's or a direct conversation may post in it: only an
			// announcement's audience may not
			throw new MessagingProblems.NotAllowedInConversation("Only admins post announcements.");
		}
		String text = MessageText.of(body, !uploads.isEmpty());
		List<Uploads.Checked> checked = this.uploads.check(uploads);
		MessageRepository.Keyed key = (idempotencyKey == null) ? null
				: new MessageRepository.Keyed(idempotencyKey, PostFingerprint.of(conversation.id(), text, checked));
		MessagePosting.Stored stored;
		var earlier = (key == null) ? Optional.<MessageRepository.Earlier>empty()
				: this.messages.byKey(user.id(), key.key());
		if (earlier.isPresent()) {
			// a repeat (the first post's answer was lost): no files written again
			stored = new MessagePosting.Stored(this.posting.repeated(earlier.get(), key), false);
		}
		else {
			stored = this.posting.store(user, conversation, text, checked, key);
		}
		Message message = stored.message();
		MessageView view = new MessageView(message, this.conversations.people(List.of(user.id())).get(user.id()));
		this.access.auditIfChild(conversation, stored.created() ? "create" : "read", "message", message.id());
		return new Posted(view, stored.created());
	}

	@Transactional
	MessageView edit(CurrentUser user, UUID messageId, String body) {
		Message message = this.access.changeable(user, messageId, "update");
		if (message.isDeleted()) {
			throw new MessagingProblems.MessageDeleted();
		}
		Instant now = this.clock.instant();
		if (now.isAfter(message.postedAt().plus(this.properties.editWindow()))) {
			throw new MessagingProblems.EditWindowClosed(this.properties.editWindow());
		}
		String text = MessageText.of(body, !message.attachments().isEmpty());
		this.messages.edit(messageId, text, now);
		Conversation conversation = this.conversations.find(message.conversationId()).orElseThrow();
		this.live.publish(this.policy.members(conversation), "message.updated",
				new LiveRefs.MessageRef(conversation.id(), messageId));
		MessageView view = new MessageView(this.messages.find(messageId, false).orElseThrow(),
				this.conversations.people(List.of(user.id())).get(user.id()));
		this.access.auditIfChild(conversation, "update", "message", messageId);
		return view;
	}

	@Transactional
	void delete(CurrentUser user, UUID messageId) {
		Message message = this.access.changeable(user, messageId, "delete");
		Conversation conversation = this.conversations.find(message.conversationId()).orElseThrow();
		if (!message.isDeleted()) {
			this.files.deleteAfterCommit(this.messages.tombstone(messageId, this.clock.instant()));
			this.live.publish(this.policy.members(conversation), "message.updated",
					new LiveRefs.MessageRef(conversation.id(), messageId));
		}
		this.access.auditIfChild(conversation, "delete", "message", messageId);
	}

	@Transactional
	AttachmentContent attachment(CurrentUser user, UUID attachmentId) {
		Message.Attachment attachment = this.messages.attachment(attachmentId)
			.orElseThrow(MessagingProblems.AttachmentNotFound::new);
		Conversation conversation = this.conversations.find(attachment.conversationId()).orElseThrow();
		if (!this.policy.mayRead(user, conversation)) {
			this.access.refuseIfChild(conversation, "read", "attachment", true);
			throw new MessagingProblems.AttachmentNotFound();
		}
		InputStream content = this.files.open(attachment.storageKey())
			.orElseThrow(MessagingProblems.AttachmentNotFound::new);
		AttachmentContent result = new AttachmentContent(attachment, content);
		this.access.auditIfChild(conversation, "read", "attachment", attachmentId);
		return result;
	}

}
