package org.sparktherapy.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.billing.AuthorizationRunningOut;
import org.sparktherapy.children.Children;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.PasswordChanged;
import org.sparktherapy.identity.Role;
import org.sparktherapy.identity.SignedIn;
import org.sparktherapy.messaging.MessagePosted;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.programs.TargetMastered;
import org.sparktherapy.realtime.LiveEvents;
import org.sparktherapy.scheduling.AppointmentBooked;
import org.sparktherapy.scheduling.AppointmentCancelled;
import org.sparktherapy.scheduling.AppointmentChangeDecided;
import org.sparktherapy.scheduling.AppointmentChangeRequested;
import org.sparktherapy.scheduling.AppointmentMoved;
import org.sparktherapy.sessions.SessionSubmitted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * One small method per event that concerns people: whom to tell, about what (the source key that makes a repeated
 * delivery harmless), in which words and with which link. Each runs after the publisher's commit, in a transaction
 * of its own, and its publication stays in the registry until it succeeds. Titles carry a time at most — no child's
 * name, no clinical text; mails carry even less (see {@link NotificationKind}).
 */
@Component
class NotificationListeners {

	static final String THERAPIST_SCHEDULE = "/schedule";

	static final String GUARDIAN_SCHEDULE = "/schedule/upcoming";

	private final Notifier notifier;

	private final Children children;

	private final AppointmentTable appointments;

	private final LiveEvents live;

	private final DateTimeFormatter when;

	private final Clock clock;

	private final Accounts accounts;

	NotificationListeners(Notifier notifier, Children children, AppointmentTable appointments, LiveEvents live,
			SparkProperties spark, Clock clock, Accounts accounts) {
		this.accounts = accounts;
		this.clock = clock;
		this.notifier = notifier;
		this.children = children;
		this.appointments = appointments;
		this.live = live;
		this.when = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", java.util.Locale.ENGLISH)
			.withZone(spark.clinicTimeZone());
	}

	@ApplicationModuleListener
	void on(MessagePosted event) {
		Set<UUID> recipients = new LinkedHashSet<>(event.recipientIds());
		recipients.remove(event.authorId());
		this.notifier.notify(recipients, new Notification.Draft(NotificationKind.NEW_MESSAGE,
				event.messageId().toString(), "New message", "/messages/" + event.conversationId(), event.postedAt()));
	}

	@ApplicationModuleListener
	void on(AppointmentBooked event) {
		UUID actor = this.appointments.find(event.appointmentId()).map(AppointmentTable.Row::createdBy).orElse(null);
		String source;
		String title;
		if (event.seriesId() != null) {
			// one notice for a whole weekly series, not one per occurrence
			Instant first = this.appointments.firstStartOfSeries(event.seriesId()).orElse(event.startsAt());
			source = "series:" + event.seriesId();
			title = "Weekly appointments booked, starting " + this.when.format(first);
		}
		else {
			source = event.appointmentId().toString();
			title = "Appointment booked for " + this.when.format(event.startsAt());
		}
		appointmentNotice(NotificationKind.APPOINTMENT_BOOKED, event.appointmentId(), event.childId(),
				event.therapistId(), actor, source, title, "booked", this.clock.instant());
	}

	/**
	 * One notice per person and move, however many occurrences of a series moved together (the source key is the
	 * move's id); the open apps still hear of every occurrence. When the therapist changed, the previous one is told
	 * too — that it moved to another therapist, with the time at most — and their open schedule refreshed.
	 */
	@ApplicationModuleListener
	void on(AppointmentMoved event) {
		// a publication stored before moves carried an id reads back without one: key it by appointment and start
		String source = (event.moveId() != null) ? "move:" + event.moveId()
				: event.appointmentId() + "@" + event.startsAt();
		String title;
		if (event.occurrences() > 1) {
			Instant first = (event.seriesId() != null)
					? this.appointments.firstStartOfSeries(event.seriesId()).orElse(event.startsAt())
					: event.startsAt();
			title = event.occurrences() + " weekly appointments moved, starting " + this.when.format(first);
		}
		else {
			title = "Appointment moved to " + this.when.format(event.startsAt());
		}
		Instant now = this.clock.instant();
		appointmentNotice(NotificationKind.APPOINTMENT_MOVED, event.appointmentId(), event.childId(),
				event.therapistId(), null, source, title, "moved", now);
		UUID previous = event.previousTherapistId();
		if (previous != null && !previous.equals(event.therapistId())) {
			String away = (event.occurrences() > 1)
					? event.occurrences() + " weekly appointments moved to another therapist"
					: "Appointment on " + this.when.format(event.previousStartsAt()) + " moved to another therapist";
			this.notifier.notify(List.of(previous), new Notification.Draft(NotificationKind.APPOINTMENT_MOVED, source,
					away, THERAPIST_SCHEDULE, now));
			this.live.publish(List.of(previous), "appointment.changed",
					Map.of("appointmentId", event.appointmentId(), "change", "moved"));
		}
	}

