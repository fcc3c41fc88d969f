package org.sparktherapy.scheduling.internal;

import org.sparktherapy.scheduling.internal.autoschedule.SchedulePreferences;
import org.sparktherapy.scheduling.internal.changes.ChangeRequestService;
import org.sparktherapy.scheduling.internal.autoschedule.Proposal;
import org.sparktherapy.scheduling.internal.autoschedule.SchedulePreferenceRepository;
import org.sparktherapy.scheduling.internal.autoschedule.SchedulePreferenceService;
import org.sparktherapy.scheduling.internal.appointments.Appointment;
import org.sparktherapy.scheduling.internal.appointments.AppointmentCancellations;
import org.sparktherapy.scheduling.internal.appointments.AppointmentService;
import org.sparktherapy.scheduling.internal.appointments.AttendanceService;
import org.sparktherapy.scheduling.internal.availability.AvailabilityService;
import org.sparktherapy.scheduling.internal.availability.AvailabilityRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.children.ChildStatus;
import org.sparktherapy.children.Children;
import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.DemoClock;
import org.sparktherapy.platform.DemoData;
import org.sparktherapy.platform.SparkProperties;

import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's schedule ({@code demo} profile) for the past five weeks, the current
 * and the next week — a month of completed appointments for billing: each technician's
 * active children in weekly series — the first after school at the clinic on Monday,
 * Wednesday and Friday, the second at home on Tuesday and Thursday, the third at school
 * on Tuesday and Thursday mornings — booked by the demo admin through the same service as
 * the API, so they are conflict-free by the same rules. The supervising BCBA joins the
 * first technician's clinic child on Wednesdays for an hour and the second technician's
 * home child on Thursdays for half an hour of protocol modification (97155 over the
 * technician's 97153: a supervision). Appointments follow the clock as real ones do:
 * those already past were recorded and completed by their therapist (one of them with its
 * actual times differing from the booked ones), except a few along the month — parents'
 * cancellations (a sick day, a wedding), a school closed, a child who did not come — and
 * the most recent one of a child who did not come (a no-show) and one whose session the
 * technician is still recording (checked in); one upcoming appointment was cancelled by
 * the admin; the rest are scheduled. The first technician has proposed moving their last
 * clinic session an hour later, waiting for the admin's decision. The sessions' data and
 * signatures come from {@code DemoSignedNotes} (sessions module).
 * <p>
 * Before booking, the therapists get weekly availability that covers every seeded
 * appointment (and the proposed later start), and each booked child gets schedule
 * preferences — available hours around its slot, prescribed weekly hours and its slot's
 * place — so that the automatic schedule has something to place. Each part is seeded
 * once: therapists with hours and children with preferences are left alone, so an older
 * demo database gains them on its next start.
 */
@Component
@Profile("demo")
@Order(50)
class DemoSchedule implements DemoData {

	private static final String ADMIN = "admin@demo.sparktherapy.org";

	private static final List<String> TECHNICIANS = List.of("luis.romero@demo.sparktherapy.org",
			"priya.shah@demo.sparktherapy.org");

	/**
	 * A child's weekly slot: the first of a technician's children gets the first slot,
	 * and so on.
	 */
	record Slot(List<DayOfWeek> days, LocalTime start, LocalTime end, String place) {
	}

	static final List<Slot> SLOTS = List.of(
			new Slot(List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), LocalTime.of(15, 0),
					LocalTime.of(17, 0), "clinic"),
			new Slot(List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(15, 0), LocalTime.of(17, 30), "home"),
			new Slot(List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(9, 30), LocalTime.of(11, 30),
					"school"));

	private static final String SUPERVISOR = "maya.okafor@demo.sparktherapy.org";

	private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
			DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

	/**
	 * The technicians' weekly hours, 9:00–18:00 on weekdays: they contain every slot,
	 * including the hour later that the pending change request proposes, so neither the
	 * bookings nor approving that request need an override.
	 */
	static final List<AvailabilityRepository.Block> TECHNICIAN_HOURS = weekdays(LocalTime.of(9, 0),
			LocalTime.of(18, 0));

	/** The supervising BCBA's weekly hours. */
	static final List<AvailabilityRepository.Block> SUPERVISOR_HOURS = weekdays(LocalTime.of(10, 0),
			LocalTime.of(17, 0));

	/**
	 * What the child in a slot wants in a week, by slot: available hours on weekdays that
	 * contain the slot, and the hours of direct therapy (97153) and supervision (97155)
	 * for the automatic schedule to place around what is already booked — enough to fill
	 * the week without running out of therapists' time.
	 */
	record Wish(LocalTime from, LocalTime to, int directHours, int supervisionHours) {
	}

	static final List<Wish> WISHES = List.of(new Wish(LocalTime.of(13, 0), LocalTime.of(18, 0), 4, 1),
			new Wish(LocalTime.of(13, 0), LocalTime.of(18, 0), 4, 1),
			new Wish(LocalTime.of(8, 30), LocalTime.of(13, 0), 4, 1));

	private final AppointmentService appointments;

	private final AttendanceService attendances;

	private final AppointmentCancellations cancellations;

	private final AvailabilityService availability;

	private final AvailabilityRepository availabilityRecords;

	private final SchedulePreferenceService preferences;

	private final SchedulePreferenceRepository preferenceRecords;

	private final ChangeRequestService changeRequests;

	private final Children children;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	DemoSchedule(AppointmentService appointments, AttendanceService attendances, AppointmentCancellations cancellations,
			AvailabilityService availability, AvailabilityRepository availabilityRecords,
			SchedulePreferenceService preferences, SchedulePreferenceRepository preferenceRecords,
			ChangeRequestService changeRequests, Children children, Accounts accounts, JdbcClient jdbc, Clock clock,
			SparkProperties properties) {
		this.appointments = appointments;
		this.attendances = attendances;
		this.cancellations = cancellations;
		this.availability = availability;
		this.availabilityRecords = availabilityRecords;
		this.preferences = preferences;
		this.preferenceRecords = preferenceRecords;
		this.changeRequests = changeRequests;
		this.children = children;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	@Override
	public void seed() {
		CurrentUser admin = user(ADMIN);
		// hours first: the bookings below are checked against them
		seedHours(admin, user(SUPERVISOR), SUPERVISOR_HOURS);
		for (String email : TECHNICIANS) {
			CurrentUser technician = user(email);
			seedHours(admin, technician, TECHNICIAN_HOURS);
			List<Children.ChildFacts> active = activeCaseload(technician);
			for (int i = 0; i < active.size(); i++) {
				seedPreferences(admin, active.get(i).id(), SLOTS.get(i), WISHES.get(i));
			}
		}
		if (this.jdbc.sql("select count(*) from appointments").query(Long.class).single() > 0) {
			return;
		}
		LocalDate monday = LocalDate.ofInstant(this.clock.instant(), this.zone)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
			.minusWeeks(WEEKS_BACK);
		for (String email : TECHNICIANS) {
			CurrentUser technician = user(email);
			List<Children.ChildFacts> active = activeCaseload(technician);
			for (int i = 0; i < active.size(); i++) {
				boolean firstTechnician = email.equals(TECHNICIANS.getFirst());
				Slot slot = SLOTS.get(i);
				UUID childId = active.get(i).id();
				LocalDate first = monday.with(TemporalAdjusters.nextOrSame(slot.days().getFirst()));
				String days = String.join(",", slot.days().stream().map(day -> day.name().substring(0, 2)).toList());
				AppointmentService.BookingRequest request = new AppointmentService.BookingRequest(active.get(i).id(),
						technician.id(), "97153", slot.place(),
						first.atTime(slot.start()).atZone(this.zone).toOffsetDateTime(),
						first.atTime(slot.end()).atZone(this.zone).toOffsetDateTime(),
						"FREQ=WEEKLY;BYDAY=" + days + ";COUNT=" + (WEEKS * slot.days().size()), null);
				AppointmentService.Booking booking = book(admin, request);
				Past last = (firstTechnician && i == 1) ? Past.NO_SHOW
						: (!firstTechnician && i == 0) ? Past.RECORDING : Past.COMPLETED;
				Miss miss = MISSED.get((firstTechnician ? 0 : SLOTS.size()) + i);
				UUID missed = (miss != null) ? miss(admin, childId, booking, miss) : null;
				attendPast(technician, booking, last, (missed != null) ? Set.of(missed) : Set.of());
				if (firstTechnician && i == 0) {
					proposeLaterStart(technician, booking.occurrences().getLast());
				}
				DayOfWeek supervised = SUPERVISED_DAYS.get((firstTechnician ? 0 : SLOTS.size()) + i);
				if (supervised != null) {
					supervise(admin, booking, monday, slot, supervised,
							firstTechnician ? SUPERVISION_MINUTES.getFirst() : SUPERVISION_MINUTES.getLast());
				}
				if (!firstTechnician && i == 1) {
					cancelNext(admin, childId);
				}
			}
		}
	}

	/**
	 * How many weeks back the series start, from this week's Monday: five, so that the
	 * completed appointments — and billing's charges — span a month whatever the weekday.
	 */
	static final int WEEKS_BACK = 5;

	/** How many weeks are booked: the past ones, this one and the next. */
	private static final int WEEKS = WEEKS_BACK + 2;

	/**
	 * The day the supervising BCBA joins a series' child for an hour, by series — the
	 * first technician's slots, then the second technician's (null: none): the first
	 * technician's clinic child on Wednesdays, the second technician's home child on
	 * Thursdays.
	 */
	/**
	 * How long the BCBA joins each week, per technician: an hour with the first, half an
	 * hour with the second — about 3 % of the second technician's fifteen weekly hours,
	 * so the dashboard's RBT supervision shows a technician below the BACB's 5 % (ADR
	 * 0035).
	 */
	private static final List<Integer> SUPERVISION_MINUTES = List.of(60, 30);

	private static final List<DayOfWeek> SUPERVISED_DAYS = Arrays.asList(DayOfWeek.WEDNESDAY, null, null, null,
			DayOfWeek.THURSDAY, null);

	/**
	 * A past occurrence that did not take place: the {@code index}-th of its series (from
	 * the first), cancelled by a guardian or the admin at {@code hoursBefore} its start,
	 * or a no-show when {@code reason} is null.
	 */
	record Miss(int index, boolean byGuardian, long hoursBefore, String reason) {
	}

	/**
	 * The occurrences along the month that did not take place, by series — the first
	 * technician's slots, then the second technician's (null: none).
	 */
	private static final List<Miss> MISSED = Arrays.asList(
			new Miss(5, true, 7, "Sick today with a fever; we will be back on Monday."), new Miss(5, false, 0, null),
			null, null, new Miss(4, true, 20, "We are away for a family wedding."),
			new Miss(2, false, 50, "School closed for a staff training day."));

	/**
	 * What became of a series' most recent past occurrence (the earlier ones were
	 * completed).
	 */
	private enum Past {

		COMPLETED, NO_SHOW, RECORDING

	}

	private AppointmentService.Booking book(CurrentUser admin, AppointmentService.BookingRequest request) {
		AppointmentService.Booking[] booked = new AppointmentService.Booking[1];
		admin.runAs(() -> booked[0] = this.appointments.book(admin, request));
		return booked[0];
	}

	/**
	 * The supervising BCBA joins the technician's session on {@code day} for an hour each
	 * week (97155 over the technician's 97153); the past ones were completed by the BCBA,
	 * except on a day the technician's session did not take place (cancelled with it).
	 */
	private void supervise(CurrentUser admin, AppointmentService.Booking technicians, LocalDate firstMonday, Slot slot,
			DayOfWeek day, int minutes) {
		CurrentUser supervisor = user(SUPERVISOR);
		UUID childId = technicians.occurrences().getFirst().childId();
		LocalDate first = firstMonday.with(TemporalAdjusters.nextOrSame(day));
		LocalTime start = slot.start().plusMinutes(30);
		AppointmentService.Booking booking = book(admin,
				new AppointmentService.BookingRequest(childId, supervisor.id(), "97155", slot.place(),
						first.atTime(start).atZone(this.zone).toOffsetDateTime(),
						first.atTime(start.plusMinutes(minutes)).atZone(this.zone).toOffsetDateTime(),
						"FREQ=WEEKLY;BYDAY=" + day.name().substring(0, 2) + ";COUNT=" + WEEKS, null));
		Set<UUID> cancelled = new HashSet<>();
		for (Appointment occurrence : booking.occurrences()) {
			boolean alone = this.jdbc
				.sql("select status from appointments where child_id = :child and service_code = '97153' "
						+ "and starts_at < :end and ends_at > :start")
				.param("child", childId)
				.param("start", Timestamp.from(occurrence.startsAt()))
				.param("end", Timestamp.from(occurrence.endsAt()))
				.query(String.class)
				.optional()
				.map(status -> status.equals("cancelled"))
				.orElse(false);
			if (alone && occurrence.startsAt().isBefore(this.clock.instant())) {
				at(occurrence.startsAt().minus(Duration.ofHours(2)),
						() -> admin.runAs(() -> this.cancellations.cancel(admin, occurrence.id(),
								"The technician's session that day was cancelled.", Appointment.Scope.THIS)));
				cancelled.add(occurrence.id());
			}
		}
		attendPast(supervisor, booking, Past.COMPLETED, cancelled);
	}

	/**
	 * The admin cancels the child's next upcoming appointments of a day: the family is
	 * away.
	 */
	private void cancelNext(CurrentUser admin, UUID childId) {
		Instant now = this.clock.instant();
		List<UUID> next = this.jdbc.sql("""
				select id from appointments
				where child_id = :child and status = 'scheduled' and starts_at > :now
				  and local_start::date = (select min(local_start)::date from appointments
				    where child_id = :child and status = 'scheduled' and starts_at > :now)
				order by starts_at""")
			.param("child", childId)
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.list();
		next.forEach(id -> admin
			.runAs(() -> this.cancellations.cancel(admin, id, "The family is away that day.", Appointment.Scope.THIS)));
	}

	/**
	 * A past occurrence that did not take place: cancelled by a guardian (late: the same
	 * morning) or the admin ahead of time, at that time on the demo clock, or a no-show
	 * recorded by the technician.
	 */
	private UUID miss(CurrentUser admin, UUID childId, AppointmentService.Booking booking, Miss miss) {
		Instant now = this.clock.instant();
		List<Appointment> past = booking.occurrences()
			.stream()
			.filter(occurrence -> occurrence.endsAt().isBefore(now))
			.toList();
		if (miss.index() >= past.size() - 1) {
			// the most recent past one has a fate of its own
			return null;
		}
		Appointment occurrence = past.get(miss.index());
		if (miss.reason() == null) {
			CurrentUser technician = user(occurrence.therapist().id());
			at(occurrence.startsAt().plus(Duration.ofMinutes(20)),
					() -> technician.runAs(() -> this.attendances.noShow(technician, occurrence.id(), null)));
			return occurrence.id();
		}
		CurrentUser by = miss.byGuardian() ? user(this.children.peopleOf(childId).guardians().iterator().next())
				: admin;
		at(occurrence.startsAt().minus(Duration.ofHours(miss.hoursBefore())), () -> by
			.runAs(() -> this.cancellations.cancel(by, occurrence.id(), miss.reason(), Appointment.Scope.THIS)));
		return occurrence.id();
	}

	/**
	 * Runs {@code action} with the demo clock at {@code instant} (then back to the real
	 * time), so what it records is dated then.
	 */
	private void at(Instant instant, Runnable action) {
		if (!(this.clock instanceof DemoClock demoClock)) {
			action.run();
			return;
		}
		demoClock.set(instant);
		try {
			action.run();
		}
		finally {
			demoClock.release();
		}
	}

	/** The technician's first active children, one per slot. */
	private List<Children.ChildFacts> activeCaseload(CurrentUser technician) {
		return this.children.caseload(technician.id())
			.stream()
			.filter(child -> child.status() == ChildStatus.ACTIVE)
			.limit(SLOTS.size())
			.toList();
	}

	private void seedHours(CurrentUser admin, CurrentUser therapist, List<AvailabilityRepository.Block> blocks) {
		if (!this.availabilityRecords.blocks(therapist.id()).isEmpty()) {
			return;
		}
		admin.runAs(() -> this.availability.replace(admin, therapist.id(), blocks));
	}

	private void seedPreferences(CurrentUser admin, UUID childId, Slot slot, Wish wish) {
		if (this.preferenceRecords.find(childId).isPresent()) {
			return;
		}
		List<SchedulePreferences.Hours> hours = WEEKDAYS.stream()
			.map(day -> new SchedulePreferences.Hours(day, wish.from(), wish.to()))
			.toList();
		SchedulePreferences wanted = new SchedulePreferences(childId, hours,
				List.of(new SchedulePreferences.Prescription("97153", wish.directHours()),
						new SchedulePreferences.Prescription("97155", wish.supervisionHours())),
				slot.place(), 0);
		admin.runAs(() -> this.preferences.replace(admin, wanted));
	}

	private static List<AvailabilityRepository.Block> weekdays(LocalTime start, LocalTime end) {
		return WEEKDAYS.stream().map(day -> new AvailabilityRepository.Block(day, start, end)).toList();
	}

	private void proposeLaterStart(CurrentUser technician, Appointment last) {
		technician.runAs(() -> this.changeRequests.propose(technician, last.id(),
				new ChangeRequestService.Proposal(Appointment.Scope.THIS,
						last.startsAt().plus(Duration.ofHours(1)).atZone(this.zone).toOffsetDateTime(),
						last.endsAt().plus(Duration.ofHours(1)).atZone(this.zone).toOffsetDateTime(), null,
						"The family asked for a later start that Friday.")));
	}

	/**
	 * The therapist recorded the occurrences already over and completed them, the first
	 * one with its actual times (it began five minutes late and ended ten minutes early);
	 * the most recent one became {@code last}; the {@code missed} ones did not take
	 * place.
	 */
	private void attendPast(CurrentUser therapist, AppointmentService.Booking booking, Past last, Set<UUID> missed) {
		Instant now = this.clock.instant();
		List<Appointment> past = booking.occurrences()
			.stream()
			.filter(occurrence -> occurrence.endsAt().isBefore(now))
			.filter(occurrence -> !missed.contains(occurrence.id()))
			.toList();
		therapist.runAs(() -> {
			for (int i = 0; i < past.size(); i++) {
				Appointment occurrence = past.get(i);
				Past fate = (i == past.size() - 1) ? last : Past.COMPLETED;
				switch (fate) {
					case NO_SHOW -> this.attendances.noShow(therapist, occurrence.id(), null);
					case RECORDING -> this.attendances.startRecording(therapist, occurrence.id(), null);
					case COMPLETED -> {
						this.attendances.startRecording(therapist, occurrence.id(), null);
						this.attendances.complete(therapist, occurrence.id(),
								(i == 0) ? occurrence.startsAt().plus(Duration.ofMinutes(5)) : null,
								(i == 0) ? occurrence.endsAt().minus(Duration.ofMinutes(10)) : null, null);
					}
				}
			}
		});
	}

	private CurrentUser user(String email) {
		AccountSummary account = this.accounts.findByEmail(email)
			.orElseThrow(() -> new IllegalStateException("demo account missing: " + email));
		return new CurrentUser(account.id(), account.role(), account.name(), null);
	}

	private CurrentUser user(UUID id) {
		AccountSummary account = this.accounts.findById(id)
			.orElseThrow(() -> new IllegalStateException("demo account missing: " + id));
		return new CurrentUser(account.id(), account.role(), account.name(), null);
	}

}
