package org.sparktherapy.notifications.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.platform.mail.Mailer;
import org.sparktherapy.realtime.LiveEvents;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Delivers a {@link Notification.Draft} to people, each by the channels they chose for
 * its kind: stores it once per recipient (a repeated event changes nothing; a later one
 * about the same subject updates the standing notice), tells the recipient's open apps
 * ({@code notification.created}), and queues a mail that is sent after the transaction
 * commits. Resolves the notices of a task that was done, telling each recipient's open
 * apps ({@code notification.resolved}, with the new unread count).
 */
@Service
class Notifier {

	private final NotificationRepository notifications;

	private final NotificationPreferences preferences;

	private final NotificationMails mails;

	private final LiveEvents live;

	private final Mailer mailer;

	Notifier(NotificationRepository notifications, NotificationPreferences preferences, NotificationMails mails,
			LiveEvents live, Mailer mailer) {
		this.notifications = notifications;
		this.preferences = preferences;
		this.mails = mails;
		this.live = live;
		this.mailer = mailer;
	}

	/**
	 * Returns the ids of the notifications stored or updated now (none for recipients who
	 * already had this one).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	List<UUID> notify(Collection<UUID> recipients, Notification.Draft draft) {
		Set<UUID> unique = new LinkedHashSet<>(recipients);
		unique.remove(null);
		Map<UUID, Set<Channel>> channels = this.preferences.channels(unique, draft.kind());
		List<UUID> stored = new ArrayList<>();
		List<UUID> toMail = new ArrayList<>();
		for (UUID recipient : unique) {
			Set<Channel> wanted = channels.get(recipient);
			boolean email = wanted.contains(Channel.EMAIL) && this.mailer.enabled();
			if (!wanted.contains(Channel.IN_APP) && !email) {
				continue;
			}
			var notice = this.notifications.store(recipient, draft, wanted.contains(Channel.IN_APP));
			if (notice.isEmpty()) {
				continue;
			}
			UUID id = notice.get().id();
			stored.add(id);
			if (!notice.get().standing()) {
				continue; // its task was done already: nothing to tell
			}
			if (wanted.contains(Channel.IN_APP)) {
				this.live.publish(List.of(recipient), "notification.created", Map.of("notificationId", id, "kind",
						draft.kind().value(), "unreadCount", this.notifications.unreadCount(recipient)));
			}
			if (email) {
				this.mails.queue(id).ifPresent(toMail::add);
			}
		}
		if (!toMail.isEmpty()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Notifier.this.mails.sendSoon(toMail);
				}
			});
		}
		return stored;
	}

	/**
	 * The task a notice asked for was done (by anyone): every recipient's standing notice
	 * of the kind about the subject is resolved, and their open apps hear of it with
	 * their new unread count.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void resolve(NotificationKind kind, Notification.Subject subject, java.time.Instant at) {
		for (NotificationRepository.Resolved resolved : this.notifications.resolve(kind, subject, at)) {
			if (resolved.inApp()) {
				this.live.publish(List.of(resolved.recipientId()), "notification.resolved",
						Map.of("notificationId", resolved.id(), "kind", kind.value(), "unreadCount",
								this.notifications.unreadCount(resolved.recipientId())));
			}
		}
	}

	/**
	 * The recipient saw what their standing notice of the kind about the subject says (it
	 * is about nothing newer than {@code upTo}): it is read, and their open apps hear the
	 * new unread count ({@code notification.read}).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void markRead(UUID recipient, NotificationKind kind, Notification.Subject subject, java.time.Instant upTo,
			java.time.Instant now) {
		if (this.notifications.markSubjectRead(recipient, kind, subject, upTo, now) > 0) {
			this.live.publish(List.of(recipient), "notification.read",
					Map.of("unreadCount", this.notifications.unreadCount(recipient)));
		}
	}

}
