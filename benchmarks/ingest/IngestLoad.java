import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Event ingestion through the API: {@code workers} clients each post batches of {@code batch} fresh trial events
 * ({@code POST /api/sessions/{id}/events}) into a session of their own, one after another, for {@code seconds}
 * (after a warm-up of the same length), and report the events stored per second and the answer times.
 *
 * <pre>
 * java benchmarks/ingest/IngestLoad.java http://localhost:5110 [batch=20] [workers=16] [seconds=20]
 * </pre>
 * Runs against the demo clinic (README's run command): luis.romero (RBT) records into new open sessions of the
 * active children he works with, on the first target of a percent-correct program.
 */
public class IngestLoad {

	static final String PASSWORD = "spark-demo-clinic-2026";

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int batch = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		int workers = args.length > 2 ? Integer.parseInt(args[2]) : 16;
		int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
		String token = token(base, "luis.romero@demo.sparktherapy.org");
		List<String[]> childTargets = childTargets(base, token);
		if (childTargets.isEmpty()) {
			throw new IllegalStateException("no active child with a percent-correct program");
		}
		List<String[]> sessions = new ArrayList<>();
		for (int i = 0; i < workers; i++) {
			String[] ct = childTargets.get(i % childTargets.size());
			String id = UUID.randomUUID().toString();
			HttpResponse<String> created = send(base, token, "PUT", "/api/sessions/" + id,
					"{\"childId\":\"" + ct[0] + "\",\"serviceCode\":\"97153\",\"place\":\"clinic\",\"startedAt\":\""
							+ Instant.now().minusSeconds(3600) + "\"}");
			if (created.statusCode() != 201) {
				throw new IllegalStateException("session refused: " + created.statusCode() + " " + created.body());
			}
			sessions.add(new String[] { id, ct[1] });
		}
		System.out.printf("batch %d, %d workers on %d children, %d s warm-up + %d s measured%n", batch, workers,
				childTargets.size(), seconds, seconds);
		run(base, token, sessions, batch, seconds, false);
		run(base, token, sessions, batch, seconds, true);
	}

	static void run(String base, String token, List<String[]> sessions, int batch, int seconds, boolean report)
			throws Exception {
		AtomicLong events = new AtomicLong();
		AtomicLong failures = new AtomicLong();
		List<Long> times = java.util.Collections.synchronizedList(new ArrayList<>());
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		CountDownLatch done = new CountDownLatch(sessions.size());
		long start = System.nanoTime();
		for (String[] session : sessions) {
			Thread.ofVirtual().start(() -> {
				try {
					while (System.nanoTime() < end) {
						String body = batch(session[1], batch);
						long t0 = System.nanoTime();
						HttpResponse<String> answer = send(base, token, "POST", "/api/sessions/" + session[0] + "/events",
								body);
						times.add(System.nanoTime() - t0);
						if (answer.statusCode() == 200) {
							events.addAndGet(batch);
						}
						else {
							failures.incrementAndGet();
							if (failures.get() < 3) {
								System.err.println(answer.statusCode() + " " + answer.body());
							}
						}
					}
				}
				catch (Exception ex) {
					failures.incrementAndGet();
					System.err.println(ex);
				}
				finally {
					done.countDown();
				}
			});
		}
		done.await();
		double elapsed = (System.nanoTime() - start) / 1e9;
		if (report) {
			List<Long> sorted = new ArrayList<>(times);
			sorted.sort(null);
			System.out.printf("%,.0f events/s (%,.0f batches/s), p50 %.1f ms, p99 %.1f ms, %d failures%n",
					events.get() / elapsed, sorted.size() / elapsed, pct(sorted, 0.50), pct(sorted, 0.99), failures.get());
		}
	}

	static double pct(List<Long> sorted, double p) {
		return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * p)) / 1e6;
	}

	static String batch(String target, int size) {
		StringBuilder b = new StringBuilder("{\"events\":[");
		String at = Instant.now().minusSeconds(1).toString();
		for (int i = 0; i < size; i++) {
			if (i > 0) {
				b.append(',');
			}
			b.append("{\"id\":\"")
				.append(UUID.randomUUID())
				.append("\",\"type\":\"trial\",\"targetId\":\"")
				.append(target)
				.append("\",\"outcome\":\"")
				.append(i % 3 == 0 ? "incorrect" : "correct")
				.append("\",\"promptLevel\":\"independent\",\"at\":\"")
				.append(at)
				.append("\"}");
		}
		return b.append("]}").toString();
	}

	/** [childId, targetId] of each active child with an active percent-correct program. */
	static List<String[]> childTargets(String base, String token) throws Exception {
		String children = send(base, token, "GET", "/api/children?size=100", null).body();
		Matcher child = Pattern.compile("\\{\"id\":\"([^\"]+)\"[^{}]*?\"status\":\"active\"").matcher(children);
		List<String[]> found = new ArrayList<>();
		while (child.find()) {
			String programs = send(base, token, "GET", "/api/programs/child/" + child.group(1), null).body();
			for (String program : programs.split("\"childId\":")) {
				Matcher target = Pattern.compile("\"targets\":\\[\\{\"id\":\"([^\"]+)\"").matcher(program);
				if (program.contains("\"measurement\":\"percent_correct\"") && program.contains("\"status\":\"active\"")
						&& target.find()) {
					found.add(new String[] { child.group(1), target.group(1) });
					break;
				}
			}
		}
		return found;
	}

	static String token(String base, String email) throws Exception {
		String body = send(base, null, "POST", "/api/auth/login",
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
			.body();
		Matcher m = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
		if (!m.find()) {
			throw new IllegalStateException("no token: " + body);
		}
		return m.group(1);
	}

	static HttpResponse<String> send(String base, String token, String method, String path, String body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
