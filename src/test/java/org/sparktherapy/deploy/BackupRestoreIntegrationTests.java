package org.sparktherapy.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sparktherapy.audit.internal.AuditChains;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/backup/backup.sh and restore.sh run for real against the machine's PostgreSQL
 * server at 127.0.0.1:5432 (user postgres, trust): a scratch database with the app's
 * schema (Flyway) and a realistic amount of generated data (tens of MB, with an access
 * log whose hash chain holds), and a data dir with files, backed up (pg_dump, gpg,
 * SHA-256) and restored into a second database and data dir, then compared table by
 * table, the restored access log's chain verified by the audit module's own verifier.
 * Also: a damaged or manipulated backup, a wrong passphrase, a non-empty target and a
 * failing restore. Not the tests' embedded PostgreSQL (version 17): the machine's pg_dump
 * is 15. Skipped when the server or the tools are missing, unless {@code CI} is set.
 */
@IntegrationTest
@Tag(IntegrationTest.FIRST_PASS_ONLY)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreIntegrationTests {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private static final Pattern MAJOR = Pattern.compile("\\) (\\d+)");

	private static final int AUDIT_ENTRIES = 40_000;

	/**
	 * Stands in for clinical data: must never show in the scripts' output or in the
	 * encrypted files.
	 */
	private final String secretName = "Zebulonia" + UUID.randomUUID().toString().substring(0, 8);

	private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	private final List<String> databases = new ArrayList<>();

	private final List<String> roles = new ArrayList<>();

	private Path work;

	private Path passphrase;

	private Path dataDir;

	private Path backup;

	private Tools.Result backupRun;

	@BeforeAll
	void backUpAClinic() throws Exception {
		Tools.require("pg_dump", "pg_restore", "psql", "gpg", "gpgconf", "sha256sum", "tar");
		requireServerWithMatchingPgDump();
		this.work = Files.createTempDirectory("spark-backup-test");
		this.passphrase = this.work.resolve("passphrase");
		Files.createFile(this.passphrase,
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(this.passphrase, UUID.randomUUID() + "-" + UUID.randomUUID() + "\n");

		String source = createDatabase("src");
		Flyway.configure()
			.dataSource(SERVER + source, "postgres", "")
			.locations("classpath:db/migration")
			.load()
			.migrate();
		aClinicOfRealisticSize(source);

		this.dataDir = this.work.resolve("data");
		Random random = new Random(42);
		writeBytes(this.dataDir.resolve("attachments/3f2a/9c1e-0001"), random, 150_000);
		writeBytes(this.dataDir.resolve("attachments/3f2a/9c1e-0002"), random, 10);
		writeBytes(this.dataDir.resolve("attachments/77b0/aa01-0003"), random, 70_000);
		writeBytes(this.dataDir.resolve("keys/jwt-hmac.key"), random, 64);
		writeBytes(this.dataDir.resolve("attachments/3f2a/.upload-123.tmp"), random, 5); // half
																							// an
																							// upload
		writeBytes(this.dataDir.resolve("postgres/PG_VERSION"), random, 5); // the
																			// embedded
																			// database:
																			// not for
																			// backup
		Files.writeString(this.dataDir.resolve("attachments/77b0/report-text"), "notes about " + this.secretName);

		this.backupRun = script("backup.sh", "--passphrase-file", this.passphrase.toString(), "--out",
				this.work.resolve("backups").toString(), "--data-dir", this.dataDir.toString(), "--dbname", source);
		assertThat(this.backupRun.exitCode()).as(this.backupRun.output()).isZero();
		try (Stream<Path> made = Files.list(this.work.resolve("backups"))) {
			this.backup = made.collect(onlyOne());
		}
	}

	@AfterAll
	void dropScratchDatabases() throws Exception {
		if (!this.databases.isEmpty()) {
			try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
				for (String name : this.databases) {
					sql.execute("drop database if exists " + name + " with (force)");
				}
				for (String role : this.roles) {
					sql.execute("drop role if exists " + role);
				}
			}
		}
		if (this.work != null) {
			FileSystemUtils.deleteRecursively(this.work);
		}
	}

	@Test
	void backupIsEncryptedChecksummedAndVerified() throws Exception {
		assertThat(this.backup.getFileName().toString()).matches("sparktherapy-\\d{8}T\\d{6}Z");
		try (Stream<Path> files = Files.list(this.backup)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.containsExactlyInAnyOrder("database.dump.gpg", "files.tar.gz.gpg", "SHA256SUMS", "FORMAT");
		}
		assertThat(this.backupRun.output()).contains("verified").contains("5 files").doesNotContain(this.secretName);
		for (String encrypted : List.of("database.dump.gpg", "files.tar.gz.gpg")) {
			byte[] bytes = Files.readAllBytes(this.backup.resolve(encrypted));
			assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as(encrypted)
				.doesNotContain(this.secretName)
				.doesNotContain("PGDMP"); // pg_dump's custom-format magic: the dump is
											// not in the clear
		}
		Tools.Result sums = Tools.run(List.of("bash", "-c", "cd '" + this.backup + "' && sha256sum --check SHA256SUMS"),
				Map.of());
		assertThat(sums.exitCode()).as(sums.output()).isZero();
		assertThat(sums.output()).contains("database.dump.gpg: OK").contains("files.tar.gz.gpg: OK");
		assertThat(Files.getPosixFilePermissions(this.backup.resolve("database.dump.gpg")))
			.isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

	@Test
	void restoreRecreatesTheDatabaseAndTheFiles() throws Exception {
		String target = createDatabase("dst");
		Path restoredDir = this.work.resolve("restored-data");

		Tools.Result restore = restore(target, restoredDir);

		assertThat(restore.exitCode()).as(restore.output()).isZero();
		assertThat(restore.output()).contains("database restored")
			.contains("5 files restored")
			.doesNotContain(this.secretName);
		String source = this.databases.get(0);
		assertThat(databaseSize(source)).as("a database of realistic size").isGreaterThan(20L << 20);
		Map<String, Long> counts = rowCounts(source);
		assertThat(counts).containsKeys("accounts", "children", "flyway_schema_history", "audit_log");
		assertThat(counts.get("children")).isEqualTo(300L);
		assertThat(counts.get("session_events")).isEqualTo(300L * 40 * 6);
		assertThat(counts.get("audit_log")).isEqualTo((long) AUDIT_ENTRIES);
		assertThat(rowCounts(target)).as("every table's row count").isEqualTo(counts);
		assertThat(contents(target)).as("every table's rows").isEqualTo(contents(source));
		assertThat(AuditChains.verify(SERVER + source, "postgres", "")).as("the generated access log is a valid chain")
			.isEqualTo(new AuditChains.Result(true, AUDIT_ENTRIES));
		assertThat(AuditChains.verify(SERVER + target, "postgres", "")).as("the restored access log's chain")
			.isEqualTo(new AuditChains.Result(true, AUDIT_ENTRIES));
		for (String file : List.of("attachments/3f2a/9c1e-0001", "attachments/3f2a/9c1e-0002",
				"attachments/77b0/aa01-0003", "attachments/77b0/report-text", "keys/jwt-hmac.key")) {
			assertThat(restoredDir.resolve(file)).as(file).hasSameBinaryContentAs(this.dataDir.resolve(file));
		}
		assertThat(restoredDir.resolve("postgres")).doesNotExist();
		assertThat(restoredDir.resolve("attachments/3f2a/.upload-123.tmp")).doesNotExist();
	}

	@Test
	void theAppsOwnDatabaseUserCanRestoreAndOwnsWhatItRestored() throws Exception {
		String role = "spark_backup_app_" + this.suffix;
		try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
			sql.execute("create role " + role + " login"); // no superuser, no createdb
		}
		this.roles.add(role);
		String target = createDatabase("owned");
		try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
			sql.execute("alter database " + target + " owner to " + role);
		}
		List<String> args = List.of("bash", "deploy/backup/restore.sh", "--passphrase-file", this.passphrase.toString(),
				"--dbname", target, this.backup.toString());

		Tools.Result restore = Tools.run(args, Map.of("PGHOST", "127.0.0.1", "PGPORT", "5432", "PGUSER", role));

		assertThat(restore.exitCode()).as(restore.output()).isZero();
		assertThat(contents(target)).isEqualTo(contents(this.databases.get(0)));
		try (Connection db = connect(target);
				Statement sql = db.createStatement();
				ResultSet owners = sql
					.executeQuery("select distinct tableowner from pg_tables where schemaname = 'public'")) {
			assertThat(owners.next()).isTrue();
			assertThat(owners.getString(1)).isEqualTo(role);
			assertThat(owners.next()).isFalse();
		}
	}

	@Test
	void damagedOrManipulatedBackupIsRefusedBeforeTouchingTheDatabase() throws Exception {
		String target = createDatabase("tamper");
		Path damaged = copyOfBackup("damaged");
		flipAByte(damaged.resolve("database.dump.gpg"));

		Tools.Result refused = restore(target, null, damaged);

		assertThat(refused.exitCode()).as(refused.output()).isEqualTo(3);
		assertThat(refused.output()).contains("checksums do not match");
		assertThat(tableCount(target)).isZero();

		// someone who can write the backup but not read it recomputes the checksums:
		// gpg's integrity check refuses
		Tools.Result resummed = Tools.run(
				List.of("bash", "-c",
						"cd '" + damaged + "' && sha256sum database.dump.gpg files.tar.gz.gpg FORMAT > SHA256SUMS"),
				Map.of());
		assertThat(resummed.exitCode()).isZero();
		Tools.Result manipulated = restore(target, null, damaged);

		assertThat(manipulated.exitCode()).as(manipulated.output()).isEqualTo(3);
		assertThat(manipulated.output()).contains("does not decrypt").doesNotContain("checksums do not match");
		assertThat(tableCount(target)).isZero();
	}

	@Test
	void wrongPassphraseIsRefused() throws Exception {
		String target = createDatabase("wrongpass");
		Path wrong = this.work.resolve("wrong-passphrase");
		Files.writeString(wrong, "not the passphrase\n");

		Tools.Result refused = script("restore.sh", "--passphrase-file", wrong.toString(), "--dbname", target,
				this.backup.toString());

		assertThat(refused.exitCode()).as(refused.output()).isEqualTo(3);
		assertThat(tableCount(target)).isZero();
	}

	@Test
	void nonEmptyTargetsAreRefusedWithoutForce() throws Exception {
		String source = this.databases.get(0);
		Map<String, String> before = contents(source);

		Tools.Result intoDatabase = restore(source, null);

		assertThat(intoDatabase.exitCode()).as(intoDatabase.output()).isEqualTo(4);
		assertThat(intoDatabase.output()).contains("not empty").contains("--force");
		assertThat(contents(source)).isEqualTo(before);

		Tools.Result intoFiles = restore(createDatabase("files"), this.dataDir);

		assertThat(intoFiles.exitCode()).as(intoFiles.output()).isEqualTo(4);
		assertThat(intoFiles.output()).contains("attachments is not empty");
	}

	@Test
	void aFailingRestoreLeavesTheDatabaseAsItWas() throws Exception {
		String target = createDatabase("atomic");
		assertThat(restore(target, null).exitCode()).isZero();
		try (Connection db = connect(target); Statement sql = db.createStatement()) {
			sql.execute("update children set status = 'on_hold' where status = 'intake'");
			// a view of our own on a table the backup replaces: dropping that table fails
			// halfway through
			sql.execute("create view held_children as select id from children where status = 'on_hold'");
		}
		Map<String, String> before = contents(target);

		Tools.Result failed = script("restore.sh", "--passphrase-file", this.passphrase.toString(), "--dbname", target,
				"--force", this.backup.toString());

		assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
		assertThat(failed.output()).contains("nothing was restored")
			.doesNotContain("database restored")
			.doesNotContain(this.secretName);
		assertThat(contents(target)).isEqualTo(before);
		assertThat(before.get("children")).isNotEqualTo(contents(this.databases.get(0)).get("children"));
	}

	@Test
	void oldBackupsAreRemovedOnlyAfterANewOneIsVerified() throws Exception {
		Path out = this.work.resolve("rotation");
		Path old = Files.createDirectories(out.resolve("sparktherapy-20200101T000000Z"));
		Path recent = Files.createDirectories(out.resolve("sparktherapy-20991231T000000Z"));
		Path unrelated = Files.createDirectories(out.resolve("keep-me"));
		for (Path dir : List.of(old, unrelated)) {
			Files.setLastModifiedTime(dir, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
		}
		Path looseFile = this.work.resolve("loose-passphrase");
		Files.copy(this.passphrase, looseFile);
		Files.setPosixFilePermissions(looseFile, PosixFilePermissions.fromString("rw-r--r--"));

		Tools.Result refused = script("backup.sh", "--passphrase-file", looseFile.toString(), "--out", out.toString(),
				"--dbname", this.databases.get(0), "--keep-days", "7");
		Tools.Result rotated = script("backup.sh", "--passphrase-file", this.passphrase.toString(), "--out",
				out.toString(), "--dbname", this.databases.get(0), "--keep-days", "7");

		assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
		assertThat(refused.output()).contains("readable by others");
		assertThat(rotated.exitCode()).as(rotated.output()).isZero();
		assertThat(old).doesNotExist();
		assertThat(recent).exists();
		assertThat(unrelated).exists();
		try (Stream<Path> left = Files.list(out)) {
			assertThat(left).hasSize(3);
		}
	}

	@Test
	void aFailedBackupLeavesNothingBehind() throws Exception {
		Path out = this.work.resolve("failed");

		Tools.Result failed = script("backup.sh", "--passphrase-file", this.passphrase.toString(), "--out",
				out.toString(), "--dbname", "spark_backup_missing_" + this.suffix);

		assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
		assertThat(failed.output()).contains("pg_dump or encryption failed").doesNotContain("verified");
		try (Stream<Path> left = Files.list(out)) {
			assertThat(left).isEmpty();
		}
	}

	@Test
	void eachRunPublishesItsResultForPrometheus() throws Exception {
		Path metricsDir = Files.createDirectories(this.work.resolve("metrics"));
		Path file = metricsDir.resolve("sparktherapy_backup_dump.prom");
		Map<String, String> metrics = Map.of("BACKUP_METRICS_DIR", metricsDir.toString());
		long before = Instant.now().getEpochSecond();

		Tools.Result good = script(metrics, "backup.sh", "--passphrase-file", this.passphrase.toString(), "--out",
				this.work.resolve("published").toString(), "--dbname", this.databases.get(0));

		assertThat(good.exitCode()).as(good.output()).isZero();
		Map<String, Double> afterGood = PointInTimeRecoveryTests.samples(file, "dump");
		long success = afterGood.get("sparktherapy_backup_last_success_timestamp_seconds").longValue();
		assertThat(success).isBetween(before, Instant.now().getEpochSecond());
		assertThat(afterGood).containsEntry("sparktherapy_backup_last_run_success", 1.0)
			.containsEntry("sparktherapy_backup_last_run_timestamp_seconds", (double) success);
		assertThat(afterGood.get("sparktherapy_backup_last_success_size_bytes")).as("an encrypted dump of some MB")
			.isGreaterThan(1_000_000.0);
		assertThat(afterGood.keySet()).containsAll(PointInTimeRecoveryTests.metricsReadByAlerts());
		PointInTimeRecoveryTests.assertPromtoolAccepts(file);

		Tools.Result failed = script(metrics, "backup.sh", "--passphrase-file", this.passphrase.toString(), "--out",
				this.work.resolve("published").toString(), "--dbname", "spark_backup_missing_" + this.suffix);

		assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
		assertThat(PointInTimeRecoveryTests.samples(file, "dump"))
			.containsEntry("sparktherapy_backup_last_run_success", 0.0)
			.containsEntry("sparktherapy_backup_last_success_timestamp_seconds", (double) success)
			.containsEntry("sparktherapy_backup_last_success_size_bytes",
					afterGood.get("sparktherapy_backup_last_success_size_bytes"));
		PointInTimeRecoveryTests.assertPromtoolAccepts(file);
	}

	@Test
	void scriptsExplainThemselves() throws Exception {
		Tools.Result backupUsage = script("backup.sh");
		Tools.Result restoreUsage = script("restore.sh", "--no-such-option");
		Tools.Result help = script("restore.sh", "--help");

		assertThat(backupUsage.exitCode()).isEqualTo(2);
		assertThat(backupUsage.output()).contains("Usage: backup.sh").contains("Exit codes");
		assertThat(restoreUsage.exitCode()).isEqualTo(2);
		assertThat(help.exitCode()).isZero();
		assertThat(help.output()).contains("Usage: restore.sh").contains("--force").contains("Exit codes");
	}

	/**
	 * A clinic of a realistic size (tens of MB, as the demo clinic's database after some
	 * use): therapists, parents, children with programs and targets, months of sessions
	 * with their trials, and an access log with a valid hash chain. A few rows hide the
	 * failures that only a dump larger than a pipe's buffer shows.
	 */
	private void aClinicOfRealisticSize(String database) throws SQLException {
		try (Connection db = DriverManager.getConnection(SERVER + database + "?reWriteBatchedInserts=true", "postgres",
				""); Statement sql = db.createStatement()) {
			sql.execute("""
					insert into accounts (id, name, email, password_hash, role, credential, created_at, updated_at)
					select gen_random_uuid(), 'Therapist ' || i, 'therapist' || i || '@example.org',
					    '$argon2id$v=19$m=16384,t=2,p=1$' || md5(i::text), 'therapist',
					    case when i % 4 = 0 then 'BCBA' else 'RBT' end, now(), now()
					from generate_series(1, 40) i""");
			sql.execute("""
					insert into accounts (id, name, email, password_hash, role, created_at, updated_at)
					select gen_random_uuid(), 'Parent ' || i, 'parent' || i || '@example.org',
					    '$argon2id$v=19$m=16384,t=2,p=1$' || md5(i::text), 'parent', now(), now()
					from generate_series(1, 300) i""");
			sql.execute("insert into children (id, first_name, last_name, date_of_birth, diagnosis_codes, status,"
					+ " medical_notes, emergency_contacts, created_at, updated_at) values (gen_random_uuid(), '"
					+ this.secretName + "', 'Example', date '2019-04-02', '{F84.0}', 'active', 'allergic to "
					+ this.secretName + "', '[{\"name\": \"Grandma\"}]', now(), now())");
			sql.execute("""
					insert into children (id, first_name, last_name, date_of_birth, diagnosis_codes, status,
					    medical_notes, emergency_contacts, created_at, updated_at)
					select gen_random_uuid(), 'Child' || i, 'Example', date '2018-01-01' + i, '{F84.0}',
					    case when i % 10 = 0 then 'intake' else 'active' end, 'Synthetic notes ' || md5(i::text),
					    '[{"name": "Grandma"}]', now(), now()
					from generate_series(1, 299) i""");
			sql.execute("""
					insert into programs (id, child_id, name, domain, objective, kind, measurement, mastery_percent,
					    mastery_consecutive_sessions, mastery_min_trials, status, created_at, updated_at)
					select gen_random_uuid(), c.id, 'Program ' || p, 'communication',
					    'Requests preferred items with a full sentence', 'skill', 'percent_correct', 80, 3, 10,
					    'active', now(), now()
					from children c, generate_series(1, 3) p""");
			sql.execute("""
					insert into targets (id, program_id, child_id, name, definition, phase, position, created_at,
					    updated_at)
					select gen_random_uuid(), p.id, p.child_id, 'Target ' || t, 'Says the word within 5 seconds',
					    'intervention', t, now(), now()
					from programs p, generate_series(1, 5) t""");
			sql.execute("""
					insert into therapy_sessions (id, child_id, therapist_id, service_code, place, started_at, ended_at,
					    note, status, created_at, updated_at)
					select gen_random_uuid(), c.id, t.ids[1 + (s % array_length(t.ids, 1))], '97153', 'clinic',
					    now() - make_interval(days => s), now() - make_interval(days => s) + interval '2 hours',
					    'Worked on requesting and labelling; ' || md5(c.id::text || s), 'open', now(), now()
					from children c, generate_series(1, 40) s,
					    (select array_agg(id order by email) ids from accounts where role = 'therapist') t""");
			sql.execute(
					"""
							insert into session_events (id, session_id, child_id, type, target_id, outcome, prompt_level, at,
							    received_at)
							select gen_random_uuid(), s.id, s.child_id, 'trial', ct.ids[1 + (e % array_length(ct.ids, 1))],
							    case when e % 3 = 0 then 'incorrect' else 'correct' end, 'independent',
							    s.started_at + make_interval(mins => e), s.started_at + make_interval(mins => e)
							from therapy_sessions s
							    join (select child_id, array_agg(id order by position, id) ids from targets group by child_id) ct
							        on ct.child_id = s.child_id,
							    generate_series(1, 6) e""");
			List<UUID> therapists = ids(sql, "select id from accounts where role = 'therapist'");
			List<UUID> children = ids(sql, "select id from children");
			AuditChains.append(db, AUDIT_ENTRIES, therapists, children, Instant.parse("2026-01-05T08:00:00Z"));
			sql.execute("analyze");
		}
	}

	private static List<UUID> ids(Statement sql, String query) throws SQLException {
		List<UUID> ids = new ArrayList<>();
		try (ResultSet rows = sql.executeQuery(query)) {
			while (rows.next()) {
				ids.add(rows.getObject(1, UUID.class));
			}
		}
		return ids;
	}

	private static long databaseSize(String database) throws SQLException {
		try (Connection db = connect(database);
				Statement sql = db.createStatement();
				ResultSet rows = sql.executeQuery("select pg_database_size(current_database())")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** Per table: its row count. */
	private static Map<String, Long> rowCounts(String database) throws SQLException {
		Map<String, Long> counts = new TreeMap<>();
		try (Connection db = connect(database); Statement sql = db.createStatement()) {
			for (String name : tables(sql)) {
				try (ResultSet rows = sql.executeQuery("select count(*) from \"" + name + "\"")) {
					rows.next();
					counts.put(name, rows.getLong(1));
				}
			}
		}
		return counts;
	}

	private static List<String> tables(Statement sql) throws SQLException {
		List<String> names = new ArrayList<>();
		try (ResultSet rows = sql.executeQuery("select table_name from information_schema.tables"
				+ " where table_schema = 'public' and table_type = 'BASE TABLE'")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	private Tools.Result restore(String database, Path dataDir) throws Exception {
		return restore(database, dataDir, this.backup);
	}

	private Tools.Result restore(String database, Path dataDir, Path from) throws Exception {
		List<String> args = new ArrayList<>(
				List.of("--passphrase-file", this.passphrase.toString(), "--dbname", database));
		if (dataDir != null) {
			args.addAll(List.of("--data-dir", dataDir.toString()));
		}
		args.add(from.toString());
		return script("restore.sh", args.toArray(String[]::new));
	}

	private static Tools.Result script(String name, String... args) throws Exception {
		return script(Map.of("BACKUP_METRICS_DIR", ""), name, args);
	}

	private static Tools.Result script(Map<String, String> environment, String name, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", "deploy/backup/" + name));
		command.addAll(List.of(args));
		Map<String, String> env = new HashMap<>(environment);
		env.putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", "5432", "PGUSER", "postgres"));
		return Tools.run(command, env);
	}

	/**
	 * Per table: row count and a checksum of all rows (the sum of each row's MD5, so no
	 * sorting is needed).
	 */
	private static Map<String, String> contents(String database) throws SQLException {
		Map<String, String> tables = new TreeMap<>();
		try (Connection db = connect(database); Statement sql = db.createStatement()) {
			for (String name : tables(sql)) {
				try (ResultSet rows = sql.executeQuery("select count(*), coalesce(sum(('x' || left(md5(t::text), 16))"
						+ "::bit(64)::bigint::numeric), 0) from \"" + name + "\" t")) {
					rows.next();
					tables.put(name, rows.getLong(1) + " " + rows.getString(2));
				}
			}
		}
		return tables;
	}

	private static long tableCount(String database) throws SQLException {
		try (Connection db = connect(database);
				Statement sql = db.createStatement();
				ResultSet rows = sql.executeQuery("select count(*) from pg_tables where schemaname = 'public'")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private String createDatabase(String role) throws SQLException {
		String name = "spark_backup_" + role + "_" + this.suffix;
		try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
			sql.execute("create database " + name);
		}
		this.databases.add(name);
		return name;
	}

	private static Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(SERVER + database + "?connectTimeout=3", "postgres", "");
	}

	private static void requireServerWithMatchingPgDump() throws Exception {
		int server;
		try (Connection admin = connect("postgres");
				Statement sql = admin.createStatement();
				ResultSet rows = sql.executeQuery("show server_version_num")) {
			rows.next();
			server = rows.getInt(1) / 10000;
		}
		catch (SQLException ex) {
			if (System.getenv("CI") != null) {
				throw new AssertionError("PostgreSQL at 127.0.0.1:5432 (required in CI)", ex);
			}
			Assumptions.abort("no PostgreSQL server at 127.0.0.1:5432");
			return;
		}
		Matcher version = MAJOR.matcher(Tools.run("pg_dump", "--version").output());
		assertThat(version.find()).isTrue();
		// pg_dump refuses servers newer than itself
		boolean matching = Integer.parseInt(version.group(1)) >= server;
		if (System.getenv("CI") != null) {
			assertThat(matching).as("pg_dump %s for server %s", version.group(1), server).isTrue();
		}
		Assumptions.assumeTrue(matching, "pg_dump is older than the server");
	}

	private Path copyOfBackup(String name) throws IOException {
		Path copy = this.work.resolve(name);
		FileSystemUtils.copyRecursively(this.backup, copy);
		return copy;
	}

	private static void flipAByte(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length / 2] ^= 0x01;
		Files.write(file, bytes);
	}

	private static void writeBytes(Path file, Random random, int size) throws IOException {
		byte[] bytes = new byte[size];
		random.nextBytes(bytes);
		Files.createDirectories(file.getParent());
		Files.write(file, bytes);
	}

	private static Collector<Path, ?, Path> onlyOne() {
		return Collectors.collectingAndThen(Collectors.toList(), (list) -> {
			assertThat(list).hasSize(1);
			return list.get(0);
		});
	}

}
