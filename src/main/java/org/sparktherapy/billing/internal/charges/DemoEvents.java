package org.sparktherapy.billing.internal.charges;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For the demo seeding ({@code demo} profile): waits until billing's asynchronous
 * listeners have heard the events an earlier seeding step published, so the next step
 * sees what they made (charges from completed appointments, ledger postings from ready
 * charges). Reads Spring Modulith's event publication registry; gives up after the
 * timeout, leaving the demo with what arrived.
 */
public final class DemoEvents {

	private DemoEvents() {
	}

	/**
	 * Waits until no publication of an event whose simple class name is one of
	 * {@code simpleNames} is incomplete, or until {@code timeout} passed.
	 */
	public static void awaitDelivered(JdbcClient jdbc, Duration timeout, String... simpleNames) {
		Instant until = Instant.now().plus(timeout);
		while (Instant.now().isBefore(until) && pending(jdbc, List.of(simpleNames)) > 0) {
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static long pending(JdbcClient jdbc, List<String> simpleNames) {
		return jdbc.sql("""
				select count(*) from event_publication
				where completion_date is null
				  and substring(event_type from '[^.$]+$') in (:names)""")
			.param("names", simpleNames)
			.query(Long.class)
			.single();
	}

}
