package org.sparktherapy.scheduling.internal.appointments;

import org.sparktherapy.scheduling.internal.availability.AvailabilityRepository;
import org.sparktherapy.vocabulary.Place;
import org.sparktherapy.scheduling.internal.availability.TherapistAvailability;
import org.sparktherapy.scheduling.internal.SchedulingAccessPolicy;
import org.sparktherapy.scheduling.internal.SchedulingProblems;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.ChangeHistory;
import org.sparktherapy.audit.ChangeHistory.FieldChange;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.ChildStatus;
import org.sparktherapy.children.Children;
import org.sparktherapy.children.Relation;
import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.identity.Role;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.database.RetryOnConcurrencyFailure;
import org.sparktherapy.platform.problem.StaleVersion;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.scheduling.AppointmentBooked;
import org.sparktherapy.scheduling.AppointmentCancelled;
import org.sparktherapy.scheduling.AppointmentCompleted;
import org.sparktherapy.scheduling.AppointmentMoved;
import org.sparktherapy.scheduling.internal.appointments.Appointment.Scope;
import org.sparktherapy.vocabulary.ServiceCode;
import org.sparktherapy.sessions.SessionSubmitted;
import org.sparktherapy.sessions.Sessions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking, reading, cancelling, checking in and completing appointments. Every call
 * resolves what the user is to the child, checks it with {@link SchedulingAccessPolicy},
 * and writes the PHI access log (refusals included), in one transaction. A series is
 * booked all or nothing: one conflicting occurrence refuses the whole series.
 */
@Service
public class AppointmentService {

	/** Nothing is booked before this (and timestamps stay in PostgreSQL's range). */
	public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	/** PostgreSQL's {@code exclusion_violation}. */
	private static final String EXCLUSION_VIOLATION = "23P01";

	/**
	 * What an admin asks to book. {@code recurrence} and {@code overrideReason} may be
	 * {@code null}.
	 */
	public record BookingRequest(UUID childId, UUID therapistId, String serviceCode, String place, OffsetDateTime start,
			OffsetDateTime end, String recurrence, String overrideReason) {
	}

	/** A weekly series as booked. */
	record Series(UUID id, String recurrence) {
	}

	/**
	 * What an admin changes in an appointment, and in which of its series' occurrences;
	 * {@code null} fields stay as they are (a new start alone keeps the length).
	 */
	public record ChangeRequest(Scope scope, OffsetDateTime start, OffsetDateTime end, UUID therapistId,
			String serviceCode, String place, String overrideReason, Integer expectedVersion) {
	}

	/** What was booked: the series, if recurring, and every occurrence in order. */
	public record Booking(Series series, List<Appointment> occurrences) {
	}

	private final AppointmentRepository appointments;

	private final AvailabilityRepository availability;

	private final SchedulingAccessPolicy policy;

	private final CancellationPolicy cancellation;

	private final Children children;

	private final Sessions sessions;

	private final Accounts accounts;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate savepoint;

	private final Clock clock;

	private final ZoneId zone;

	private final AttendanceRule attendance;

	private final ChangeHistory history;

