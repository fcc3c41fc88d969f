package org.sparktherapy.platform.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL as the app starts it (ADR 0042), each test on a data directory
 * of its own (no Spring): durable settings, the password every connection needs, a
 * cluster made before the password, and a server left running by a killed app.
 */
class EmbeddedPostgresServerTests {

	@TempDir
	Path work;

	private final List<EmbeddedPostgresServer> started = new ArrayList<>();

	private Process child;

	@AfterEach
	void stopEverything() throws Exception {
		if (this.child != null) {
			this.child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		for (EmbeddedPostgresServer server : this.started) {
			server.stop();
		}
		// whatever a test left running on its directory (the abandoned server of a
		// failed test) must not outlive it
		try (var dirs = Files.list(this.work)) {
			for (Path dir : dirs.toList()) {
				try {
					AbandonedServer.stopIfAbandoned(dir);
				}
				catch (IllegalStateException ex) {
					// a start of this JVM that failed still holds zonky's lock
					Path pidFile = dir.resolve("postmaster.pid");
					if (Files.exists(pidFile)) {
						AbandonedServer.postmasterOf(dir, pidFile).ifPresent(ProcessHandle::destroy);
					}
				}
			}
		}
	}

	@Test
	void theAppsServerIsDurable() throws Exception {
		EmbeddedPostgresServer server = start(this.work.resolve("durable"), true);

		assertThat(setting(server, "fsync")).isEqualTo("on");
		assertThat(setting(server, "synchronous_commit")).isEqualTo("on");
		assertThat(setting(server, "full_page_writes")).isEqualTo("on");
	}

	@Test
	void durabilityCanBeTurnedOffForThrowAwayClusters() throws Exception {
		EmbeddedPostgresServer server = start(this.work.resolve("fast"), false);

		assertThat(setting(server, "fsync")).isEqualTo("off");
		assertThat(setting(server, "synchronous_commit")).isEqualTo("off");
	}

	@Test
	void everyConnectionNeedsThePasswordKeptOwnerOnlyInTheDataDirectory() throws Exception {
		Path directory = this.work.resolve("password");
		EmbeddedPostgresServer server = start(directory, true);
		Path passwordFile = directory.resolve(EmbeddedPostgresServer.PASSWORD_FILE);

		assertThat(Files.readString(passwordFile).strip()).isEqualTo(server.password()).hasSizeGreaterThan(40);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
		assertThat(Files.readAllLines(directory.resolve("pg_hba.conf"))
			.stream()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))).isNotEmpty()
			.allMatch((line) -> line.strip().endsWith("scram-sha-256"));
		assertThat(setting(server, "password_encryption")).isEqualTo("scram-sha-256");
		// the app's connection works
		assertThat(setting(server, "server_version_num")).startsWith("17");
		for (String host : List.of("localhost", "127.0.0.1")) {
			assertThatThrownBy(() -> connectAs(host, server.port(), null)).as("no password via %s", host)
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("no password was provided");
			assertThatThrownBy(() -> connectAs(host, server.port(), "postgres")).as("wrong password via %s", host)
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("password authentication failed");
		}
		assertThat(connectAs("127.0.0.1", server.port(), server.password())).isTrue();
		// the Unix socket too (psql 15 speaks to the 17 server well enough for this)
		String socketDirectory = setting(server, "unix_socket_directories").split(",")[0].strip();
		Result psql = run(List.of("psql", "--no-password", "--no-psqlrc", "-h", socketDirectory, "-p",
				Integer.toString(server.port()), "-U", "postgres", "-d", "postgres", "-c", "select 1"));
		assertThat(psql.exitCode()).as(psql.output()).isEqualTo(2);
		assertThat(psql.output()).contains("no password supplied");
	}

	@Test
	void aRestartKeepsTheDataAndThePassword() throws Exception {
		Path directory = this.work.resolve("restart");
		EmbeddedPostgresServer first = start(directory, true);
		execute(first, "create table kept (note text)", "insert into kept values ('before the restart')");
		String password = first.password();
		first.stop();
		this.started.remove(first);

		EmbeddedPostgresServer second = start(directory, true);

		assertThat(second.password()).isEqualTo(password);
		assertThat(query(second, "select note from kept")).isEqualTo("before the restart");
	}

	@Test
	void aClusterMadeBeforeThePasswordGetsOneAndKeepsItsData() throws Exception {
		Path directory = this.work.resolve("legacy");
		// what the app did before ADR 0042: initdb's trust rules, no password
		EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start();
		try (Connection connection = old.getPostgresDatabase().getConnection();
				Statement sql = connection.createStatement()) {
			sql.execute("create table kept (note text)");
			sql.execute("insert into kept values ('from the old cluster')");
		}
		old.close();
		assertThat(directory.resolve(EmbeddedPostgresServer.PASSWORD_FILE)).doesNotExist();

		EmbeddedPostgresServer server = start(directory, true);

		assertThat(query(server, "select note from kept")).isEqualTo("from the old cluster");
		assertThatThrownBy(() -> connectAs("localhost", server.port(), null)).isInstanceOf(SQLException.class);
		assertThat(Files.readString(directory.resolve(EmbeddedPostgresServer.PASSWORD_FILE)).strip())
			.isEqualTo(server.password());
		assertThat(Files.readString(directory.resolve("pg_hba.conf"))).startsWith(EmbeddedPostgresServer.HBA_MARKER)
			.doesNotContain("trust");
	}

	@Test
	void aServerLeftRunningByAKilledAppIsStoppedAtTheNextStart() throws Exception {
		Path directory = this.work.resolve("abandoned");
		long abandonedPid = startInAChildJvm(directory);

		// kill -9 of the app: its server stays up on the directory
		this.child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(this.child.isAlive()).isFalse();
		assertThat(ProcessHandle.of(abandonedPid).map(ProcessHandle::isAlive)).contains(true);

		EmbeddedPostgresServer server = start(directory, true);

		assertThat(query(server, "select note from kept")).isEqualTo("written before the kill");
		assertThat(pidOf(directory)).isNotEqualTo(abandonedPid);
		assertThat(isRunning(abandonedPid)).isFalse();
	}

	@Test
	void theServerOfAnotherRunningAppIsNeverStopped() throws Exception {
		Path directory = this.work.resolve("in-use");
		long pid = startInAChildJvm(directory);

		assertThatThrownBy(() -> EmbeddedPostgresServer.obtain(directory, false, true))
			.hasMessageContaining("belongs to another running process");

		assertThat(isRunning(pid)).isTrue();
		assertThat(pidOf(directory)).isEqualTo(pid);
	}

	private long startInAChildJvm(Path directory) throws IOException, InterruptedException {
		String javaCommand = ProcessHandle.current().info().command().orElseThrow();
		this.child = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
				AbandonedServerChild.class.getName(), directory.toString())
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(this.child.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder seen = new StringBuilder();
		CompletableFuture<Long> ready = CompletableFuture.supplyAsync(() -> {
			try {
				for (String line = output.readLine(); line != null; line = output.readLine()) {
					seen.append(line).append('\n');
					if (line.startsWith("READY ")) {
						return Long.parseLong(line.substring(6).strip());
					}
				}
				throw new IllegalStateException("the child JVM ended:\n" + seen);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		try {
			long pid = ready.get(120, TimeUnit.SECONDS);
			// keep draining, so the child never blocks on a full pipe
			Thread.ofVirtual().start(() -> {
				try {
					output.transferTo(java.io.Writer.nullWriter());
				}
				catch (IOException ex) {
					// the child was killed
				}
			});
			return pid;
		}
		catch (Exception ex) {
			throw new AssertionError("the child JVM did not start its server:\n" + seen, ex);
		}
	}

	private EmbeddedPostgresServer start(Path directory, boolean durable) {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.obtain(directory, false, durable);
		this.started.add(server);
		return server;
	}

	private static long pidOf(Path directory) throws IOException {
		return Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).strip());
	}

	private static boolean isRunning(long pid) throws IOException {
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		if (!Files.exists(stat)) {
			return false;
		}
		String line = Files.readString(stat);
		return !line.substring(line.lastIndexOf(')') + 1).strip().startsWith("Z");
	}

	private static boolean connectAs(String host, int port, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", "postgres");
		if (password != null) {
			properties.setProperty("password", password);
		}
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres",
				properties)) {
			return connection.isValid(5);
		}
	}

	private static String setting(EmbeddedPostgresServer server, String name) throws SQLException {
		return query(server, "show " + name);
	}

	private static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static void execute(EmbeddedPostgresServer server, String... statements) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
				Statement sql = connection.createStatement()) {
			for (String statement : statements) {
				sql.execute(statement);
			}
		}
	}

	private static Result run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

	private record Result(int exitCode, String output) {
	}

}
