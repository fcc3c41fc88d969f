package org.sparktherapy.notifications.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification of one person, as the centre lists it. {@code title} is short and
 * carries the least that still helps (a time, the child as "Ava C.", never a full name or
 * clinical text); {@code link} is a path in the web app. A task's notice (a note to sign,
 * a change to decide) is resolved when the task is done, by whoever did it:
 * {@code resolvedAt} says when, and a resolved notice is read.
 */
record Notification(UUID id, UUID recipientId, NotificationKind kind, String title, String link, Instant createdAt,
		Instant readAt, Instant resolvedAt) {

	/**
	 * What a notice is about — a session, a change request, a conversation, an
	 * appointment — so that one standing notice per recipient, kind and subject is kept
	 * (a repeat updates it) and a task's notices can be resolved.
	 *
	 * @param type what kind of thing, e.g. {@code session}
	 */
	record Subject(String type, UUID id) {

		static Subject session(UUID id) {
			return new Subject("session", id);
		}

		static Subject changeRequest(UUID id) {
			return new Subject("change_request", id);
		}

	}

	/**
	 * What a listener wants to tell: the same for every recipient it passes.
	 *
	 * @param sourceKey what event the notification comes from (e.g. the appointment and
	 * its new start): a recipient gets one notification per kind and source key, however
	 * often the event is delivered
	 * @param subject what it is about, or null: a recipient's standing notice of the kind
	 * about the subject is updated by a later one (its title, link and time, and unread
	 * again) instead of a second being stored
	 */
	record Draft(NotificationKind kind, String sourceKey, Subject subject, String title, String link, Instant at) {

		Draft(NotificationKind kind, String sourceKey, String title, String link, Instant at) {
			this(kind, sourceKey, null, title, link, at);
		}

	}

}
