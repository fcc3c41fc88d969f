package org.sparktherapy.scheduling.internal;

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
import org.sparktherapy.scheduling.ServiceCodes;
import org.sparktherapy.sessions.Sessions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking, reading, cancelling, checking in and completing appointments. Every call resolves what the user is to the
 * child, checks it with {@link SchedulingAccessPolicy}, and writes the PHI access log (refusals included), in one
 * transaction. A series is booked all or nothing: one conflicting occurrence refuses the whole series.
 */
@Service
class AppointmentService {

	/** Nothing is booked before this (and timestamps stay in PostgreSQL's range). */
	static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	static final Set<String> PLACES = Set.of("clinic", "home", "school", "community", "telehealth");

	/** PostgreSQL's {@code exclusion_violation}. */
	private static final String EXCLUSION_VIOLATION = "23P01";

	/** What an admin asks to book. {@code recurrence} and {@code overrideReason} may be {@code null}. */
	record BookingRequest(UUID childId, UUID therapistId, String serviceCode, String place, OffsetDateTime start,
			OffsetDateTime end, String recurrence, String overrideReason) {
	}

	/** A weekly series as booked. */
	record Series(UUID id, String recurrence) {
	}

	/** Which occurrences of a series a change applies to. */
	enum Scope {

		/** this occurrence alone */
		THIS,
		/** this occurrence and the following ones of its series */
		FOLLOWING,
		/** every scheduled occurrence of its series */
		ALL

	}

	/**
	 * What an admin changes in an appointment, and in which of its series' occurrences; {@code null} fields stay as
	 * they are (a new start alone keeps the length).
	 */
	record ChangeRequest(Scope scope, OffsetDateTime start, OffsetDateTime end, UUID therapistId, String serviceCode,
			String place, String overrideReason, Integer expectedVersion) {
	}

	/** What was booked: the series, if recurring, and every occurrence in order. */
	record Booking(Series series, List<Appointment> occurrences) {
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

	AppointmentService(AppointmentRepository appointments, AvailabilityRepository availability,
			SchedulingAccessPolicy policy, CancellationPolicy cancellation, Children children, Sessions sessions,
			Accounts accounts, AuditTrail audit, ApplicationEventPublisher events, PlatformTransactionManager transactions,
			Clock clock,
			SparkProperties properties) {
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
	 * Books one appointment or a weekly series, all or nothing. Conflicts — the therapist or the child already
	 * booked, the therapist outside their weekly availability or on time off — refuse the booking listing every
	 * conflicting occurrence; an admin's override reason lets availability and time off be overridden (recorded),
	 * never a double booking.
	 */
	@Transactional
	@RetryOnConcurrencyFailure
	Booking book(CurrentUser user, BookingRequest request) {
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
				overlaps(request.therapistId(), request.childId(), starts, length, Set.of()));
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
			throw new SchedulingProblems.AppointmentConflicts(
					overlaps(request.therapistId(), request.childId(), starts, length, Set.of()));
		}
		List<Appointment> booked = this.appointments.findAll(ids);
		booked.forEach(a -> this.events.publishEvent(new AppointmentBooked(a.id(), a.seriesId(), a.childId(),
				a.therapist().id(), a.startsAt(), a.endsAt())));
		this.audit.success(new PhiAccess("create", "appointment",
				(series != null) ? series.id() : ids.getFirst(), request.childId()));
		return new Booking(series, booked);
	}

	@Transactional
	Appointment get(CurrentUser user, UUID id) {
		Appointment appointment = visible(user, id, "read", false);
		this.audit.success(new PhiAccess("read", "appointment", id, appointment.childId()));
		return appointment;
	}

	/** The appointments the user may see, filtered; one access-log entry per child shown. */
	@Transactional
	PageResponse<Appointment> list(CurrentUser user, AppointmentRepository.Filter filter, PageQuery page) {
		PageResponse<Appointment> result = this.appointments.list(this.policy.listScope(user), user.id(), filter,
				page);
		Set<UUID> shown = new LinkedHashSet<>();
		result.content().forEach(a -> shown.add(a.childId()));
		shown.forEach(childId -> this.audit.success(new PhiAccess("list", "appointment", null, childId)));
		return result;
	}

