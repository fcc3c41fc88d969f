package org.sparktherapy.platform.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The app's start of the embedded PostgreSQL, in a JVM of its own that the test then
 * kills ({@code destroyForcibly}, SIGKILL) as {@code kill -9} kills the app: it starts
 * the server as {@code EmbeddedPostgresConfiguration} does, writes a row, says
 * {@code READY <postmaster PID>} and waits to be killed.
 */
final class AbandonedServerChild {

	private AbandonedServerChild() {
	}

	public static void main(String[] args) throws Exception {
		Path directory = Path.of(args[0]);
		EmbeddedPostgresServer server = EmbeddedPostgresServer.obtain(directory, false, true);
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
				Statement sql = connection.createStatement()) {
			sql.execute("create table if not exists kept (note text not null)");
			sql.execute("insert into kept values ('written before the kill')");
		}
		String pid = java.nio.file.Files.readAllLines(directory.resolve("postmaster.pid")).get(0).strip();
		System.out.println("READY " + pid);
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
