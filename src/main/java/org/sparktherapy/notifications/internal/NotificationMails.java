package org.sparktherapy.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.platform.mail.Mailer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The mail channel: an outbox of mails written with their notification, sent after commit
 * on a thread of their own (never inside a transaction), and retried by a job when the
 * SMTP server failed — after 1, 5, 30 minutes and 2 hours; after {@value #MAX_ATTEMPTS}
 * failed attempts a mail is marked {@code failed} and left alone. Each attempt first
 * claims the mail by leasing it for ten minutes (by the database's clock) and keeps the
 * lease while sending, so two nodes never send the same mail at once; only a failed
 * attempt sets the next one by the backoff. The address is looked up when sending; logs
 * name the mail's id and kind, never the address.
 */
@Component
class NotificationMails {

	static final int MAX_ATTEMPTS = 5;

	/** How long a claimed mail is left to the node sending it before another may try. */
	static final Duration LEASE = Duration.ofMinutes(10);

	private static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(2));

	private static final Logger log = LoggerFactory.getLogger(NotificationMails.class);

	private final Executor background = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("notification-mail-", 0).factory());

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Mailer mailer;

	private final Clock clock;

	NotificationMails(JdbcClient jdbc, Accounts accounts, Mailer mailer, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.mailer = mailer;
		this.clock = clock;
	}

	/**
	 * Queues the notification's mail (inside the notification's transaction); returns the
	 * mail's id, or empty when a mail of this notification is still waiting (a notice
	 * updated before its mail went out is mailed once).
	 */
	java.util.Optional<UUID> queue(UUID notificationId) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		int queued = this.jdbc.sql("""
				insert into notification_mails (id, notification_id, status, attempts, next_attempt_at, created_at)
				values (:id, :notification, 'pending', 0, :now, :now)
				on conflict (notification_id) where status = 'pending' do nothing
				""").param("id", id).param("notification", notificationId).param("now", Timestamp.from(now)).update();
		return (queued == 1) ? java.util.Optional.of(id) : java.util.Optional.empty();
	}

	/**
	 * Sends the mails on a background thread (called after commit). Whatever goes wrong
	 * here (the node shutting down, the database away) leaves the mails pending for
	 * {@link #retryDue()}.
	 */
	void sendSoon(List<UUID> mailIds) {
		try {
			this.background.execute(() -> {
				try {
					mailIds.forEach(this::attempt);
				}
				catch (RuntimeException ex) {
					log.warn("Notification mails left for the retry job ({})", ex.getClass().getSimpleName());
				}
			});
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			log.warn("Notification mails left for the retry job (shutting down)");
		}
	}

	/**
	 * The scheduled job: retries the mails whose time has come, on one node at a time.
	 * ShedLock locks only methods that return nothing (it cannot invent a value for a
	 * skipped run), hence this entry point around {@link #retryDue()}.
	 */
	@Scheduled(initialDelayString = "${spark.notifications.mail-retry-every:PT1M}",
			fixedDelayString = "${spark.notifications.mail-retry-every:PT1M}")
	@SchedulerLock(name = "notification-mails", lockAtMostFor = "PT10M")
	public void retryDueMails() {
		int sent = retryDue();
		if (sent > 0) {
			log.info("Sent {} notification mails on retry", sent);
		}
	}

	/** Retries the mails whose time has come. Returns how many were sent. */
	int retryDue() {
		List<UUID> due = this.jdbc.sql("""
				select id from notification_mails where status = 'pending' and next_attempt_at <= now()
				order by next_attempt_at limit 200
				""").query(UUID.class).list();
		int sent = 0;
		for (UUID id : due) {
			if (attempt(id)) {
				sent++;
			}
		}
		return sent;
	}

	/**
	 * One attempt at one mail, outside any transaction; returns whether it was sent now.
	 * The claim leases the mail for {@link #LEASE} by the database's clock (nodes' clocks
	 * may differ), and the lease stands while sending, so a slow SMTP server never lets
	 * another node send it too; only a failed send sets the next attempt by the backoff.
	 */
	boolean attempt(UUID mailId) {
		var claimed = this.jdbc.sql("""
				update notification_mails m set attempts = m.attempts + 1,
				       next_attempt_at = now() + :lease * interval '1 second'
				from notifications n
				where m.id = :id and n.id = m.notification_id and m.status = 'pending' and m.next_attempt_at <= now()
				returning n.recipient_id, n.kind, n.link, m.attempts
				""")
			.param("id", mailId)
			.param("lease", LEASE.toSeconds())
			.query((rs,
					n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4) })
			.optional();
		if (claimed.isEmpty()) {
			return false;
		}
		Object[] row = claimed.get();
		int attempts = (Integer) row[3];
		NotificationKind kind = NotificationKind.of((String) row[1]).orElseThrow();
		AccountSummary recipient = this.accounts.findById((UUID) row[0]).filter(AccountSummary::active).orElse(null);
		if (recipient == null) {
			finish(mailId, "failed");
			return false;
		}
		try {
			String link = (row[2] != null) ? this.mailer.link((String) row[2]) : this.mailer.link("/");
			boolean sent = this.mailer.send(recipient.email(), kind.mailSubject(),
					kind.mailSentence() + "\n\nOpen: " + link + "\n\n"
							+ "You can choose which mails you receive under Profile → Notification settings.\n");
			if (!sent) {
				backOff(mailId, attempts);
				return false;
			}
			finish(mailId, "sent");
			return true;
		}
		catch (MailException ex) {
			log.warn("Notification mail {} ({}) failed, attempt {} of {}: {}", mailId, kind.value(), attempts,
					MAX_ATTEMPTS, ex.getClass().getSimpleName());
			if (attempts >= MAX_ATTEMPTS) {
				finish(mailId, "failed");
			}
			else {
				backOff(mailId, attempts);
			}
			return false;
		}
	}

	/**
	 * After a failed attempt: the next one waits by the backoff (from the database's
	 * now).
	 */
	private void backOff(UUID mailId, int attempts) {
		Duration wait = BACKOFF.get(Math.min(attempts, BACKOFF.size()) - 1);
		this.jdbc.sql("""
				update notification_mails set next_attempt_at = now() + :seconds * interval '1 second'
				where id = :id and status = 'pending'
				""").param("seconds", wait.toSeconds()).param("id", mailId).update();
	}

	private void finish(UUID mailId, String status) {
		this.jdbc.sql("update notification_mails set status = :status, sent_at = :now where id = :id")
			.param("status", status)
			.param("now", ("sent".equals(status)) ? Timestamp.from(this.clock.instant()) : null)
			.param("id", mailId)
			.update();
	}

}