	/**
	 * Changes a scheduled appointment — times, therapist, service, place — alone, with the following occurrences of
	 * its series, or with all of them. The new start's wall-clock shift (clinic time) applies to each occurrence, so
	 * "15:00 → 16:00" stays 16:00 across a daylight-saving change. Conflicts are checked as when booking, all or
	 * nothing; moving "this and following" splits the series.
	 */
	@Transactional
	@RetryOnConcurrencyFailure
	Booking change(CurrentUser user, UUID id, ChangeRequest request) {
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
				overlaps(changed.therapistId(), changed.childId(), starts, length, ids));
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
					overlaps(changed.therapistId(), changed.childId(), starts, length, ids));
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
	 * Describes the series anew after a change of all its occurrences, or splits off the moved following ones as a
	 * series of their own; its rule's weekdays follow a move to another day.
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
	 * Cancels a scheduled appointment, or with {@link Scope#FOLLOWING} it and the scheduled occurrences after it in
	 * its series: each is late when within the notice period; a guardian's is a parent cancellation. Returns the
	 * appointment addressed.
	 */
	@Transactional
	@RetryOnConcurrencyFailure
	Appointment cancel(CurrentUser user, UUID id, String reason, Scope scope) {
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

	@Transactional
	Appointment checkIn(CurrentUser user, UUID id) {
		return move(user, id, Appointment.Status.CHECKED_IN, "check-in");
	}

	/**
	 * Completes a checked-in appointment and opens its session record for the appointment's therapist, linked both
	 * ways, so data collection starts from the schedule.
	 */
	@Transactional
	Appointment complete(CurrentUser user, UUID id) {
		return move(user, id, Appointment.Status.COMPLETED, "complete");
	}

	/** The child did not come: the slot is free again. */
	@Transactional
	Appointment noShow(CurrentUser user, UUID id) {
		return move(user, id, Appointment.Status.NO_SHOW, "no-show");
	}

	private Appointment move(CurrentUser user, UUID id, Appointment.Status to, String action) {
		Appointment appointment = visible(user, id, action, true);
		if (!this.policy.mayRecordAttendance(user, appointment)) {
			refuse(action, id, appointment.childId(), false);
			throw new SchedulingProblems.NotAllowedForAppointment(
					"Only the appointment's own therapist records check-in, completion and no-shows.");
		}
		if (!appointment.status().mayMoveTo(to)) {
			throw new SchedulingProblems.WrongAppointmentStatus(appointment.status(), to);
		}
		Instant now = this.clock.instant();
		this.appointments.changeStatus(id, appointment.status(), to, now);
		if (to == Appointment.Status.COMPLETED) {
			UUID sessionId = this.sessions.openFor(new Sessions.CompletedAppointment(id, appointment.childId(),
					appointment.therapist().id(), appointment.serviceCode(), appointment.place(),
					appointment.startsAt(), appointment.endsAt()));
			this.appointments.linkSession(id, sessionId);
			this.events.publishEvent(new AppointmentCompleted(id, appointment.childId(), appointment.therapist().id(),
					appointment.serviceCode(), appointment.place(), appointment.startsAt(), appointment.endsAt(),
					sessionId, now));
		}
		this.audit.success(new PhiAccess(action, "appointment", id, appointment.childId()));
		return this.appointments.find(id, false).orElseThrow();
	}

	private void insert(CurrentUser user, BookingRequest request, Series series, List<Instant> starts,
			Duration length, List<UUID> ids, Instant now) {
		if (series != null) {
			this.appointments.insertSeries(new AppointmentRepository.NewSeries(series.id(), series.recurrence(),
					this.zone, request.start().atZoneSameInstant(this.zone).toLocalDateTime(),
					(int) length.toMinutes(), request.childId(), request.therapistId(), request.serviceCode(),
					request.place(), user.id()), now);
		}
		for (Instant start : starts) {
			UUID id = UUID.randomUUID();
			this.appointments.insert(new AppointmentRepository.NewAppointment(id,
					(series != null) ? series.id() : null, request.childId(), request.therapistId(),
					request.serviceCode(), request.place(), start, start.plus(length),
					start.atZone(this.zone).toLocalDateTime(), this.zone,
					(request.overrideReason() != null) ? user.id() : null,
					(request.overrideReason() != null) ? request.overrideReason().trim() : null, user.id()), now);
			ids.add(id);
		}
	}

	/**
	 * Waits until no other transaction books or moves appointments of these therapists and children, and keeps them
	 * until this one ends (see {@link AppointmentRepository#lockSchedulesOf}). A transaction that books for several
	 * people names them all in one call, before booking any.
	 */
	void lockSchedulesOf(java.util.Collection<UUID> people) {
		this.appointments.lockSchedulesOf(people);
	}

	/** Live appointments of the same therapist or child, other than {@code moving}, that overlap an occurrence. */
	private List<Conflict> overlaps(UUID therapistId, UUID childId, List<Instant> starts, Duration length,
			Set<UUID> moving) {
		List<Appointment> live = this.appointments
			.liveOfTherapistOrChild(therapistId, childId, starts.getFirst(), starts.getLast().plus(length))
			.stream()
			.filter(a -> !moving.contains(a.id()))
			.toList();
		List<Conflict> conflicts = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++) {
			Instant start = starts.get(i);
			Instant end = start.plus(length);
			for (Appointment other : live) {
				if (other.startsAt().isBefore(end) && other.endsAt().isAfter(start)) {
					boolean therapist = other.therapist().id().equals(therapistId);
					conflicts.add(new Conflict("/occurrences/" + i, "double-booking", therapist ? "therapist" : "child",
							other.id(), null, local(other.startsAt()), local(other.endsAt()),
							(therapist ? "The therapist" : "The child") + " is already booked at " + start
									+ ": appointment " + other.id()));
				}
			}
		}
		return conflicts;
	}

	/** Occurrences outside the therapist's weekly availability (if they have any) or during their time off. */
	private List<Conflict> unavailable(UUID therapistId, List<Instant> starts, Duration length) {
		List<AvailabilityRepository.Block> blocks = this.availability.blocks(therapistId);
		List<AvailabilityRepository.TimeOff> timeOff = this.availability.timeOff(therapistId, starts.getFirst(),
				starts.getLast().plus(length));
		List<Conflict> conflicts = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++) {
			Instant start = starts.get(i);
			Instant end = start.plus(length);
			ZonedDateTime localStart = start.atZone(this.zone);
			ZonedDateTime localEnd = end.atZone(this.zone);
			boolean within = blocks.isEmpty() || (localStart.toLocalDate().equals(localEnd.toLocalDate())
					&& blocks.stream()
						.anyMatch(b -> b.weekday() == localStart.getDayOfWeek()
								&& !localStart.toLocalTime().isBefore(b.start())
								&& !localEnd.toLocalTime().isAfter(b.end())));
			if (!within) {
				conflicts.add(new Conflict("/occurrences/" + i, "outside-hours", "therapist", null, null, local(start),
						local(end), "The therapist is not available at " + start + " (outside their weekly hours)"));
			}
			for (AvailabilityRepository.TimeOff off : timeOff) {
				if (off.startsAt().isBefore(end) && off.endsAt().isAfter(start)) {
					conflicts.add(new Conflict("/occurrences/" + i, "time-off", "therapist", null, off.id(),
							local(off.startsAt()), local(off.endsAt()),
							"The therapist is on time off at " + start + ": time off " + off.id()));
				}
			}
		}
		return conflicts;
	}

	private OffsetDateTime local(Instant at) {
		return at.atZone(this.zone).toOffsetDateTime();
	}

	/** Refuses (400) a therapist who is not active or not on the child's care team. */
	void checkTherapist(UUID therapistId, UUID childId) {
		AccountSummary therapist = this.accounts.findById(therapistId).orElse(null);
		if (therapist == null || therapist.role() != Role.THERAPIST || !therapist.active()) {
			throw new SchedulingProblems.InvalidAppointment("/therapistId", "is not an active therapist");
		}
		if (this.children.caseload(therapistId).stream().noneMatch(c -> c.id().equals(childId))) {
			throw new SchedulingProblems.InvalidAppointment("/therapistId", "is not on the child's care team");
		}
	}

	private WeeklyRecurrence validate(BookingRequest request) {
		if (!ServiceCodes.ALL.contains(request.serviceCode())) {
			throw new SchedulingProblems.InvalidAppointment("/serviceCode",
					"must be an adaptive behavior CPT code 97151 to 97158");
		}
		if (!PLACES.contains(request.place())) {
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

	/** The appointment if the user may know of it (locked for a change); otherwise a 404 written to the log. */
	Appointment visible(CurrentUser user, UUID id, String action, boolean forUpdate) {
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
