package org.sparktherapy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A server-sent-events client for tests of {@code GET /api/events}: opens the stream,
 * parses it on a background thread (per the HTML standard's event-stream format) and
 * hands out what arrives.
 */
public final class EventStream implements AutoCloseable {

	/** A dispatched event. */
	public record Event(String id, String type, String data) {
	}

	/** A comment line ({@code : text}). */
	public record Comment(String text) {
	}

	/** A {@code retry:} field. */
	public record Retry(long millis) {
	}

	private record End() {
	}

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final HttpResponse<Stream<String>> response;

	private final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();

	private final String problem;

	private EventStream(HttpResponse<Stream<String>> response) {
		this.response = response;
		if (response.statusCode() != 200) {
			try (Stream<String> lines = response.body()) {
				this.problem = lines.collect(Collectors.joining("\n"));
			}
			return;
		}
		this.problem = null;
		Thread.ofVirtual().start(this::read);
	}

	/**
	 * Opens {@code /api/events<query>} with an optional bearer token and extra headers
	 * (name, value, …).
	 */
	public static EventStream open(int port, String bearer, String query, String... headers) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/events" + query))
			.header("Accept", "text/event-stream");
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return new EventStream(HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public int status() {
		return this.response.statusCode();
	}

	public String header(String name) {
		return this.response.headers().firstValue(name).orElse(null);
	}

	/** The body of a refused stream (a problem document). */
	public String problem() {
		return this.problem;
	}

	private void read() {
		String id = null;
		String type = null;
		List<String> data = new ArrayList<>();
		try (Stream<String> lines = this.response.body()) {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						this.frames.add(new Event(id, (type != null) ? type : "message", String.join("\n", data)));
					}
					type = null;
					data.clear();
					continue;
				}
				if (line.startsWith(":")) {
					this.frames.add(new Comment(line.substring(1).strip()));
					continue;
				}
				int colon = line.indexOf(':');
				String field = (colon < 0) ? line : line.substring(0, colon);
				String value = (colon < 0) ? "" : line.substring(colon + 1);
				if (value.startsWith(" ")) {
					value = value.substring(1);
				}
				switch (field) {
					case "id" -> id = value;
					case "event" -> type = value;
					case "data" -> data.add(value);
					case "retry" -> this.frames.add(new Retry(Long.parseLong(value)));
					default -> {
					}
				}
			}
		}
		catch (RuntimeException ex) {
			// closed by the test or the server
		}
		this.frames.add(new End());
	}

	/**
	 * The next frame of any kind, or null after {@code timeout}; {@link #ENDED} when the
	 * stream ended.
	 */
	public Object nextFrame(Duration timeout) {
		try {
			Object frame = this.frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (frame instanceof End) {
				this.frames.add(frame);
				return ENDED;
			}
			return frame;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** What {@link #nextFrame} returns once the server closed the stream. */
	public static final Object ENDED = new Object() {
		@Override
		public String toString() {
			return "(stream ended)";
		}
	};

	/**
	 * The next event (skipping comments and retry hints), or null after {@code timeout}
	 * or at the end.
	 */
	public Event next(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return null;
			}
			Object frame = nextFrame(Duration.ofNanos(left));
			if (frame == null || frame == ENDED) {
				return null;
			}
			if (frame instanceof Event event) {
				return event;
			}
		}
	}

	/** Whether the server ends the stream within {@code timeout}. */
	public boolean endsWithin(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (nextFrame(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))) == ENDED) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		if (this.problem == null) {
			this.response.body().close();
		}
	}

}
