package org.sparktherapy.platform.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL left running by an app that died without shutting down
 * ({@code kill -9}, an out-of-memory kill): it keeps its data directory's
 * {@code postmaster.pid}, so the next start's server refuses to start and zonky reports
 * "Gave up waiting for server to start". Before starting, such a server is stopped, but
 * only when all of these hold:
 * <ul>
 * <li>{@code postmaster.pid} names a live process whose program is {@code postgres} and
 * whose working directory is this data directory (a postmaster runs in its data
 * directory), so no other PostgreSQL and no unrelated process that reused the PID is ever
 * signalled;</li>
 * <li>no live process holds zonky's {@code epg-lock} of that directory (the JVM that
 * started the server holds it while it runs; the kernel releases it when that JVM dies),
 * so the server of another running app on the same directory is never stopped: that start
 * fails with a message instead.</li>
 * </ul>
 * It is stopped with SIGTERM (PostgreSQL's smart shutdown: the dead app's connections are
 * gone already), then SIGINT (fast shutdown) if it has not stopped after a while; both
 * are clean shutdowns that leave a consistent directory.
 */
final class AbandonedServer {

	private static final Logger log = LoggerFactory.getLogger(AbandonedServer.class);

	/** zonky's lock file in the data directory, held by the JVM running the server. */
	static final String ZONKY_LOCK = "epg-lock";

	private static final Duration SMART = Duration.ofSeconds(20);

	private static final Duration FAST = Duration.ofSeconds(40);

	private AbandonedServer() {
	}

	static void stopIfAbandoned(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> postmaster = postmasterOf(directory, pidFile);
		if (postmaster.isEmpty()) {
			// a dead server's file: PostgreSQL itself sees that its PID is gone
			return;
		}
		long pid = postmaster.get().pid();
		try (FileChannel channel = FileChannel.open(directory.resolve(ZONKY_LOCK), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = tryLock(channel)) {
			if (lock == null) {
				throw new IllegalStateException("The embedded PostgreSQL in " + directory + " (PID " + pid
						+ ") belongs to another running process: stop that app first, or give this one another "
						+ "SPARK_DATA_DIR");
			}
			log.warn("Stopping the embedded PostgreSQL (PID {}) that an app which did not shut down left running "
					+ "in {}", pid, directory);
			postmaster.get().destroy();
			if (!exited(postmaster.get(), SMART)) {
				log.warn("It did not stop within {} s: asking for a fast shutdown (SIGINT)", SMART.toSeconds());
				signal("INT", pid);
				if (!exited(postmaster.get(), FAST)) {
					throw new IllegalStateException("The embedded PostgreSQL (PID " + pid + ") left running in "
							+ directory + " did not stop: stop it by hand (kill -INT " + pid + ") and start again");
				}
			}
			log.info("Stopped the abandoned embedded PostgreSQL (PID {})", pid);
		}
	}

	/**
	 * The live postmaster that {@code postmaster.pid} names, if it is a {@code postgres}
	 * running in {@code directory}.
	 */
	static Optional<ProcessHandle> postmasterOf(Path directory, Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
			return Optional.empty();
		}
		long pid = Long.parseLong(lines.get(0).strip());
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			return Optional.empty();
		}
		Path proc = Path.of("/proc", Long.toString(pid));
		try {
			String program = Files.readString(proc.resolve("comm"), StandardCharsets.UTF_8).strip();
			Path workingDirectory = proc.resolve("cwd").toRealPath();
			if (program.equals("postgres") && workingDirectory.equals(directory.toRealPath())) {
				return process;
			}
			log.warn("{} names PID {}, which is not a PostgreSQL of this directory ({} in {}): left alone", pidFile,
					pid, program, workingDirectory);
		}
		catch (IOException ex) {
			log.warn("{} names PID {}, which could not be inspected ({}): left alone", pidFile, pid, ex.toString());
		}
		return Optional.empty();
	}

	private static FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			// this JVM runs it: not abandoned
			return null;
		}
	}

	/**
	 * Whether the process ended within the time: gone, or a zombie (its parent is the
	 * init process once the app that started it died, and not every init reaps at once;
	 * {@link ProcessHandle#isAlive()} counts zombies as alive).
	 */
	private static boolean exited(ProcessHandle process, Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
		while (true) {
			if (!process.isAlive() || isZombie(stat)) {
				return true;
			}
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
	}

	private static boolean isZombie(Path stat) {
		try {
			String line = Files.readString(stat, StandardCharsets.UTF_8);
			// "pid (comm) S ...": the state follows the last ')'
			String state = line.substring(line.lastIndexOf(')') + 1).strip();
			return state.startsWith("Z") || state.startsWith("X");
		}
		catch (IOException | RuntimeException ex) {
			return true;
		}
	}

	private static void signal(String name, long pid) throws IOException {
		try {
			new ProcessBuilder("kill", "-s", name, Long.toString(pid)).inheritIO()
				.start()
				.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
