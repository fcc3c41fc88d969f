package org.sparktherapy.sessions.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.sparktherapy.children.ChildStatus;
import org.sparktherapy.children.Children;
import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.DemoClock;
import org.sparktherapy.platform.DemoData;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.programs.ProgramStatus;
import org.sparktherapy.programs.Programs;
import org.sparktherapy.programs.TargetPhase;
import org.sparktherapy.vocabulary.ProgramKind;
import org.sparktherapy.vocabulary.PromptLevel;
import org.sparktherapy.vocabulary.TrialOutcome;

import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Weeks of realistic session data for the demo clinic ({@code demo} profile): from when
 * the programs were designed until the demo schedule begins ({@link #SCHEDULE_WEEKS_BACK}
 * weeks before this week's Monday), the technicians run three sessions a week with each
 * active child of their caseload, through the same service as the tablets; from then on
 * the data is recorded in the sessions of the scheduled appointments
 * ({@link DemoSignedNotes}), from the same learning curves ({@link #eventsOf}). Skills
 * improve along a learning curve with noise, behaviors decline, so targets reach their
 * criterion, get mastered automatically and the next target starts — the graphs show real
 * curves with phase changes. Now and then a mistaken trial is taken back (an undo) and an
 * occurrence of a behavior is described (an ABC record), so every kind of event is there
 * to see. One target stalls ({@link #STALLED_TARGET}). A guardian co-signs each note the
 * evening after. Deterministic (fixed seed).
 */
@Component
@Profile("demo")
@Order(40)
class DemoSessions implements DemoData {

	private static final List<String> TECHNICIANS = List.of("luis.romero@demo.sparktherapy.org",
			"priya.shah@demo.sparktherapy.org");

	private final SessionRecording recording;

	private final SessionSigning signing;

	private final Children children;

	private final Programs programs;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	private final Random random = new Random(20261125);

	/**
	 * A target whose teaching stopped moving it, for the first child who has it: half
	 * right in every session, so the supervisor's "Stalled targets" (StalledTargetRule)
	 * has something to show.
	 */
	static final String STALLED_TARGET = "ball";

	/** The one target that stalls (the first {@link #STALLED_TARGET} taught). */
	private UUID stalledTarget;

	/**
	 * The demo schedule's series begin this many weeks before this week's Monday (the
	 * scheduling module's {@code DemoSchedule.WEEKS_BACK}): its appointments' sessions
	 * carry the data from then on, so these free-standing sessions stop there.
	 */
	static final int SCHEDULE_WEEKS_BACK = 5;

	/** A 1×1 PNG: the demo guardians' drawn signature. */
	static final String SIGNATURE = "data:image/png;base64,"
			+ "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

	/**
	 * Notes of sessions before this day are co-signed; later ones wait for a guardian.
	 */
	private LocalDate signedBefore;

	/** Sessions each target has been run in since it entered intervention. */
	private final Map<UUID, Integer> practice = new HashMap<>();

	DemoSessions(SessionRecording recording, SessionSigning signing, Children children, Programs programs,
			Accounts accounts, JdbcClient jdbc, Clock clock, SparkProperties properties) {
		this.recording = recording;
		this.signing = signing;
		this.children = children;
		this.programs = programs;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	@Override
	public void seed() {
		DemoClock.seedOnce(this.clock,
				() -> this.jdbc.sql("select exists (select 1 from therapy_sessions)").query(Boolean.class).single(),
				this::seed);
	}

	private void seed(DemoClock demoClock) {
		LocalDate first = LocalDate.ofInstant(this.clock.instant(), this.zone).plusDays(1);
		LocalDate today = LocalDate.now(this.zone);
		LocalDate scheduled = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
			.minusWeeks(SCHEDULE_WEEKS_BACK);
		this.signedBefore = today.minusDays(7);
		for (LocalDate day = first; day.isBefore(scheduled) && day.isBefore(today); day = day.plusDays(1)) {
			DayOfWeek weekday = day.getDayOfWeek();
			if (weekday != DayOfWeek.MONDAY && weekday != DayOfWeek.WEDNESDAY && weekday != DayOfWeek.FRIDAY) {
				continue;
			}
			Instant start = day.atTime(LocalTime.of(15, 0)).atZone(this.zone).toInstant();
			for (String email : TECHNICIANS) {
				AccountSummary technician = this.accounts.findByEmail(email).orElseThrow();
				CurrentUser user = new CurrentUser(technician.id(), technician.role(), technician.name(), null);
				for (Children.ChildFacts child : this.children.caseload(technician.id())) {
					if (child.status() == ChildStatus.ACTIVE) {
						user.runAs(() -> session(demoClock, user, child.id(), start, weekday == DayOfWeek.MONDAY));
					}
				}
			}
		}
	}

	private void session(DemoClock demoClock, CurrentUser user, UUID childId, Instant start, boolean probeDay) {
		UUID id = UUID.randomUUID();
		Instant end = start.plus(Duration.ofHours(2));
		demoClock.set(start);
		this.recording.save(user, id, new SessionRecording.SessionDraft(childId, "97153", "clinic", start, end, null));
		List<FlatEvent> events = eventsOf(childId, start, probeDay);
		demoClock.set(end.plus(Duration.ofMinutes(5)));
		if (!events.isEmpty()) {
			this.recording.record(user, id, events);
		}
		this.signing.submit(user, id, "Engaged well; reinforcement with preferred toys.");
		if (LocalDate.ofInstant(start, this.zone).isBefore(this.signedBefore)) {
			demoClock.set(end.plus(Duration.ofHours(5)));
			coSign(childId, id);
		}
	}

	/**
	 * The first guardian who may sign for the child co-signs the session, through the
	 * service as in the app.
	 */
	private void coSign(UUID childId, UUID sessionId) {
		for (UUID guardianId : this.children.peopleOf(childId).guardians()) {
			AccountSummary guardian = this.accounts.findById(guardianId).orElse(null);
			if (guardian == null) {
				continue;
			}
			CurrentUser user = new CurrentUser(guardian.id(), guardian.role(), guardian.name(), null);
			if (this.children.maySignFor(user, childId)) {
				user.runAs(() -> this.signing.coSign(user, sessionId, guardian.name(), SIGNATURE));
				return;
			}
		}
	}

	/**
	 * What the technician records in a session of the child that starts at {@code start}:
	 * trials, steps, counts and durations of every active program's targets in their
	 * current phase, along the learning curve so far (probes of mastered targets on a
	 * {@code probeDay}).
	 */
	List<FlatEvent> eventsOf(UUID childId, Instant start, boolean probeDay) {
		List<SessionEvent> events = new ArrayList<>();
		Instant at = start.plus(Duration.ofMinutes(5));
		for (Programs.TargetFacts target : this.programs.targetsOf(childId)) {
			if (target.programStatus() != ProgramStatus.ACTIVE) {
				continue;
			}
			at = at.plus(Duration.ofMinutes(3));
			events.addAll(eventsFor(target, at, probeDay));
		}
		return events.stream().map(FlatEvent::of).toList();
	}

	private List<SessionEvent> eventsFor(Programs.TargetFacts target, Instant at, boolean probeDay) {
		TargetPhase phase = target.phase();
		boolean teaching = phase == TargetPhase.INTERVENTION;
		boolean probing = (phase == TargetPhase.MASTERED || phase == TargetPhase.MAINTENANCE
				|| phase == TargetPhase.BASELINE) && probeDay && target.position() < 2;
		if (!teaching && !probing) {
			return List.of();
		}
		int k = teaching ? this.practice.merge(target.targetId(), 1, Integer::sum) : 0;
		double skill = switch (phase) {
			case INTERVENTION -> Math.min(0.95, 0.35 + 0.09 * k);
			case BASELINE -> 0.2;
			default -> 0.92;
		};
		List<SessionEvent> events = new ArrayList<>();
		switch (target.measurement()) {
			case PERCENT_CORRECT -> {
				int trials = teaching ? 10 : 5;
				if (teaching && this.stalledTarget == null && STALLED_TARGET.equals(target.name())) {
					this.stalledTarget = target.targetId();
				}
				boolean stalled = teaching && target.targetId().equals(this.stalledTarget);
				for (int i = 0; i < trials; i++) {
					boolean correct = this.random.nextDouble() < skill;
					PromptLevel prompt = (correct && this.random.nextDouble() < skill) ? PromptLevel.INDEPENDENT
							: (this.random.nextBoolean() ? PromptLevel.VERBAL : PromptLevel.GESTURAL);
					if (stalled) {
						// half right every session, whatever the practice (the random
						// draws
						// above are still taken, so every other target's data stays as it
						// was)
						correct = i % 2 == 0;
						prompt = correct ? PromptLevel.GESTURAL : PromptLevel.VERBAL;
					}
					events.add(new SessionEvent.Trial(UUID.randomUUID(), target.targetId(),
							correct ? TrialOutcome.CORRECT : TrialOutcome.INCORRECT, prompt, at.plusSeconds(40L * i)));
				}
				if (k == 2) {
					// a trial tapped by mistake and taken back: it counts nowhere
					SessionEvent mistake = new SessionEvent.Trial(UUID.randomUUID(), target.targetId(),
							TrialOutcome.NO_RESPONSE, PromptLevel.FULL_PHYSICAL, at.plusSeconds(40L * trials));
					events.add(mistake);
					events
						.add(new SessionEvent.Undo(UUID.randomUUID(), mistake.id(), at.plusSeconds(40L * trials + 5)));
				}
			}
			case TASK_ANALYSIS -> {
				for (int step = 1; step <= 8; step++) {
					PromptLevel prompt = (this.random.nextDouble() < skill) ? PromptLevel.INDEPENDENT
							: PromptLevel.PARTIAL_PHYSICAL;
					events.add(new SessionEvent.TaskStep(UUID.randomUUID(), target.targetId(), step, prompt,
							at.plusSeconds(20L * step)));
				}
			}
			case FREQUENCY, RATE -> {
				int count = (int) Math.max(0, Math.round(9 - 0.25 * k + this.random.nextGaussian() * 1.5));
				if (count > 0) {
					events.add(new SessionEvent.Frequency(UUID.randomUUID(), target.targetId(), count, at));
				}
			}
			case DURATION -> {
				int seconds = (int) Math.max(10, Math.round(600 - 15 * k + this.random.nextGaussian() * 60));
				events.add(new SessionEvent.Duration(UUID.randomUUID(), target.targetId(), seconds, at));
			}
		}
		if (teaching && k % 3 == 1 && target.measurement().kind() == ProgramKind.BEHAVIOR) {
			// what happened around one occurrence, for the functional assessment
			events.add(new SessionEvent.Abc(UUID.randomUUID(), target.targetId(), "Asked to put the toys away",
					target.name(), "Given a break, then prompted to finish", at.plusSeconds(90)));
		}
		return events;
	}

}
