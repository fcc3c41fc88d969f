package org.sparktherapy.platform.metrics;

import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scrape of database gauges neither hangs nor throws when the database does not answer.
 */
class QueryGaugesTests {

	@Test
	void aDatabaseThatNeverAnswersReadsAsNaNWithinHalfASecond() throws Exception {
		List<Socket> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
		// a server that accepts connections and never says a word (a hung database host)
		try (ServerSocket silent = new ServerSocket(0)) {
			Thread.ofVirtual().start(() -> {
				try {
					while (true) {
						accepted.add(silent.accept());
					}
				}
				catch (java.io.IOException ex) {
					// closed at the end of the test
				}
			});
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setUrl("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/nothing");
			dataSource.setUser("postgres");
			JdbcClient jdbc = JdbcClient.create(dataSource);
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			new QueryGauges<>("a silent database", () -> jdbc.sql("select 1").query(Long.class).single(),
					Duration.ofSeconds(10))
				.gauge(meters, "test.rows", "rows", null, Long::doubleValue);

			long start = System.nanoTime();
			double first = meters.get("test.rows").gauge().value();
			double second = meters.get("test.rows").gauge().value();
			Duration took = Duration.ofNanos(System.nanoTime() - start);

			assertThat(first).isNaN();
			assertThat(second).isNaN();
			assertThat(took).isLessThan(Duration.ofSeconds(1));
		}
		finally {
			for (Socket socket : accepted) {
				socket.close();
			}
		}
	}

	@Test
	void aFailedQueryReadsAsNaNAndTheNextGoodOneAsItsValue() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		QueryGauges<Long> gauges = new QueryGauges<>("a flaky database", () -> {
			if (calls.incrementAndGet() == 1) {
				throw new org.springframework.dao.DataAccessResourceFailureException("down");
			}
			return 7L;
		}, Duration.ZERO);

		assertThat(gauges.read(Long::doubleValue)).isNaN();
		assertThat(gauges.read(Long::doubleValue)).isEqualTo(7.0);
	}

	@Test
	void aFreshReadingIsReusedWithoutAnotherQuery() {
		AtomicInteger calls = new AtomicInteger();
		QueryGauges<Long> gauges = new QueryGauges<>("a database", () -> (long) calls.incrementAndGet(),
				Duration.ofMinutes(1));

		assertThat(gauges.read(Long::doubleValue)).isEqualTo(1.0);
		assertThat(gauges.read(Long::doubleValue)).isEqualTo(1.0);
		assertThat(calls).hasValue(1);
	}

}
