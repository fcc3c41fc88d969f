package org.sparktherapy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of a test's own, which the test may stop and start again (a
 * database outage) without touching the server every other test uses. It runs the
 * embedded PostgreSQL binaries the default test run already uses (zonky), so it needs
 * nothing installed; its files live in a temporary directory and it keeps its port across
 * restarts, so a running application reconnects to it by itself.
 */
public final class ScratchPostgres implements AutoCloseable {

	private final Path directory;

	private int port;

	private EmbeddedPostgres server;

	private ScratchPostgres(Path directory) {
		this.directory = directory;
	}

	/** Creates a new cluster in a temporary directory and starts it on a free port. */
	public static ScratchPostgres start() {
		try {
			ScratchPostgres postgres = new ScratchPostgres(Files.createTempDirectory("spark-scratch-pg"));
			postgres.startAgain();
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The JDBC address of its {@code postgres} database. */
	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/postgres";
	}

	public String username() {
		return "postgres";
	}

	/** Stops the server (a fast shutdown: open connections are cut). */
	public void stop() {
		try {
			this.server.close();
			this.server = null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts the stopped server again, on the same port and with the same data. */
	public void startAgain() {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(this.directory)
				.setCleanDataDirectory(false)
				.setServerConfig("timezone", "UTC")
				.setRegisterShutdownHook(false);
			if (this.port != 0) {
				builder.setPort(this.port);
			}
			this.server = builder.start();
			this.port = this.server.getPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start a scratch PostgreSQL in " + this.directory, ex);
		}
	}

	/** Stops the server if it runs and deletes its files. */
	@Override
	public void close() throws IOException {
		if (this.server != null) {
			stop();
		}
		try (var paths = Files.walk(this.directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
