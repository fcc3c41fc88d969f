package org.sparktherapy.messaging.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.messaging.internal.ConversationRepository.Person;
import org.sparktherapy.messaging.internal.ConversationRepository.ReadPosition;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The operations manual's messaging endpoints: conversations, their messages (text as
 * JSON, or multipart with attachments), read positions and attachment downloads with safe
 * headers.
 */
@RestController
@Tag(name = "Messaging", description = "Conversations, messages, attachments and read state")
class ConversationController {

	private static final String IDEMPOTENCY = "With an Idempotency-Key header (1–200 visible characters, e.g. a UUID "
			+ "the client made for this message) a repeat of the same post answers 200 with the message stored the "
			+ "first time, so a post whose answer was lost can be sent again safely; the same key for a different "
			+ "post answers 409 (idempotency-key-reused).";

	private static final String KEY = "the client's key for this message (optional): repeats of the post are "
			+ "answered with the first one's message";

	/**
	 * What an attachment response may do in a browser that opens it: nothing (no scripts,
	 * no loads).
	 */
	static final String ATTACHMENT_POLICY = "sandbox; default-src 'none'";

	private final ConversationService conversations;

	private final MessageService messages;

	private final ReadStateService reads;

	ConversationController(ConversationService conversations, MessageService messages, ReadStateService reads) {
		this.conversations = conversations;
		this.messages = messages;
		this.reads = reads;
	}

	record CreateConversationRequest(@Size(max = ConversationService.MAX_DIRECT_MEMBERS) List<@NotNull UUID> memberIds,
			String audience, @Size(max = 1000) String title, @Size(max = 20_000) String body) {
	}

	record MessageRequest(@NotNull @Size(max = 20_000) String body) {
	}

	@Schema(name = "ConversationReadRequest")
	record ReadRequest(@NotNull UUID upTo) {
	}

	record ConversationResponse(UUID id, @Schema(allowableValues = {
			"child", "direct", "announcement" }) String kind, @Nullable String title, @Nullable UUID childId,
			@Nullable @Schema(allowableValues = { "everyone", "admin", "therapist", "parent" }) String audience,
			Instant createdAt, @Nullable Instant lastMessageAt, long unreadCount, boolean canPost, boolean member,
			List<Person> members, List<ReadPosition> reads){

		static ConversationResponse of(ConversationViews.ConversationView view) {
			Conversation c = view.conversation();
			return new ConversationResponse(c.id(), c.kind().value(), view.title(), c.childId(),
					(c.audience() != null) ? c.audience().value() : null, c.createdAt(), c.lastMessageAt(),
					view.unread(), view.canPost(), view.member(), view.members(), view.reads());
		}

	}

	record ConversationListResponse(List<ConversationResponse> content, PageResponse.PageInfo page, long unreadTotal) {
	}

	record AttachmentResponse(UUID id, String fileName, String contentType, long size) {
	}

	record MessageResponse(UUID id, UUID conversationId, @Nullable Person author, @Nullable String body,
			Instant postedAt, @Nullable Instant editedAt, boolean edited, boolean deleted,
			List<AttachmentResponse> attachments) {

		static MessageResponse of(MessageService.MessageView view) {
			Message m = view.message();
			return new MessageResponse(m.id(), m.conversationId(), view.author(), m.body(), m.postedAt(), m.editedAt(),
					m.editedAt() != null, m.isDeleted(),
					m.attachments()
						.stream()
						.map(a -> new AttachmentResponse(a.id(), a.fileName(), a.contentType(), a.size()))
						.toList());
		}

	}

	record MessagesResponse(ConversationResponse conversation, List<MessageResponse> messages,
			@Nullable UUID nextBefore) {
	}

	record UnreadResponse(long unread) {
	}

	record ReadResponse(UUID conversationId, UUID upTo, long unreadCount) {
	}

