package org.sparktherapy.notifications.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification of one person, as the centre lists it. {@code title} is short and carries the least that still
 * helps (a time, never a child's full name); {@code link} is a path in the web app.
 */
record Notification(UUID id, UUID recipientId, NotificationKind kind, String title, String link, Instant createdAt,
		Instant readAt) {

	/**
	 * What a listener wants to tell: the same for every recipient it passes.
	 *
	 * @param sourceKey what the notification is about (e.g. the appointment and its new start): a recipient gets one
	 * notification per kind and source key, however often the event is delivered
	 */
	record Draft(NotificationKind kind, String sourceKey, String title, String link, Instant at) {
	}

}
