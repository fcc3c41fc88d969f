package org.sparktherapy.notifications.internal;

import java.time.Duration;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.sparktherapy.platform.metrics.QueryGauges;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mail outbox ({@link NotificationMails}) as gauges: mails waiting to be sent, those
 * of them that failed at least once, the age of the oldest waiting one, and the mails
 * given up after {@value NotificationMails#MAX_ATTEMPTS} failed attempts. The same
 * numbers on every node; read on scrape, at most every 10 seconds, with one query on the
 * outbox's partial indexes (V12, V61).
 */
@Component
class NotificationMailMetrics {

	record Outbox(long waiting, long retrying, double oldestAgeSeconds, long givenUp) {
	}

	NotificationMailMetrics(DataSource dataSource, MeterRegistry meters) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setQueryTimeout(5);
		JdbcClient jdbc = JdbcClient.create(template);
		new QueryGauges<>("the mail outbox",
				() -> jdbc.sql("""
						select count(*), count(*) filter (where attempts > 0),
						       coalesce(extract(epoch from now() - min(created_at)), 0),
						       (select count(*) from notification_mails where status = 'failed' and attempts >= :max)
						from notification_mails where status = 'pending'
						""")
					.param("max", NotificationMails.MAX_ATTEMPTS)
					.query((rs, row) -> new Outbox(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getLong(4)))
					.single(),
				Duration.ofSeconds(10))
			.gauge(meters, "spark.mail.outbox.waiting", "Notification mails waiting to be sent (all nodes)", null,
					Outbox::waiting)
			.gauge(meters, "spark.mail.outbox.retrying",
					"Waiting notification mails whose earlier attempts failed (all nodes)", null, Outbox::retrying)
			.gauge(meters, "spark.mail.outbox.oldest.age",
					"Age of the oldest notification mail waiting to be sent, 0 when none", "seconds",
					Outbox::oldestAgeSeconds)
			.gauge(meters, "spark.mail.outbox.given.up",
					"Notification mails given up after every attempt failed (ever; all nodes)", null, Outbox::givenUp);
	}

}
