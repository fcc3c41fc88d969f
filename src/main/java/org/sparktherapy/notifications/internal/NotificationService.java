package org.sparktherapy.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.problem.InvalidInput;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.realtime.LiveEvents;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in person's notification centre and preferences. Who may do what is simple
 * and decided here: everyone sees, marks and configures only their own notifications —
 * the queries are bound to the caller, so another person's notification id changes
 * nothing and reveals nothing.
 */
@Service
class NotificationService {

	/** A page of the centre with the caller's unread count. */
	record Centre(PageResponse<Notification> page, long unreadCount) {
	}

	/** What to mark read: the listed ids, or everything (up to a time). */
	record ReadRequest(List<UUID> ids, boolean all, Instant upTo) {
	}

	private final NotificationRepository notifications;

	private final NotificationPreferences preferences;

	private final LiveEvents live;

	private final Clock clock;

	NotificationService(NotificationRepository notifications, NotificationPreferences preferences, LiveEvents live,
			Clock clock) {
		this.notifications = notifications;
		this.preferences = preferences;
		this.live = live;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Centre centre(CurrentUser user, boolean unreadOnly, PageQuery page) {
		return new Centre(this.notifications.page(user.id(), unreadOnly, page),
				this.notifications.unreadCount(user.id()));
	}

	@Transactional(readOnly = true)
	long unreadCount(CurrentUser user) {
		return this.notifications.unreadCount(user.id());
	}

	/**
	 * Marks read; tells the caller's other open apps the new count
	 * ({@code notification.read}).
	 */
	@Transactional
	long markRead(CurrentUser user, ReadRequest request) {
		boolean byIds = request.ids() != null && !request.ids().isEmpty();
		boolean everything = request.all() || request.upTo() != null;
		if (byIds == everything) {
			throw new InvalidInput("", "give either ids, or all: true / upTo");
		}
		Instant now = this.clock.instant();
		int changed = byIds ? this.notifications.markRead(user.id(), request.ids(), now)
				: this.notifications.markReadUpTo(user.id(), request.upTo(), now);
		long unread = this.notifications.unreadCount(user.id());
		if (changed > 0) {
			this.live.publish(List.of(user.id()), "notification.read", Map.of("unreadCount", unread));
		}
		return unread;
	}

	@Transactional(readOnly = true)
	List<NotificationPreferences.Choice> preferences(CurrentUser user) {
		return this.preferences.of(user.id());
	}

	/**
	 * Saves the caller's choices; a locked channel (account security mail) cannot be
	 * turned off.
	 */
	@Transactional
	List<NotificationPreferences.Choice> changePreferences(CurrentUser user,
			List<NotificationPreferences.Choice> choices) {
		for (int i = 0; i < choices.size(); i++) {
			NotificationPreferences.Choice choice = choices.get(i);
			if (choice.kind().locked(choice.channel()) && !choice.enabled()) {
				throw new InvalidInput("/preferences/" + i + "/enabled",
						"account security mail (" + choice.kind().value() + ") cannot be turned off");
			}
		}
		choices.forEach(choice -> this.preferences.save(user.id(), choice));
		return this.preferences.of(user.id());
	}

}
