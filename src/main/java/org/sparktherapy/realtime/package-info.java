/**
 * Real time: the per-user stream of live events (new messages, read receipts,
 * notifications, appointment changes). Other modules call
 * {@link org.sparktherapy.realtime.LiveEvents#publish} inside their transaction; the
 * events are stored with the transaction, so a client that reconnects with
 * {@code Last-Event-ID} receives what it missed, and are delivered after commit to the
 * streams this node holds and, when Redis is configured, to those of every node. Live
 * events carry ids and kinds, never clinical text: a client refetches what it is allowed
 * to see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Real time")
package org.sparktherapy.realtime;
