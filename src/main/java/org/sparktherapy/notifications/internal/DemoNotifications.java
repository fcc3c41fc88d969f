package org.sparktherapy.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sparktherapy.platform.DemoData;

import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's notifications come from the real listeners, fed by the events the
 * other demo seeders cause (weekly series booked, weeks of submitted sessions — the older
 * ones co-signed, which resolves their notices —, automatic masteries, messages), so they
 * name the child ("Ava C.") and keep one standing notice per subject. Once those are
 * handled, this marks everything older than {@link #KEPT_UNREAD} read, as people who use
 * the app would have, so the bell shows the recent few.
 */
@Component
@Profile("demo")
@Order(90)
class DemoNotifications implements DemoData {

	static final Duration KEPT_UNREAD = Duration.ofDays(3);

	private static final Logger log = LoggerFactory.getLogger(DemoNotifications.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoNotifications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void seed() {
		Thread.ofVirtual().name("demo-notifications").start(this::markOldOnesRead);
	}

	void markOldOnesRead() {
		try {
			Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
			while (Instant.now().isBefore(deadline)
					&& this.jdbc.sql("select count(*) from event_publication where completion_date is null")
						.query(Long.class)
						.single() > 0) {
				Thread.sleep(500);
			}
			Instant now = this.clock.instant();
			int read = this.jdbc.sql("""
					update notifications set read_at = created_at + interval '1 hour'
					where read_at is null and created_at < :before
					""").param("before", Timestamp.from(now.minus(KEPT_UNREAD))).update();
			if (read > 0) {
				log.info("Demo clinic: {} older notifications marked read", read);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("Demo clinic: notifications left unread ({})", ex.getClass().getSimpleName());
		}
	}

}
