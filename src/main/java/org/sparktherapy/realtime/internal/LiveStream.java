package org.sparktherapy.realtime.internal;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open {@code GET /api/events} stream: the user's position in their events (the id of
 * the last one sent) and the response it writes to. It holds no thread while idle.
 *
 * <p>
 * A notice that the user has new events ({@link #wake}) does not carry the events: the
 * stream reads everything after its position from the store, in id order, and sends it.
 * Notices that arrive while a read runs are folded into one more read. So an event is
 * never sent twice, never skipped (ids of one user commit in order, see
 * {@link LiveEventStore}), and the race between the replay after {@code Last-Event-ID}
 * and live delivery does not exist: the stream subscribes before its first read, and
 * every later notice triggers a read from the position.
 */
final class LiveStream {

	/** Reads the events of a user after an id (the store), at most a batch. */
	interface Source {

		List<LiveEvent> since(UUID userId, long afterId, int limit);

	}

	/** Told what happened to the stream. */
	interface Observer {

		void sent(LiveStream stream, int events);

		void closed(LiveStream stream);

	}

	private final UUID userId;

	private final Jwt credential;

	private final SseEmitter emitter;

	private final Source source;

	private final Observer observer;

	private final int batch;

	/**
	 * Pending notices; starts at 1, the opener's, so no read runs before the first one is
	 * done.
	 */
	private final AtomicInteger notices = new AtomicInteger(1);

	private final AtomicBoolean closed = new AtomicBoolean();

	/**
	 * Whether the opening frames are sent: heartbeats wait for them, so the reconnection
	 * hint comes first.
	 */
	private volatile boolean begun;

	/** Only touched by the one read running at a time (see {@link #drain}). */
	private long position;

	LiveStream(UUID userId, Jwt credential, SseEmitter emitter, Source source, Observer observer, int batch) {
		this.userId = userId;
		this.credential = credential;
		this.emitter = emitter;
		this.source = source;
		this.observer = observer;
		this.batch = batch;
		emitter.onCompletion(this::closed);
		emitter.onTimeout(this::close);
		emitter.onError(error -> closed());
	}

	UUID userId() {
		return this.userId;
	}

	/**
	 * The signed-in user's access token, or the claims a stream ticket stands for:
	 * re-checked while open.
	 */
	Jwt credential() {
		return this.credential;
	}

	SseEmitter emitter() {
		return this.emitter;
	}

	/**
	 * Sends the opening frames and the replay read in the stream's first snapshot, then
	 * starts following: the reconnection hint, a {@code ready} event whose id is where
	 * the stream starts, the replayed events.
	 */
	void begin(LiveEventLog.Start start, long retryMillis, Runnable follow) {
		this.position = start.cursor();
		try {
			this.emitter.send(SseEmitter.event()
				.reconnectTime(retryMillis)
				.id(Long.toString(start.cursor()))
				.name("ready")
				.data("{\"cursor\":" + start.cursor() + "}"));
			this.begun = true;
			send(start.replay());
		}
		catch (IOException | IllegalStateException ex) {
			close();
			return;
		}
		follow.run();
	}

	/**
	 * The user has new events: read them, now or right after the read that is running.
	 */
	void wake(java.util.concurrent.Executor executor) {
		if (!this.closed.get() && this.notices.getAndIncrement() == 0) {
			executor.execute(this::drain);
		}
	}

	/**
	 * Reads and sends until no notice is pending. Runs once at a time (guarded by
	 * {@link #notices}).
	 */
	void drain() {
		int seen = this.notices.get();
		while (seen > 0) {
			if (this.closed.get()) {
				return;
			}
			try {
				List<LiveEvent> events;
				do {
					events = this.source.since(this.userId, this.position, this.batch);
					send(events);
				}
				while (events.size() == this.batch);
			}
			catch (IOException | RuntimeException ex) {
				// the client went away or the store is unreachable: the client resumes by
				// Last-Event-ID
				close();
				return;
			}
			seen = this.notices.addAndGet(-seen);
		}
	}

	private void send(List<LiveEvent> events) throws IOException {
		for (LiveEvent event : events) {
			this.emitter
				.send(SseEmitter.event().id(Long.toString(event.id())).name(event.type()).data(event.payload()));
			this.position = event.id();
		}
		if (!events.isEmpty()) {
			this.observer.sent(this, events.size());
		}
	}

	/**
	 * A comment line that keeps proxies from closing an idle stream (and finds a vanished
	 * client).
	 */
	void heartbeat() {
		if (this.closed.get() || !this.begun) {
			return;
		}
		try {
			this.emitter.send(SseEmitter.event().comment("heartbeat"));
		}
		catch (IOException | IllegalStateException ex) {
			close();
		}
	}

	/**
	 * Ends the stream with a reconnection hint ({@code retry:}) first, so that the client
	 * waits about that long before it reconnects (the node is stopping).
	 */
	void close(long retryMillis) {
		if (!this.closed.get()) {
			try {
				this.emitter.send(SseEmitter.event().reconnectTime(retryMillis));
			}
			catch (IOException | IllegalStateException ex) {
				// the client went away: nothing to hint
			}
			close();
		}
	}

	/**
	 * Ends the stream (sign-in ended, credential expired, node stopping); the client
	 * reconnects.
	 */
	void close() {
		if (!this.closed.get()) {
			try {
				this.emitter.complete();
			}
			catch (RuntimeException ex) {
				// already completed by the container
			}
			closed();
		}
	}

	private void closed() {
		if (this.closed.compareAndSet(false, true)) {
			this.observer.closed(this);
		}
	}

	boolean isClosed() {
		return this.closed.get();
	}

}