	@GetMapping("/api/conversations")
	@Operation(summary = "The signed-in user's conversations with unread counts, most recently active first",
			description = "Parents: their children's conversations; therapists: their caseload's, their direct "
					+ "conversations; everyone: the announcements for their role. unreadTotal counts all of them.")
	ConversationListResponse list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal CurrentUser user) {
		PageQuery query = PageQuery.of(page, size);
		ConversationService.ConversationList list = this.conversations.list(user, query);
		return new ConversationListResponse(list.page().content().stream().map(ConversationResponse::of).toList(),
				list.page().page(), list.unreadTotal());
	}

	@GetMapping("/api/conversations/unread-count")
	@Operation(summary = "How many messages of others the user has not read, over all conversations")
	UnreadResponse unreadCount(@AuthenticationPrincipal CurrentUser user) {
		return new UnreadResponse(this.reads.unreadTotal(user));
	}

	@GetMapping("/api/conversations/contacts")
	@Operation(summary = "The staff (admins, therapists) a staff member can start a direct conversation with")
	List<Person> contacts(@AuthenticationPrincipal CurrentUser user) {
		return this.conversations.contacts(user);
	}

	@PostMapping("/api/conversations")
	@Operation(summary = "Start a direct conversation between staff, or an announcement",
			description = "memberIds (other admins or therapists; 201, or 200 with the existing conversation of "
					+ "exactly these members) or audience (everyone|admin|therapist|parent, admins only, title "
					+ "required). body, when given, is posted as the first message.")
	ResponseEntity<ConversationResponse> create(@Valid @RequestBody CreateConversationRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		boolean direct = request.memberIds() != null;
		if (direct == (request.audience() != null)) {
			throw new MessagingProblems.InvalidField("/memberIds", "give either memberIds or audience");
		}
		ConversationService.Created created = direct
				? this.conversations.startDirect(user, request.memberIds(), request.title(), request.body())
				: this.conversations.announce(user, request.audience(), request.title(), request.body());
		ConversationResponse body = ConversationResponse.of(created.conversation());
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/conversations/{id}/messages")
			.buildAndExpand(body.id())
			.toUri();
		return created.created() ? ResponseEntity.created(location).body(body)
				: ResponseEntity.ok().location(location).body(body);
	}

	@GetMapping("/api/children/{id}/conversation")
	@Operation(summary = "The child's conversation with its care team (started on first use)",
			description = "For the child's guardians and care team, and admins (read-only supervision, audited).")
	ConversationResponse childConversation(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		return ConversationResponse.of(this.conversations.childConversation(user, id));
	}

	@GetMapping("/api/conversations/{id}/messages")
	@Operation(summary = "A page of messages, the newest page first; oldest to newest within the page",
			description = "limit 1–100 (default 30). nextBefore, when present, is the before= cursor for the "
					+ "older page. Also returns the conversation with its members and read positions.")
	MessagesResponse messages(@PathVariable UUID id, @RequestParam(required = false) UUID before,
			@RequestParam(required = false) Integer limit, @AuthenticationPrincipal CurrentUser user) {
		MessageService.MessagePage page = this.messages.messages(user, id, before, limit);
		return new MessagesResponse(ConversationResponse.of(page.conversation()),
				page.messages().stream().map(MessageResponse::of).toList(), page.nextBefore());
	}

	@PostMapping(path = "/api/conversations/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Post a text message",
			description = "Text is trimmed, NFC-normalised, stripped of control characters (newline and tab stay), "
					+ "1–5000 characters, and always shown as plain text. For attachments send multipart/form-data. "
					+ IDEMPOTENCY)
	ResponseEntity<MessageResponse> post(@PathVariable UUID id,
			@Parameter(description = KEY) @RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody MessageRequest request, @AuthenticationPrincipal CurrentUser user) {
		return answer(id, this.messages.post(user, id, request.body(), List.of(), checkedKey(key)));
	}

	@PostMapping(path = "/api/conversations/{id}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Post a message with attachments (multipart: body, files)",
			description = "Up to 5 files of at most 10 MB each: PNG, JPEG, WebP or GIF images and PDF, recognised "
					+ "by their content. The text may be empty when files are attached. 413 for a file or request "
					+ "too large; nothing is stored unless everything is. " + IDEMPOTENCY)
	ResponseEntity<MessageResponse> postWithFiles(@PathVariable UUID id,
			@Parameter(description = KEY) @RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestParam(name = "body", required = false) String body,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal CurrentUser user) {
		String checked = checkedKey(key);
		List<Uploads.Upload> uploads = (files == null) ? List.of() : files.stream()
			.filter(file -> !(file.isEmpty()
					&& (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())))
			.map(file -> new Uploads.Upload(file.getOriginalFilename(), file.getContentType(), file.getSize(), file))
			.toList();
		return answer(id, this.messages.post(user, id, body, uploads, checked));
	}

	/**
	 * The Idempotency-Key as sent, when it is well-formed: 1 to 200 visible ASCII
	 * characters.
	 */
	private static String checkedKey(String key) {
		if (key != null && (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127))) {
			throw new MessagingProblems.InvalidField("/header/Idempotency-Key",
					"must be 1 to 200 visible ASCII characters");
		}
		return key;
	}

	@PatchMapping("/api/messages/{id}")
	@Operation(summary = "Edit one's own message", description = "Only its author, within 15 minutes of sending.")
	MessageResponse edit(@PathVariable UUID id, @Valid @RequestBody MessageRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		return MessageResponse.of(this.messages.edit(user, id, request.body()));
	}

	@DeleteMapping("/api/messages/{id}")
	@Operation(summary = "Delete one's own message",
			description = "Leaves a tombstone: the text and attachments " + "are gone, the message shows as deleted.")
	ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user) {
		this.messages.delete(user, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/conversations/{id}/read")
	@Operation(summary = "Mark the conversation read up to a message", description = "Members only; the read "
			+ "position only moves forward, and the answer carries the position stored (upTo).")
	ReadResponse read(@PathVariable UUID id, @Valid @RequestBody ReadRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		ReadStateService.ReadResult result = this.reads.markRead(user, id, request.upTo());
		return new ReadResponse(result.conversationId(), result.upTo(), result.unread());
	}

	@GetMapping("/api/attachments/{id}")
	@Operation(summary = "Download an attachment (members only)", description = "Served with its stored type, "
			+ "nosniff, a sandboxing Content-Security-Policy, no caching; PDFs as downloads.")
	ResponseEntity<org.springframework.core.io.InputStreamResource> attachment(@PathVariable UUID id,
			@AuthenticationPrincipal CurrentUser user) {
		MessageService.AttachmentContent content = this.messages.attachment(user, id);
		Message.Attachment attachment = content.attachment();
		boolean image = AttachmentType.ofContentType(attachment.contentType())
			.map(AttachmentType::isImage)
			.orElse(false);
		ContentDisposition disposition = (image ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(attachment.fileName(), java.nio.charset.StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(attachment.contentType()))
			.contentLength(attachment.size())
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", ATTACHMENT_POLICY)
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(new org.springframework.core.io.InputStreamResource(content.content()));
	}

	private static ResponseEntity<MessageResponse> created(UUID conversationId, MessageService.MessageView view) {
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/conversations/{id}/messages")
			.buildAndExpand(conversationId)
			.toUri();
		return ResponseEntity.status(HttpStatus.CREATED).location(location).body(MessageResponse.of(view));
	}

	/**
	 * 201 for a message this post stored, 200 for a repeat answered with the earlier one.
	 */
	private static ResponseEntity<MessageResponse> answer(UUID conversationId, MessageService.Posted posted) {
		return posted.created() ? created(conversationId, posted.view())
				: ResponseEntity.ok(MessageResponse.of(posted.view()));
	}

}
