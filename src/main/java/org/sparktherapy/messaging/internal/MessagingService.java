package org.sparktherapy.messaging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Children;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;
import org.sparktherapy.messaging.MessagePosted;
import org.sparktherapy.messaging.internal.ConversationRepository.Person;
import org.sparktherapy.messaging.internal.ConversationRepository.ReadPosition;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.realtime.LiveEvents;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversations and messages: listing with unread counts, reading pages of messages,
 * posting (with attachments), editing, deleting (tombstones) and read positions. Every
 * call checks access through {@link MessagingAccessPolicy}; reading or writing a child's
 * conversation is PHI access and goes to the audit trail. A post stores its files, its
 * rows, the {@link MessagePosted} event and the live events in one transaction: all or
 * nothing.
 */
@Service
class MessagingService {

	static final int DEFAULT_PAGE = 30;

	static final int MAX_PAGE = 100;

	static final int MAX_DIRECT_MEMBERS = 20;

	/** A file as uploaded, before it is checked. */
	record Upload(String fileName, String declaredType, long size, InputStreamSource content) {
	}

	/** A conversation as one user sees it. */
	record ConversationView(Conversation conversation, String title, List<Person> members, long unread, boolean canPost,
			boolean member, List<ReadPosition> reads) {
	}

	record MessageView(Message message, Person author) {
	}

	/**
	 * One page of a conversation's messages, oldest first; {@code nextBefore} continues
	 * with older ones.
	 */
	record MessagePage(ConversationView conversation, List<MessageView> messages, UUID nextBefore) {
	}

	record ConversationList(PageResponse<ConversationView> page, long unreadTotal) {
	}

	record ReadResult(UUID conversationId, UUID upTo, long unread) {
	}

	record AttachmentContent(Message.Attachment attachment, InputStream content) {
	}

	record Created(ConversationView conversation, boolean created) {
	}

	/** The ids a live event about a message carries. */
	record MessageRef(UUID conversationId, UUID messageId) {
	}

	record ReadRef(UUID conversationId, UUID readerId, UUID upTo) {
	}

	record ConversationRef(UUID conversationId) {
	}

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final MessagingAccessPolicy policy;

	private final AttachmentFiles files;

	private final Children children;

	private final AuditTrail audit;

	private final LiveEvents live;

	private final ApplicationEventPublisher events;

	private final MessagingProperties properties;

	private final Clock clock;

