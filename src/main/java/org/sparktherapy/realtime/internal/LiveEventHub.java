package org.sparktherapy.realtime.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * This node's subscribers (open streams) by user, and the delivery of committed events to them. Without Redis, the
 * events committed on this node are delivered here; with Redis, a relay forwards them to every node's hub.
 */
@Component
class LiveEventHub {

	private static final Logger log = LoggerFactory.getLogger(LiveEventHub.class);

	/** Receives events committed on this node: delivers them locally, or relays them to every node. */
	interface Relay {

		void relay(List<LiveEvent> events);

	}

	private final Map<UUID, Set<Consumer<LiveEvent>>> subscribers = new ConcurrentHashMap<>();

	private volatile Relay relay = this::deliver;

	/** Makes committed events go through {@code relay} (e.g. Redis) instead of straight to this node's streams. */
	void relayThrough(Relay relay) {
		this.relay = relay;
	}

	/** Called after commit with the events a transaction stored. */
	void committed(List<LiveEvent> events) {
		try {
			this.relay.relay(events);
		}
		catch (RuntimeException ex) {
			// the events are stored: streams that miss them now get them on reconnect with Last-Event-ID
			log.warn("Live events could not be relayed; clients will catch up on reconnect", ex);
		}
	}

	/** Delivers events to this node's subscribers of their recipients. */
	void deliver(List<LiveEvent> events) {
		for (LiveEvent event : events) {
			Set<Consumer<LiveEvent>> listeners = this.subscribers.get(event.recipientId());
			if (listeners != null) {
				listeners.forEach(listener -> listener.accept(event));
			}
		}
	}

	/** Subscribes to the user's events; run the returned handle to unsubscribe. */
	Runnable subscribe(UUID userId, Consumer<LiveEvent> listener) {
		this.subscribers.computeIfAbsent(userId, id -> new CopyOnWriteArraySet<>()).add(listener);
		return () -> this.subscribers.computeIfPresent(userId, (id, set) -> {
			set.remove(listener);
			return set.isEmpty() ? null : set;
		});
	}

	/** How many streams this node holds (for metrics). */
	int subscriberCount() {
		return this.subscribers.values().stream().mapToInt(Set::size).sum();
	}

}
