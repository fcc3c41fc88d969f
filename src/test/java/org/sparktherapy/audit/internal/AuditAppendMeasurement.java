package org.sparktherapy.audit.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.sparktherapy.SparkTherapyApplication;
import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: a measurement (issue 16, ADR 0005). N threads each run transactions that
 * read one row and append one access-log entry through the real {@link AuditTrail}, on a
 * scratch database of the machine's PostgreSQL (127.0.0.1:5432), for a few seconds per
 * thread count; prints transactions per second and, when the log is sealed in the
 * background, how long the unsealed tail takes to drain afterwards.
 * <p>
 * Run from the project (JDK 21+):
 * {@code ./mvnw -q test-compile -DskipWeb && java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.sparktherapy.audit.internal.AuditAppendMeasurement}
 * after {@code ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt}.
 * Arguments: seconds per round (default 8), thread counts (default 1 4 16 64).
 */
public final class AuditAppendMeasurement {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private AuditAppendMeasurement() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = (args.length > 0) ? Integer.parseInt(args[0]) : 8;
		List<Integer> threadCounts = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			threadCounts.add(Integer.parseInt(args[i]));
		}
		if (threadCounts.isEmpty()) {
			threadCounts = List.of(1, 4, 16, 64);
		}
		String database = "spark_auditmeasure_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
				Statement sql = admin.createStatement()) {
			sql.execute("create database " + database);
		}
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SparkTherapyApplication.class)
			.profiles("test")
			.run("--spring.datasource.url=" + SERVER + database, "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--server.port=5151", "--management.server.port=5152",
					"--spark.data-dir=target/audit-measurement/" + database)) {
			AuditTrail trail = app.getBean(AuditTrail.class);
			TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			boolean sealed = jdbc.sql("""
					select count(*) from information_schema.columns
					where table_name = 'audit_log' and column_name = 'chain_seq'""").query(Long.class).single() > 0;
			System.out.printf("%nAudit append measurement, %d s per round, pool %s, sealed in background: %s%n",
					seconds, app.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size", "10"),
					sealed);
			round(trail, transaction, jdbc, 4, 3); // warm-up
			for (int threads : threadCounts) {
				long done = round(trail, transaction, jdbc, threads, seconds);
				String drain = "";
				if (sealed) {
					long start = System.nanoTime();
					long unsealedAtEnd = unsealed(jdbc);
					while (unsealed(jdbc) > 0) {
						Thread.sleep(20);
					}
					drain = String.format("  unsealed at end %6d, sealed all within %5d ms", unsealedAtEnd,
							Duration.ofNanos(System.nanoTime() - start).toMillis());
				}
				System.out.printf("threads %3d: %8.0f tx/s%s%n", threads, done / (double) seconds, drain);
			}
		}
		finally {
			try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
					Statement sql = admin.createStatement()) {
				sql.execute("drop database if exists " + database + " with (force)");
			}
		}
		// some of the application's threads outlive its context
		System.exit(0);
	}

	private static long round(AuditTrail trail, TransactionTemplate transaction, JdbcClient jdbc, int threads,
			int seconds) throws InterruptedException {
		LongAdder done = new LongAdder();
		AtomicBoolean stop = new AtomicBoolean();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			UUID child = UUID.randomUUID();
			workers.add(Thread.ofPlatform().start(() -> {
				while (!stop.get()) {
					transaction.executeWithoutResult((status) -> {
						jdbc.sql("select count(*) from audit_log where child_id = :c and false")
							.param("c", child)
							.query(Long.class)
							.single();
						trail.success(new PhiAccess("read", "child", child, child));
					});
					done.increment();
				}
			}));
		}
		Thread.sleep(seconds * 1000L);
		stop.set(true);
		for (Thread worker : workers) {
			worker.join();
		}
		return done.sum();
	}

	private static long unsealed(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from audit_log where chain_seq is null").query(Long.class).single();
	}

}
