import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clinic-group benchmark's load client (ADR 0047): each workload against SPARKTherapy and the bare baseline
 * (benchmarks/baseline) on the same generated data, alternating, and the ratio. Closed model for the single
 * workloads (N virtual-thread clients, each sends its next request when the last answered); open model for the mixed
 * traffic (requests start at a constant rate whether or not earlier ones answered, latency counted from the intended
 * start, so a stall is not hidden by the client waiting). CPU per request is the server process's utime + stime from
 * /proc/&lt;pid&gt;/stat over the measured window divided by the requests answered. Measured, never asserted.
 *
 * <pre>
 * java Perf.java &lt;spark base&gt; &lt;spark pid&gt; &lt;baseline base&gt; &lt;baseline pid&gt; &lt;password&gt; &lt;fixture.csv&gt;
 *      [seconds per run] [rounds] [workloads, comma-separated] [streams] [metrics base] [warm-up seconds]
 * </pre>
 * The fixture has one line per child: child id, technician email, technician id, open session id, target id (in
 * intervention), conversation id. Every technician signs in with the password.
 */
public class Perf {

	record Fixture(String child, String email, String technician, String session, String target,
			String conversation) {
	}

	record Call(String method, String path, String body) {
	}

	/** A workload: what the n-th request of a client is, on SPARKTherapy (spark=true) or the baseline. */
	interface Workload {

		Call next(Fixture f, boolean spark);

	}

	record Result(int ok, int errors, double seconds, long[] nanos, double cpuMillis, int weight) {

		double rate() {
			return this.ok / this.seconds;
		}

		double percentile(double p) {
			if (this.nanos.length == 0) {
				return Double.NaN;
			}
			return this.nanos[Math.min(this.nanos.length - 1, (int) Math.ceil(p * this.nanos.length) - 1)] / 1e6;
		}

		double cpuPerRequest() {
			return (this.ok + this.errors == 0) ? Double.NaN : this.cpuMillis / (this.ok + this.errors);
		}

	}

	static HttpClient http;

	static List<Fixture> fixtures;

	static final Map<String, String> tokens = new ConcurrentHashMap<>();

	static String sparkBase, baseBase, password, metricsBase;

	/** Seconds of unmeasured load on each target before each workload is measured (JIT warm-up). */
	static int warmup;

	static long sparkPid, basePid;

	static final long TICK_MILLIS = 10; // USER_HZ = 100 on Linux

