package org.sparktherapy.messaging.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.Children;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;
import org.sparktherapy.messaging.internal.ConversationRepository.Person;
import org.sparktherapy.messaging.internal.ConversationViews.ConversationView;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.realtime.LiveEvents;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversations: a user's list with unread counts, a child's conversation (started when
 * first needed), staff contacts, starting a direct conversation and announcing. Every
 * call checks access through {@link MessagingAccessPolicy}; reading a child's
 * conversation is PHI access and goes to the audit trail. A first message is posted with
 * its conversation, in one transaction.
 */
@Service
class ConversationService {

	static final int MAX_DIRECT_MEMBERS = 20;

	record ConversationList(PageResponse<ConversationView> page, long unreadTotal) {
	}

	record Created(ConversationView conversation, boolean created) {
	}

	private final ConversationRepository conversations;

	private final MessagingAccessPolicy policy;

	private final ConversationViews views;

	private final MessagePosting posting;

	private final Children children;

	private final AuditTrail audit;

	private final LiveEvents live;

	private final Clock clock;

	ConversationService(ConversationRepository conversations, MessagingAccessPolicy policy, ConversationViews views,
			MessagePosting posting, Children children, AuditTrail audit, LiveEvents live, Clock clock) {
		this.conversations = conversations;
		this.policy = policy;
		this.views = views;
		this.posting = posting;
		this.children = children;
		this.audit = audit;
		this.live = live;
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
			.map(row -> new ConversationView(row.conversation(),
					this.views.title(user, row.conversation(), row.childName()), List.of(), row.unread(),
					this.policy.mayPost(user, row.conversation()), true, List.of()))
			.toList();
		ConversationList list = new ConversationList(PageResponse.of(views, page, total), unread);
		rows.stream()
			.filter(row -> row.conversation().isChild())
			.forEach(row -> this.audit
				.success(new PhiAccess("list", "conversation", row.conversation().id(), row.conversation().childId())));
		return list;
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
		ConversationView view = this.views.view(user, conversation);
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
			this.live.publish(members, "conversation.changed", new LiveRefs.ConversationRef(conversation.id()));
		}
		if (firstMessage != null) {
			this.posting.store(user, conversation, MessageText.of(firstMessage, false), List.of());
		}
		return new Created(this.views.view(user, conversation), created);
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
			this.posting.store(user, conversation, MessageText.of(firstMessage, false), List.of());
		}
		else {
			this.live.publish(this.policy.members(conversation), "conversation.changed",
					new LiveRefs.ConversationRef(id));
		}
		return new Created(this.views.view(user, conversation), true);
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

}
