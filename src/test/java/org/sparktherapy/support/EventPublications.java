package org.sparktherapy.support;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * Waits for the asynchronous module listeners (Spring Modulith's event publication
 * registry): a publication is stored with the transaction that raised the event and
 * completed when its listener has run. A test that counts what listeners produce waits
 * here first, so events raised by its own set-up do not land in the middle of its counts.
 */
public final class EventPublications {

	private EventPublications() {
	}

	/**
	 * Waits until no publication of events whose type ends with {@code simpleName} is
	 * still incomplete.
	 */
	public static void awaitDelivered(JdbcClient jdbc, String simpleName) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("""
					select count(*) from event_publication
					where completion_date is null and event_type like :type""")
				.param("type", "%." + simpleName)
				.query(Long.class)
				.single() == 0);
	}

}
