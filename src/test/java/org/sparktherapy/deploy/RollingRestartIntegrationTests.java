package org.sparktherapy.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparktherapy.SparkTherapyApplication;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.FreshDatabase;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.Messages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rolling-restart drill (ADR 0044): two nodes on one database behind the shipped
 * NGINX site, a steady load of session event batches (idempotent by their events' ids)
 * and reads through NGINX; node A is stopped and started again, then node B is stopped.
 * The clients see no error and no failed connection, and every acknowledged event is
 * stored exactly once. Skipped when nginx is not installed, unless {@code CI} is set.
 */
@IntegrationTest
@Tag(IntegrationTest.FIRST_PASS_ONLY)
class RollingRestartIntegrationTests {

	private static final int NODE_A = 5120;

	private static final int NODE_B = 5122;

	private static final int NGINX = 5124;

	/** Each node's management port (its metrics), next to its public one. */
	private static final int MANAGEMENT_A = 5121;

	private static final int MANAGEMENT_B = 5123;

	private static final int WRITERS = 4;

	@Autowired
	DataSource dataSource;

	@TempDir
	Path work;

	@Test
	void restartingTheNodesOneAtATimeUnderAWriteLoadShowsNoErrorAndLosesNothing() throws Exception {
		Assumptions.assumeTrue(nginxInstalled(), "nginx is not installed");
		FreshDatabase database = new FreshDatabase(this.dataSource);
		String secret = secret();
		Node nodeA = null;
		Node nodeB = null;
		Process nginx = null;
		try {
			nodeA = node(database, secret, NODE_A, MANAGEMENT_A, "a");
			nodeB = node(database, secret, NODE_B, MANAGEMENT_B, "b");
			nginx = startNginx();

			Clinic clinic = new Clinic(NODE_A);
			Clinic.Person admin = clinic.rootAdmin();
			Clinic.Person therapist = clinic.aTherapist("BCBA");
			Clinic.Person parent = clinic.aParent();
			String child = clinic.aChild(admin, parent, therapist, null);
			String conversation = Messages.childConversation(parent, child);
			String target = clinic.aProgram(therapist, child).at("/targets/0/id");
			String session = UUID.randomUUID().toString();
			Api.Response opened = therapist.api()
				.put("/api/sessions/" + session, Api.body("childId", child, "serviceCode", "97153", "place", "clinic",
						"startedAt", Instant.now().minusSeconds(600).toString()));
			assertThat(opened.status()).as(opened.text()).isEqualTo(201);

			Load load = new Load(new Api(NGINX).as(therapist.accessToken()), new Api(NGINX).as(parent.accessToken()),
					session, child, target, conversation);
			load.start();
			load.awaitWrites(20);

			nodeA.stop();
			nodeA = node(database, secret, NODE_A, MANAGEMENT_A, "a");
			// NGINX sends to the restarted node again (after fail_timeout) before B goes
			Node restarted = nodeA;
			int before = restarted.eventBatches();
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> restarted.eventBatches() > before + 10);
			nodeB.stop();
			nodeB = null;
			load.awaitWrites(load.acknowledged.size() + 20);
			load.stop();

			System.out.printf(
					"Rolling restart drill: %d events acknowledged (%d answered as duplicates of a retry), %d messages%n",
					load.acknowledged.size(), load.duplicates.get(), load.messages.size());
			assertThat(load.failures).as("answers other than 2xx, or connection errors, seen through NGINX").isEmpty();
			JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.username(), ""));
			List<UUID> stored = jdbc.sql("select id from session_events where session_id = ?")
				.param(UUID.fromString(session))
				.query(UUID.class)
				.list();
			assertThat(stored).as("every acknowledged event stored, once").hasSize(load.acknowledged.size());
			assertThat(Set.copyOf(stored)).isEqualTo(load.acknowledged);
			List<String> posted = jdbc.sql("select id::text from messages where conversation_id = ?")
				.param(UUID.fromString(conversation))
				.query(String.class)
				.list();
			assertThat(posted).as("every acknowledged message stored, once").hasSize(load.messages.size());
			assertThat(Set.copyOf(posted)).isEqualTo(load.messages);
		}
		finally {
			if (nginx != null) {
				stopNginx(nginx);
			}
			if (nodeA != null) {
				nodeA.stop();
			}
			if (nodeB != null) {
				nodeB.stop();
			}
			database.drop();
		}
	}

	/**
	 * Through NGINX, until stopped: writers post one-event batches (each event a new id,
	 * NGINX may repeat them), a parent posts messages with an Idempotency-Key each, as
	 * the web app does (NGINX may repeat them too: a repeat is answered with the message
	 * stored the first time), and a reader pages the child's sessions.
	 */
	private static final class Load {

		final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();

		final Queue<String> failures = new ConcurrentLinkedQueue<>();

		final Set<String> messages = ConcurrentHashMap.newKeySet();

		final AtomicInteger duplicates = new AtomicInteger();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final List<Thread> threads = new ArrayList<>();

		private final Api api;

		private final Api parent;

		private final String session;

		private final String child;

		private final String target;

		private final String conversation;

		Load(Api api, Api parent, String session, String child, String target, String conversation) {
			this.api = api;
			this.parent = parent;
			this.conversation = conversation;
			this.session = session;
			this.child = child;
			this.target = target;
		}

		void start() {
			for (int i = 0; i < WRITERS; i++) {
				this.threads.add(Thread.ofPlatform().name("writer-" + i).start(this::write));
			}
			this.threads.add(Thread.ofPlatform().name("messages").start(this::post));
			this.threads.add(Thread.ofPlatform().name("reader").start(this::read));
		}

		private void write() {
			while (this.running.get()) {
				UUID id = UUID.randomUUID();
				Map<String, Object> event = Api.body("id", id.toString(), "type", "trial", "targetId", this.target,
						"outcome", "correct", "promptLevel", "independent", "at", Instant.now().toString());
				call("POST events", () -> {
					Api.Response answer = this.api.post("/api/sessions/" + this.session + "/events",
							Api.body("events", List.of(event)));
					if (answer.status() == 200) {
						this.acknowledged.add(id);
						if (answer.json().get("duplicates").size() > 0) {
							this.duplicates.incrementAndGet();
						}
					}
					return answer;
				});
			}
		}

		private void post() {
			while (this.running.get()) {
				// as the web app sends them: each message with its own key (ADR 0053)
				String key = UUID.randomUUID().toString();
				call("POST message", () -> {
					Api.Response answer = this.parent.post("/api/conversations/" + this.conversation + "/messages",
							Api.body("body", "Still fine?"), "Idempotency-Key", key);
					// 200: NGINX repeated a post whose first answer was lost, and the
					// node answered with the message stored then
					if (answer.status() == 201 || answer.status() == 200) {
						this.messages.add(answer.at("/id"));
					}
					return answer;
				});
			}
		}

		private void read() {
			while (this.running.get()) {
				call("GET sessions", () -> this.api.get("/api/children/" + this.child + "/sessions?size=5"));
			}
		}

		private void call(String what, java.util.function.Supplier<Api.Response> request) {
			try {
				Api.Response answer = request.get();
				if (answer.status() / 100 != 2) {
					this.failures.add(what + " " + Instant.now() + ": " + answer.status() + " " + answer.contentType()
							+ " " + answer.text().substring(0, Math.min(200, answer.text().length())));
				}
			}
			catch (IllegalStateException ex) {
				this.failures.add(what + " " + Instant.now() + ": " + ex.getCause());
			}
		}

		void awaitWrites(int count) {
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> this.acknowledged.size() >= count);
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			for (Thread thread : this.threads) {
				thread.join(Duration.ofSeconds(30));
			}
		}

	}

	/**
	 * A node in a JVM of its own, as in a deploy: stopping it (SIGTERM) runs the shutdown
	 * hook, drain included, and then the process exits and its sockets close. (Nodes
	 * closed in the test's own JVM once left a connection open after stopping, and NGINX
	 * waited 60 s for an answer on it: a failure a real deploy cannot have.)
	 */
	private record Node(String name, Process process, int port, int managementPort, Path log) {

		/** How many event batches this node has answered (from its metrics). */
		int eventBatches() {
			String metrics = new Api(this.managementPort).get("/metrics").text();
			Matcher count = Pattern.compile(
					"(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/api/sessions/\\{id\\}/events\"[^}]*\\} (\\S+)$")
				.matcher(metrics);
			double batches = 0;
			while (count.find()) {
				batches += Double.parseDouble(count.group(1));
			}
			return (int) batches;
		}

		/**
		 * SIGTERM, as systemd or Docker stop a node, and waits for the process to end.
		 */
		void stop() throws InterruptedException, IOException {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				throw new IllegalStateException("node " + this.name + " did not stop within 60 s:\n" + tail());
			}
		}

		String tail() throws IOException {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}

	}

	private Node node(FreshDatabase database, String secret, int port, int managementPort, String name)
			throws IOException {
		String java = ProcessHandle.current().info().command().orElseThrow();
		Path log = this.work.resolve("node-" + name + "-" + System.nanoTime() + ".log");
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), SparkTherapyApplication.class.getName(),
				"--spring.profiles.active=test", "--server.port=" + port, "--management.server.port=" + managementPort,
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.hikari.maximum-pool-size=4", "--spark.data-dir=target/test-data-rolling",
				"--spark.node-name=" + name,
				// the shipped drain (test profile: none), above NGINX's keepalive_timeout
				"--spark.shutdown.drain=5s")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		// secrets through the environment, not the command line
		builder.environment().put("SPARK_SECURITY_JWT_SECRET", secret);
		String password = ((HikariDataSource) this.dataSource).getPassword();
		builder.environment().put("SPRING_DATASOURCE_PASSWORD", (password != null) ? password : "");
		Node node = new Node(name, builder.start(), port, managementPort, log);
		Api api = new Api(port);
		try {
			Awaitility.await()
				.atMost(Duration.ofSeconds(180))
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptions()
				.until(() -> {
					assertThat(node.process().isAlive()).as("node %s running", name).isTrue();
					return api.get("/api/health").status() == 200;
				});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			node.process().destroyForcibly();
			throw new IllegalStateException("node " + name + " did not become healthy:\n" + node.tail(), ex);
		}
		return node;
	}

	private static String secret() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return Base64.getEncoder().encodeToString(secret);
	}

	private static boolean nginxInstalled() {
		boolean installed = new File("/usr/sbin/nginx").canExecute();
		if (System.getenv("CI") != null) {
			assertThat(installed).as("nginx (required in CI)").isTrue();
		}
		return installed;
	}

	/**
	 * The shipped site with both nodes as its upstream, plain HTTP on {@link #NGINX}, its
	 * logs in the work directory, and without the redirect block (ports 80).
	 */
	private Process startNginx() throws IOException, InterruptedException {
		String shipped = Files.readString(Path.of("deploy/nginx/sparktherapy.conf"));
		StringBuilder site = new StringBuilder();
		Matcher blocks = Pattern.compile("(?ms)^server \\{\\n.*?^\\}\\n").matcher(shipped);
		while (blocks.find()) {
			blocks.appendReplacement(site,
					blocks.group().contains("return 301") ? "" : Matcher.quoteReplacement(blocks.group()));
		}
		blocks.appendTail(site);
		Path logs = Files.createDirectories(this.work.resolve("logs"));
		String conf = site.toString()
			.replace("server 127.0.0.1:5000 ", "server 127.0.0.1:" + NODE_A + " ")
			.replace("# server 10.0.0.12:5000 ", "server 127.0.0.1:" + NODE_B + " ")
			.replace("/var/log/nginx/", logs + "/")
			.replace("listen 443 ssl;", "listen 127.0.0.1:" + NGINX + ";")
			.replaceAll("(?m)^.*(listen \\[::\\]|ssl_|http2 on;).*\\n", "");
		assertThat(conf).contains("server 127.0.0.1:" + NODE_B + " max_fails");
		Files.writeString(this.work.resolve("site.conf"), conf);
		Files.writeString(this.work.resolve("nginx.conf"), """
				daemon off;
				pid %1$s/nginx.pid;
				error_log %1$s/logs/error.log warn;
				events { worker_connections 256; }
				http {
				  client_body_temp_path %1$s/body; proxy_temp_path %1$s/proxy; fastcgi_temp_path %1$s/fcgi;
				  uwsgi_temp_path %1$s/uwsgi; scgi_temp_path %1$s/scgi;
				  include %1$s/site.conf;
				}
				""".formatted(this.work));
		Process nginx = new ProcessBuilder("/usr/sbin/nginx", "-p", this.work.toString(), "-c",
				this.work.resolve("nginx.conf").toString())
			.redirectErrorStream(true)
			.redirectOutput(this.work.resolve("logs/nginx.out").toFile())
			.start();
		Api api = new Api(NGINX);
		Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
			assertThat(nginx.isAlive()).as(Files.readString(this.work.resolve("logs/nginx.out"))).isTrue();
			return api.get("/api/health").status() == 200;
		});
		return nginx;
	}

	private static void stopNginx(Process nginx) throws InterruptedException {
		nginx.destroy();
		if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
			nginx.destroyForcibly();
		}
	}

}