	MessagingService(ConversationRepository conversations, MessageRepository messages, MessagingAccessPolicy policy,
			AttachmentFiles files, Children children, AuditTrail audit, LiveEvents live,
			ApplicationEventPublisher events, MessagingProperties properties, Clock clock) {
		this.conversations = conversations;
		this.messages = messages;
		this.policy = policy;
		this.files = files;
		this.children = children;
		this.audit = audit;
		this.live = live;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	ConversationList list(CurrentUser user, PageQuery page) {
		if (this.policy.hasChildConversations(user)) {
			List<UUID> childIds = user.is(Role.PARENT) ? this.children.childrenOfGuardian(user.id())
					: this.children.caseload(user.id()).stream().map(Children.ChildFacts::id).toList();
			this.conversations.ensureForChildren(childIds, this.clock.instant());
		}
		String filter = this.policy.memberFilter();
		List<ConversationRepository.Listed> rows = this.conversations.list(user.id(), user.role(), filter, page);
		long total = this.conversations.count(user.id(), user.role(), filter);
		long unread = this.conversations.unreadTotal(user.id(), user.role(), filter);
		List<ConversationView> views = rows.stream()
			.map(row -> new ConversationView(row.conversation(), title(user, row.conversation(), row.childName()),
					List.of(), row.unread(), this.policy.mayPost(user, row.conversation()), true, List.of()))
			.toList();
		ConversationList list = new ConversationList(PageResponse.of(views, page, total), unread);
		rows.stream()
			.filter(row -> row.conversation().isChild())
			.forEach(row -> this.audit
				.success(new PhiAccess("list", "conversation", row.conversation().id(), row.conversation().childId())));
		return list;
	}

	@Transactional(readOnly = true)
	long unreadTotal(CurrentUser user) {
		return this.conversations.unreadTotal(user.id(), user.role(), this.policy.memberFilter());
	}

	/**
	 * The child's conversation (started now if it has none), for the child's guardians
	 * and care team.
	 */
	@Transactional
	ConversationView childConversation(CurrentUser user, UUID childId) {
		switch (this.policy.childConversationAccess(user, childId)) {
			case NO_CHILD -> {
				this.audit.refused(new PhiAccess("read", "conversation", null, childId), true);
				throw new MessagingProblems.ChildNotFound();
			}
			case NOT_A_MEMBER -> {
				this.audit.refused(new PhiAccess("read", "conversation", null, childId), false);
				throw new MessagingProblems.NotAllowedInConversation(
						"Only the child's guardians and care team read the child's conversation.");
			}
			case MEMBER -> {
			}
		}
		Conversation conversation = this.conversations.ensureForChild(childId, this.clock.instant());
		ConversationView view = view(user, conversation);
		this.audit.success(new PhiAccess("read", "conversation", conversation.id(), childId));
		return view;
	}

	/** The staff a staff member can start a direct conversation with. */
	@Transactional(readOnly = true)
	List<Person> contacts(CurrentUser user) {
		if (!this.policy.mayStartDirect(user)) {
			throw new MessagingProblems.NotAllowedInConversation(
					"Direct conversations are between staff; parents write to their child's care team.");
		}
		return this.conversations.staffExcept(user.id());
	}

	@Transactional
	Created startDirect(CurrentUser user, List<UUID> memberIds, String rawTitle, String firstMessage) {
		if (!this.policy.mayStartDirect(user)) {
			throw new MessagingProblems.NotAllowedInConversation(
					"Direct conversations are between staff; parents write to their child's care team.");
		}
		Set<UUID> members = new LinkedHashSet<>(memberIds);
		members.remove(user.id());
		if (members.isEmpty() || members.size() > MAX_DIRECT_MEMBERS) {
			throw new MessagingProblems.InvalidField("/memberIds",
					"must name 1 to " + MAX_DIRECT_MEMBERS + " other staff members");
		}
		Set<UUID> staff = this.conversations.activeStaff(members);
		int index = 0;
		for (UUID member : memberIds) {
			if (!member.equals(user.id()) && !staff.contains(member)) {
				throw new MessagingProblems.InvalidField("/memberIds/" + index, "must be an active admin or therapist");
			}
			index++;
		}
		members.add(user.id());
		String title = optionalTitle(rawTitle);
		Instant now = this.clock.instant();
		UUID id = UUID.randomUUID();
		boolean created = this.conversations.insertDirect(id, members, title, user.id(), now);
		Conversation conversation = created ? this.conversations.find(id).orElseThrow()
				: this.conversations.findDirect(members).orElseThrow();
		if (created) {
			this.live.publish(members, "conversation.changed", new ConversationRef(conversation.id()));
		}
		if (firstMessage != null) {
			store(user, conversation, MessageText.of(firstMessage, false), List.of());
		}
		return new Created(view(user, conversation), created);
	}

	@Transactional
	Created announce(CurrentUser user, String rawAudience, String rawTitle, String firstMessage) {
		if (!this.policy.mayAnnounce(user)) {
			throw new MessagingProblems.NotAllowedInConversation("Only admins post announcements.");
		}
		Conversation.Audience audience = Conversation.Audience.of(rawAudience);
		String title = optionalTitle(rawTitle);
		if (title == null) {
			throw new MessagingProblems.InvalidField("/title", "an announcement needs a title");
		}
		UUID id = UUID.randomUUID();
		this.conversations.insertAnnouncement(id, audience, title, user.id(), this.clock.instant());
		Conversation conversation = this.conversations.find(id).orElseThrow();
		if (firstMessage != null) {
			store(user, conversation, MessageText.of(firstMessage, false), List.of());
		}
		else {
			this.live.publish(this.policy.members(conversation), "conversation.changed", new ConversationRef(id));
		}
		return new Created(view(user, conversation), true);
	}

	@Transactional
	MessagePage messages(CurrentUser user, UUID conversationId, UUID before, Integer limit) {
		int size = (limit == null) ? DEFAULT_PAGE : limit;
		if (size < 1 || size > MAX_PAGE) {
			throw new MessagingProblems.InvalidField("limit", "must be between 1 and " + MAX_PAGE);
		}
		Conversation conversation = readable(user, conversationId, "read", "message");
		Long beforeSeq = null;
		if (before != null) {
			beforeSeq = this.messages.seqOf(conversation.id(), before).orElseThrow(MessagingProblems.BadCursor::new);
		}
		List<Message> newestFirst = this.messages.page(conversation.id(), beforeSeq, size + 1);
		boolean more = newestFirst.size() > size;
		List<Message> page = new ArrayList<>(newestFirst.subList(0, Math.min(size, newestFirst.size())));
		Collections.reverse(page);
		Map<UUID, Person> authors = this.conversations
			.people(page.stream().map(Message::authorId).collect(java.util.stream.Collectors.toSet()));
		List<MessageView> views = page.stream()
			.map(message -> new MessageView(message, authors.get(message.authorId())))
			.toList();
		MessagePage result = new MessagePage(view(user, conversation), views, more ? page.getFirst().id() : null);
		auditIfChild(conversation, "read", "message", conversation.id());
		return result;
	}

	@Transactional
	MessageView post(CurrentUser user, UUID conversationId, String body, List<Upload> uploads) {
		Conversation conversation = readable(user, conversationId, "create", "message");
		if (!this.policy.mayPost(user, conversation)) {
			refuseIfChild(conversation, "create", "message", false);
			// members of a child's or a direct conversation may post in it: only an
			// announcement's audience may not
			throw new MessagingProblems.NotAllowedInConversation("Only admins post announcements.");
		}
		String text = MessageText.of(body, !uploads.isEmpty());
		List<AttachmentType> types = check(uploads);
		Message message = store(user, conversation, text, withTypes(uploads, types));
		MessageView view = new MessageView(message, this.conversations.people(List.of(user.id())).get(user.id()));
		auditIfChild(conversation, "create", "message", message.id());
		return view;
	}

	@Transactional
	MessageView edit(CurrentUser user, UUID messageId, String body) {
		Message message = changeable(user, messageId, "update");
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
				new MessageRef(conversation.id(), messageId));
		MessageView view = new MessageView(this.messages.find(messageId, false).orElseThrow(),
				this.conversations.people(List.of(user.id())).get(user.id()));
		auditIfChild(conversation, "update", "message", messageId);
		return view;
	}