	AppointmentService(AppointmentRepository appointments, AvailabilityRepository availability,
			SchedulingAccessPolicy policy, CancellationPolicy cancellation, Children children, Sessions sessions,
			Accounts accounts, AuditTrail audit, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock, SparkProperties properties, AttendanceRule attendance,
			ChangeHistory history) {
		this.attendance = attendance;
		this.history = history;
		this.appointments = appointments;
		this.availability = availability;
		this.policy = policy;
		this.cancellation = cancellation;
		this.children = children;
		this.sessions = sessions;
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	/**
	 * Books one appointment or a weekly series, all or nothing. Conflicts — the therapist
	 * or the child already booked, the therapist outside their weekly availability or on
	 * time off — refuse the booking listing every conflicting occurrence; an admin's
	 * override reason lets availability and time off be overridden (recorded), never a
	 * double booking.
	 */
	@Transactional
	@RetryOnConcurrencyFailure
	public Booking book(CurrentUser user, BookingRequest request) {
		WeeklyRecurrence recurrence = validate(request);
		Relation relation = this.children.relationOf(user, request.childId());
		if (!relation.canSee()) {
			refuse("create", null, request.childId(), true);
			throw new SchedulingProblems.AppointmentNotFound("child");
		}
		if (!this.policy.mayBook(relation)
				|| (request.overrideReason() != null && !this.policy.mayOverrideAvailability(user))) {
			refuse("create", null, request.childId(), false);
			throw new SchedulingProblems.NotAllowedForAppointment("Only admins book appointments.");
		}
		if (this.children.find(request.childId()).orElseThrow().status() != ChildStatus.ACTIVE) {
			throw new SchedulingProblems.ChildNotActive();
		}
		checkTherapist(request.therapistId(), request.childId());
		checkCredential(request.therapistId(), request.serviceCode());
		Duration length = Duration.between(request.start(), request.end());
		List<Instant> starts;
		try {
			starts = (recurrence != null) ? recurrence.expand(request.start().toZonedDateTime(), this.zone)
					: List.of(request.start().toInstant());
		}
		catch (WeeklyRecurrence.Unusable ex) {
			throw new SchedulingProblems.InvalidAppointment("/recurrence", ex.getMessage());
		}
		lockSchedulesOf(List.of(request.therapistId(), request.childId()));
		List<Conflict> conflicts = new ArrayList<>(
				overlaps(request.therapistId(), request.childId(), request.serviceCode(), starts, length, Set.of()));
		if (request.overrideReason() == null) {
			conflicts.addAll(unavailable(request.therapistId(), starts, length));
		}
		if (!conflicts.isEmpty()) {
			throw new SchedulingProblems.AppointmentConflicts(conflicts);
		}
		Instant now = this.clock.instant();
		Series series = (recurrence != null) ? new Series(UUID.randomUUID(), recurrence.text()) : null;
		List<UUID> ids = new ArrayList<>();
		try {
			this.savepoint.executeWithoutResult(status -> insert(user, request, series, starts, length, ids, now));
		}
		catch (DataIntegrityViolationException ex) {
			if (!isExclusionViolation(ex)) {
				throw ex;
			}
			// booked concurrently since we looked: name what is in the way now
			throw new SchedulingProblems.AppointmentConflicts(overlaps(request.therapistId(), request.childId(),
					request.serviceCode(), starts, length, Set.of()));
		}
		List<Appointment> booked = this.appointments.findAll(ids);
		booked.forEach(a -> this.events.publishEvent(new AppointmentBooked(a.id(), a.seriesId(), a.childId(),
				a.therapist().id(), a.startsAt(), a.endsAt())));
		this.audit.success(new PhiAccess("create", "appointment", (series != null) ? series.id() : ids.getFirst(),
				request.childId()));
		return new Booking(series, booked);
	}

	@Transactional
	Appointment get(CurrentUser user, UUID id) {
		Appointment appointment = visible(user, id, "read", false);
		this.audit.success(new PhiAccess("read", "appointment", id, appointment.childId()));
		return appointment;
	}

	/**
	 * The appointments the user may see, filtered; one access-log entry per child shown.
	 */
	@Transactional
	PageResponse<Appointment> list(CurrentUser user, AppointmentRepository.Filter filter, PageQuery page) {
		PageResponse<Appointment> result = this.appointments.list(this.policy.listScope(user), user.id(), filter, page);
		Set<UUID> shown = new LinkedHashSet<>();
		result.content().forEach(a -> shown.add(a.childId()));
		shown.forEach(childId -> this.audit.success(new PhiAccess("list", "appointment", null, childId)));
		return result;
	}

	/**
	 * Changes a scheduled appointment — times, therapist, service, place — alone, with
	 * the following occurrences of its series, or with all of them. The new start's
	 * wall-clock shift (clinic time) applies to each occurrence, so "15:00 → 16:00" stays
	 * 16:00 across a daylight-saving change. Conflicts are checked as when booking, all
	 * or nothing; moving "this and following" splits the series.
	 */
	@Transactional
	@RetryOnConcurrencyFailure
	public Booking change(CurrentUser user, UUID id, ChangeRequest request) {
		Appointment appointment = visible(user, id, "update", true);
		Relation relation = this.children.relationOf(user, appointment.childId());
		if (!this.policy.mayChange(relation)
				|| (request.overrideReason() != null && !this.policy.mayOverrideAvailability(user))) {
			refuse("update", id, appointment.childId(), false);
			throw new SchedulingProblems.NotAllowedForAppointment(
					"Only admins change appointments; therapists propose changes.");
		}
		if (request.expectedVersion() != null && request.expectedVersion() != appointment.version()) {
			throw new StaleVersion();
		}
		if (appointment.status() != Appointment.Status.SCHEDULED) {
			throw new SchedulingProblems.AppointmentNotChangeable(appointment.status());
		}
		OffsetDateTime oldStart = appointment.startsAt().atZone(this.zone).toOffsetDateTime();
		OffsetDateTime start = (request.start() != null) ? request.start() : oldStart;
		OffsetDateTime end = (request.end() != null) ? request.end()
				: start.plus(Duration.between(appointment.startsAt(), appointment.endsAt()));
		BookingRequest changed = new BookingRequest(appointment.childId(),
				(request.therapistId() != null) ? request.therapistId() : appointment.therapist().id(),
				(request.serviceCode() != null) ? request.serviceCode() : appointment.serviceCode(),
				(request.place() != null) ? request.place() : appointment.place(), start, end, null,
				request.overrideReason());
		validate(changed);
		if (!changed.therapistId().equals(appointment.therapist().id())) {
			checkTherapist(changed.therapistId(), changed.childId());
		}
		if (!changed.therapistId().equals(appointment.therapist().id())
				|| !changed.serviceCode().equals(appointment.serviceCode())) {
			checkCredential(changed.therapistId(), changed.serviceCode());
		}
		Scope scope = (appointment.seriesId() != null) ? request.scope() : Scope.THIS;
		List<Appointment> moving = switch (scope) {
			case THIS -> List.of(appointment);
			case FOLLOWING -> this.appointments.scheduledOfSeries(appointment.seriesId(), appointment.startsAt());
			case ALL -> this.appointments.scheduledOfSeries(appointment.seriesId(), EARLIEST);
		};
		long shift = ChronoUnit.MINUTES.between(oldStart.atZoneSameInstant(this.zone).toLocalDateTime(),
				start.atZoneSameInstant(this.zone).toLocalDateTime());
		Duration length = Duration.between(start, end);
		List<Instant> starts = moving.stream()
			.map(a -> WeeklyRecurrence.shift(a.startsAt(), shift, this.zone))
			.toList();
		Set<UUID> ids = new LinkedHashSet<>(moving.stream().map(Appointment::id).toList());
		lockSchedulesOf(List.of(changed.therapistId(), changed.childId()));
		List<Conflict> conflicts = new ArrayList<>(
				overlaps(changed.therapistId(), changed.childId(), changed.serviceCode(), starts, length, ids));
		if (request.overrideReason() == null) {
			conflicts.addAll(unavailable(changed.therapistId(), starts, length));
		}
		if (!conflicts.isEmpty()) {
			throw new SchedulingProblems.AppointmentConflicts(conflicts);
		}
		Instant now = this.clock.instant();
		try {
			this.savepoint.executeWithoutResult(status -> {
				this.appointments.deferOverlapChecks();
				for (int i = 0; i < moving.size(); i++) {
					Instant at = starts.get(i);
					this.appointments.reschedule(moving.get(i).id(), changed.therapistId(), changed.serviceCode(),
							changed.place(), at, at.plus(length), at.atZone(this.zone).toLocalDateTime(),
							(request.overrideReason() != null) ? user.id() : null,
							(request.overrideReason() != null) ? request.overrideReason().trim() : null, now);
				}
				this.appointments.checkOverlapsNow();
			});
		}
		catch (DataIntegrityViolationException ex) {
			if (!isExclusionViolation(ex)) {
				throw ex;
			}
			throw new SchedulingProblems.AppointmentConflicts(
					overlaps(changed.therapistId(), changed.childId(), changed.serviceCode(), starts, length, ids));
		}
		Series series = (scope == Scope.THIS) ? null
				: reviseSeries(appointment, scope, changed, start, starts.getFirst(), length, ids.stream().toList());
		List<Appointment> moved = this.appointments.findAll(ids.stream().toList());
		UUID moveId = UUID.randomUUID();
		for (int i = 0; i < moving.size(); i++) {
			Appointment before = moving.get(i);
			Appointment after = moved.stream().filter(a -> a.id().equals(before.id())).findFirst().orElseThrow();
			this.events.publishEvent(new AppointmentMoved(after.id(), after.childId(), after.therapist().id(),
					before.therapist().id(), after.startsAt(), after.endsAt(), before.startsAt(), before.endsAt(),
					after.seriesId(), moveId, moving.size()));
		}
		this.audit.success(new PhiAccess("update", "appointment", id, appointment.childId()));
		return new Booking(series, moved);
	}

	/**
	 * Describes the series anew after a change of all its occurrences, or splits off the
	 * moved following ones as a series of their own; its rule's weekdays follow a move to
	 * another day.
	 */
	private Series reviseSeries(Appointment appointment, Scope scope, BookingRequest changed, OffsetDateTime start,
			Instant firstStart, Duration length, List<UUID> moved) {
		AppointmentRepository.NewSeries old = this.appointments.series(appointment.seriesId()).orElseThrow();
		int days = (int) ChronoUnit.DAYS.between(appointment.startsAt().atZone(this.zone).toLocalDate(),
				start.atZoneSameInstant(this.zone).toLocalDate());
		ZonedDateTime localStart = firstStart.atZone(this.zone);
		String rule = WeeklyRecurrence.parse(old.rrule()).moved(days, moved.size()).text();
		UUID id = (scope == Scope.ALL) ? old.id() : UUID.randomUUID();
		AppointmentRepository.NewSeries revised = new AppointmentRepository.NewSeries(id, rule, this.zone,
				localStart.toLocalDateTime(), (int) length.toMinutes(), old.childId(), changed.therapistId(),
				changed.serviceCode(), changed.place(), old.createdBy());
		if (scope == Scope.ALL) {
			this.appointments.updateSeries(revised);
		}
		else {
			this.appointments.insertSeries(revised, this.clock.instant());
			this.appointments.moveToSeries(moved, id);
		}
		return new Series(id, rule);
	}

	/**
	 * Cancels a scheduled appointment, or with {@link Scope#FOLLOWING} it and the
	 * scheduled occurrences after it in its series: each is late when within the notice
	 * period; a guardian's is a parent cancellation. Returns the appointment addressed.
	 */
	@Transactional
	@RetryOnConcurrencyFailure
	public Appointment cancel(CurrentUser user, UUID id, String reason, Scope scope) {
		Appointment appointment = visible(user, id, "cancel", true);
		Relation relation = this.children.relationOf(user, appointment.childId());
		if (!this.policy.mayCancel(relation)) {
			refuse("cancel", id, appointment.childId(), false);
			throw new SchedulingProblems.NotAllowedForAppointment("Only guardians and admins cancel appointments.");
		}
		if (!appointment.status().mayMoveTo(Appointment.Status.CANCELLED)) {
			throw new SchedulingProblems.WrongAppointmentStatus(appointment.status(), Appointment.Status.CANCELLED);
		}
		List<Appointment> cancelling = switch (scope) {
			case THIS -> List.of(appointment);
			case FOLLOWING -> {
				if (appointment.seriesId() == null) {
					throw new SchedulingProblems.InvalidAppointment("/scope",
							"following applies to an occurrence of a weekly series; this appointment is a single one");
				}
				yield this.appointments.scheduledOfSeries(appointment.seriesId(), appointment.startsAt());
			}
			case ALL -> throw new SchedulingProblems.InvalidAppointment("/scope", "must be this or following");
		};
		Instant now = this.clock.instant();
		boolean byParent = relation == Relation.GUARDIAN;
		UUID cancellationId = UUID.randomUUID();
		for (Appointment occurrence : cancelling) {
			boolean late = this.cancellation.isLate(occurrence.startsAt(), now);
			this.appointments.cancel(occurrence.id(), user.id(), byParent ? "parent" : "admin", reason.trim(), late,
					now);
			this.events.publishEvent(new AppointmentCancelled(occurrence.id(), occurrence.childId(),
					occurrence.therapist().id(), occurrence.startsAt(), byParent, late, now, cancellationId,
					cancelling.size(), cancelling.getFirst().startsAt()));
		}
		this.audit.success(new PhiAccess("cancel", "appointment", id, appointment.childId()));
		return this.appointments.find(id, false).orElseThrow();
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
		Appointment appointment = visible(user, id, action, true);
		if (!this.policy.mayRecordAttendance(user, appointment)) {
			refuse(action, id, appointment.childId(), false);
			throw new SchedulingProblems.NotAllowedForAppointment(
					"Only the appointment's own therapist records check-in, completion and no-shows.");
		}
		if (overrideReason != null && !this.policy.mayOverrideAvailability(user)) {
			refuse(action, id, appointment.childId(), false);
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

	private void insert(CurrentUser user, BookingRequest request, Series series, List<Instant> starts, Duration length,
			List<UUID> ids, Instant now) {
		if (series != null) {
			this.appointments.insertSeries(new AppointmentRepository.NewSeries(series.id(), series.recurrence(),
					this.zone, request.start().atZoneSameInstant(this.zone).toLocalDateTime(), (int) length.toMinutes(),
					request.childId(), request.therapistId(), request.serviceCode(), request.place(), user.id()), now);
		}
		for (Instant start : starts) {
			UUID id = UUID.randomUUID();
			this.appointments.insert(
					new AppointmentRepository.NewAppointment(id, (series != null) ? series.id() : null,
							request.childId(), request.therapistId(), request.serviceCode(), request.place(), start,
							start.plus(length), start.atZone(this.zone).toLocalDateTime(), this.zone,
							(request.overrideReason() != null) ? user.id() : null,
							(request.overrideReason() != null) ? request.overrideReason().trim() : null, user.id()),
					now);
			ids.add(id);
		}
	}

	/**
	 * Waits until no other transaction books or moves appointments of these therapists
	 * and children, and keeps them until this one ends (see
	 * {@link AppointmentRepository#lockSchedulesOf}). A transaction that books for
	 * several people names them all in one call, before booking any.
	 */
	public void lockSchedulesOf(java.util.Collection<UUID> people) {
		this.appointments.lockSchedulesOf(people);
	}

	/**
	 * Live appointments of the same therapist or child, other than {@code moving}, that
	 * overlap an occurrence; a supervision overlap ({@link #isSupervisionOverlap}) is
	 * none.
	 */
	private List<Conflict> overlaps(UUID therapistId, UUID childId, String serviceCode, List<Instant> starts,
			Duration length, Set<UUID> moving) {
		List<Appointment> live = this.appointments
			.liveOfTherapistOrChild(therapistId, childId, starts.getFirst(), starts.getLast().plus(length))
			.stream()
			.filter(a -> !moving.contains(a.id()))
			.filter(a -> !isSupervisionOverlap(therapistId, serviceCode, a))
			.toList();
		java.util.Map<UUID, String> childNames = new java.util.HashMap<>();
		List<Conflict> conflicts = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++) {
			Instant start = starts.get(i);
			Instant end = start.plus(length);
			for (Appointment other : live) {
				if (other.startsAt().isBefore(end) && other.endsAt().isAfter(start)) {
					String child = childNames.computeIfAbsent(other.childId(),
							id -> this.children.shortName(id).orElse("A child"));
					conflicts.add(Conflict.doubleBooking("/occurrences/" + i,
							other.therapist().id().equals(therapistId), new Conflict.Booked(other.id(), child,
									other.therapist().name(), other.startsAt(), other.endsAt()),
							this.zone));
				}
			}
		}
		return conflicts;
	}

	/**
	 * A supervisor's protocol modification (97155) and a technician's treatment by
	 * protocol (97153) of the same child at once, by two therapists: how supervision is
	 * delivered, so the one overlap of a child allowed (also by the database, V17). The
	 * 97155's credential is checked when it is booked.
	 */
	static boolean isSupervisionOverlap(UUID therapistId, String serviceCode, Appointment other) {
		boolean pair = (ServiceCode.PROTOCOL_MODIFICATION.code().equals(serviceCode)
				&& ServiceCode.TREATMENT_BY_PROTOCOL.code().equals(other.serviceCode()))
				|| (ServiceCode.TREATMENT_BY_PROTOCOL.code().equals(serviceCode)
						&& ServiceCode.PROTOCOL_MODIFICATION.code().equals(other.serviceCode()));
		return pair && !other.therapist().id().equals(therapistId);
	}

	/**
	 * Occurrences the therapist's {@link TherapistAvailability} does not cover: outside
	 * their weekly hours (if they have any) or during their time off.
	 */
	private List<Conflict> unavailable(UUID therapistId, List<Instant> starts, Duration length) {
		TherapistAvailability rule = this.availability.availability(therapistId, starts.getFirst(),
				starts.getLast().plus(length), this.zone);
		String therapist = (rule.hasWeeklyHours() || !rule.timeOff().isEmpty()) ? therapistName(therapistId) : null;
		List<Conflict> conflicts = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++) {
			Instant start = starts.get(i);
			Instant end = start.plus(length);
			if (rule.hoursFit(start, end) == TherapistAvailability.Fit.OUTSIDE_HOURS) {
				conflicts.add(Conflict.outsideHours("/occurrences/" + i, therapist, start, end, this.zone));
			}
			for (AvailabilityRepository.TimeOff off : rule.timeOffDuring(start, end)) {
				conflicts.add(Conflict.timeOff("/occurrences/" + i, therapist, off.id(), off.startsAt(), off.endsAt(),
						this.zone));
			}
		}
		return conflicts;
	}

	private String therapistName(UUID therapistId) {
		return this.accounts.findById(therapistId).map(AccountSummary::name).orElse("The therapist");
	}

	/** Refuses (400) a therapist who is not active or not on the child's care team. */
	public void checkTherapist(UUID therapistId, UUID childId) {
		AccountSummary therapist = this.accounts.findById(therapistId).orElse(null);
		if (therapist == null || therapist.role() != Role.THERAPIST || !therapist.active()) {
			throw new SchedulingProblems.InvalidAppointment("/therapistId", "is not an active therapist");
		}
		if (this.children.caseload(therapistId).stream().noneMatch(c -> c.id().equals(childId))) {
			throw new SchedulingProblems.InvalidAppointment("/therapistId", "is not on the child's care team");
		}
	}

	/**
	 * Refuses (409 at /therapistId) a therapist whose credential may not deliver the
	 * service.
	 */
	private void checkCredential(UUID therapistId, String serviceCode) {
		AccountSummary therapist = this.accounts.findById(therapistId).orElseThrow();
		if (!ServiceCode.mayDeliver(therapist.credential(), serviceCode)) {
			String needed = String.join(" or ",
					ServiceCode.deliveredBy(serviceCode).stream().map(c -> c.value()).sorted().toList());
			throw new SchedulingProblems.ServiceNotForCredential(
					"is " + ((therapist.credential() != null) ? "a " + therapist.credential().value()
							: "without a credential") + "; " + serviceCode + " is delivered by a " + needed);
		}
	}

	private WeeklyRecurrence validate(BookingRequest request) {
		if (!ServiceCode.isCode(request.serviceCode())) {
			throw new SchedulingProblems.InvalidAppointment("/serviceCode",
					"must be an adaptive behavior CPT code 97151 to 97158");
		}
		if (!Place.isPlace(request.place())) {
			throw new SchedulingProblems.InvalidAppointment("/place",
					"must be one of clinic, home, school, community, telehealth");
		}
		if (request.start().toInstant().isBefore(EARLIEST)) {
			throw new SchedulingProblems.InvalidAppointment("/start", "lies too far in the past");
		}
		if (!request.end().isAfter(request.start())) {
			throw new SchedulingProblems.InvalidAppointment("/end", "must be after start");
		}
		if (Duration.between(request.start(), request.end()).compareTo(Duration.ofHours(24)) >= 0) {
			throw new SchedulingProblems.InvalidAppointment("/end", "an appointment lasts less than 24 hours");
		}
		if (request.recurrence() == null) {
			return null;
		}
		try {
			return WeeklyRecurrence.parse(request.recurrence());
		}
		catch (WeeklyRecurrence.Unusable ex) {
			throw new SchedulingProblems.InvalidAppointment("/recurrence", ex.getMessage());
		}
	}

	/**
	 * The appointment if the user may know of it (locked for a change); otherwise a 404
	 * written to the log.
	 */
	public Appointment visible(CurrentUser user, UUID id, String action, boolean forUpdate) {
		Appointment appointment = this.appointments.find(id, forUpdate).orElse(null);
		if (appointment == null) {
			refuse(action, id, null, true);
			throw new SchedulingProblems.AppointmentNotFound("appointment");
		}
		if (!this.policy.maySee(user, this.children.relationOf(user, appointment.childId()), appointment)) {
			refuse(action, id, appointment.childId(), true);
			throw new SchedulingProblems.AppointmentNotFound("appointment");
		}
		return appointment;
	}

	private void refuse(String action, UUID appointmentId, UUID childId, boolean notFound) {
		this.audit.refused(new PhiAccess(action, "appointment", appointmentId, childId), notFound);
	}

	private static boolean isExclusionViolation(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
