/**
 * Notifications: tells people what happened that concerns them — a new message, an
 * appointment booked, moved, cancelled or due tomorrow, a session note waiting for their
 * signature, a target mastered, a password change or a new sign-in — in the in-app
 * notification centre and, as each person prefers per kind, by e-mail (a sentence and a
 * link, never clinical data). It listens to other modules' events
 * ({@code @ApplicationModuleListener}, kept in the event publication registry until
 * handled) and stores each notification once per recipient, kind and source, so a
 * redelivered event notifies nobody twice. A notice names its subject and the child ("Ava
 * C."): a later event about the same subject updates the standing notice, and a task's
 * notices (a note to sign, a change to decide) are resolved for everyone when anyone does
 * the task.
 *
 * <p>
 * Adding a kind (e.g. invoices): one constant in {@code NotificationKind} (API name,
 * label, default channels, the mail's sentence) and one small listener method in
 * {@code NotificationListeners} that picks the recipients, the source key, the in-app
 * title and the link, and calls {@code Notifier#notify}. Nothing else changes:
 * preferences, the centre, mails and live events follow from the kind.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.sparktherapy.notifications;
