package org.sparktherapy.platform;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completed event publications are kept a week, then deleted; unfinished ones are never
 * deleted.
 */
@IntegrationTest
class EventPublicationCleanupIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventPublicationRetries retries;

	@Test
	void deletesCompletedPublicationsOlderThanAWeekAndKeepsTheRest() {
		Instant now = Instant.now();
		UUID old = insert(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
		UUID recent = insert(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
		UUID unfinished = insert(now.minus(Duration.ofDays(9)), null);

		this.retries.deleteOldCompleted();

		assertThat(exists(old)).as("completed 8 days ago").isFalse();
		assertThat(exists(recent)).as("completed yesterday").isTrue();
		assertThat(exists(unfinished)).as("never completed").isTrue();
		this.jdbc.sql("delete from event_publication where id in (:ids)")
			.param("ids", java.util.List.of(recent, unfinished))
			.update();
	}

	private UUID insert(Instant published, Instant completed) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
				    completion_date, status, completion_attempts)
				values (:id, 'test.listener', 'java.lang.String', :event, :published, :completed, :status, 1)
				""")
			.param("id", id)
			.param("event", "\"cleanup-" + id + "\"")
			.param("published", Timestamp.from(published))
			.param("completed", (completed != null) ? Timestamp.from(completed) : null, java.sql.Types.TIMESTAMP)
			.param("status", (completed != null) ? "COMPLETED" : "FAILED")
			.update();
		return id;
	}

	private boolean exists(UUID id) {
		return this.jdbc.sql("select exists (select 1 from event_publication where id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

}