	@Transactional
	void delete(CurrentUser user, UUID messageId) {
		Message message = changeable(user, messageId, "delete");
		Conversation conversation = this.conversations.find(message.conversationId()).orElseThrow();
		if (!message.isDeleted()) {
			this.files.deleteAfterCommit(this.messages.tombstone(messageId, this.clock.instant()));
			this.live.publish(this.policy.members(conversation), "message.updated",
					new MessageRef(conversation.id(), messageId));
		}
		auditIfChild(conversation, "delete", "message", messageId);
	}

	@Transactional
	ReadResult markRead(CurrentUser user, UUID conversationId, UUID upTo) {
		Conversation conversation = readable(user, conversationId, "read", "message");
		if (!this.policy.isMember(user, conversation)) {
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
			this.live.publish(recipients, "conversation.read", new ReadRef(conversation.id(), user.id(), position));
		}
		return new ReadResult(conversation.id(), position, unread);
	}

	@Transactional
	AttachmentContent attachment(CurrentUser user, UUID attachmentId) {
		Message.Attachment attachment = this.messages.attachment(attachmentId)
			.orElseThrow(MessagingProblems.AttachmentNotFound::new);
		Conversation conversation = this.conversations.find(attachment.conversationId()).orElseThrow();
		if (!this.policy.mayRead(user, conversation)) {
			refuseIfChild(conversation, "read", "attachment", true);
			throw new MessagingProblems.AttachmentNotFound();
		}
		InputStream content = this.files.open(attachment.storageKey())
			.orElseThrow(MessagingProblems.AttachmentNotFound::new);
		AttachmentContent result = new AttachmentContent(attachment, content);
		auditIfChild(conversation, "read", "attachment", attachmentId);
		return result;
	}

