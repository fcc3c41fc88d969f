package org.sparktherapy.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparktherapy.platform.security.OwnerOnlyFiles;

/**
 * One embedded PostgreSQL per data directory and JVM. Several Spring contexts in one JVM
 * (tests) share it; Spring Boot's shutdown handlers stop it once every context is closed.
 * <p>
 * ADR 0042: it is durable unless told otherwise ({@code fsync} and
 * {@code synchronous_commit} on), every connection needs the password kept in the
 * cluster's directory ({@value #PASSWORD_FILE}, owner-only; SCRAM in
 * {@code pg_hba.conf}), and a server that a killed app left running on the same directory
 * is stopped before a new one starts ({@link AbandonedServer}).
 */
final class EmbeddedPostgresServer {

	static final String USER = "postgres";

	/**
	 * The superuser's password, inside the cluster's own directory (lives and dies with
	 * it).
	 */
	static final String PASSWORD_FILE = "sparktherapy.password";

	/**
	 * First line of the {@code pg_hba.conf} this class writes: how a start knows it is
	 * ours.
	 */
	static final String HBA_MARKER = "# SPARKTherapy: every connection needs the password (scram-sha-256), ADR 0042";

	private static final String HBA = HBA_MARKER + """

			# The password is in %s of this directory (owner-only). Nothing else may connect:
			# a connection that matches no line below is refused.
			local   all           all                  scram-sha-256
			host    all           all   127.0.0.1/32   scram-sha-256
			host    all           all   ::1/128        scram-sha-256
			local   replication   all                  scram-sha-256
			host    replication   all   127.0.0.1/32   scram-sha-256
			host    replication   all   ::1/128        scram-sha-256
			""".formatted(PASSWORD_FILE);

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Map<Path, EmbeddedPostgresServer> servers = new ConcurrentHashMap<>();

	private final Path directory;

	private final EmbeddedPostgres postgres;

	private final String password;

	private EmbeddedPostgresServer(Path directory, EmbeddedPostgres postgres, String password) {
		this.directory = directory;
		this.postgres = postgres;
		this.password = password;
	}

	/**
	 * The server of {@code directory}, started on first use.
	 * @param durable {@code fsync} and {@code synchronous_commit} on (the app); off only
	 * where losing the last commits in a crash does not matter (the test profile)
	 */
	static EmbeddedPostgresServer obtain(Path directory, boolean cleanOnStart, boolean durable) {
		return servers.computeIfAbsent(directory.toAbsolutePath().normalize(),
				(dir) -> start(dir, cleanOnStart, durable));
	}

	/**
	 * The JDBC URL, with the user and the password: the pool, and the tests' fresh
	 * databases built from it, need both (HikariCP masks the password when it logs the
	 * URL).
	 */
	String jdbcUrl() {
		return this.postgres.getJdbcUrl(USER, "postgres") + "&password=" + this.password;
	}

	int port() {
		return this.postgres.getPort();
	}

	Path directory() {
		return this.directory;
	}

	String password() {
		return this.password;
	}

	/**
	 * Stops the server now (tests that start their own); the shutdown handler then does
	 * nothing.
	 */
	void stop() throws IOException {
		servers.remove(this.directory, this);
		this.postgres.close();
	}

