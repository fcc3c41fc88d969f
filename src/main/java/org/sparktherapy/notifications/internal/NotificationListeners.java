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
import org.sparktherapy.messaging.ConversationRead;
import org.sparktherapy.messaging.MessagePosted;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.programs.TargetMastered;
import org.sparktherapy.reporting.SupervisionBelowRequirement;
import org.sparktherapy.realtime.LiveEvents;
import org.sparktherapy.scheduling.AppointmentBooked;
import org.sparktherapy.scheduling.AppointmentCancelled;
import org.sparktherapy.scheduling.AppointmentChangeDecided;
import org.sparktherapy.scheduling.AppointmentChangeRequested;
import org.sparktherapy.scheduling.AppointmentMoved;
import org.sparktherapy.sessions.SessionCoSigned;
import org.sparktherapy.sessions.SessionSubmitted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * One small method per event that concerns people: whom to tell, about what (the source
 * key that makes a repeated delivery harmless), in which words and with which link. Each
 * runs after the publisher's commit, in a transaction of its own, and its publication
 * stays in the registry until it succeeds. Titles name the child as "Ava C." and carry a
 * time at most — no full name, no clinical text; mails carry even less (see
 * {@link NotificationKind}). Each notice names its subject, so a later event about the
 * same thing updates the standing notice, and the events that finish a task
 * ({@link SessionCoSigned}, {@link AppointmentChangeDecided}) resolve its notices for
 * everyone who got them.
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

	private final DateTimeFormatter day;

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
		this.day = DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.ENGLISH).withZone(spark.clinicTimeZone());
	}

	/**
	 * One standing notice per conversation: a new message updates it rather than piling
	 * up.
	 */
	@ApplicationModuleListener
	void on(MessagePosted event) {
		Set<UUID> recipients = new LinkedHashSet<>(event.recipientIds());
		recipients.remove(event.authorId());
		String title = "New message from " + person(event.authorId())
				+ ((event.childId() != null) ? " about " + name(event.childId()) : "");
		this.notifier.notify(recipients,
				new Notification.Draft(NotificationKind.NEW_MESSAGE, event.messageId().toString(),
						new Notification.Subject("conversation", event.conversationId()), title,
						"/messages/" + event.conversationId(), event.postedAt()));
	}

	/**
	 * Reading a conversation (in the messages screen, or by writing in it) reads its
	 * message notice, unless the notice is about a newer message.
	 */
	@ApplicationModuleListener
	void on(ConversationRead event) {
		this.notifier.markRead(event.readerId(), NotificationKind.NEW_MESSAGE,
				new Notification.Subject("conversation", event.conversationId()), event.upTo(), this.clock.instant());
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
			title = possessive(event.childId()) + " weekly appointments booked, starting " + this.when.format(first);
		}
		else {
			source = event.appointmentId().toString();
			title = possessive(event.childId()) + " appointment booked for " + this.when.format(event.startsAt());
		}
		appointmentNotice(NotificationKind.APPOINTMENT_BOOKED, event.appointmentId(), event.childId(),
				event.therapistId(), actor, source, appointmentSubject(event.appointmentId(), event.seriesId()), title,
				"booked", this.clock.instant());
	}

	/**
	 * One notice per person and move, however many occurrences of a series moved together
	 * (the source key is the move's id); the open apps still hear of every occurrence.
	 * When the therapist changed, the previous one is told too — that it moved to another
	 * therapist, with the time at most — and their open schedule refreshed.
	 */
	@ApplicationModuleListener
	void on(AppointmentMoved event) {
		// a publication stored before moves carried an id reads back without one: key it
		// by appointment and start
		String source = (event.moveId() != null) ? "move:" + event.moveId()
				: event.appointmentId() + "@" + event.startsAt();
		String title;
		if (event.occurrences() > 1) {
			Instant first = (event.seriesId() != null)
					? this.appointments.firstStartOfSeries(event.seriesId()).orElse(event.startsAt())
					: event.startsAt();
			title = possessive(event.childId()) + " " + event.occurrences() + " weekly appointments moved, starting "
					+ this.when.format(first);
		}
		else {
			title = possessive(event.childId()) + " appointment moved to " + this.when.format(event.startsAt());
		}
		Instant now = this.clock.instant();
		Notification.Subject subject = appointmentSubject(event.appointmentId(),
				(event.occurrences() > 1) ? event.seriesId() : null);
		appointmentNotice(NotificationKind.APPOINTMENT_MOVED, event.appointmentId(), event.childId(),
				event.therapistId(), null, source, subject, title, "moved", now);
		UUID previous = event.previousTherapistId();
		if (previous != null && !previous.equals(event.therapistId())) {
			String away = possessive(event.childId()) + ((event.occurrences() > 1)
					? " " + event.occurrences() + " weekly appointments moved to another therapist"
					: " appointment on " + this.when.format(event.previousStartsAt()) + " moved to another therapist");
			this.notifier.notify(List.of(previous), new Notification.Draft(NotificationKind.APPOINTMENT_MOVED, source,
					subject, away, THERAPIST_SCHEDULE, now));
			this.live.publish(List.of(previous), "appointment.changed",
					Map.of("appointmentId", event.appointmentId(), "change", "moved"));
		}
	}

	@ApplicationModuleListener
	void on(AppointmentCancelled event) {
		UUID actor = this.appointments.find(event.appointmentId()).map(AppointmentTable.Row::cancelledBy).orElse(null);
		// several occurrences cancelled together make one notice, keyed by the
		// cancellation
		String source = (event.cancellationId() != null) ? "cancel:" + event.cancellationId()
				: event.appointmentId().toString();
		String title;
		Notification.Subject subject;
		if (event.occurrences() > 1) {
			title = possessive(event.childId()) + " " + event.occurrences() + " weekly appointments cancelled, from "
					+ this.when.format(event.firstStartsAt());
			// the occurrences cancelled together: their notice is about the cancellation
			subject = (event.cancellationId() != null)
					? new Notification.Subject("cancellation", event.cancellationId())
					: appointmentSubject(event.appointmentId(), null);
		}
		else {
			title = possessive(event.childId()) + " appointment on " + this.when.format(event.startsAt())
					+ " cancelled";
			subject = appointmentSubject(event.appointmentId(), null);
		}
		appointmentNotice(NotificationKind.APPOINTMENT_CANCELLED, event.appointmentId(), event.childId(),
				event.therapistId(), actor, source, subject, title, "cancelled", event.at());
	}

	/**
	 * The clinic's admins decide therapists' proposed changes: each is told of a new one
	 * (a task).
	 */
	@ApplicationModuleListener
	void on(AppointmentChangeRequested event) {
		this.notifier.notify(this.accounts.activeWithRole(Role.ADMIN),
				new Notification.Draft(NotificationKind.CHANGE_REQUESTED, event.requestId().toString(),
						Notification.Subject.changeRequest(event.requestId()), "Change proposed: "
								+ name(event.childId()) + "'s appointment to " + this.when.format(event.startsAt()),
						"/schedule", event.requestedAt()));
	}

	/**
	 * Once a proposed change is settled — by any admin, or withdrawn — no admin has it to
	 * decide any more: their notices are resolved. The proposer hears an admin's
	 * decision; withdrawing is their own act and tells nobody.
	 */
	@ApplicationModuleListener
	void on(AppointmentChangeDecided event) {
		this.notifier.resolve(NotificationKind.CHANGE_REQUESTED, Notification.Subject.changeRequest(event.requestId()),
				event.decidedAt());
		if ("withdrawn".equals(event.outcome())) {
			return;
		}
		this.notifier
			.notify(List.of(event.requestedBy()),
					new Notification.Draft(NotificationKind.CHANGE_DECIDED, event.requestId().toString(),
							Notification.Subject.changeRequest(event.requestId()), "Your proposed change to "
									+ name(event.childId()) + "'s appointment was " + event.outcome(),
							"/schedule", event.decidedAt()));
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
						Notification.Subject.session(event.sessionId()),
						possessive(event.childId()) + " session note of " + this.day.format(event.at()) + " with "
								+ person(event.therapistId()) + " is waiting for your signature",
						"/sessions/" + event.sessionId(), event.at()));
	}

	/**
	 * One guardian's signature is the session's: every guardian's request to sign it is
	 * resolved.
	 */
	@ApplicationModuleListener
	void on(SessionCoSigned event) {
		this.notifier.resolve(NotificationKind.SIGNATURE_REQUESTED, Notification.Subject.session(event.sessionId()),
				event.at());
	}

	/**
	 * A supervisor keeps one standing mastery notice per child: the latest mastery
	 * updates it.
	 */
	@ApplicationModuleListener
	void on(TargetMastered event) {
		this.notifier.notify(this.children.peopleOf(event.childId()).supervisors(),
				new Notification.Draft(NotificationKind.TARGET_MASTERED, event.targetId().toString(),
						new Notification.Subject("child", event.childId()),
						capitalized(name(event.childId())) + " mastered a target on " + this.day.format(event.at()),
						"/programs/" + event.programId(), event.at()));
	}

	/**
	 * Admins hear when an authorization comes to run out, and when the schedule goes over
	 * it (billing decides): one standing notice per authorization, updated and unread
	 * again at each escalation.
	 */
	@ApplicationModuleListener
	void on(AuthorizationRunningOut event) {
		String state = event.over() ? "over" : "running_out";
		String authorization = name(event.childId()) + "'s authorization for " + event.serviceCode().code();
		this.notifier.notify(this.accounts.activeWithRole(Role.ADMIN),
				new Notification.Draft(NotificationKind.AUTHORIZATION_RUNNING_OUT,
						event.authorizationId() + ":" + state + "@" + event.at().toEpochMilli(),
						new Notification.Subject("authorization", event.authorizationId()),
						event.over() ? "The schedule goes over " + authorization
								: capitalized(authorization) + " is running out (80 % committed)",
						"/children/" + event.childId(), event.at()));
	}

	/**
	 * Admins and the technician's supervisors (those on the care teams the technician is
	 * on) hear, once per month, that a technician's supervision so far is below the
	 * BACB's minimum (reporting decides, from the 15th).
	 */
	@ApplicationModuleListener
	void on(SupervisionBelowRequirement event) {
		Set<UUID> recipients = new LinkedHashSet<>(this.accounts.activeWithRole(Role.ADMIN));
		this.children.caseload(event.technicianId())
			.forEach(child -> recipients.addAll(this.children.peopleOf(child.id()).supervisors()));
		recipients.remove(event.technicianId());
		String month = event.month()
			.getMonth()
			.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
		String below = String.join(", ", event.shortfalls().stream().map(NotificationListeners::shortfall).toList());
		this.notifier
			.notify(recipients,
					new Notification.Draft(NotificationKind.SUPERVISION_BELOW,
							event.technicianId() + "@" + event.month(),
							new Notification.Subject("technician_supervision", event.technicianId()),
							capitalized(person(event.technicianId())) + "'s supervision in " + month
									+ " is below the BACB minimum so far: " + below,
							"/reports#supervision", event.at()));
	}

	private static String shortfall(String rule) {
		return switch (rule) {
			case "share" -> "under 5 % supervised";
			case "contacts" -> "fewer than 2 contacts";
			case "individual" -> "no individual contact";
			case "with_child" -> "no observation with a child";
			default -> rule;
		};
	}

	@ApplicationModuleListener
	void on(PasswordChanged event) {
		this.notifier.notify(List.of(event.accountId()), new Notification.Draft(NotificationKind.PASSWORD_CHANGED,
				event.at().toString(), "Your password was changed", "/profile", event.at()));
	}

	/**
	 * One notice per kind of device and month: the source key is the coarse device
	 * description and the month, so the many sign-ins of one browser or app stay quiet
	 * and a sign-in from another kind of device is told.
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
	 * Tells the appointment's therapist and the child's guardians — not whoever did it —
	 * and pings their open apps with {@code appointment.changed}.
	 */
	void appointmentNotice(NotificationKind kind, UUID appointmentId, UUID childId, UUID therapistId, UUID actor,
			String source, Notification.Subject subject, String title, String change, Instant at) {
		Set<UUID> therapist = new LinkedHashSet<>(List.of(therapistId));
		Set<UUID> guardians = new LinkedHashSet<>(this.children.peopleOf(childId).guardians());
		if (actor != null) {
			therapist.remove(actor);
			guardians.remove(actor);
		}
		this.notifier.notify(therapist, new Notification.Draft(kind, source, subject, title, THERAPIST_SCHEDULE, at));
		this.notifier.notify(guardians, new Notification.Draft(kind, source, subject, title, GUARDIAN_SCHEDULE, at));
		Set<UUID> everyone = new LinkedHashSet<>(therapist);
		everyone.addAll(guardians);
		this.live.publish(everyone, "appointment.changed", Map.of("appointmentId", appointmentId, "change", change));
	}

	/** A weekly series' notice is about the series, any other about the appointment. */
	static Notification.Subject appointmentSubject(UUID appointmentId, UUID seriesId) {
		return (seriesId != null) ? new Notification.Subject("series", seriesId)
				: new Notification.Subject("appointment", appointmentId);
	}

	/**
	 * A person of the clinic by their account's name (staff and guardians are not
	 * clinical data).
	 */
	String person(UUID accountId) {
		return this.accounts.findById(accountId).map(org.sparktherapy.identity.AccountSummary::name).orElse("someone");
	}

	/** The child as notices name it, "Ava C." ("a child" when unknown). */
	String name(UUID childId) {
		return names(this.children, childId);
	}

	/** "Ava C.'s", or "A child's" when the child is unknown: the start of a title. */
	String possessive(UUID childId) {
		return possessive(this.children, childId);
	}

	static String names(Children children, UUID childId) {
		return ((childId != null) ? children.shortName(childId) : java.util.Optional.<String>empty()).orElse("a child");
	}

	static String possessive(Children children, UUID childId) {
		return capitalized(names(children, childId) + "'s");
	}

	static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
