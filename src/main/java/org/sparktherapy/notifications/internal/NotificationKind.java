package org.sparktherapy.notifications.internal;

import java.util.Optional;

/**
 * What a notification is about, with its defaults per channel. A mail says only
 * {@link #mailSentence()} and a link: no clinical data, no names.
 *
 * @param value the API and database name
 * @param label what the preferences screen calls it
 * @param inApp whether the centre shows it unless the user turned it off
 * @param email whether it is mailed unless the user turned it off
 * @param emailRequired account security: mailed always, the user cannot turn it off
 */
enum NotificationKind {

	NEW_MESSAGE("new_message", "New messages", true, false, false, "You have a new message in SPARKTherapy."),
	APPOINTMENT_BOOKED("appointment_booked", "Appointments booked", true, true, false,
			"An appointment was booked for you in SPARKTherapy."),
	APPOINTMENT_MOVED("appointment_moved", "Appointments moved", true, true, false,
			"One of your appointments in SPARKTherapy was moved."),
	APPOINTMENT_CANCELLED("appointment_cancelled", "Appointments cancelled", true, true, false,
			"One of your appointments in SPARKTherapy was cancelled."),
	CHANGE_REQUESTED("change_requested", "Appointment changes proposed by therapists (admins)", true, false, false,
			"A therapist proposed an appointment change in SPARKTherapy."),
	CHANGE_DECIDED("change_decided", "Decisions on the changes you proposed", true, false, false,
			"A change you proposed in SPARKTherapy was decided."),
	APPOINTMENT_REMINDER("appointment_reminder", "Appointment reminders (a day before)", true, true, false,
			"You have an appointment in SPARKTherapy tomorrow."),
	SIGNATURE_REQUESTED("signature_requested", "Session notes to sign", true, false, false,
			"A session note is waiting for your signature in SPARKTherapy."),
	TARGET_MASTERED("target_mastered", "Targets mastered", true, false, false,
			"A target was mastered in SPARKTherapy."),
	AUTHORIZATION_RUNNING_OUT("authorization_running_out", "Insurance authorizations running out (admins)", true, true,
			false, "An insurance authorization is running out in SPARKTherapy."),
	SUPERVISION_BELOW("supervision_below", "Technicians below their monthly supervision (admins, supervisors)", true,
			true, false, "A technician's supervision this month is below the BACB minimum in SPARKTherapy."),
	PROGRESS_REPORT_READY("progress_report_ready", "Progress reports ready to read", true, true, false,
			"A progress report is ready for you to read in SPARKTherapy."),
	PASSWORD_CHANGED("password_changed", "Password changed", true, true, true,
			"The password of your SPARKTherapy account was changed. If this was not you, reset it at once and tell "
					+ "the clinic."),
	NEW_SIGN_IN("new_sign_in", "New sign-ins", true, true, false,
			"Someone signed in to your SPARKTherapy account. If this was not you, change your password.");

	private final String value;

	private final String label;

	private final boolean inApp;

	private final boolean email;

	private final boolean emailRequired;

	private final String mailSentence;

	NotificationKind(String value, String label, boolean inApp, boolean email, boolean emailRequired,
			String mailSentence) {
		this.value = value;
		this.label = label;
		this.inApp = inApp;
		this.email = email;
		this.emailRequired = emailRequired;
		this.mailSentence = mailSentence;
	}

	static Optional<NotificationKind> of(String value) {
		for (NotificationKind kind : values()) {
			if (kind.value.equals(value)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

	String value() {
		return this.value;
	}

	String label() {
		return this.label;
	}

	boolean byDefault(Channel channel) {
		return switch (channel) {
			case IN_APP -> this.inApp;
			case EMAIL -> this.email || this.emailRequired;
		};
	}

	/** Whether the user may turn the channel off for this kind. */
	boolean locked(Channel channel) {
		return channel == Channel.EMAIL && this.emailRequired;
	}

	/**
	 * Whether the notice asks the recipient to do something (sign a note, decide a
	 * proposed change): such a notice is resolved when the task is done, by whoever did
	 * it.
	 */
	boolean task() {
		return switch (this) {
			case SIGNATURE_REQUESTED, CHANGE_REQUESTED -> true;
			default -> false;
		};
	}

	String mailSentence() {
		return this.mailSentence;
	}

	String mailSubject() {
		return "SPARKTherapy: " + this.label.toLowerCase(java.util.Locale.ROOT).replaceFirst(" \\(.*\\)$", "");
	}

}
