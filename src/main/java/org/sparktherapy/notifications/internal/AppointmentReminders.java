package org.sparktherapy.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.sparktherapy.children.Children;
import org.sparktherapy.platform.SparkProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Reminds the therapist and the guardians of an appointment a day before it starts. Every
 * minute one node (ShedLock) looks for scheduled appointments starting within
 * {@link #AHEAD}; each reminder first claims its row in {@code appointment_reminders}
 * (appointment, start time) in the same transaction as the notifications, so it is sent
 * once even if two runs overlap after a lock expired, and a moved appointment is reminded
 * again for its new time. The claim re-reads the appointment: one cancelled or moved
 * since it was selected is not reminded (the row lock of a concurrent cancel or move
 * makes the claim wait for it and see its outcome).
 */
@Component
class AppointmentReminders {

	static final Duration AHEAD = Duration.ofHours(24);

	private final AppointmentTable appointments;

	private final Children children;

	private final Notifier notifier;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final DateTimeFormatter when;

	AppointmentReminders(AppointmentTable appointments, Children children, Notifier notifier, JdbcClient jdbc,
			TransactionOperations transactions, Clock clock, SparkProperties spark) {
		this.appointments = appointments;
		this.children = children;
		this.notifier = notifier;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.when = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH).withZone(spark.clinicTimeZone());
	}

	@Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT1M")
	@SchedulerLock(name = "appointment-reminders", lockAtMostFor = "PT5M", lockAtLeastFor = "PT20S")
	public void run() {
		remind(this.clock.instant());
	}

	/**
	 * Sends the reminders due at {@code now}; returns how many appointments were reminded
	 * by this call.
	 */
	int remind(Instant now) {
		List<AppointmentTable.Row> due = this.appointments.dueForReminder(now, now.plus(AHEAD));
		int reminded = 0;
		for (AppointmentTable.Row appointment : due) {
			if (Boolean.TRUE.equals(this.transactions.execute(status -> remind(appointment, now)))) {
				reminded++;
			}
		}
		return reminded;
	}

	/**
	 * Claims and sends one appointment's reminder, inside the caller's transaction; false
	 * when it is not due any more.
	 */
	boolean remind(AppointmentTable.Row appointment, Instant now) {
		int claimed = this.jdbc.sql("""
				insert into appointment_reminders (appointment_id, starts_at, sent_at)
				select appointment_id, starts_at, :now from appointment_facts
				where appointment_id = :id and status = 'scheduled' and starts_at = :startsAt for share
				on conflict do nothing
				""")
			.param("id", appointment.id())
			.param("startsAt", Timestamp.from(appointment.startsAt()))
			.param("now", Timestamp.from(now))
			.update();
		if (claimed == 0) {
			return false;
		}
		// the claim locked the appointment: its therapist now is the one to remind (it
		// may have been moved to another)
		appointment = this.appointments.find(appointment.id()).orElse(appointment);
		String source = appointment.id() + "@" + appointment.startsAt();
		// a moved appointment's new reminder takes the place of the old one
		Notification.Subject subject = NotificationListeners.appointmentSubject(appointment.id(), null);
		String title = "Reminder: " + NotificationListeners.names(this.children, appointment.childId())
				+ "'s appointment on " + this.when.format(appointment.startsAt());
		this.notifier.notify(List.of(appointment.therapistId()),
				new Notification.Draft(NotificationKind.APPOINTMENT_REMINDER, source, subject, title,
						NotificationListeners.THERAPIST_SCHEDULE, now));
		this.notifier.notify(this.children.peopleOf(appointment.childId()).guardians(),
				new Notification.Draft(NotificationKind.APPOINTMENT_REMINDER, source, subject, title,
						NotificationListeners.GUARDIAN_SCHEDULE, now));
		return true;
	}

}
