package org.sparktherapy.scheduling.internal.appointments;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.ChangeHistory;
import org.sparktherapy.audit.ChangeHistory.FieldChange;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.scheduling.AppointmentCompleted;
import org.sparktherapy.scheduling.internal.SchedulingAccessPolicy;
import org.sparktherapy.scheduling.internal.SchedulingProblems;
import org.sparktherapy.sessions.SessionSubmitted;
import org.sparktherapy.sessions.Sessions;
import org.sparktherapy.vocabulary.Place;
import org.sparktherapy.vocabulary.ServiceCode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance: check-in, recording the session, completion (also by a submitted session)
 * and no-shows, each on the clock of the {@link AttendanceRule} unless an admin overrides
 * it with a reason. Checks the user with {@link SchedulingAccessPolicy} and writes the
 * PHI access log (refusals included), in one transaction.
 */
@Service
public class AttendanceService {

	private final AppointmentRepository appointments;

	private final AppointmentAccess access;

	private final SchedulingAccessPolicy policy;

	private final Sessions sessions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AttendanceRule attendance;

	private final ChangeHistory history;

	AttendanceService(AppointmentRepository appointments, AppointmentAccess access, SchedulingAccessPolicy policy,
			Sessions sessions, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
			AttendanceRule attendance, ChangeHistory history) {
		this.appointments = appointments;
		this.access = access;
		this.policy = policy;
		this.sessions = sessions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.attendance = attendance;
		this.history = history;
	}

	/**
	 * Check-in: the child is here. Opens {@link AttendanceRule a set time before the
	 * start}; an admin's override reason checks in earlier, recorded in the child's
	 * change history.
	 */
	@Transactional
	Appointment checkIn(CurrentUser user, UUID id, String overrideReason) {
		Appointment appointment = attendance(user, id, "check-in", overrideReason);
		requireStatus(appointment, Appointment.Status.CHECKED_IN);
		Instant now = this.clock.instant();
		boolean early = early(AttendanceRule.Step.CHECK_IN, appointment, now, overrideReason);
		this.appointments.changeStatus(id, appointment.status(), Appointment.Status.CHECKED_IN, now);
		recordOverride(appointment, early, "checked_in_early", Appointment.Status.CHECKED_IN, overrideReason);
		this.audit.success(new PhiAccess("check-in", "appointment", id, appointment.childId()));
		return this.appointments.find(id, false).orElseThrow();
	}

	/**
	 * The therapist starts recording the appointment's session (from the today list): a
	 * scheduled appointment is checked in, as the clock allows check-in, and its session
	 * record is opened (or the one already opened is returned); submitting that session
	 * completes the appointment.
	 */
	@Transactional
	public Appointment startRecording(CurrentUser user, UUID id, String overrideReason) {
		Appointment appointment = attendance(user, id, "record", overrideReason);
		if (appointment.sessionId() != null) {
			this.audit.success(new PhiAccess("record", "appointment", id, appointment.childId()));
			return appointment;
		}
		if (appointment.status() != Appointment.Status.SCHEDULED
				&& appointment.status() != Appointment.Status.CHECKED_IN) {
			throw new SchedulingProblems.WrongAppointmentStatus(appointment.status(), Appointment.Status.CHECKED_IN);
		}
		Instant now = this.clock.instant();
		boolean early = early(AttendanceRule.Step.RECORD, appointment, now, overrideReason);
		if (appointment.status() == Appointment.Status.SCHEDULED) {
			this.appointments.changeStatus(id, Appointment.Status.SCHEDULED, Appointment.Status.CHECKED_IN, now);
			recordOverride(appointment, early, "checked_in_early", Appointment.Status.CHECKED_IN, overrideReason);
		}
		this.appointments.linkSession(id, openSession(appointment));
		this.audit.success(new PhiAccess("record", "appointment", id, appointment.childId()));
		return this.appointments.find(id, false).orElseThrow();
	}

	/**
	 * Completes a checked-in appointment once it has started, with its actual start and
	 * end ({@code null}: the recorded session's, else the scheduled start and the
	 * scheduled end or now, whichever is earlier), and opens its session record if none
	 * is open, linked both ways. An admin's override reason completes it earlier.
	 */
	@Transactional
	public Appointment complete(CurrentUser user, UUID id, Instant actualStart, Instant actualEnd,
			String overrideReason) {
		Appointment appointment = attendance(user, id, "complete", overrideReason);
		requireStatus(appointment, Appointment.Status.COMPLETED);
		Instant now = this.clock.instant();
		boolean early = early(AttendanceRule.Step.COMPLETE, appointment, now, overrideReason);
		Appointment.Actual session = (appointment.sessionId() != null) ? this.sessions.timesOf(appointment.sessionId())
			.map(t -> new Appointment.Actual(t.startedAt(), t.endedAt()))
			.orElse(null) : null;
		Appointment.Actual actual = this.attendance.actualTimes(appointment, actualStart, actualEnd, session, now,
				overrideReason != null);
		UUID sessionId = (appointment.sessionId() != null) ? appointment.sessionId() : openSession(appointment);
		finish(appointment, actual, sessionId, now);
		recordOverride(appointment, early, "completed_early", Appointment.Status.COMPLETED, overrideReason);
		this.audit.success(new PhiAccess("complete", "appointment", id, appointment.childId()));
		return this.appointments.find(id, false).orElseThrow();
	}

