import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens N idle event streams (GET /api/events) against a running node and reports what they cost the server:
 * heap after a full GC (through jcmd, when the server's pid is given), live threads and open streams, from
 * /metrics (on the management port since ADR 0014: pass its base, e.g. http://localhost:5001). Run:
 * java benchmarks/idle-streams/IdleStreams.java http://localhost:5000 admin@… password 2000 [pid] [metrics base]
 *
 * <p>
 * One account, the JDK HttpClient and a few thousand streams: a quick look at any node. The clinic-group benchmark's
 * {@code streams} workload ({@code benchmarks/perf/run.sh --only streams}) opens 10,000 over many accounts with an NIO
 * client and prints where the heap goes, class by class.
 */
public class IdleStreams {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int count = Integer.parseInt(args[3]);
		String pid = args.length > 4 ? args[4] : null;
		String metricsBase = args.length > 5 ? args[5] : base;
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		String login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"email\":\"" + args[1] + "\",\"password\":\"" + args[2] + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(login);
		if (!token.find()) {
			throw new IllegalStateException("sign-in failed");
		}
		Sample before = sample(http, metricsBase, pid);
		long started = System.nanoTime();
		List<CompletableFuture<HttpResponse<InputStream>>> opening = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			opening.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/events"))
				.header("Authorization", "Bearer " + token.group(1))
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream()));
			if (i % 100 == 99) {
				CompletableFuture.allOf(opening.subList(i - 99, i + 1).toArray(CompletableFuture[]::new)).join();
			}
		}
		CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).join();
		long ok = opening.stream().filter(f -> f.join().statusCode() == 200).count();
		double openSeconds = (System.nanoTime() - started) / 1e9;
		Thread.sleep(5_000);
		Sample after = sample(http, metricsBase, pid);
		System.out.printf("streams opened: %d of %d in %.1f s%n", ok, count, openSeconds);
		System.out.printf("server before: %s%nserver after:  %s%n", before, after);
		if (before.heapBytes() > 0 && after.heapBytes() > 0) {
			System.out.printf("heap per stream: %.1f KB; live threads added: %d%n",
					(after.heapBytes() - before.heapBytes()) / 1024.0 / Math.max(1, ok),
					after.threads() - before.threads());
		}
		for (var f : opening) {
			f.join().body().close();
		}
		System.exit(0);
	}

	record Sample(long heapBytes, long threads, long streams) {
		@Override
		public String toString() {
			return String.format("heap %.1f MB, live threads %d, open streams %d", this.heapBytes / 1048576.0,
					this.threads, this.streams);
		}
	}

	private static Sample sample(HttpClient http, String base, String pid) throws Exception {
		if (pid != null) {
			new ProcessBuilder("jcmd", pid, "GC.run").inheritIO().start().waitFor();
			Thread.sleep(1_000);
		}
		String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		long heap = 0;
		Matcher heapLines = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} (\\S+)$")
			.matcher(metrics);
		while (heapLines.find()) {
			heap += (long) Double.parseDouble(heapLines.group(1));
		}
		return new Sample(heap, value(metrics, "jvm_threads_live_threads"), value(metrics, "spark_realtime_streams"));
	}

	private static long value(String metrics, String name) {
		Matcher matcher = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)$").matcher(metrics);
		return matcher.find() ? (long) Double.parseDouble(matcher.group(2)) : -1;
	}

}
