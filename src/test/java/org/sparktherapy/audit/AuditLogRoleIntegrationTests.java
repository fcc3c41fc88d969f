package org.sparktherapy.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sparktherapy.SparkTherapyApplication;
import org.sparktherapy.audit.internal.AuditChains;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deployment with two roles on a real PostgreSQL server (ADR 0005,
 * deploy/postgres/app-role.sql): migrations run as the schema's owner, the app as a role
 * that may only insert into and read the access log. The app works; that role cannot
 * update, delete, truncate the log or disable its triggers. The database is upgraded from
 * a log chained with plain SHA-256 (before V48), which still verifies followed by keyed
 * entries.
 */
@Tag(IntegrationTest.TAG)
@Tag(IntegrationTest.FIRST_PASS_ONLY)
class AuditLogRoleIntegrationTests {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private static final String PASSWORD = "role-test-" + UUID.randomUUID();

	private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	private final String owner = "spark_owner_" + this.suffix;

	private final String app = "spark_app_" + this.suffix;

	private final String database = "spark_roles_" + this.suffix;

	private Path work;

	@BeforeEach
	void createRolesAndDatabase() throws Exception {
		try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
				Statement sql = admin.createStatement()) {
			sql.execute("create role " + this.owner + " login password '" + PASSWORD + "'");
			sql.execute("create role " + this.app + " login password '" + PASSWORD + "'");
			sql.execute("create database " + this.database + " owner " + this.owner);
		}
		catch (SQLException ex) {
			if (System.getenv("CI") != null) {
				throw new AssertionError("PostgreSQL at 127.0.0.1:5432 (required in CI)", ex);
			}
			Assumptions.abort("no PostgreSQL server at 127.0.0.1:5432");
		}
		this.work = Files.createTempDirectory("spark-audit-roles");
		// the deployment's script, as a superuser, before the first start
		Process psql = new ProcessBuilder("psql", "-X", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", this.database,
				"-v", "ON_ERROR_STOP=1", "-v", "owner=" + this.owner, "-v", "app=" + this.app, "-f",
				Path.of("deploy/postgres/app-role.sql").toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(psql.getInputStream().readAllBytes());
		assertThat(psql.waitFor()).as(output).isZero();
	}

	@AfterEach
	void dropThem() throws Exception {
		try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
				Statement sql = admin.createStatement()) {
			sql.execute("drop database if exists " + this.database + " with (force)");
			sql.execute("drop role if exists " + this.app);
			sql.execute("drop role if exists " + this.owner);
		}
	}

	@Test
	void theAppWorksAsARoleThatMayOnlyInsertIntoAndReadTheLog() throws Exception {
		// a log written before the chain was keyed (plain SHA-256, before V48)
		Flyway.configure()
			.dataSource(SERVER + this.database, this.owner, PASSWORD)
			.locations("classpath:db/migration")
			.target("46")
			.load()
			.migrate();
		try (Connection asOwner = DriverManager.getConnection(SERVER + this.database, this.owner, PASSWORD)) {
			AuditChains.append(asOwner, 50, List.of(UUID.randomUUID()), List.of(UUID.randomUUID()),
					Instant.parse("2026-01-05T08:00:00Z"));
		}
		try (ConfigurableApplicationContext running = new SpringApplicationBuilder(SparkTherapyApplication.class)
			.profiles("test")
			.run("--spring.datasource.url=" + SERVER + this.database, "--spring.datasource.username=" + this.app,
					"--spring.datasource.password=" + PASSWORD, "--spring.flyway.user=" + this.owner,
					"--spring.flyway.password=" + PASSWORD, "--server.port=0", "--management.server.port=0",
					"--spark.data-dir=" + this.work,
					"--spark.audit.checkpoint-dir=" + this.work.resolve("checkpoints"))) {
			int port = running.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			Clinic clinic = new Clinic(port);
			Person admin = clinic.rootAdmin();
			String childId = clinic.aChild(admin, null, null, null);
			assertThat(admin.api().get("/api/children/" + childId).status()).isEqualTo(200);
			assertThat(admin.api().get("/api/audit?childId=" + childId).at("/content/0/outcome")).isEqualTo("success");
			assertThat(admin.api().post("/api/audit/checkpoints", "{}").status()).isEqualTo(200);
			Api.Response verification = admin.api().get("/api/audit/verify");
			assertThat(verification.at("/valid")).as(verification.text()).isEqualTo("true");
			assertThat(Long.parseLong(verification.at("/checked"))).isGreaterThan(50);
			assertThat(verification.at("/unsealed")).as("the app's role sealed its entries").isEqualTo("0");

			try (Connection asApp = DriverManager.getConnection(SERVER + this.database, this.app, PASSWORD);
					Statement sql = asApp.createStatement()) {
				assertThat(count(sql, "sha256")).as("the plain entries from before V48").isEqualTo(50);
				assertThat(count(sql, "hmac-sha256")).as("the keyed entries after them").isPositive();
				assertThatThrownBy(() -> sql.execute("update audit_log set address = '192.0.2.66'"))
					.hasMessageContaining("permission denied");
				assertThatThrownBy(() -> sql.execute("delete from audit_log"))
					.hasMessageContaining("permission denied");
				assertThatThrownBy(() -> sql.execute("update audit_log set hash = null, chain_seq = null"))
					.hasMessageContaining("permission denied");
				assertThatThrownBy(() -> sql.execute("truncate audit_log")).hasMessageContaining("permission denied");
				// sealing (ADR 0005) goes through audit_log_seal, which reseals nothing
				assertThatThrownBy(() -> sql.execute("""
						select audit_log_seal(array[max(chain_seq)], array[null::bytea], array['x'::bytea],
						    'sha256', null)
						from audit_log""")).hasMessageContaining("the chain moved on");
				assertThatThrownBy(() -> sql.execute("""
						select audit_log_seal(array[max(seq)], array[(select hash from audit_log
						    order by chain_seq desc nulls last limit 1)], array['x'::bytea], 'sha256', null)
						from audit_log where chain_seq is not null""")).hasMessageContaining("no longer unsealed");
				assertThatThrownBy(() -> sql.execute("alter table audit_log disable trigger audit_log_no_update"))
					.hasMessageContaining("must be owner");
				assertThatThrownBy(() -> sql.execute("alter table audit_log disable trigger all"))
					.hasMessageContaining("must be owner");
				// the rest of the clinic's tables stay writable for the app
				assertThat(sql.executeUpdate("update change_history set changes = changes where false")).isZero();
			}
			assertThat(admin.api().get("/api/audit/verify").at("/valid")).isEqualTo("true");
		}
	}

	private static long count(Statement sql, String scheme) throws SQLException {
		try (var rows = sql.executeQuery("select count(*) from audit_log where hash_scheme = '" + scheme + "'")) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
