import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a message takes from its author's POST to the {@code message.created} event on a care-team member's open
 * stream: a parent of the demo clinic posts N messages one after another in their child's conversation while a
 * therapist's stream is open on {@code streamBase} (the same node, or another node sharing PostgreSQL and Redis).
 * Reports the answer time of the POST and the delivery time (POST sent → event read), as percentiles.
 *
 * <pre>
 * java benchmarks/live-latency/LiveLatency.java http://localhost:5000 [http://localhost:5001] [count]
 * </pre>
 * Runs against the demo clinic (README's run command): emma.carter (parent) writes, luis.romero (RBT) listens.
 */
public class LiveLatency {

	static final String PASSWORD = "spark-demo-clinic-2026";

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	public static void main(String[] args) throws Exception {
		String postBase = args[0];
		String streamBase = args.length > 1 ? args[1] : postBase;
		int count = args.length > 2 ? Integer.parseInt(args[2]) : 200;
		String parent = token(postBase, "emma.carter@demo.sparktherapy.org");
		String therapist = token(streamBase, "luis.romero@demo.sparktherapy.org");
		String conversation = firstChildConversation(postBase, parent);

		Map<String, Long> arrived = new ConcurrentHashMap<>();
		CountDownLatch ready = new CountDownLatch(1);
		HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(streamBase + "/api/events"))
			.header("Authorization", "Bearer " + therapist)
			.header("Accept", "text/event-stream")
			.build(), HttpResponse.BodyHandlers.ofInputStream());
		if (stream.statusCode() != 200) {
			throw new IllegalStateException("stream refused: " + stream.statusCode());
		}
		Thread reader = Thread.ofVirtual().start(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
				String type = null;
				for (String line; (line = lines.readLine()) != null;) {
					if (line.startsWith("event:")) {
						type = line.substring(6).trim();
						if (type.equals("ready")) {
							ready.countDown();
						}
					}
					else if (line.startsWith("data:") && "message.created".equals(type)) {
						Matcher id = Pattern.compile("\"messageId\"\\s*:\\s*\"([^\"]+)\"").matcher(line);
						if (id.find()) {
							arrived.put(id.group(1), System.nanoTime());
						}
					}
				}
			}
			catch (java.io.IOException ex) {
				// the stream ended
			}
		});
		if (!ready.await(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("no ready event");
		}

		List<Long> answers = new ArrayList<>();
		List<Long> deliveries = new ArrayList<>();
		int lost = 0;
		for (int i = 0; i < count; i++) {
			long sent = System.nanoTime();
			HttpResponse<String> posted = http.send(
					HttpRequest.newBuilder(URI.create(postBase + "/api/conversations/" + conversation + "/messages"))
						.header("Authorization", "Bearer " + parent)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"latency probe " + i + "\"}"))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			long answered = System.nanoTime();
			if (posted.statusCode() != 201) {
				throw new IllegalStateException("post refused: " + posted.statusCode() + " " + posted.body());
			}
			Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(posted.body());
			id.find();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (!arrived.containsKey(id.group(1)) && System.nanoTime() < deadline) {
				Thread.sleep(0, 200_000);
			}
			Long at = arrived.get(id.group(1));
			answers.add(answered - sent);
			if (at == null) {
				lost++;
			}
			else {
				deliveries.add(at - sent);
			}
		}
		System.out.printf("messages: %d, post %s, stream %s%n", count, postBase, streamBase);
		System.out.println("POST answered:      " + percentiles(answers));
		System.out.println("event on stream:    " + percentiles(deliveries));
		System.out.println("not delivered in 5 s: " + lost);
		reader.interrupt();
		System.exit(0);
	}

	static String percentiles(List<Long> nanos) {
		if (nanos.isEmpty()) {
			return "none";
		}
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", at(sorted, 0.50), at(sorted, 0.95),
				at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
	}

	static double at(List<Long> sorted, double q) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
	}

	static String token(String base, String email) throws Exception {
		String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
		if (!token.find()) {
			throw new IllegalStateException("sign-in failed for " + email + ": " + body);
		}
		return token.group(1);
	}

	static String firstChildConversation(String base, String token) throws Exception {
		String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/conversations?size=50"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher child = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"kind\"\\s*:\\s*\"child\"").matcher(body);
		if (!child.find()) {
			throw new IllegalStateException("no child conversation for the parent: " + body);
		}
		return child.group(1);
	}

}
