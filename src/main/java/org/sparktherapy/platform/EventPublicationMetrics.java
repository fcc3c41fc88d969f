package org.sparktherapy.platform;

import java.time.Duration;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.sparktherapy.platform.metrics.QueryGauges;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The event publication backlog as gauges: publications not yet completed (a listener
 * still to run, running, or failed and waiting for {@link EventPublicationRetries}), how
 * many of them failed, and the age of the oldest. The same numbers on every node (one
 * registry); read on scrape, at most every 10 seconds, with one query on the
 * {@code completion_date} index.
 */
@Component
class EventPublicationMetrics {

	record Backlog(long incomplete, long failed, double oldestAgeSeconds) {
	}

	EventPublicationMetrics(DataSource dataSource, MeterRegistry meters) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setQueryTimeout(5);
		JdbcClient jdbc = JdbcClient.create(template);
		new QueryGauges<>("event publications", () -> jdbc.sql("""
				select count(*), count(*) filter (where status = 'FAILED'),
				       coalesce(extract(epoch from now() - min(publication_date)), 0)
				from event_publication where completion_date is null
				""").query((rs, row) -> new Backlog(rs.getLong(1), rs.getLong(2), rs.getDouble(3))).single(),
				Duration.ofSeconds(10))
			.gauge(meters, "spark.events.publications.incomplete",
					"Event publications whose listener has not completed (all nodes)", null, Backlog::incomplete)
			.gauge(meters, "spark.events.publications.failed",
					"Incomplete event publications whose listener failed (all nodes)", null, Backlog::failed)
			.gauge(meters, "spark.events.publications.oldest.age",
					"Age of the oldest incomplete event publication, 0 when none", "seconds",
					Backlog::oldestAgeSeconds);
	}

}