	public static void main(String[] args) throws Exception {
		sparkBase = args[0];
		sparkPid = Long.parseLong(args[1]);
		baseBase = args[2];
		basePid = Long.parseLong(args[3]);
		password = args[4];
		fixtures = Files.readAllLines(Path.of(args[5]))
			.stream()
			.filter(l -> !l.isBlank())
			.map(l -> l.split(","))
			.map(a -> new Fixture(a[0], a[1], a[2], a[3], a[4], a[5]))
			.toList();
		int seconds = (args.length > 6) ? Integer.parseInt(args[6]) : 10;
		int rounds = (args.length > 7) ? Integer.parseInt(args[7]) : 2;
		List<String> only = (args.length > 8 && !args[8].isBlank()) ? Arrays.asList(args[8].split(","))
				: List.of();
		int streams = (args.length > 9) ? Integer.parseInt(args[9]) : 10_000;
		metricsBase = (args.length > 10) ? args[10] : sparkBase;
		warmup = (args.length > 11) ? Integer.parseInt(args[11]) : 20;
		ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
		http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(executor)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		signIn();

		LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		String week = "from=" + monday + "T00:00:00Z&to=" + monday.plusDays(7) + "T00:00:00Z";
		Map<String, Workload> workloads = new java.util.LinkedHashMap<>();
		workloads.put("child", (f, spark) -> new Call("GET", (spark ? "/api" : "") + "/children/" + f.child(), null));
		workloads.put("progress",
				(f, spark) -> new Call("GET", (spark ? "/api" : "") + "/children/" + f.child() + "/progress", null));
		workloads.put("events20", (f, spark) -> events(f, spark, 20));
		workloads.put("events100", (f, spark) -> events(f, spark, 100));
		workloads.put("schedule-week", (f, spark) -> new Call("GET",
				(spark ? "/api" : "") + "/appointments?therapistId=" + f.technician() + "&" + week, null));
		workloads.put("conversation-page", (f, spark) -> new Call("GET",
				(spark ? "/api" : "") + "/conversations/" + f.conversation() + "/messages", null));
		workloads.put("programs",
				(f, spark) -> new Call("GET", (spark ? "/api" : "") + "/programs/child/" + f.child(), null));
		Map<String, Integer> concurrency = Map.of("child", 64, "progress", 8, "events20", 32, "events100", 32,
				"schedule-week", 32, "conversation-page", 32, "programs", 32);

		// each workload's request once on both, so a broken workload stops the run instead of timing errors
		Fixture first = fixtures.get(0);
		for (Map.Entry<String, Workload> w : workloads.entrySet()) {
			if (!only.isEmpty() && !only.contains(w.getKey())) {
				continue;
			}
			for (boolean spark : new boolean[] { true, false }) {
				HttpResponse<String> response = http.send(request(w.getValue().next(first, spark), first, spark),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() / 100 != 2) {
					throw new IllegalStateException(w.getKey() + " on " + (spark ? "SPARKTherapy" : "the baseline")
							+ " answered " + response.statusCode() + ": " + response.body());
				}
			}
		}
		System.out.printf("%n%d fixtures (children), %d s per run, %d rounds per target, alternating%n",
				fixtures.size(), seconds, rounds);
		header();
		for (Map.Entry<String, Workload> w : workloads.entrySet()) {
			if (!only.isEmpty() && !only.contains(w.getKey())) {
				continue;
			}
			int weight = w.getKey().startsWith("events") ? Integer.parseInt(w.getKey().substring(6)) : 1;
			int clients = concurrency.get(w.getKey());
			List<Result> spark = new ArrayList<>(), base = new ArrayList<>();
			closed(w.getValue(), true, clients, warmup, weight); // warm-up, not counted
			closed(w.getValue(), false, clients, warmup, weight);
			for (int r = 0; r < rounds; r++) {
				boolean sparkFirst = r % 2 == 0;
				for (boolean s : sparkFirst ? new boolean[] { true, false } : new boolean[] { false, true }) {
					(s ? spark : base).add(closed(w.getValue(), s, clients, seconds, weight));
				}
			}
			report(w.getKey() + " (" + clients + " conn)", merge(spark), merge(base));
		}
		if (only.isEmpty() || only.contains("mixed")) {
			mixed(seconds);
		}
		if (only.isEmpty() || only.contains("streams")) {
			idleStreams(streams);
		}
		if (!TARGETS.isEmpty()) {
			System.out.printf("%nissue 16's targets (this run; start to healthy is printed by run.sh):%n");
			TARGETS.forEach(System.out::println);
		}
		executor.shutdownNow();
		System.exit(0);
	}

	static Call events(Fixture f, boolean spark, int n) {
		StringBuilder body = new StringBuilder("{\"events\":[");
		Instant now = Instant.now();
		for (int i = 0; i < n; i++) {
			if (i > 0) {
				body.append(',');
			}
			body.append("{\"id\":\"")
				.append(UUID.randomUUID())
				.append("\",\"type\":\"trial\",\"targetId\":\"")
				.append(f.target())
				.append("\",\"outcome\":\"")
				.append((i % 3 == 0) ? "incorrect" : "correct")
				.append("\",\"promptLevel\":\"independent\",\"at\":\"")
				.append(now.plusMillis(i))
				.append("\"}");
		}
		body.append("]}");
		return new Call("POST", (spark ? "/api" : "") + "/sessions/" + f.session() + "/events", body.toString());
	}

	static void signIn() throws Exception {
		for (Fixture f : fixtures) {
			if (!tokens.containsKey(f.email())) {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sparkBase + "/api/auth/login"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"email\":\"" + f.email() + "\",\"password\":\"" + password + "\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
				Matcher token = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
				if (response.statusCode() != 200 || !token.find()) {
					throw new IllegalStateException("sign-in of " + f.email() + " failed: " + response.statusCode()
							+ " " + response.body());
				}
				tokens.put(f.email(), token.group(1));
			}
		}
		signedInAt = System.nanoTime();
	}

