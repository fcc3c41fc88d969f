package org.sparktherapy.realtime.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of a stream's frames, on Spring's own emitter with the frames it is asked to
 * send recorded.
 */
class LiveStreamTests {

	private static final UUID USER = UUID.randomUUID();

	@Test
	void aHeartbeatBeforeTheOpeningFramesSendsNothingSoTheReconnectionHintComesFirst() {
		RecordingEmitter emitter = new RecordingEmitter();
		LiveStream stream = new LiveStream(USER, null, emitter, (user, after, limit) -> List.of(), observer(), 10);

		stream.heartbeat();
		stream.begin(
				new LiveEventLog.Start(41,
						List.of(new LiveEvent(42, USER, "notification.read", "{\"unreadCount\": 1}", Instant.now()))),
				3000, () -> {
				});
		stream.heartbeat();

		assertThat(emitter.frames).hasSize(3);
		assertThat(emitter.frames.get(0)).startsWith("retry:3000\nid:41\nevent:ready\n");
		assertThat(emitter.frames.get(1)).startsWith("id:42\nevent:notification.read\n");
		assertThat(emitter.frames.get(2)).isEqualTo(":heartbeat\n\n");
	}

	private static LiveStream.Observer observer() {
		return new LiveStream.Observer() {
			@Override
			public void sent(LiveStream stream, int events) {
			}

			@Override
			public void closed(LiveStream stream) {
			}
		};
	}

	/**
	 * An emitter not yet bound to a response, which records each frame as the text it
	 * would write.
	 */
	static final class RecordingEmitter extends SseEmitter {

		final List<String> frames = new ArrayList<>();

		@Override
		public void send(SseEventBuilder builder) {
			Set<DataWithMediaType> parts = builder.build();
			StringBuilder frame = new StringBuilder();
			for (DataWithMediaType part : parts) {
				frame.append(part.getData());
			}
			this.frames.add(frame.toString());
		}

		@Override
		public void send(Object object, MediaType mediaType) {
			throw new UnsupportedOperationException();
		}

	}

}
