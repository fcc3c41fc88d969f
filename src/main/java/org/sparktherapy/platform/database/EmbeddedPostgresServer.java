package org.sparktherapy.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL per data directory and JVM. Several Spring contexts in one JVM
 * (tests) share it; Spring Boot's shutdown handlers stop it once every context is closed.
 */
final class EmbeddedPostgresServer {

	static final String USER = "postgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Map<Path, EmbeddedPostgresServer> servers = new ConcurrentHashMap<>();

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedPostgresServer obtain(Path directory, boolean cleanOnStart) {
		return servers.computeIfAbsent(directory.toAbsolutePath().normalize(), dir -> start(dir, cleanOnStart));
	}

	String jdbcUrl() {
		return this.postgres.getJdbcUrl(USER, "postgres");
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static EmbeddedPostgresServer start(Path directory, boolean cleanOnStart) {
		try {
			if (cleanOnStart) {
				deleteRecursively(directory);
			}
			Files.createDirectories(directory);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(cleanOnStart)
				.setServerConfig("timezone", "UTC")
				.setServerConfig("max_connections", "100")
				// stopped by the Spring Boot shutdown handler below, never by zonky's own
				// JVM hook (which races the
				// contexts' shutdown)
				.setRegisterShutdownHook(false)
				.start();
			log.info("Started embedded PostgreSQL in {} on port {}", directory, postgres.getPort());
			// Spring Boot runs its shutdown handlers after it has closed every
			// application context, so the
			// database outlives whatever still writes on the way down (the event
			// publication registry, graceful
			// web shutdown); a plain JVM shutdown hook would race them and leave them
			// waiting for connections.
			org.springframework.boot.SpringApplication.getShutdownHandlers().add(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					log.warn("Could not stop embedded PostgreSQL cleanly", ex);
				}
			});
			return new EmbeddedPostgresServer(postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
		}
	}

}