	/**
	 * Stores a checked message with its files; publishes {@link MessagePosted} and the
	 * live event.
	 */
	private Message store(CurrentUser user, Conversation conversation, String text, List<TypedUpload> uploads) {
		Instant now = this.clock.instant();
		UUID messageId = UUID.randomUUID();
		List<Message.Attachment> attachments = new ArrayList<>();
		for (int i = 0; i < uploads.size(); i++) {
			TypedUpload upload = uploads.get(i);
			UUID attachmentId = UUID.randomUUID();
			String key = conversation.id() + "/" + attachmentId;
			try {
				this.files.write(key, upload.upload().content().getInputStream());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("An upload could not be read", ex);
			}
			attachments.add(new Message.Attachment(attachmentId, messageId, conversation.id(), conversation.childId(),
					i, fileName(upload.upload().fileName(), upload.type()), upload.type().contentType(),
					upload.upload().size(), key));
		}
		this.conversations.lockForPosting(conversation.id());
		long seq = this.messages.insert(messageId, conversation.id(), conversation.childId(), user.id(), text, now);
		attachments.forEach(attachment -> this.messages.insertAttachment(attachment, now));
		this.conversations.touch(conversation.id(), now);
		this.conversations.markRead(conversation.id(), user.id(), seq, now);
		Set<UUID> members = this.policy.members(conversation);
		Set<UUID> recipients = new LinkedHashSet<>(members);
		recipients.remove(user.id());
		this.events.publishEvent(new MessagePosted(messageId, conversation.id(), user.id(), Set.copyOf(recipients), now,
				conversation.childId()));
		this.live.publish(members, "message.created", new MessageRef(conversation.id(), messageId));
		return this.messages.find(messageId, false).orElseThrow();
	}

	private record TypedUpload(Upload upload, AttachmentType type) {
	}

	private static List<TypedUpload> withTypes(List<Upload> uploads, List<AttachmentType> types) {
		List<TypedUpload> typed = new ArrayList<>();
		for (int i = 0; i < uploads.size(); i++) {
			typed.add(new TypedUpload(uploads.get(i), types.get(i)));
		}
		return typed;
	}

	/**
	 * Checks count, sizes and types (by content) of the uploads before anything is
	 * stored.
	 */
	private List<AttachmentType> check(List<Upload> uploads) {
		if (uploads.size() > this.properties.maxAttachments()) {
			throw new MessagingProblems.TooManyAttachments(this.properties.maxAttachments());
		}
		long max = this.properties.maxAttachmentSize().toBytes();
		List<AttachmentType> types = new ArrayList<>();
		for (int i = 0; i < uploads.size(); i++) {
			Upload upload = uploads.get(i);
			if (upload.size() > max) {
				throw new MessagingProblems.AttachmentTooLarge(i, max);
			}
			int index = i;
			AttachmentType type = AttachmentType.detect(header(upload))
				.orElseThrow(() -> new MessagingProblems.AttachmentTypeNotAllowed(index));
			String declared = declaredType(upload.declaredType());
			if (declared != null && !declared.equals(type.contentType())) {
				throw new MessagingProblems.AttachmentTypeNotAllowed(i);
			}
			types.add(type);
		}
		return types;
	}

	private static byte[] header(Upload upload) {
		try (InputStream in = upload.content().getInputStream()) {
			return in.readNBytes(AttachmentType.HEADER_LENGTH);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("An upload could not be read", ex);
		}
	}

