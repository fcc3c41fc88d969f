package org.sparktherapy.realtime;

import java.util.Collection;
import java.util.UUID;

/**
 * Live events for signed-in users' streams ({@code GET /api/events}).
 *
 * <p>
 * {@link #publish} joins the caller's transaction: the event is stored for each recipient
 * only if the caller's work commits, and is pushed to open streams only after that
 * commit. So a stream never shows something that was rolled back, and a client that was
 * away replays what it missed by its {@code Last-Event-ID}.
 *
 * <p>
 * A payload is a small record or map of ids, kinds and counts (serialised as JSON). It
 * must not carry clinical text or names: the client refetches the record through the API,
 * which applies its access rules.
 */
public interface LiveEvents {

	/**
	 * Stores one event of {@code type} (e.g. {@code message.created}) for each recipient
	 * and delivers it after commit. Recipients may repeat; each receives the event once.
	 * Must be called inside a transaction.
	 */
	void publish(Collection<UUID> recipients, String type, Object payload);

}
