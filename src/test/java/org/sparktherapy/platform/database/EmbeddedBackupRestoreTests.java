package org.sparktherapy.platform.database;

import java.io.IOException;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/backup/backup.sh {@code --embedded} and restore.sh for the embedded PostgreSQL
 * (ADR 0042), for real: a server started as the app starts it, with real rows (some large
 * enough for TOAST, an index), is backed up while a writer keeps committing, restored
 * into a fresh data directory, started there by the same embedded binaries (which replay
 * the copied WAL) and compared. The machine's pg_dump (15) cannot read this server (17):
 * the server copies itself (pg_backup_start/stop), psql only sends the SQL. Also the
 * retention of the nightly unit (BACKUP_KEEP_DAYS) and the refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedBackupRestoreTests {

	private static final Path SCRIPTS = Path.of("deploy/backup").toAbsolutePath();

	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'sparktherapy-'yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private Path work;

	private Path passphrase;

	private Path source;

	private EmbeddedPostgresServer server;

	private final List<EmbeddedPostgresServer> others = new ArrayList<>();

	@BeforeAll
	void aRunningClinicDatabase() throws Exception {
		this.work = Files.createTempDirectory("spark-embedded-backup");
		this.passphrase = this.work.resolve("backup.passphrase");
		Files.writeString(this.passphrase, "correct horse battery staple of the embedded backups\n");
		Files.setPosixFilePermissions(this.passphrase, PosixFilePermissions.fromString("rw-------"));
		this.source = this.work.resolve("source");
		this.server = EmbeddedPostgresServer.obtain(this.source.resolve("postgres"), false, true);
		execute(this.server, """
				create table children (id bigint generated always as identity primary key, name text not null,
				  notes text not null, born date not null)""", """
				insert into children (name, notes, born)
				select 'child ' || g, repeat(md5(g::text), 1 + g % 300), date '2015-01-01' + g % 3000
				from generate_series(1, 20000) g""", "create index children_name on children (name)",
				"create table pairs_a (id bigint primary key)", "create table pairs_b (id bigint primary key)");
		byte[] file = new byte[200_000];
		new Random(42).nextBytes(file);
		Files.createDirectories(this.source.resolve("attachments/ab"));
		Files.write(this.source.resolve("attachments/ab/file.bin"), file);
	}

	@AfterAll
	void stopServers() throws IOException {
		for (EmbeddedPostgresServer other : this.others) {
			other.stop();
		}
		this.server.stop();
		FileSystemUtils.deleteRecursively(this.work);
	}

	@Test
	void aBackupTakenWhileTheAppWritesRestoresIntoAFreshDataDirectory() throws Exception {
		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicLong written = new AtomicLong();
		Thread writer = Thread.ofPlatform().start(() -> {
			try (Connection connection = DriverManager.getConnection(this.server.jdbcUrl());
					Statement sql = connection.createStatement()) {
				connection.setAutoCommit(false);
				for (long id = 1; writing.get(); id++) {
					sql.execute("insert into pairs_a values (" + id + ")");
					sql.execute("insert into pairs_b values (" + id + ")");
					connection.commit();
					written.set(id);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (written.get() < 20 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		long before = written.get();
		assertThat(before).as("the writer got going").isGreaterThanOrEqualTo(20);
		Path out = this.work.resolve("backups");

		Result backup = script(Map.of(), "backup.sh", "--embedded", "--data-dir", this.source.toString(),
				"--passphrase-file", this.passphrase.toString(), "--out", out.toString());

		writing.set(false);
		writer.join(30_000);
		assertThat(backup.exitCode()).as(backup.output()).isZero();
		assertThat(backup.output()).contains("verified");
		Path made = onlyBackupIn(out);
		try (Stream<Path> files = Files.list(made)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder(
					"postgres.tar.gz.gpg", "postgres-wal.tar.gz.gpg", "files.tar.gz.gpg", "SHA256SUMS", "FORMAT");
		}
		assertThat(Files.readString(made.resolve("FORMAT"))).contains("embedded PostgreSQL 17");
		Path target = this.work.resolve("restored");

		Result restore = script(Map.of(), "restore.sh", "--passphrase-file", this.passphrase.toString(), "--data-dir",
				target.toString(), made.toString());

		assertThat(restore.exitCode()).as(restore.output()).isZero();
		EmbeddedPostgresServer restored = EmbeddedPostgresServer.obtain(target.resolve("postgres"), false, true);
		this.others.add(restored);
		assertThat(restored.password()).isEqualTo(this.server.password());
		String children = "select count(*) || ' ' || sum(('x' || substr(md5(c::text), 1, 12))::bit(48)::bigint) "
				+ "from children c";
		assertThat(query(restored, children)).isEqualTo(query(this.server, children)).startsWith("20000 ");
		assertThat(query(restored, "set enable_seqscan = off; select count(*) from children where name = 'child 77'"))
			.isEqualTo("1");
		// every transaction the copy holds is whole, and it holds those committed before
		// the backup started
		long pairsA = Long.parseLong(query(restored, "select count(*) from pairs_a"));
		assertThat(query(restored, "select count(*) from pairs_b")).isEqualTo(Long.toString(pairsA));
		assertThat(pairsA).isBetween(before, written.get());
		assertThat(query(restored, "select count(*) from pairs_a a full join pairs_b b using (id) "
				+ "where a.id is null or b.id is null"))
			.isEqualTo("0");
		assertThat(Files.readAllBytes(target.resolve("attachments/ab/file.bin")))
			.isEqualTo(Files.readAllBytes(this.source.resolve("attachments/ab/file.bin")));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("postgres"))))
			.isEqualTo("rwx------");
	}

	@Test
	void aRunningOrNonEmptyTargetIsRefused() throws Exception {
		Path out = this.work.resolve("refusals");
		Result backup = script(Map.of(), "backup.sh", "--embedded", "--data-dir", this.source.toString(),
				"--passphrase-file", this.passphrase.toString(), "--out", out.toString());
		assertThat(backup.exitCode()).as(backup.output()).isZero();
		Path made = onlyBackupIn(out);
		Path nonEmpty = this.work.resolve("non-empty");
		Files.createDirectories(nonEmpty.resolve("postgres"));
		Files.writeString(nonEmpty.resolve("postgres/PG_VERSION"), "17\n");

		Result overRunning = script(Map.of(), "restore.sh", "--passphrase-file", this.passphrase.toString(),
				"--data-dir", this.source.toString(), made.toString());
		Result overExisting = script(Map.of(), "restore.sh", "--passphrase-file", this.passphrase.toString(),
				"--data-dir", nonEmpty.toString(), made.toString());
		Result withDbname = script(Map.of(), "restore.sh", "--passphrase-file", this.passphrase.toString(), "--dbname",
				"postgres", made.toString());

		assertThat(overRunning.exitCode()).as(overRunning.output()).isEqualTo(4);
		assertThat(overRunning.output()).contains("stop the app first");
		assertThat(overExisting.exitCode()).as(overExisting.output()).isEqualTo(4);
		assertThat(overExisting.output()).contains("is not empty");
		assertThat(Files.readString(nonEmpty.resolve("postgres/PG_VERSION"))).isEqualTo("17\n");
		assertThat(withDbname.exitCode()).as(withDbname.output()).isEqualTo(2);
	}

	@Test
	void aStoppedEmbeddedServerIsNotBackedUp() throws Exception {
		Path stopped = this.work.resolve("stopped");
		Files.createDirectories(stopped.resolve("postgres"));
		Files.writeString(stopped.resolve("postgres/PG_VERSION"), "17\n");
		Files.writeString(stopped.resolve("postgres/sparktherapy.password"), "not-used-here-not-used-here\n");
		Path out = this.work.resolve("never");

		Result backup = script(Map.of(), "backup.sh", "--embedded", "--data-dir", stopped.toString(),
				"--passphrase-file", this.passphrase.toString(), "--out", out.toString());

		assertThat(backup.exitCode()).as(backup.output()).isEqualTo(2);
		assertThat(backup.output()).contains("is not running");
	}

	/**
	 * The nightly unit's own command line, with its environment file's
	 * {@code BACKUP_KEEP_DAYS=7} and {@code BACKUP_EMBEDDED=true}, run as systemd runs it
	 * (paths moved into the test's directory): backups older than seven days by their
	 * name go, younger ones and other directories stay.
	 */
	@Test
	void theNightlyUnitPassesBackupKeepDaysOn() throws Exception {
		Path out = this.work.resolve("nightly");
		Instant now = Instant.now();
		Path old = Files.createDirectories(out.resolve(NAME.format(now.minus(Duration.ofDays(8)))));
		Path older = Files.createDirectories(out.resolve(NAME.format(now.minus(Duration.ofDays(400)))));
		Path young = Files.createDirectories(out.resolve(NAME.format(now.minus(Duration.ofDays(6)))));
		Path unrelated = Files.createDirectories(out.resolve("keep-me"));
		Map<String, String> environment = Map.of("BACKUP_KEEP_DAYS", "7", "BACKUP_EMBEDDED", "true");
		List<String> command = unitCommand(environment, out);

		Result nightly = run(environment, command);

		assertThat(nightly.exitCode()).as(nightly.output()).isZero();
		assertThat(nightly.output()).contains("removed " + old.getFileName());
		assertThat(old).doesNotExist();
		assertThat(older).doesNotExist();
		assertThat(young).exists();
		assertThat(unrelated).exists();
		try (Stream<Path> left = Files.list(out)) {
			assertThat(left).hasSize(3);
		}
	}

	@Test
	void retentionNeverRemovesTheNewestBackup() throws Exception {
		Path out = this.work.resolve("zero-days");
		Path yesterday = Files.createDirectories(out.resolve(NAME.format(Instant.now().minus(Duration.ofDays(1)))));

		Result backup = script(Map.of("BACKUP_KEEP_DAYS", "0"), "backup.sh", "--embedded", "--data-dir",
				this.source.toString(), "--passphrase-file", this.passphrase.toString(), "--out", out.toString());

		assertThat(backup.exitCode()).as(backup.output()).isZero();
		assertThat(yesterday).doesNotExist();
		Path kept = onlyBackupIn(out);
		assertThat(kept.resolve("SHA256SUMS")).exists();
	}

	/**
	 * ExecStart of deploy/systemd/sparktherapy-backup.service, expanded as systemd does.
	 */
	private List<String> unitCommand(Map<String, String> environment, Path out) throws IOException {
		String execStart = Files.readAllLines(Path.of("deploy/systemd/sparktherapy-backup.service"))
			.stream()
			.filter((line) -> line.startsWith("ExecStart="))
			.findFirst()
			.orElseThrow()
			.substring("ExecStart=".length());
		List<String> command = new ArrayList<>();
		for (String word : execStart.strip().split("\\s+")) {
			String expanded = word;
			for (Map.Entry<String, String> variable : environment.entrySet()) {
				expanded = expanded.replace("${" + variable.getKey() + "}", variable.getValue());
			}
			assertThat(expanded).as("a variable the test does not set").doesNotContain("${");
			command.add(switch (expanded) {
				case "/opt/sparktherapy/bin/backup.sh" -> SCRIPTS.resolve("backup.sh").toString();
				case "/var/lib/sparktherapy" -> this.source.toString();
				case "/etc/sparktherapy/backup.passphrase" -> this.passphrase.toString();
				case "/var/backups/sparktherapy" -> out.toString();
				default -> expanded;
			});
		}
		assertThat(command).contains("--keep-days");
		return command;
	}

	private static Path onlyBackupIn(Path out) throws IOException {
		try (Stream<Path> made = Files.list(out)) {
			List<Path> backups = made.filter((dir) -> dir.getFileName().toString().startsWith("sparktherapy-"))
				.toList();
			assertThat(backups).hasSize(1);
			return backups.get(0);
		}
	}

	private static Result script(Map<String, String> environment, String name, String... arguments)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("bash", SCRIPTS.resolve(name).toString()));
		command.addAll(Arrays.asList(arguments));
		return run(environment, command);
	}

	private static Result run(Map<String, String> environment, List<String> command)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		for (String inherited : List.of("SPARK_DATA_DIR", "PGDATABASE", "PGHOST", "PGPORT", "PGUSER", "PGPASSWORD",
				"BACKUP_KEEP_DAYS", "BACKUP_EMBEDDED")) {
			builder.environment().remove(inherited);
		}
		builder.environment().put("BACKUP_METRICS_DIR", ""); // none for Prometheus
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		return new Result(process.exitValue(), output);
	}

	private static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
			while (statement.getResultSet() == null) {
				statement.getMoreResults();
			}
			try (ResultSet rows = statement.getResultSet()) {
				rows.next();
				return rows.getString(1);
			}
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

	private record Result(int exitCode, String output) {
	}

}
