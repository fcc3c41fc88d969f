package org.sparktherapy.scheduling.internal.appointments;

import org.sparktherapy.scheduling.internal.availability.AvailabilityRepository;
import org.sparktherapy.vocabulary.Place;
import org.sparktherapy.scheduling.internal.availability.TherapistAvailability;
import org.sparktherapy.scheduling.internal.PayerRuleCheck;
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
import org.sparktherapy.scheduling.AppointmentMoved;
import org.sparktherapy.scheduling.PayerRules;
import org.sparktherapy.scheduling.internal.appointments.Appointment.Scope;
import org.sparktherapy.vocabulary.ServiceCode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking, reading, listing and changing (moving) appointments; cancelling is
 * {@link AppointmentCancellations}', attendance {@link AttendanceService}'s. Every call
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

	/**
	 * What was booked: the series, if recurring, every occurrence in order, and what the
	 * child's payer rules warn of ({@link PayerRuleCheck}).
	 */
	public record Booking(Series series, List<Appointment> occurrences, List<PayerRules.Warning> warnings) {
	}

	/**
	 * What a booking or move would meet, found without saving: the payer rules' warnings,
	 * {@code blocked} when the clinic refuses them (saving would answer 409
	 * {@code authorization-exceeded}), and the conflicts that would refuse it.
	 */
	public record BookingCheck(List<PayerRules.Warning> warnings, boolean blocked, List<Conflict> conflicts) {
	}

	private final AppointmentRepository appointments;

	private final AvailabilityRepository availability;

	private final SchedulingAccessPolicy policy;

	private final Children children;

	private final Accounts accounts;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate savepoint;

	private final Clock clock;

	private final ZoneId zone;

	private final AppointmentAccess access;

	private final PayerRuleCheck payerRules;

	AppointmentService(AppointmentRepository appointments, AvailabilityRepository availability,
			SchedulingAccessPolicy policy, AppointmentAccess access, Children children, Accounts accounts,
			AuditTrail audit, ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock,
			SparkProperties properties, PayerRuleCheck payerRules) {
		this.payerRules = payerRules;
		this.appointments = appointments;
		this.availability = availability;
		this.policy = policy;
		this.access = access;
		this.children = children;
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
	 * double booking. The child's payer rules are checked once it is written: their
	 * warnings come back with the booking, or, where the clinic blocks, a 409 rolls it
	 * back ({@link PayerRuleCheck}).
	 */
	@Transactional
	@RetryOnConcurrencyFailure
	public Booking book(CurrentUser user, BookingRequest request) {
		return book(user, request, true);
	}

	/**
	 * {@link #book(CurrentUser, BookingRequest)}, leaving the payer rules to the caller
	 * when {@code checkPayerRules} is false (an automatic schedule checks its whole week
	 * at once).
	 */
	@Transactional
	@RetryOnConcurrencyFailure
	public Booking book(CurrentUser user, BookingRequest request, boolean checkPayerRules) {
		WeeklyRecurrence recurrence = validate(request);
		authorizeBooking(user, request, "create");
		Duration length = Duration.between(request.start(), request.end());
		List<Instant> starts = starts(request, recurrence);
		lockSchedulesOf(List.of(request.therapistId(), request.childId()));
		List<Conflict> conflicts = conflicts(request, starts, length, Set.of());
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
		List<PayerRules.Warning> warnings = checkPayerRules ? this.payerRules.check(proposed(booked)) : List.of();
		booked.forEach(a -> this.events.publishEvent(new AppointmentBooked(a.id(), a.seriesId(), a.childId(),
				a.therapist().id(), a.startsAt(), a.endsAt())));
		this.audit.success(new PhiAccess("create", "appointment", (series != null) ? series.id() : ids.getFirst(),
				request.childId()));
		return new Booking(series, booked, warnings);
	}

	/**
	 * What {@link #book(CurrentUser, BookingRequest)} would answer, without booking: the
	 * payer rules' warnings and whether the clinic would refuse them, and the conflicts
	 * that would refuse the booking (availability and time off only without an override
	 * reason). Access, validation and the care team are checked as when booking (the same
	 * problems). The appointments are written in a savepoint, checked exactly as a
	 * booking checks them, and rolled back: nothing is booked, no event leaves.
	 */
	@Transactional
	public BookingCheck checkBooking(CurrentUser user, BookingRequest request) {
		WeeklyRecurrence recurrence = validate(request);
		authorizeBooking(user, request, "check");
		Duration length = Duration.between(request.start(), request.end());
		List<Instant> starts = starts(request, recurrence);
		lockSchedulesOf(List.of(request.therapistId(), request.childId()));
		List<Conflict> conflicts = conflicts(request, starts, length, Set.of());
		Series series = (recurrence != null) ? new Series(UUID.randomUUID(), recurrence.text()) : null;
		Instant now = this.clock.instant();
		PayerRules.Verdict verdict = rehearse(request.childId(), () -> {
			List<UUID> ids = new ArrayList<>();
			insert(user, request, series, starts, length, ids, now);
			return ids;
		});
		this.audit.success(new PhiAccess("check", "appointment", null, request.childId()));
		return new BookingCheck(verdict.warnings(), verdict.block(), conflicts);
	}

	/**
	 * What {@link #change} would answer, without changing anything: as
	 * {@link #checkBooking}, for a move of the appointment (and the occurrences of its
	 * series the scope names). The version is not compared.
	 */
	@Transactional
	public BookingCheck checkChange(CurrentUser user, UUID id, ChangeRequest request) {
		Move move = prepareChange(user, id, request, "check");
		List<Conflict> conflicts = conflicts(move.changed(), move.starts(), move.length(), move.ids());
		Instant now = this.clock.instant();
		PayerRules.Verdict verdict = rehearse(move.appointment().childId(), () -> {
			reschedule(user, move, now, false);
			return move.ids().stream().toList();
		});
		this.audit.success(new PhiAccess("check", "appointment", id, move.appointment().childId()));
		return new BookingCheck(verdict.warnings(), verdict.block(), conflicts);
	}

	/**
	 * The payer rules' verdict on sessions of one child as if they were booked now:
	 * written in a savepoint with overlaps unchecked, checked as a booking checks them,
	 * and rolled back. The caller has checked access and the sessions; a draft week's
	 * adjustment asks this (ADR 0031).
	 */
	public PayerRules.Verdict payerVerdictIfBooked(CurrentUser user, UUID childId, List<BookingRequest> sessions) {
		Instant now = this.clock.instant();
		return rehearse(childId, () -> {
			List<UUID> ids = new ArrayList<>();
			for (BookingRequest session : sessions) {
				insert(user, session, null, List.of(session.start().toInstant()),
						Duration.between(session.start(), session.end()), ids, now);
			}
			return ids;
		});
	}

	/**
	 * Writes appointments in a savepoint (their overlaps unchecked: the conflicts are
	 * answered apart), asks the payer rules about them, and rolls the savepoint back. The
	 * rules' own access-log entries go with it, so each authorization a warning names is
	 * logged as read here, once.
	 */
	private PayerRules.Verdict rehearse(UUID childId, java.util.function.Supplier<List<UUID>> write) {
		PayerRules.Verdict verdict = this.savepoint.execute(status -> {
			this.appointments.deferOverlapChecks();
			List<UUID> ids = write.get();
			PayerRules.Verdict answer = this.payerRules.verdict(proposed(this.appointments.findAll(ids)));
			status.setRollbackOnly();
			return answer;
		});
		this.appointments.checkOverlapsNow();
		verdict.warnings()
			.stream()
			.map(PayerRules.Warning::authorizationId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.forEach(authorization -> this.audit
				.success(new PhiAccess("read", "authorization", authorization, childId)));
		return verdict;
	}

	/**
	 * Refuses a user who may not book for the child (404 when they may not know of it),
	 * an override reason from someone who may not override, and a child who is not
	 * active, a therapist off the care team or without the credential for the service.
	 */
	private void authorizeBooking(CurrentUser user, BookingRequest request, String action) {
		Relation relation = this.children.relationOf(user, request.childId());
		if (!relation.canSee()) {
			refuse(action, null, request.childId(), true);
			throw new SchedulingProblems.AppointmentNotFound("child");
		}
		if (!this.policy.mayBook(relation)
				|| (request.overrideReason() != null && !this.policy.mayOverrideAvailability(user))) {
			refuse(action, null, request.childId(), false);
			throw new SchedulingProblems.NotAllowedForAppointment("Only admins book appointments.");
		}
		if (this.children.find(request.childId()).orElseThrow().status() != ChildStatus.ACTIVE) {
			throw new SchedulingProblems.ChildNotActive();
		}
		checkTherapist(request.therapistId(), request.childId());
		checkCredential(request.therapistId(), request.serviceCode());
	}

	/** The starts of the occurrences a booking asks for, in order. */
	private List<Instant> starts(BookingRequest request, WeeklyRecurrence recurrence) {
		try {
			return (recurrence != null) ? recurrence.expand(request.start().toZonedDateTime(), this.zone)
					: List.of(request.start().toInstant());
		}
		catch (WeeklyRecurrence.Unusable ex) {
			throw new SchedulingProblems.InvalidAppointment("/recurrence", ex.getMessage());
		}
	}

	/**
	 * What stands in the way of the occurrences: double bookings, and — without an
	 * override reason — the therapist's availability and time off.
	 */
	private List<Conflict> conflicts(BookingRequest request, List<Instant> starts, Duration length, Set<UUID> moving) {
		List<Conflict> conflicts = new ArrayList<>(
				overlaps(request.therapistId(), request.childId(), request.serviceCode(), starts, length, moving));
		if (request.overrideReason() == null) {
			conflicts.addAll(unavailable(request.therapistId(), starts, length));
		}
		return conflicts;
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
		this.audit
			.successAll(shown.stream().map(childId -> new PhiAccess("list", "appointment", null, childId)).toList());
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
		Move move = prepareChange(user, id, request, "update");
		Appointment appointment = move.appointment();
		BookingRequest changed = move.changed();
		List<Conflict> conflicts = conflicts(changed, move.starts(), move.length(), move.ids());
		if (!conflicts.isEmpty()) {
			throw new SchedulingProblems.AppointmentConflicts(conflicts);
		}
		Instant now = this.clock.instant();
		List<Appointment> moving = move.moving();
		List<Instant> starts = move.starts();
		Duration length = move.length();
		Set<UUID> ids = move.ids();
		OffsetDateTime start = changed.start();
		Scope scope = move.scope();
		try {
			this.savepoint.executeWithoutResult(status -> reschedule(user, move, now, true));
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
		List<PayerRules.Warning> warnings = this.payerRules.check(proposed(moved));
		UUID moveId = UUID.randomUUID();
		for (int i = 0; i < moving.size(); i++) {
			Appointment before = moving.get(i);
			Appointment after = moved.stream().filter(a -> a.id().equals(before.id())).findFirst().orElseThrow();
			this.events.publishEvent(new AppointmentMoved(after.id(), after.childId(), after.therapist().id(),
					before.therapist().id(), after.startsAt(), after.endsAt(), before.startsAt(), before.endsAt(),
					after.seriesId(), moveId, moving.size()));
		}
		this.audit.success(new PhiAccess("update", "appointment", id, appointment.childId()));
		return new Booking(series, moved, warnings);
	}

	/**
	 * A change as asked: the appointment (checked for access and that it is scheduled),
	 * the change as a booking, the occurrences moving and where they go. Locks the
	 * schedules of the therapist and child.
	 */
	private Move prepareChange(CurrentUser user, UUID id, ChangeRequest request, String action) {
		Appointment appointment = visible(user, id, action, true);
		Relation relation = this.children.relationOf(user, appointment.childId());
		if (!this.policy.mayChange(relation)
				|| (request.overrideReason() != null && !this.policy.mayOverrideAvailability(user))) {
			refuse(action, id, appointment.childId(), false);
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
		List<Instant> starts = moving.stream()
			.map(a -> WeeklyRecurrence.shift(a.startsAt(), shift, this.zone))
			.toList();
		Set<UUID> ids = new LinkedHashSet<>(moving.stream().map(Appointment::id).toList());
		lockSchedulesOf(List.of(changed.therapistId(), changed.childId()));
		return new Move(appointment, changed, scope, moving, starts, Duration.between(start, end), ids);
	}

	/**
	 * Writes a move; its overlaps are checked once every occurrence has moved, or, when
	 * {@code checkOverlaps} is false (a rehearsal), left unchecked.
	 */
	private void reschedule(CurrentUser user, Move move, Instant now, boolean checkOverlaps) {
		BookingRequest changed = move.changed();
		this.appointments.deferOverlapChecks();
		for (int i = 0; i < move.moving().size(); i++) {
			Instant at = move.starts().get(i);
			this.appointments.reschedule(move.moving().get(i).id(), changed.therapistId(), changed.serviceCode(),
					changed.place(), at, at.plus(move.length()), at.atZone(this.zone).toLocalDateTime(),
					(changed.overrideReason() != null) ? user.id() : null,
					(changed.overrideReason() != null) ? changed.overrideReason().trim() : null, now);
		}
		if (checkOverlaps) {
			this.appointments.checkOverlapsNow();
		}
	}

	/** A change prepared: what moves where. */
	private record Move(Appointment appointment, BookingRequest changed, Scope scope, List<Appointment> moving,
			List<Instant> starts, Duration length, Set<UUID> ids) {
	}

	/** Appointments as the payer rules see them. */
	public static List<PayerRules.ProposedAppointment> proposed(List<Appointment> appointments) {
		return appointments.stream()
			.map(a -> new PayerRules.ProposedAppointment(a.childId(), a.serviceCode(), a.startsAt(), a.endsAt()))
			.toList();
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
		return this.access.visible(user, id, action, forUpdate);
	}

	private void refuse(String action, UUID appointmentId, UUID childId, boolean notFound) {
		this.access.refuse(action, appointmentId, childId, notFound);
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