	private static EmbeddedPostgresServer start(Path directory, boolean cleanOnStart, boolean durable) {
		try {
			// first, so a clean start never deletes files under a running server
			AbandonedServer.stopIfAbandoned(directory);
			if (cleanOnStart) {
				deleteRecursively(directory);
			}
			Files.createDirectories(directory);
			boolean fresh = !Files.exists(directory.resolve("postgresql.conf"));
			Path passwordFile = directory.resolve(PASSWORD_FILE);
			String password = (!fresh && Files.exists(passwordFile)) ? readPassword(passwordFile) : newPassword();
			boolean passwordRules = !fresh && isOurs(directory.resolve("pg_hba.conf"));
			Path initdbPasswordFile = null;
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(cleanOnStart)
				.setServerConfig("timezone", "UTC")
				.setServerConfig("max_connections", "100")
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("password_encryption", "scram-sha-256")
				// zonky's own start-up check connects with these
				.setConnectConfig("password", password)
				// stopped by the Spring Boot shutdown handler below, never by zonky's own
				// JVM hook (which races the contexts' shutdown)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60));
			if (durable) {
				// zonky starts PostgreSQL with -F (fsync off) and synchronous_commit off:
				// fine for throw-away test databases, not for a clinic's data. These
				// come after -F on the command line, so they win.
				builder.setServerConfig("fsync", "on")
					.setServerConfig("synchronous_commit", "on")
					.setServerConfig("full_page_writes", "on");
			}
			if (fresh) {
				// initdb sets the superuser's password from this file (outside the new
				// directory: initdb wants it empty); the customizer below, run after
				// initdb and before the server starts, moves it in and installs the
				// password-only rules, so the new cluster never accepts a connection
				// without it
				initdbPasswordFile = directory.resolveSibling("." + directory.getFileName() + "-initdb.password");
				OwnerOnlyFiles.write(initdbPasswordFile, password + "\n");
				builder.setLocaleConfig("pwfile", initdbPasswordFile.toString());
			}
			final Path initdbPassword = initdbPasswordFile;
			builder.setDataDirectoryCustomizer((dir) -> {
				if (fresh) {
					writeOrFail(passwordFile, password + "\n");
					writeOrFail(directory.resolve("pg_hba.conf"), HBA);
				}
			});
			EmbeddedPostgres postgres;
			try {
				postgres = builder.start();
			}
			finally {
				if (initdbPassword != null) {
					Files.deleteIfExists(initdbPassword);
				}
			}
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(directory, postgres, password);
			if (!fresh && !passwordRules) {
				server.requirePasswordFromNowOn(passwordFile);
			}
			log.info("Started embedded PostgreSQL in {} on port {} ({})", directory, postgres.getPort(),
					durable ? "durable" : "fsync off: test data only");
			// Spring Boot runs its shutdown handlers after it has closed every
			// application context, so the database outlives whatever still writes on
			// the way down (the event publication registry, graceful web shutdown); a
			// plain JVM shutdown hook would race them and leave them waiting for
			// connections.
			org.springframework.boot.SpringApplication.getShutdownHandlers().add(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					log.warn("Could not stop embedded PostgreSQL cleanly", ex);
				}
			});
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
		}
	}

	/**
	 * A cluster made before ADR 0042 (initdb's "trust" rules, no password): it started as
	 * it always did; now the superuser gets the password, which is written to the
	 * cluster's directory first (so a crash in between only repeats this at the next
	 * start), and the password-only rules are installed and loaded before anything else
	 * connects.
	 */
	private void requirePasswordFromNowOn(Path passwordFile) throws IOException {
		OwnerOnlyFiles.write(passwordFile, this.password + "\n");
		try (Connection connection = DriverManager.getConnection(jdbcUrl());
				Statement sql = connection.createStatement()) {
			sql.execute("set password_encryption = 'scram-sha-256'");
			// the password is base64url (no quotes to escape)
			sql.execute("alter role " + USER + " password '" + this.password + "'");
			OwnerOnlyFiles.write(this.directory.resolve("pg_hba.conf"), HBA);
			sql.execute("select pg_reload_conf()");
		}
		catch (SQLException ex) {
			throw new IOException("Could not give the embedded PostgreSQL in " + this.directory + " its password", ex);
		}
		// the reload is asynchronous: wait until a connection without the password is
		// refused
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (acceptsWithoutPassword()) {
			if (System.nanoTime() > deadline) {
				throw new IOException("The embedded PostgreSQL in " + this.directory
						+ " still accepts connections without a password after reloading pg_hba.conf");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted", ex);
			}
		}
		log.warn("The embedded PostgreSQL in {} accepted any local connection without a password (made before "
				+ "ADR 0042); it now requires the password in {}", this.directory, passwordFile);
	}

	private boolean acceptsWithoutPassword() {
		Properties properties = new Properties();
		properties.setProperty("user", USER);
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port() + "/postgres",
				properties)) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static boolean isOurs(Path hba) throws IOException {
		return Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).startsWith(HBA_MARKER);
	}

	private static String newPassword() {
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(OwnerOnlyFiles.randomKey(32));
	}

	private static String readPassword(Path file) throws IOException {
		String password = Files.readString(file, StandardCharsets.UTF_8).strip();
		if (!password.matches("[A-Za-z0-9_-]{20,}")) {
			throw new IOException(file + " does not hold a password this app wrote");
		}
		return password;
	}

	private static void writeOrFail(Path file, String text) {
		try {
			OwnerOnlyFiles.write(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
