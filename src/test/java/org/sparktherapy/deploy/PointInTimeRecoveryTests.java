package org.sparktherapy.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Continuous archiving and point-in-time recovery (deploy/backup/archive-wal.sh,
 * base-backup.sh, recover.sh; ADR 0043) drilled on a PostgreSQL server of the test's own
 * ({@link ScratchCluster}, the machine's PostgreSQL binaries, ports 5110–5111) that
 * archives its WAL with archive-wal.sh: a base backup, a row written before the chosen
 * time and one after, recovery to that time into a second data directory, started: the
 * first row is there, the second is not. Also the backup runs' metrics for Prometheus,
 * the retention of base backups and WAL, archive-wal.sh's refusal to overwrite and
 * recover.sh's refusal of bad inputs. Skipped when the PostgreSQL tools are missing,
 * unless {@code CI} is set.
 */
@Tag(IntegrationTest.FIRST_PASS_ONLY)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointInTimeRecoveryTests {

	private static final int SOURCE_PORT = 5110;

	private static final int RECOVERED_PORT = 5111;

	/** Nothing listens here: a backup run against it fails. */
	private static final int NO_SERVER_PORT = 5119;

	private static final Pattern SAMPLE = Pattern.compile("^(sparktherapy_backup_\\w+)\\{kind=\"(\\w+)\"} (\\S+)$",
			Pattern.MULTILINE);

	private Path work;

	private Path backups;

	private ScratchCluster source;

	@BeforeAll
	void startAServerThatArchivesItsWal() throws Exception {
		Path bin = ScratchCluster.binDir();
		boolean tools = bin != null
				&& Stream.of("initdb", "pg_ctl", "pg_basebackup", "pg_verifybackup", "pg_archivecleanup")
					.allMatch((tool) -> Files.isExecutable(bin.resolve(tool)));
		if (System.getenv("CI") != null) {
			assertThat(tools).as("PostgreSQL's server tools (pg_config --bindir; required in CI)").isTrue();
		}
		Assumptions.assumeTrue(tools, "PostgreSQL's server tools are not installed");
		this.work = Files.createTempDirectory("spark-pitr-test");
		this.backups = Files.createDirectory(this.work.resolve("backups"));
		this.source = ScratchCluster.create(this.work.resolve("source"), SOURCE_PORT,
				Map.of("wal_level", "replica", "archive_mode", "on", "archive_command",
						Path.of("deploy/backup/archive-wal.sh").toAbsolutePath() + " " + this.backups + " %p %f"));
		this.source.start();
	}

	@AfterAll
	void stopAndDelete() throws Exception {
		if (this.source != null) {
			this.source.close();
		}
		if (this.work != null) {
			FileSystemUtils.deleteRecursively(this.work);
		}
	}

	@Test
	void recoversToTheChosenTimeAndNoFurther() throws Exception {
		Tools.Result backup = script("base-backup.sh", this.source.libpq(), "--out", this.backups.toString());
		assertThat(backup.exitCode()).as(backup.output()).isZero();
		assertThat(backup.output()).contains("verified");
		Path base = newestBase(this.backups);
		String chosen;
		try (Connection db = this.source.connect(); Statement sql = db.createStatement()) {
			sql.execute("create table drill (name text primary key)");
			sql.execute("insert into drill values ('A')");
			chosen = text(sql,
					"select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')" + " || '+00'");
			sql.execute("insert into drill values ('B')");
			String lastSegment = text(sql, "select pg_walfile_name(pg_current_wal_lsn())");
			sql.execute("select pg_switch_wal()");
			// B's commit is archived: a recovery that ignores the chosen time replays it
			await().atMost(Duration.ofSeconds(30))
				.until(() -> text(sql, "select coalesce(last_archived_wal, '') from pg_stat_archiver")
					.compareTo(lastSegment) >= 0);
		}
		Path recovered = this.work.resolve("recovered");

		Tools.Result recover = script("recover.sh", Map.of(), "--base", base.toString(), "--to", chosen, "--data-dir",
				recovered.toString());

		assertThat(recover.exitCode()).as(recover.output()).isZero();
		assertThat(recovered.resolve("recovery.signal")).exists();
		try (ScratchCluster copy = ScratchCluster.existing(recovered, RECOVERED_PORT)) {
			copy.start();
			try (Connection db = copy.connect(); Statement sql = db.createStatement()) {
				await().atMost(Duration.ofSeconds(30)).until(() -> text(sql, "select pg_is_in_recovery()").equals("f"));
				assertThat(rows(sql, "select name from drill order by name")).as(copy.logText()).containsExactly("A");
				// promoted: it takes writes (recovery_target_action = promote)
				sql.execute("insert into drill values ('C')");
			}
			assertThat(copy.logText()).contains("starting point-in-time recovery to")
				.contains("recovery stopping before commit");
			assertThat(recovered.resolve("recovery.signal")).doesNotExist();
		}
	}

	@Test
	void eachBaseBackupRunPublishesItsResultForPrometheus() throws Exception {
		Path metricsDir = Files.createDirectory(this.work.resolve("metrics"));
		Path out = this.work.resolve("metrics-backups");
		Path file = metricsDir.resolve("sparktherapy_backup_base.prom");
		long before = Instant.now().getEpochSecond();

		Tools.Result good = script("base-backup.sh", metrics(this.source.libpq(), metricsDir), "--out", out.toString());

		assertThat(good.exitCode()).as(good.output()).isZero();
		Map<String, Double> afterGood = samples(file, "base");
		long success = afterGood.get("sparktherapy_backup_last_success_timestamp_seconds").longValue();
		assertThat(success).isBetween(before, Instant.now().getEpochSecond());
		assertThat(afterGood).containsEntry("sparktherapy_backup_last_run_success", 1.0)
			.containsEntry("sparktherapy_backup_last_run_timestamp_seconds", (double) success)
			.containsKey("sparktherapy_backup_last_duration_seconds");
		assertThat(afterGood.get("sparktherapy_backup_last_success_size_bytes")).isGreaterThan(1_000_000.0);
		assertThat(afterGood.keySet()).as("every metric the alerts read").containsAll(metricsReadByAlerts());
		assertPromtoolAccepts(file);

		Map<String, String> noServer = new HashMap<>(metrics(this.source.libpq(), metricsDir));
		noServer.put("PGPORT", String.valueOf(NO_SERVER_PORT));
		// base backups are named by the second: let the clock pass one, or the run is
		// refused
		// for the name ("already exists") before it gets to the server
		Thread.sleep(1100);
		Tools.Result failed = script("base-backup.sh", noServer, "--out", out.toString());

		assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
		assertThat(failed.output()).contains("pg_basebackup failed");
		Map<String, Double> afterFailed = samples(file, "base");
		assertThat(afterFailed).containsEntry("sparktherapy_backup_last_run_success", 0.0)
			.containsEntry("sparktherapy_backup_last_success_timestamp_seconds", (double) success)
			.containsEntry("sparktherapy_backup_last_success_size_bytes",
					afterGood.get("sparktherapy_backup_last_success_size_bytes"));
		assertThat(afterFailed.get("sparktherapy_backup_last_run_timestamp_seconds")).isGreaterThanOrEqualTo(success);
		assertPromtoolAccepts(file);
		try (Stream<Path> left = Files.list(out.resolve("base"))) {
			assertThat(left.map((path) -> path.getFileName().toString())).as("no half-written base backup left")
				.allMatch((name) -> name.startsWith("base-"));
		}
		try (Stream<Path> left = Files.list(metricsDir)) {
			assertThat(left).as("no temporary metrics file left").containsExactly(file);
		}
	}

	@Test
	void retentionKeepsTheWalTheOldestKeptBaseBackupNeeds() throws Exception {
		Path out = this.work.resolve("retention");
		Path old = Files.createDirectories(out.resolve("base/base-20200101T000000Z"));
		Files.writeString(old.resolve("backup_label"),
				"START WAL LOCATION: 0/1000028 (file 000000010000000000000001)\n");
		Path wal = Files.createDirectories(out.resolve("wal"));
		Path oldSegment = Files.writeString(wal.resolve("000000010000000000000001"), "old");
		Path laterSegment = Files.writeString(wal.resolve("0000000100000000000000FF"), "later");
		Path history = Files.writeString(wal.resolve("00000002.history"), "1\t0/FF000000\tno reason\n");

		Tools.Result rotated = script("base-backup.sh", this.source.libpq(), "--out", out.toString(), "--keep-days",
				"7");

		assertThat(rotated.exitCode()).as(rotated.output()).isZero();
		assertThat(old).doesNotExist();
		assertThat(newestBase(out)).exists();
		assertThat(oldSegment).as("WAL from before the oldest kept base backup").doesNotExist();
		assertThat(laterSegment).exists();
		assertThat(history).exists();
	}

	@Test
	void archivingNeverOverwritesADifferentFile() throws Exception {
		Path dir = Files.createDirectories(this.work.resolve("archive"));
		Path segment = Files.write(this.work.resolve("000000010000000000000042"), new byte[] { 1, 2, 3 });
		String name = segment.getFileName().toString();

		Tools.Result first = script("archive-wal.sh", Map.of(), dir.toString(), segment.toString(), name);
		Tools.Result again = script("archive-wal.sh", Map.of(), dir.toString(), segment.toString(), name);
		Files.write(segment, new byte[] { 9, 9, 9 });
		Tools.Result different = script("archive-wal.sh", Map.of(), dir.toString(), segment.toString(), name);
		Tools.Result notWal = script("archive-wal.sh", Map.of(), dir.toString(), segment.toString(), "../escape");

		assertThat(first.exitCode()).as(first.output()).isZero();
		assertThat(again.exitCode()).as("the same file again (a retry)").isZero();
		assertThat(different.exitCode()).isEqualTo(1);
		assertThat(different.output()).contains("refusing to overwrite");
		assertThat(notWal.exitCode()).isEqualTo(2);
		assertThat(Files.readAllBytes(dir.resolve("wal/" + name))).containsExactly(1, 2, 3);
		try (Stream<Path> archived = Files.list(dir.resolve("wal"))) {
			assertThat(archived).as("no temporary file left").hasSize(1);
		}
	}

	@Test
	void badInputsAreRefusedAndChangeNothing() throws Exception {
		Path out = Files.createDirectories(this.work.resolve("refusals/wal")).getParent();
		Tools.Result backup = script("base-backup.sh", this.source.libpq(), "--out", out.toString());
		assertThat(backup.exitCode()).as(backup.output()).isZero();
		Path base = newestBase(out);
		Path target = this.work.resolve("refused");
		Path occupied = Files.createDirectories(this.work.resolve("occupied"));
		Path someonesFile = Files.writeString(occupied.resolve("PG_VERSION"), "15\n");
		String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

		Map<String, List<String>> refused = new TreeMap<>();
		refused.put("no base backup", List.of("--base", this.work.resolve("nothing").toString(), "--to", now,
				"--data-dir", target.toString()));
		refused.put("not empty", List.of("--base", base.toString(), "--to", now, "--data-dir", occupied.toString()));
		refused.put("not a time like",
				List.of("--base", base.toString(), "--to", "yesterday at noon", "--data-dir", target.toString()));
		refused.put("not a time like ",
				List.of("--base", base.toString(), "--to", "2026-12-04 14:30:00", "--data-dir", target.toString())); // no
																														// time
																														// zone
		refused.put("is not a valid time",
				List.of("--base", base.toString(), "--to", "2026-13-40 14:30:00+00", "--data-dir", target.toString()));
		refused.put("before the base backup was taken",
				List.of("--base", base.toString(), "--to", "2020-01-01 00:00:00+00", "--data-dir", target.toString()));
		refused.put("in the future",
				List.of("--base", base.toString(), "--to", "2999-01-01 00:00:00Z", "--data-dir", target.toString()));

		refused.forEach((message, args) -> {
			Tools.Result result = call(() -> script("recover.sh", Map.of(), args.toArray(String[]::new)));
			assertThat(result.exitCode()).as("%s: %s", message, result.output()).isEqualTo(2);
			assertThat(result.output()).as(message).contains("recover: ").contains(message.strip());
		});
		assertThat(target).doesNotExist();
		try (Stream<Path> files = Files.list(occupied)) {
			assertThat(files).containsExactly(someonesFile);
		}
		assertThat(someonesFile).hasContent("15\n");
	}

	private static Tools.Result script(String name, Map<String, String> environment, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", "deploy/backup/" + name));
		command.addAll(List.of(args));
		Map<String, String> env = new HashMap<>(Map.of("BACKUP_METRICS_DIR", ""));
		env.putAll(environment);
		return Tools.run(command, env);
	}

	private static Map<String, String> metrics(Map<String, String> environment, Path metricsDir) {
		Map<String, String> env = new HashMap<>(environment);
		env.put("BACKUP_METRICS_DIR", metricsDir.toString());
		return env;
	}

	/** Metric name → value of the samples with this kind. */
	static Map<String, Double> samples(Path file, String kind) throws Exception {
		Map<String, Double> samples = new TreeMap<>();
		Matcher sample = SAMPLE.matcher(Files.readString(file, StandardCharsets.UTF_8));
		while (sample.find()) {
			assertThat(sample.group(2)).isEqualTo(kind);
			samples.put(sample.group(1), Double.valueOf(sample.group(3)));
		}
		return samples;
	}

	/** The backup metrics deploy/prometheus/alerts.yml reads. */
	static List<String> metricsReadByAlerts() throws Exception {
		Matcher name = Pattern.compile("sparktherapy_backup_\\w+")
			.matcher(Files.readString(Path.of("deploy/prometheus/alerts.yml")));
		List<String> names = new ArrayList<>();
		while (name.find()) {
			names.add(name.group());
		}
		assertThat(names).isNotEmpty();
		return names;
	}

	static void assertPromtoolAccepts(Path file) throws Exception {
		Tools.require("promtool");
		Tools.Result check = Tools.run(List.of("bash", "-c", "promtool check metrics < \"$0\"", file.toString()),
				Map.of());
		assertThat(check.exitCode()).as(check.output()).isZero();
	}

	private static Path newestBase(Path backupDir) throws Exception {
		try (Stream<Path> bases = Files.list(backupDir.resolve("base"))) {
			return bases.filter((path) -> path.getFileName().toString().startsWith("base-"))
				.max(Path::compareTo)
				.orElseThrow();
		}
	}

	private static String text(Statement sql, String query) throws SQLException {
		try (ResultSet rows = sql.executeQuery(query)) {
			assertThat(rows.next()).isTrue();
			return rows.getString(1);
		}
	}

	private static List<String> rows(Statement sql, String query) throws SQLException {
		List<String> values = new ArrayList<>();
		try (ResultSet rows = sql.executeQuery(query)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	private static Tools.Result call(ThrowingCall call) {
		try {
			return call.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@FunctionalInterface
	private interface ThrowingCall {

		Tools.Result run() throws Exception;

	}

}