	/**
	 * The declared type when it names one (no parameters, {@code image/jpg} as
	 * {@code image/jpeg}), else null.
	 */
	private static String declaredType(String declared) {
		if (declared == null || declared.isBlank()) {
			return null;
		}
		String type = declared.split(";")[0].trim().toLowerCase(Locale.ROOT);
		if (type.equals("application/octet-stream")) {
			return null;
		}
		return type.equals("image/jpg") ? "image/jpeg" : type;
	}

	/**
	 * A safe file name: no path, no control characters, at most 200 characters, never
	 * empty.
	 */
	static String fileName(String raw, AttachmentType type) {
		String name = (raw != null) ? raw : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = MessageText.clean(name).replace('\n', ' ').replace('\t', ' ').strip();
		while (name.startsWith(".")) {
			name = name.substring(1);
		}
		if (name.codePointCount(0, name.length()) > 200) {
			name = name.substring(0, name.offsetByCodePoints(0, 200));
		}
		return name.isBlank() ? "attachment." + type.extension() : name;
	}

	private static String optionalTitle(String raw) {
		if (raw == null) {
			return null;
		}
		String title = MessageText.clean(raw).replace('\n', ' ').replace('\t', ' ').strip();
		if (title.codePointCount(0, title.length()) > 200) {
			throw new MessagingProblems.InvalidField("/title", "must be at most 200 characters");
		}
		return title.isEmpty() ? null : title;
	}

	/**
	 * The conversation if the user may read it; otherwise 404 (and a refusal in the log
	 * for a child's).
	 */
	private Conversation readable(CurrentUser user, UUID conversationId, String action, String resourceType) {
		Conversation conversation = this.conversations.find(conversationId)
			.orElseThrow(MessagingProblems.ConversationNotFound::new);
		if (!this.policy.mayRead(user, conversation)) {
			refuseIfChild(conversation, action, resourceType, true);
			throw new MessagingProblems.ConversationNotFound();
		}
		return conversation;
	}

	/**
	 * The message if the user may change it: 404 when they cannot see it, 403 when it is
	 * not theirs.
	 */
	private Message changeable(CurrentUser user, UUID messageId, String action) {
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

	private ConversationView view(CurrentUser user, Conversation conversation) {
		boolean announcement = conversation.kind() == Conversation.Kind.ANNOUNCEMENT;
		Set<UUID> memberIds = announcement ? Set.of() : this.policy.members(conversation);
		Map<UUID, Person> people = this.conversations.people(memberIds);
		List<Person> members = memberIds.stream().map(people::get).filter(java.util.Objects::nonNull).toList();
		String childName = conversation.isChild() ? this.conversations.childName(conversation.childId()).orElse(null)
				: null;
		boolean member = this.policy.isMember(user, conversation);
		return new ConversationView(conversation, title(user, conversation, childName), members,
				member ? this.conversations.unread(conversation.id(), user.id()) : 0,
				this.policy.mayPost(user, conversation), member,
				announcement ? List.of() : this.conversations.readPositions(conversation.id()));
	}

	private String title(CurrentUser user, Conversation conversation, String childName) {
		return switch (conversation.kind()) {
			case CHILD -> childName;
			case ANNOUNCEMENT -> conversation.title();
			case DIRECT -> {
				if (conversation.title() != null) {
					yield conversation.title();
				}
				Set<UUID> others = new LinkedHashSet<>(this.conversations.directMembers(conversation.id()));
				others.remove(user.id());
				yield String.join(", ",
						this.conversations.people(others).values().stream().map(Person::name).sorted().toList());
			}
		};
	}

	private void auditIfChild(Conversation conversation, String action, String resourceType, UUID resourceId) {
		if (conversation.isChild()) {
			this.audit.success(new PhiAccess(action, resourceType, resourceId, conversation.childId()));
		}
	}

	private void refuseIfChild(Conversation conversation, String action, String resourceType, boolean notFound) {
		if (conversation.isChild()) {
			this.audit.refused(new PhiAccess(action, resourceType, conversation.id(), conversation.childId()),
					notFound);
		}
	}

}
