package org.sparktherapy.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL server of a test's own, run with the machine's PostgreSQL binaries
 * ({@code pg_config --bindir}, Debian's 15) so that the machine's pg_basebackup,
 * pg_verifybackup and pg_archivecleanup, which serve only servers of their own major
 * version or older, work with it. {@code support/ScratchPostgres} runs zonky's PostgreSQL
 * 17 instead. PostgreSQL refuses to run as root: as root, every server command runs under
 * {@code unshare -U} (the files stay root's; zonky does the same). Its socket is in the
 * data directory's parent, its TCP port on 127.0.0.1 is the caller's.
 */
final class ScratchCluster implements AutoCloseable {

	private final Path dataDir;

	private final int port;

	private boolean running;

	private ScratchCluster(Path dataDir, int port) {
		this.dataDir = dataDir;
		this.port = port;
	}

	/** The machine's PostgreSQL bin directory, or null if pg_config is missing. */
	static Path binDir() throws Exception {
		if (Tools.find("pg_config") == null) {
			return null;
		}
		Tools.Result bindir = Tools.run("pg_config", "--bindir");
		return (bindir.exitCode() != 0) ? null : Path.of(bindir.output().strip());
	}

	/**
	 * A new cluster (initdb, WAL segments of 1 MB so that archiving is quick) with these
	 * settings added to its postgresql.conf; not started.
	 */
	static ScratchCluster create(Path dataDir, int port, Map<String, String> settings) throws Exception {
		Tools.Result initdb = server("initdb", "--pgdata=" + dataDir, "--auth=trust", "--username=postgres",
				"--wal-segsize=1", "--no-sync", "--no-instructions");
		assertThat(initdb.exitCode()).as(initdb.output()).isZero();
		ScratchCluster cluster = new ScratchCluster(dataDir, port);
		cluster.configure(settings);
		return cluster;
	}

	/**
	 * A data directory made by someone else (a restored backup), to run on this port; not
	 * started.
	 */
	static ScratchCluster existing(Path dataDir, int port) throws Exception {
		ScratchCluster cluster = new ScratchCluster(dataDir, port);
		cluster.configure(Map.of());
		return cluster;
	}

	private void configure(Map<String, String> settings) throws IOException {
		StringBuilder conf = new StringBuilder("\n# ScratchCluster\nport = " + this.port
				+ "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '" + this.dataDir.getParent() + "'\n");
		settings.forEach((name, value) -> conf.append(name).append(" = '").append(value).append("'\n"));
		Files.writeString(this.dataDir.resolve("postgresql.conf"), conf, StandardOpenOption.APPEND);
	}

	void start() throws Exception {
		Tools.Result start = server("pg_ctl", "--pgdata=" + this.dataDir, "--log=" + log(), "--wait", "--timeout=60",
				"start");
		this.running = start.exitCode() == 0;
		assertThat(start.exitCode()).as("%s\n%s", start.output(), logText()).isZero();
	}

	void stop() throws Exception {
		Tools.Result stop = server("pg_ctl", "--pgdata=" + this.dataDir, "--mode=fast", "--wait", "stop");
		assertThat(stop.exitCode()).as(stop.output()).isZero();
		this.running = false;
	}

	int port() {
		return this.port;
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + this.port + "/postgres?connectTimeout=5",
				"postgres", "");
	}

	/** The environment for libpq programs (pg_basebackup, psql) to reach it. */
	Map<String, String> libpq() {
		return Map.of("PGHOST", "127.0.0.1", "PGPORT", String.valueOf(this.port), "PGUSER", "postgres");
	}

	Path log() {
		return this.dataDir.resolveSibling(this.dataDir.getFileName() + ".log");
	}

	String logText() throws IOException {
		return Files.exists(log()) ? Files.readString(log()) : "";
	}

	@Override
	public void close() throws Exception {
		if (this.running) {
			stop();
		}
	}

	private static Tools.Result server(String program, String... args) throws Exception {
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			command.addAll(List.of("unshare", "-U"));
		}
		command.add(binDir().resolve(program).toString());
		command.addAll(List.of(args));
		return Tools.run(command, Map.of());
	}

}