	static volatile long signedInAt;

	/** Access tokens live 15 minutes: sign in again after 10. */
	static synchronized void freshTokens() throws Exception {
		if (System.nanoTime() - signedInAt > Duration.ofMinutes(10).toNanos()) {
			tokens.clear();
			signIn();
		}
	}

	static HttpRequest request(Call call, Fixture f, boolean spark) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create((spark ? sparkBase : baseBase) + call.path()))
			.timeout(Duration.ofSeconds(10));
		if (spark) {
			builder.header("Authorization", "Bearer " + tokens.get(f.email()));
		}
		if (call.body() != null) {
			builder.header("Content-Type", "application/json")
				.method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
		}
		return builder.build();
	}

	static long cpuTicks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// after "pid (comm) ": state is field 3, utime 14 and stime 15 (1-based over the whole line)
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** Closed model: clients each send a request, wait for its answer, send the next. */
	static Result closed(Workload workload, boolean spark, int clients, int seconds, int weight) throws Exception {
		freshTokens();
		long pid = spark ? sparkPid : basePid;
		AtomicBoolean stop = new AtomicBoolean();
		AtomicLong errors = new AtomicLong();
		ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
		List<Thread> threads = new ArrayList<>();
		long cpu0 = cpuTicks(pid);
		long start = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			int client = c;
			threads.add(Thread.ofVirtual().start(() -> {
				long[] mine = new long[1 << 16];
				int n = 0;
				int k = client;
				while (!stop.get()) {
					Fixture f = fixtures.get(k % fixtures.size());
					k += clients;
					long t0 = System.nanoTime();
					try {
						HttpResponse<byte[]> response = http.send(request(workload.next(f, spark), f, spark),
								HttpResponse.BodyHandlers.ofByteArray());
						if (response.statusCode() / 100 != 2) {
							if (errors.incrementAndGet() <= 3) {
								System.err.println((spark ? "spark " : "baseline ") + response.statusCode() + " "
										+ new String(response.body()).substring(0,
												Math.min(160, response.body().length)));
							}
							continue;
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
						continue;
					}
					if (n == mine.length) {
						mine = Arrays.copyOf(mine, n * 2);
					}
					mine[n++] = System.nanoTime() - t0;
				}
				samples.add(Arrays.copyOf(mine, n));
			}));
		}
		Thread.sleep(seconds * 1000L);
		stop.set(true);
		double elapsed = (System.nanoTime() - start) / 1e9;
		long cpu1 = cpuTicks(pid);
		for (Thread t : threads) {
			t.join();
		}
		long[] all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return new Result(all.length, (int) errors.get(), elapsed, all, (cpu1 - cpu0) * TICK_MILLIS, weight);
	}

	static Result merge(List<Result> results) {
		int ok = 0, errors = 0;
		double seconds = 0, cpu = 0;
		List<long[]> nanos = new ArrayList<>();
		for (Result r : results) {
			ok += r.ok();
			errors += r.errors();
			seconds += r.seconds();
			cpu += r.cpuMillis();
			nanos.add(r.nanos());
		}
		long[] all = nanos.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return new Result(ok, errors, seconds, all, cpu, results.get(0).weight());
	}

	static void header() {
		System.out.printf("%-28s %-9s %10s %10s %9s %9s %10s %7s %8s%n", "workload", "target", "req/s", "items/s",
				"p50 ms", "p99 ms", "CPU ms/req", "errors", "ratio");
	}

	/** Issue 16's targets, one line each as the workloads that measure them finish. */
	static final List<String> TARGETS = new ArrayList<>();

	static void target(String what, boolean met, String measured) {
		TARGETS.add(String.format("%-62s %-8s %s", what, met ? "met" : "NOT MET", measured));
	}

	static void report(String name, Result spark, Result base) {
		double ratio = 100 * spark.rate() / base.rate();
		if (name.startsWith("child ")) {
			target("child read >= 50 % of bare, p99 < 50 ms at 64 connections",
					ratio >= 50 && spark.percentile(0.99) < 50,
					String.format("%.0f %% of bare, p99 %.1f ms", ratio, spark.percentile(0.99)));
		}
		else if (name.startsWith("progress ")) {
			target("progress >= 75 % of bare", ratio >= 75, String.format("%.0f %% of bare", ratio));
		}
		else if (name.startsWith("events")) {
			double items = spark.rate() * spark.weight();
			target("ingestion >= 20,000 events/s, " + name.substring(0, name.indexOf(' ')), items >= 20_000,
					String.format("%.0f events/s (bare %.0f)", items, base.rate() * base.weight()));
		}
		line(name, "spark", spark);
		line("", "baseline", base);
		System.out.printf("%-28s %-9s %10s %10s %9s %9s %10s %7s %7.0f%%%n", "", "", "", "", "", "", "", "",
				100 * spark.rate() / base.rate());
	}

	static void line(String name, String target, Result r) {
		System.out.printf("%-28s %-9s %10.0f %10s %9.1f %9.1f %10.2f %7d %8s%n", name, target, r.rate(),
				(r.weight() > 1) ? String.format("%.0f", r.rate() * r.weight()) : "", r.percentile(0.50),
				r.percentile(0.99), r.cpuPerRequest(), r.errors(), "");
	}

	/**
	 * Mixed clinic traffic in an open model at rising rates: reads of children, programs, the schedule, progress and
	 * conversations; event batches and messages. Each target climbs until it collapses (p99 past 1 s or more than
	 * 1 % failing); printed: the highest rate with p99 under 100 ms (the measure) and under 1 s.
	 */
	static void mixed(int seconds) throws Exception {
		List<Map.Entry<Integer, Function<Boolean, Function<Fixture, Call>>>> mix = new ArrayList<>();
		LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		String week = "from=" + monday + "T00:00:00Z&to=" + monday.plusDays(7) + "T00:00:00Z";
		mix.add(Map.entry(30, spark -> f -> new Call("GET", (spark ? "/api" : "") + "/children/" + f.child(), null)));
		mix.add(Map.entry(15,
				spark -> f -> new Call("GET", (spark ? "/api" : "") + "/programs/child/" + f.child(), null)));
		mix.add(Map.entry(15, spark -> f -> new Call("GET",
				(spark ? "/api" : "") + "/appointments?therapistId=" + f.technician() + "&" + week, null)));
		mix.add(Map.entry(15, spark -> f -> new Call("GET",
				(spark ? "/api" : "") + "/conversations/" + f.conversation() + "/messages", null)));
		mix.add(Map.entry(2, spark -> f -> new Call("GET",
				(spark ? "/api" : "") + "/children/" + f.child() + "/progress", null)));
		mix.add(Map.entry(18, spark -> f -> events(f, spark, 20)));
		mix.add(Map.entry(5, spark -> f -> new Call("POST", (spark ? "/api" : "") + "/conversations/"
				+ f.conversation() + "/messages",
				spark ? "{\"body\":\"Benchmark message\"}"
						: "{\"authorId\":\"" + f.technician() + "\",\"body\":\"Benchmark message\"}")));
		// finer steps between 200 and 1,200, where the 1,000 lies and both sides have collapsed so far
		int[] rates = { 25, 50, 100, 200, 300, 400, 500, 600, 800, 1000, 1200, 1400, 1600 };
		System.out.printf("%nmixed open-model traffic (30 %% child, 15 %% programs, 15 %% schedule week, 15 %% "
				+ "conversation page, 2 %% progress, 18 %% event batch of 20, 5 %% message), %d s per rate%n", seconds);
		header();
		open(mix, true, 25, 3); // warm-up of every route, not counted
		open(mix, false, 25, 3);
		Map<Boolean, Integer> best = new HashMap<>(Map.of(true, 0, false, 0));
		Map<Boolean, Integer> held = new HashMap<>(Map.of(true, 0, false, 0));
		Map<Boolean, Boolean> done = new HashMap<>(Map.of(true, false, false, false));
		for (int rate : rates) {
			for (boolean spark : new boolean[] { true, false }) {
				if (done.get(spark)) {
					continue;
				}
				Result r = open(mix, spark, rate, seconds);
				line("mixed @ " + rate + "/s", spark ? "spark" : "baseline", r);
				boolean fewErrors = r.errors() <= 0.01 * (r.ok() + r.errors());
				if (r.percentile(0.99) < 100 && fewErrors) {
					best.put(spark, rate);
				}
				if (r.percentile(0.99) < 1000 && fewErrors) {
					held.put(spark, rate);
				}
				else {
					// collapsed: a second past p99 or failing; higher rates only pile up more
					done.put(spark, true);
				}
			}
			if (done.get(true) && done.get(false)) {
				break;
			}
		}
		System.out.printf("highest rate with p99 < 100 ms and <= 1 %% errors: spark %s, baseline %s%n",
				rate(best.get(true)), rate(best.get(false)));
		System.out.printf("highest rate with p99 < 1 s and <= 1 %% errors:   spark %s, baseline %s%n",
				rate(held.get(true)), rate(held.get(false)));
		target("mixed traffic >= 1,000 req/s with p99 < 100 ms", best.get(true) >= 1000,
				"p99 < 100 ms up to " + rate(best.get(true)) + " (bare " + rate(best.get(false)) + ")");
	}

	static String rate(int rate) {
		return (rate == 0) ? "none (not even 25/s)" : rate + "/s";
	}

	static Result open(List<Map.Entry<Integer, Function<Boolean, Function<Fixture, Call>>>> mix, boolean spark,
			int rate, int seconds) throws Exception {
		freshTokens();
		int total = mix.stream().mapToInt(Map.Entry::getKey).sum();
		long pid = spark ? sparkPid : basePid;
		AtomicLong errors = new AtomicLong();
		ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
		Semaphore inFlight = new Semaphore(4000);
		List<Thread> threads = new ArrayList<>();
		long cpu0 = cpuTicks(pid);
		long start = System.nanoTime();
		long interval = 1_000_000_000L / rate;
		int count = rate * seconds;
		for (int i = 0; i < count; i++) {
			long intended = start + i * interval;
			long wait = intended - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(Duration.ofNanos(wait));
			}
			ThreadLocalRandom random = ThreadLocalRandom.current();
			Fixture f = fixtures.get(random.nextInt(fixtures.size()));
			int dice = random.nextInt(total);
			Function<Boolean, Function<Fixture, Call>> kind = null;
			for (Map.Entry<Integer, Function<Boolean, Function<Fixture, Call>>> m : mix) {
				if ((dice -= m.getKey()) < 0) {
					kind = m.getValue();
					break;
				}
			}
			Call call = kind.apply(spark).apply(f);
			if (!inFlight.tryAcquire()) {
				errors.incrementAndGet();
				continue;
			}
			threads.add(Thread.ofVirtual().start(() -> {
				try {
					HttpResponse<byte[]> response = http.send(request(call, f, spark),
							HttpResponse.BodyHandlers.ofByteArray());
					if (response.statusCode() / 100 != 2) {
						errors.incrementAndGet();
					}
					else {
						samples.add(System.nanoTime() - intended);
					}
				}
				catch (Exception ex) {
					errors.incrementAndGet();
				}
				finally {
					inFlight.release();
				}
			}));
		}
		for (Thread t : threads) {
			t.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long cpu1 = cpuTicks(pid);
		long[] all = samples.stream().mapToLong(Long::longValue).sorted().toArray();
		return new Result(all.length, (int) errors.get(), elapsed, all, (cpu1 - cpu0) * TICK_MILLIS, 1);
	}


	/** What the server holds at a moment: heap after a full GC, live (platform) threads, open streams. */
	record Sample(long heapBytes, long threads, long streams) {

		@Override
		public String toString() {
			return String.format("heap %.1f MB, live threads %d, open streams %d", this.heapBytes / 1048576.0,
					this.threads, this.streams);
		}

	}

	static final long HEAP_TARGET = 512L * 1024 * 1024;

	/** The jcmd of the JDK running this client (run.sh runs both on the same JDK). */
	static final String JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();

	/**
	 * Idle live streams (issue 16: "10,000 idle live streams in < 512 MB of heap"): opens {@code count}
	 * {@code GET /api/events} streams against SPARKTherapy (no baseline: a bare app has no streams), spread over every
	 * signed-in technician (the app has no per-account cap; many accounts is the realistic shape), waits until the
	 * node's gauge counts them, holds them idle across a heartbeat, and prints heap after a full GC ({@code jcmd GC.run},
	 * then {@code jvm_memory_used_bytes{area="heap"}}) before and after, heap per stream, live threads, the server's CPU
	 * to open them and to hold them, and pass/fail against 512 MB. The client is one NIO selector thread that sends the
	 * request, reads the status line and then discards what the stream sends (the JDK HttpClient keeps a
	 * subscriber, buffers and a connection object per open response: far heavier than the stream it measures).
	 */
	static void idleStreams(int count) throws Exception {
		freshTokens();
		List<String> streamTokens = List.copyOf(new java.util.LinkedHashSet<>(tokens.values()));
		URI base = URI.create(sparkBase);
		InetSocketAddress address = new InetSocketAddress(base.getHost(), base.getPort());
		System.out.printf("%nidle live streams: %d × GET /api/events over %d accounts, one NIO client thread%n", count,
				streamTokens.size());
		Sample before = sample(true);
		System.out.printf("server before:          %s%n", before);
		Map<String, long[]> classesBefore = histogram();
		StreamClient client = new StreamClient(address, base.getHost() + ":" + base.getPort(), streamTokens, count);
		long cpu0 = cpuTicks(sparkPid);
		long t0 = System.nanoTime();
		Thread loop = Thread.ofPlatform().daemon().name("streams").start(client);
		client.opened.await();
		double openSeconds = (System.nanoTime() - t0) / 1e9;
		long cpu1 = cpuTicks(sparkPid);
		System.out.printf(
				"opened: %d of %d answered 200 (%d failed, %d retried after 503) in %.1f s (%.0f/s), server CPU %.2f "
						+ "ms per stream%n",
				client.ok, count, client.failed, client.retried, openSeconds, client.ok / openSeconds,
				(cpu1 - cpu0) * TICK_MILLIS / (double) Math.max(1, client.ok));
		// the gauge counts a stream once the hub registered it (right before its first frames)
		long wanted = before.streams() + client.ok;
		long seen = -1;
		for (int i = 0; i < 120 && (seen = sample(false).streams()) < wanted; i++) {
			Thread.sleep(500);
		}
		if (seen < wanted) {
			System.out.printf("the node counts %d open streams, %d expected%n", seen, wanted);
		}
		// idle across one heartbeat round (20 s by default): what holding them costs
		// (-Dhold=70 also spans a sign-in re-check of every stream, every 60 s by default)
		int hold = Integer.getInteger("hold", 25);
		int closedBefore = client.closedLater;
		long cpu2 = cpuTicks(sparkPid);
		for (int s = 0; s < hold; s += 5) {
			Thread.sleep(Math.min(5, hold - s) * 1000L);
			if (Boolean.getBoolean("timeline")) {
				System.out.printf("  +%2d s: %d closed by the server%n", s + 5, client.closedLater - closedBefore);
			}
		}
		long cpu3 = cpuTicks(sparkPid);
		System.out.printf("held idle %d s: server CPU %.1f %% of one core (heartbeats), %d streams closed by the server "
				+ "while opening, %d while idle%n", hold, (cpu3 - cpu2) * TICK_MILLIS / (hold * 10.0), closedBefore,
				client.closedLater - closedBefore);
		Sample after = sample(true);
		System.out.printf("server after (full GC): %s%n", after);
		double perStream = (after.heapBytes() - before.heapBytes()) / 1024.0 / Math.max(1, client.ok);
		System.out.printf("heap per idle stream: %.1f KB; live threads added: %d%n", perStream,
				after.threads() - before.threads());
		System.out.printf("heap with %d streams open: %.1f MB (%.0f MB at 10,000 by the per-stream cost) -> %s "
				+ "(target < 512 MB for 10,000)%n", client.ok, after.heapBytes() / 1048576.0,
				(before.heapBytes() + perStream * 1024 * 10_000) / 1048576.0,
				(client.ok >= 10_000 || count < 10_000) && before.heapBytes() + perStream * 1024 * 10_000 < HEAP_TARGET
						&& client.failed == 0 ? "PASS" : "FAIL");
		double projected = (before.heapBytes() + perStream * 1024 * 10_000) / 1048576.0;
		target("10,000 idle live streams in < 512 MB of heap",
				client.failed == 0 && projected * 1048576.0 < HEAP_TARGET,
				String.format("%.0f MB at 10,000 (%.1f KB a stream, %d opened)", projected, perStream, client.ok));
		histogramGrowth(classesBefore, histogram(), Math.max(1, client.ok), Integer.getInteger("classes", 25));
		client.stop = true;
		client.selector.wakeup();
		loop.join(10_000);
	}

	/** The server's heap by class (a full GC first): class name to {instances, bytes}. */
	static Map<String, long[]> histogram() {
		Map<String, long[]> classes = new HashMap<>();
		try {
			Process jcmd = new ProcessBuilder(JCMD, Long.toString(sparkPid), "GC.class_histogram").start();
			Matcher line = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)")
				.matcher(new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
			jcmd.waitFor();
			while (line.find()) {
				classes.put(line.group(3), new long[] { Long.parseLong(line.group(1)), Long.parseLong(line.group(2)) });
			}
		}
		catch (Exception ex) {
			System.out.println("no heap histogram: " + ex);
		}
		return classes;
	}

	/** Where the streams' heap went: the classes that grew most, per stream. */
	static void histogramGrowth(Map<String, long[]> before, Map<String, long[]> after, int streams, int lines) {
		System.out.println("heap added per stream by class (jcmd GC.class_histogram after minus before):");
		System.out.printf("%12s %10s  %s%n", "bytes", "instances", "class");
		after.entrySet()
			.stream()
			.map(e -> Map.entry(e.getKey(), new double[] {
					(e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]) / (double) streams,
					(e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0]) / (double) streams }))
			.sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
			.limit(lines)
			.forEach(e -> System.out.printf("%12.0f %10.1f  %s%n", e.getValue()[0], e.getValue()[1], e.getKey()));
	}

	static Sample sample(boolean gc) throws Exception {
		if (gc) {
			Process jcmd = new ProcessBuilder(JCMD, Long.toString(sparkPid), "GC.run").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			jcmd.waitFor();
			Thread.sleep(1_000);
		}
		String metrics = http.send(HttpRequest.newBuilder(URI.create(metricsBase + "/metrics")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		long heap = 0;
		Matcher heapLines = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} (\\S+)$")
			.matcher(metrics);
		while (heapLines.find()) {
			heap += (long) Double.parseDouble(heapLines.group(1));
		}
		return new Sample(heap, metric(metrics, "jvm_threads_live_threads"), metric(metrics, "spark_realtime_streams"));
	}

	static long metric(String metrics, String name) {
		Matcher matcher = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)$").matcher(metrics);
		return matcher.find() ? (long) Double.parseDouble(matcher.group(2)) : -1;
	}

	/**
	 * Opens streams on one selector thread, at most {@link #PENDING} unanswered at a time (a few times the node's
	 * database pool: each open reads the sign-in and the user's position; more at once only wait for a connection and
	 * time out with 503, which is retried like a reconnecting client), then reads and discards what they send until
	 * stopped.
	 */
	static final class StreamClient implements Runnable {

		static final int PENDING = 32;

		final Selector selector;

		final InetSocketAddress address;

		final String host;

		final List<String> tokens;

		final int count;

		final CountDownLatch opened = new CountDownLatch(1);

		volatile int ok, failed, closedLater, retried;

		volatile boolean stop;

		final List<SocketChannel> channels = new ArrayList<>();

		static final class Connection {

			ByteBuffer request;

			final StringBuilder head = new StringBuilder();

			boolean answered;

		}

		StreamClient(InetSocketAddress address, String host, List<String> tokens, int count) throws IOException {
			this.selector = Selector.open();
			this.address = address;
			this.host = host;
			this.tokens = tokens;
			this.count = count;
		}

		@Override
		public void run() {
			ByteBuffer scratch = ByteBuffer.allocate(1 << 16);
			int started = 0, pending = 0;
			long lastProgress = System.nanoTime();
			try {
				while (!this.stop) {
					while (started < this.count && pending < PENDING) {
						SocketChannel channel = SocketChannel.open();
						channel.configureBlocking(false);
						Connection c = new Connection();
						c.request = ByteBuffer.wrap(("GET /api/events HTTP/1.1\r\nHost: " + this.host
								+ "\r\nAuthorization: Bearer " + this.tokens.get(started % this.tokens.size())
								+ "\r\nAccept: text/event-stream\r\n\r\n")
							.getBytes(StandardCharsets.US_ASCII));
						channel.connect(this.address);
						channel.register(this.selector, SelectionKey.OP_CONNECT, c);
						this.channels.add(channel);
						started++;
						pending++;
					}
					if (this.opened.getCount() > 0 && (this.ok + this.failed >= this.count
							|| System.nanoTime() - lastProgress > Duration.ofSeconds(60).toNanos())) {
						this.opened.countDown(); // all answered, or stuck for a minute
					}
					this.selector.select(1000);
					for (SelectionKey key : this.selector.selectedKeys()) {
						SocketChannel channel = (SocketChannel) key.channel();
						Connection c = (Connection) key.attachment();
						try {
							if (key.isConnectable() && channel.finishConnect()) {
								key.interestOps(SelectionKey.OP_WRITE);
							}
							if (key.isValid() && key.isWritable()) {
								channel.write(c.request);
								if (!c.request.hasRemaining()) {
									key.interestOps(SelectionKey.OP_READ);
								}
							}
							if (key.isValid() && key.isReadable()) {
								scratch.clear();
								int n = channel.read(scratch);
								if (n < 0) {
									throw new IOException("closed by the server");
								}
								if (c.answered) {
									// an ended response (chunked: the last, empty chunk) on a kept-alive connection
									String tail = new String(scratch.array(), 0, n, StandardCharsets.ISO_8859_1);
									if (tail.endsWith("\r\n0\r\n\r\n") || tail.startsWith("0\r\n\r\n")) {
										throw new IOException("ended by the server");
									}
								}
								else {
									c.head.append(new String(scratch.array(), 0, n, StandardCharsets.ISO_8859_1));
									if (c.head.indexOf("\r\n") >= 0) {
										c.answered = true;
										pending--;
										lastProgress = System.nanoTime();
										String status = c.head.substring(0, c.head.indexOf("\r\n"));
										if (status.startsWith("HTTP/1.1 200")) {
											this.ok++;
										}
										else if (status.startsWith("HTTP/1.1 503") && this.retried < this.count) {
											// pool busy while thousands open at once: again, as a client does
											this.retried++;
											started--;
											key.cancel();
											channel.close();
										}
										else {
											if (this.failed++ < 3) {
												System.err.println("stream answered " + status + ": "
														+ c.head.substring(c.head.lastIndexOf("\n") + 1));
											}
											key.cancel();
											channel.close();
										}
										c.head.setLength(0);
										c.head.trimToSize();
									}
								}
							}
						}
						catch (IOException ex) {
							key.cancel();
							channel.close();
							if (!c.answered) {
								c.answered = true;
								pending--;
								if (this.failed++ < 3) {
									System.err.println("stream failed: " + ex);
								}
							}
							else {
								this.closedLater++;
							}
						}
					}
					this.selector.selectedKeys().clear();
				}
			}
			catch (IOException ex) {
				System.err.println("stream client: " + ex);
			}
			finally {
				this.opened.countDown();
				for (SocketChannel channel : this.channels) {
					try {
						channel.close();
					}
					catch (IOException ex) {
						// closing anyway
					}
				}
			}
		}

	}

}