	@ApplicationModuleListener
	void on(AppointmentCancelled event) {
		UUID actor = this.appointments.find(event.appointmentId())
			.map(AppointmentTable.Row::cancelledBy)
			.orElse(null);
		// several occurrences cancelled together make one notice, keyed by the cancellation
		String source = (event.cancellationId() != null) ? "cancel:" + event.cancellationId()
				: event.appointmentId().toString();
		String title;
		if (event.occurrences() > 1) {
			title = event.occurrences() + " weekly appointments cancelled, from "
					+ this.when.format(event.firstStartsAt());
		}
		else {
			title = "Appointment on " + this.when.format(event.startsAt()) + " cancelled";
		}
		appointmentNotice(NotificationKind.APPOINTMENT_CANCELLED, event.appointmentId(), event.childId(),
				event.therapistId(), actor, source, title, "cancelled", event.at());
	}

	/** The clinic's admins decide therapists' proposed changes: each is told of a new one. */
	@ApplicationModuleListener
	void on(AppointmentChangeRequested event) {
		this.notifier.notify(this.accounts.activeWithRole(Role.ADMIN),
				new Notification.Draft(NotificationKind.CHANGE_REQUESTED, event.requestId().toString(),
						"Change proposed: appointment to " + this.when.format(event.startsAt()), "/schedule",
						event.requestedAt()));
	}

	/** The proposer hears an admin's decision; withdrawing is their own act and tells nobody. */
	@ApplicationModuleListener
	void on(AppointmentChangeDecided event) {
		if ("withdrawn".equals(event.outcome())) {
			return;
		}
		this.notifier.notify(List.of(event.requestedBy()),
				new Notification.Draft(NotificationKind.CHANGE_DECIDED, event.requestId().toString(),
						"Your proposed change was " + event.outcome(), "/schedule", event.decidedAt()));
	}

	@ApplicationModuleListener
	void on(SessionSubmitted event) {
		List<UUID> signers = this.children.peopleOf(event.childId())
			.guardians()
			.stream()
			.filter(guardian -> this.children.maySignFor(new CurrentUser(guardian, Role.PARENT, null, null),
					event.childId()))
			.toList();
		this.notifier.notify(signers,
				new Notification.Draft(NotificationKind.SIGNATURE_REQUESTED, event.sessionId().toString(),
						"A session note is waiting for your signature", "/sessions/" + event.sessionId(), event.at()));
	}

	@ApplicationModuleListener
	void on(TargetMastered event) {
		this.notifier.notify(this.children.peopleOf(event.childId()).supervisors(),
				new Notification.Draft(NotificationKind.TARGET_MASTERED, event.targetId().toString(),
						"A target was mastered", "/programs/" + event.programId(), event.at()));
	}

	/** Admins hear when an authorization comes to run out, and when the schedule goes over it (billing decides). */
	@ApplicationModuleListener
	void on(AuthorizationRunningOut event) {
		String state = event.over() ? "over" : "running_out";
		this.notifier.notify(this.accounts.activeWithRole(Role.ADMIN),
				new Notification.Draft(NotificationKind.AUTHORIZATION_RUNNING_OUT,
						event.authorizationId() + ":" + state + "@" + event.at().toEpochMilli(),
						event.over() ? "The schedule goes over an authorization for " + event.serviceCode()
								: "An authorization for " + event.serviceCode() + " is running out (80 % committed)",
						"/children/" + event.childId(), event.at()));
	}

	@ApplicationModuleListener
	void on(PasswordChanged event) {
		this.notifier.notify(List.of(event.accountId()), new Notification.Draft(NotificationKind.PASSWORD_CHANGED,
				event.at().toString(), "Your password was changed", "/profile", event.at()));
	}

	/**
	 * One notice per kind of device and month: the source key is the coarse device description and the month, so
	 * the many sign-ins of one browser or app stay quiet and a sign-in from another kind of device is told.
	 */
	@ApplicationModuleListener
	void on(SignedIn event) {
		String month = java.time.YearMonth.from(event.at().atZone(this.when.getZone())).toString();
		this.notifier.notify(List.of(event.accountId()),
				new Notification.Draft(NotificationKind.NEW_SIGN_IN, "device:" + event.device() + "@" + month,
						"New sign-in: " + event.device() + ", " + this.when.format(event.at()), "/profile",
						event.at()));
	}

	/**
	 * Tells the appointment's therapist and the child's guardians — not whoever did it — and pings their open apps
	 * with {@code appointment.changed}.
	 */
	void appointmentNotice(NotificationKind kind, UUID appointmentId, UUID childId, UUID therapistId, UUID actor,
			String source, String title, String change, Instant at) {
		Set<UUID> therapist = new LinkedHashSet<>(List.of(therapistId));
		Set<UUID> guardians = new LinkedHashSet<>(this.children.peopleOf(childId).guardians());
		if (actor != null) {
			therapist.remove(actor);
			guardians.remove(actor);
		}
		this.notifier.notify(therapist, new Notification.Draft(kind, source, title, THERAPIST_SCHEDULE, at));
		this.notifier.notify(guardians, new Notification.Draft(kind, source, title, GUARDIAN_SCHEDULE, at));
		Set<UUID> everyone = new LinkedHashSet<>(therapist);
		everyone.addAll(guardians);
		this.live.publish(everyone, "appointment.changed", Map.of("appointmentId", appointmentId, "change", change));
	}

}