	/**
	 * A submitted session completes the checked-in appointment it records, with the
	 * session's times (kept between the opening of check-in and now). Before the
	 * appointment's start the submission is refused (409), as a completion would be; an
	 * appointment no longer checked in (completed already, or cancelled) stays as it is.
	 * Heard in the submitting transaction, so the session and its appointment change
	 * together.
	 */
	@EventListener
	@Transactional
	void on(SessionSubmitted submitted) {
		if (submitted.appointmentId() == null) {
			return;
		}
		Appointment appointment = this.appointments.find(submitted.appointmentId(), true).orElse(null);
		if (appointment == null || appointment.status() != Appointment.Status.CHECKED_IN) {
			return;
		}
		Instant now = this.clock.instant();
		this.attendance.check(AttendanceRule.Step.COMPLETE, appointment, now);
		Appointment.Actual actual;
		try {
			actual = this.attendance.actualTimes(appointment, null, null,
					new Appointment.Actual(submitted.startedAt(), submitted.endedAt()), now, false);
		}
		catch (SchedulingProblems.InvalidAppointment ex) {
			// the session's times make no sense for the appointment: it took place as
			// scheduled, as far as known
			actual = this.attendance.actualTimes(appointment, null, null, null, now, false);
		}
		finish(appointment, actual, submitted.sessionId(), now);
		this.audit.success(new PhiAccess("complete", "appointment", appointment.id(), appointment.childId()));
	}

	/**
	 * The child did not come: the slot is free again. Only once the appointment has
	 * started, unless overridden.
	 */
	@Transactional
	public Appointment noShow(CurrentUser user, UUID id, String overrideReason) {
		Appointment appointment = attendance(user, id, "no-show", overrideReason);
		requireStatus(appointment, Appointment.Status.NO_SHOW);
		Instant now = this.clock.instant();
		boolean early = early(AttendanceRule.Step.NO_SHOW, appointment, now, overrideReason);
		this.appointments.changeStatus(id, appointment.status(), Appointment.Status.NO_SHOW, now);
		recordOverride(appointment, early, "no_show_early", Appointment.Status.NO_SHOW, overrideReason);
		this.audit.success(new PhiAccess("no-show", "appointment", id, appointment.childId()));
		return this.appointments.find(id, false).orElseThrow();
	}

	/**
	 * The appointment, locked, if the user records its attendance; an override only by an
	 * admin, with a reason.
	 */
	private Appointment attendance(CurrentUser user, UUID id, String action, String overrideReason) {
		Appointment appointment = this.access.visible(user, id, action, true);
		if (!this.policy.mayRecordAttendance(user, appointment)) {
			this.access.refuse(action, id, appointment.childId(), false);
			throw new SchedulingProblems.NotAllowedForAppointment(
					"Only the appointment's own therapist records check-in, completion and no-shows.");
		}
		if (overrideReason != null && !this.policy.mayOverrideAvailability(user)) {
			this.access.refuse(action, id, appointment.childId(), false);
			throw new SchedulingProblems.NotAllowedForAppointment("Only admins override the time rules.");
		}
		if (overrideReason != null && overrideReason.isBlank()) {
			throw new SchedulingProblems.InvalidAppointment("/override/reason", "must not be blank");
		}
		return appointment;
	}

	private static void requireStatus(Appointment appointment, Appointment.Status to) {
		if (!appointment.status().mayMoveTo(to)) {
			throw new SchedulingProblems.WrongAppointmentStatus(appointment.status(), to);
		}
	}

	/**
	 * Whether the step comes before its time under an admin's override; without one,
	 * refuses (409) if it does.
	 */
	private boolean early(AttendanceRule.Step step, Appointment appointment, Instant now, String overrideReason) {
		if (overrideReason != null) {
			return now.isBefore(this.attendance.opens(step, appointment));
		}
		this.attendance.check(step, appointment, now);
		return false;
	}

	/**
	 * An admin's override of the clock goes to the child's change history with its
	 * reason.
	 */
	private void recordOverride(Appointment appointment, boolean early, String action, Appointment.Status to,
			String reason) {
		if (early) {
			this.history.record(appointment.childId(), "appointment", appointment.id(), action,
					List.of(new FieldChange("status", appointment.status().value(), to.value()),
							new FieldChange("overrideReason", null, reason.trim())));
		}
	}

	private UUID openSession(Appointment appointment) {
		return this.sessions.openFor(new Sessions.AppointmentToRecord(appointment.id(), appointment.childId(),
				appointment.therapist().id(), ServiceCode.of(appointment.serviceCode()), Place.of(appointment.place()),
				appointment.startsAt(), appointment.endsAt()));
	}

	/**
	 * Completes the checked-in appointment with its actual times and session, and tells
	 * billing.
	 */
	private void finish(Appointment appointment, Appointment.Actual actual, UUID sessionId, Instant now) {
		if (!this.appointments.complete(appointment.id(), actual.start(), actual.end(), now)) {
			throw new SchedulingProblems.WrongAppointmentStatus(appointment.status(), Appointment.Status.COMPLETED);
		}
		this.appointments.linkSession(appointment.id(), sessionId);
		this.events.publishEvent(new AppointmentCompleted(appointment.id(), appointment.childId(),
				appointment.therapist().id(), ServiceCode.of(appointment.serviceCode()), Place.of(appointment.place()),
				appointment.startsAt(), appointment.endsAt(), sessionId, now, actual.start(), actual.end()));
	}

}
