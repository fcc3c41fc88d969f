package org.sparktherapy.scheduling.internal.autoschedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.scheduling.PayerRules;
import org.sparktherapy.vocabulary.ServiceCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The solver on in-memory clinics, without Spring or a database. */
class ScheduleSolverTests {

	static final ZoneId ZONE = ZoneId.of("America/New_York");

	/** A Monday; daylight saving starts the following Sunday. */
	static final LocalDate WEEK = LocalDate.of(2027, 3, 8);

	static final Duration TIME_LIMIT = Duration.ofSeconds(8);

	private final ScheduleSolver solver = new ScheduleSolver(
			new ScheduleSolverProperties(TIME_LIMIT, Duration.ofSeconds(1)));

	@Test
	void cutsPrescribedTimeIntoSessionsOfTwoHoursOrSo() {
		assertThat(ScheduleSolver.sessionLengths(0)).isEmpty();
		assertThat(ScheduleSolver.sessionLengths(20)).as("not worth a session").isEmpty();
		assertThat(ScheduleSolver.sessionLengths(60)).containsExactly(60);
		assertThat(ScheduleSolver.sessionLengths(180)).containsExactly(180);
		assertThat(ScheduleSolver.sessionLengths(7 * 60)).containsExactly(120, 120, 180);
		assertThat(ScheduleSolver.sessionLengths(10 * 60)).containsExactly(120, 120, 120, 120, 120);
		assertThat(ScheduleSolver.sessionLengths(270)).containsExactly(120, 150);
	}

	/**
	 * Timefold is set up on first use: a node's start-up does not wait for it (issue 16).
	 */
	@Test
	void setsUpTimefoldOnFirstUseNotWhenCreated() {
		ScheduleSolver fresh = new ScheduleSolver(
				new ScheduleSolverProperties(Duration.ofSeconds(1), Duration.ofMillis(200)));

		assertThat(fresh.started()).isFalse();
		assertThat(fresh.solve(new RealisticClinic().problem()).placed()).isNotEmpty();
		assertThat(fresh.started()).isTrue();
	}

	@Test
	void takesItsTimeBoundsFromTheSettings() {
		var termination = this.solver.config().getTerminationConfig();

		assertThat(termination.getSpentLimit()).isEqualTo(TIME_LIMIT);
		assertThat(termination.getUnimprovedSpentLimit()).isEqualTo(Duration.ofSeconds(1));
	}

	/**
	 * The incremental score after every move is the score from scratch: a constraint that
	 * reads a changed planning value its stream does not see (a grouped list of mutable
	 * slots did, for travel) corrupts the score, and the solver then fails at its phase's
	 * end, in the clinic as here.
	 */
	@Test
	void keepsItsIncrementalScoreTrueMoveByMove() {
		RealisticClinic clinic = new RealisticClinic();
		ScheduleSolver asserting = new ScheduleSolver(this.solver.config()
			.copyConfig()
			.withEnvironmentMode(ai.timefold.solver.core.config.solver.EnvironmentMode.FULL_ASSERT)
			.withRandomSeed(7L)
			.withTerminationConfig(
					new ai.timefold.solver.core.config.solver.termination.TerminationConfig().withStepCountLimit(60)));

		ScheduleSolver.Plan plan = asserting.solve(clinic.problem());

		assertThat(plan.placed()).isNotEmpty();
	}

	@Test
	void schedulesARealisticClinicWithoutBreakingAHardRule() {
		RealisticClinic clinic = new RealisticClinic();

		// the solver stops at its time limit whatever the clinic: a generous margin
		// covers start-up and a busy machine
		ScheduleSolver.Plan plan = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
				TIME_LIMIT.plus(Duration.ofSeconds(30)), () -> this.solver.solve(clinic.problem()));

		assertThat(plan.score()).startsWith("0hard/");
		assertNoDoubleBooking(plan.placed());
		for (Proposal.Placed session : plan.placed()) {
			ProposalProblem.ChildWeek child = clinic.child(session.childId());
			assertThat(child.careTeam()).contains(session.therapistId());
			assertThat(
					ServiceCode.mayDeliver(clinic.therapist(session.therapistId()).credential(), session.serviceCode()))
				.as("%s by a %s", session.serviceCode(), clinic.therapist(session.therapistId()).credential())
				.isTrue();
			assertThat(session.therapistId()).isNotEqualTo(clinic.unavailableTherapist);
			assertWithin(child.preferences().availableHours(), session);
			assertWithin(clinic.therapist(session.therapistId()).hours(), session);
		}
		int placedHours = plan.placed().stream().mapToInt(Proposal.Placed::minutes).sum() / 60;
		int unplacedHours = plan.unplaced().stream().mapToInt(Proposal.Unplaced::minutes).sum() / 60;
		assertThat(placedHours + unplacedHours).isEqualTo(clinic.prescribedHours());
		assertThat(placedHours).as("most hours placed").isGreaterThanOrEqualTo(clinic.prescribedHours() * 9 / 10);
	}

	@Test
	void keepsClearOfExistingAppointmentsAndTimeOff() {
		UUID therapist = UUID.randomUUID();
		UUID childId = UUID.randomUUID();
		// Monday to Wednesday 15:00–17:00 are the only shared hours; Monday the child has
		// supervision with another
		// therapist, Tuesday is time off
		List<SchedulePreferences.Hours> hours = List.of(hours(DayOfWeek.MONDAY, 15, 17),
				hours(DayOfWeek.TUESDAY, 15, 17), hours(DayOfWeek.WEDNESDAY, 15, 17));
		ProposalProblem.Booked booked = new ProposalProblem.Booked("97155", at(0, 15), at(0, 16));
		ProposalProblem.Busy timeOff = new ProposalProblem.Busy(at(1, 0), at(2, 0));
		ProposalProblem problem = new ProposalProblem(WEEK, ZONE, Instant.EPOCH,
				List.of(new ProposalProblem.ChildWeek(preferences(childId, hours, 4, "home"), List.of(therapist),
						List.of(booked))),
				List.of(new ProposalProblem.TherapistWeek(therapist, Credential.RBT, hours, List.of(timeOff))));

		ScheduleSolver.Plan plan = this.solver.solve(problem);

		assertThat(plan.placed()).singleElement().satisfies(p -> assertThat(p.start()).isEqualTo(at(2, 15)));
		assertThat(plan.unplaced()).singleElement().satisfies(u -> {
			assertThat(u.minutes()).isEqualTo(2 * 60);
			assertThat(u.reason()).isEqualTo(ScheduleSolver.CROWDED_OUT);
		});
	}

	@Test
	void saysWhyHoursCannotBePlaced() {
		UUID withoutHours = UUID.randomUUID();
		UUID mornings = UUID.randomUUID();
		List<SchedulePreferences.Hours> afternoon = List.of(hours(DayOfWeek.MONDAY, 15, 19));
		UUID noTeam = UUID.randomUUID();
		UUID teamWithoutHours = UUID.randomUUID();
		UUID noOverlap = UUID.randomUUID();
		ProposalProblem problem = new ProposalProblem(WEEK, ZONE, Instant.EPOCH, List.of(
				new ProposalProblem.ChildWeek(preferences(noTeam, afternoon, 2, "clinic"), List.of(), List.of()),
				new ProposalProblem.ChildWeek(preferences(teamWithoutHours, afternoon, 2, "clinic"),
						List.of(withoutHours), List.of()),
				new ProposalProblem.ChildWeek(preferences(noOverlap, afternoon, 2, "clinic"), List.of(mornings),
						List.of())),
				List.of(new ProposalProblem.TherapistWeek(withoutHours, Credential.RBT, List.of(), List.of()),
						new ProposalProblem.TherapistWeek(mornings, Credential.RBT,
								List.of(hours(DayOfWeek.MONDAY, 8, 12)), List.of())));

		ScheduleSolver.Plan plan = this.solver.solve(problem);

		assertThat(plan.placed()).isEmpty();
		assertThat(plan.unplaced()).extracting(Proposal.Unplaced::childId, Proposal.Unplaced::reason)
			.containsExactlyInAnyOrder(tuple(noTeam, ScheduleSolver.NO_CARE_TEAM),
					tuple(teamWithoutHours, ScheduleSolver.NO_THERAPIST_HOURS),
					tuple(noOverlap, ScheduleSolver.NO_OVERLAP));
		assertThat(plan.score()).isEqualTo("0hard/-360medium/0soft");
	}

	@Test
	void prefersOneTherapistForAChild() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID childId = UUID.randomUUID();
		List<SchedulePreferences.Hours> week = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY)) {
			week.add(hours(day, 15, 19));
		}
		ProposalProblem problem = new ProposalProblem(WEEK, ZONE, Instant.EPOCH,
				List.of(new ProposalProblem.ChildWeek(preferences(childId, week, 6, "clinic"), List.of(first, second),
						List.of())),
				List.of(new ProposalProblem.TherapistWeek(first, Credential.RBT, week, List.of()),
						new ProposalProblem.TherapistWeek(second, Credential.RBT, week, List.of())));

		ScheduleSolver.Plan plan = this.solver.solve(problem);

		assertThat(plan.placed()).hasSize(3);
		assertThat(plan.placed()).extracting(Proposal.Placed::therapistId)
			.containsOnly(plan.placed().getFirst().therapistId());
		assertThat(plan.placed()).extracting(p -> p.start().atZone(ZONE).toLocalDate()).doesNotHaveDuplicates();
	}

	@Test
	void plansOnlyThePrescribedHoursNotAlreadyBookedAndNeverOverlapsTheBookedOnes() {
		UUID technician = UUID.randomUUID();
		UUID childId = UUID.randomUUID();
		List<SchedulePreferences.Hours> week = weekdays(15, 19);
		// 4 of the 6 prescribed hours are booked already: Monday and Tuesday 15:00–17:00
		List<ProposalProblem.Booked> booked = List.of(new ProposalProblem.Booked("97153", at(0, 15), at(0, 17)),
				new ProposalProblem.Booked("97153", at(1, 15), at(1, 17)));
		ProposalProblem problem = new ProposalProblem(WEEK, ZONE, Instant.EPOCH,
				List.of(new ProposalProblem.ChildWeek(preferences(childId, week, 6, "clinic"), List.of(technician),
						booked)),
				List.of(new ProposalProblem.TherapistWeek(technician, Credential.RBT, week, List.of())));

		ScheduleSolver.Plan plan = this.solver.solve(problem);

		assertThat(plan.placed()).singleElement().satisfies(p -> {
			assertThat(p.minutes()).isEqualTo(120);
			assertThat(booked).noneMatch(b -> b.overlaps(p.start(), p.end()));
		});
		assertThat(plan.unplaced()).isEmpty();
	}

	@Test
	void neverPlansMoreUnitsThanTheChildsAuthorizationHasLeft() {
		UUID technician = UUID.randomUUID();
		UUID childId = UUID.randomUUID();
		List<SchedulePreferences.Hours> week = weekdays(15, 19);
		// 10 hours prescribed (five sessions of 8 units); 20 units left: two sessions
		PayerRules.Allowance allowance = new PayerRules.Allowance(UUID.randomUUID(), "97153", WEEK.minusDays(30),
				WEEK.plusDays(30), 20);
		ProposalProblem problem = new ProposalProblem(WEEK, ZONE, Instant.EPOCH,
				List.of(new ProposalProblem.ChildWeek(preferences(childId, week, 10, "clinic"), List.of(technician),
						List.of(), List.of(allowance))),
				List.of(new ProposalProblem.TherapistWeek(technician, Credential.RBT, week, List.of())));

		ScheduleSolver.Plan plan = this.solver.solve(problem);

		assertThat(plan.score()).startsWith("0hard/");
		assertThat(plan.placed()).hasSize(2);
		assertThat(plan.placed().stream().mapToLong(p -> PayerRules.units(p.minutes())).sum()).isLessThanOrEqualTo(20);
		assertThat(plan.unplaced()).singleElement().satisfies(u -> {
			assertThat(u.minutes()).isEqualTo(6 * 60);
			assertThat(u.reason()).isEqualTo(ScheduleSolver.UNITS_USED_UP);
		});
	}

	@Test
	void plansNothingOutsideTheAuthorizationsDatesNorForACodeWithoutOne() {
		UUID technician = UUID.randomUUID();
		UUID childId = UUID.randomUUID();
		List<SchedulePreferences.Hours> week = weekdays(15, 19);
		// the authorization ends on Tuesday; the child also has 97154 prescribed, which
		// no authorization covers
		PayerRules.Allowance untilTuesday = new PayerRules.Allowance(UUID.randomUUID(), "97153", WEEK.minusDays(60),
				WEEK.plusDays(1), 1000);
		SchedulePreferences preferences = new SchedulePreferences(childId, week, List
			.of(new SchedulePreferences.Prescription("97153", 10), new SchedulePreferences.Prescription("97154", 2)),
				"clinic", 0);
		ProposalProblem problem = new ProposalProblem(WEEK, ZONE, Instant.EPOCH,
				List.of(new ProposalProblem.ChildWeek(preferences, List.of(technician), List.of(),
						List.of(untilTuesday))),
				List.of(new ProposalProblem.TherapistWeek(technician, Credential.RBT, week, List.of())));

		ScheduleSolver.Plan plan = this.solver.solve(problem);

		assertThat(plan.placed()).isNotEmpty()
			.allSatisfy(p -> assertThat(p.start().atZone(ZONE).toLocalDate()).isBeforeOrEqualTo(WEEK.plusDays(1)))
			.allSatisfy(p -> assertThat(p.serviceCode()).isEqualTo("97153"));
		assertThat(plan.unplaced()).extracting(Proposal.Unplaced::serviceCode, Proposal.Unplaced::reason)
			.contains(tuple("97154", ScheduleSolver.NO_AUTHORIZATION));
	}

	@Test
	void plansNothingForAServiceBookedInFullAlready() {
		UUID technician = UUID.randomUUID();
		UUID childId = UUID.randomUUID();
		List<SchedulePreferences.Hours> week = weekdays(15, 19);
		ProposalProblem problem = new ProposalProblem(WEEK, ZONE, Instant.EPOCH,
				List.of(new ProposalProblem.ChildWeek(preferences(childId, week, 2, "clinic"), List.of(technician),
						List.of(new ProposalProblem.Booked("97153", at(2, 15), at(2, 18))))),
				List.of(new ProposalProblem.TherapistWeek(technician, Credential.RBT, week, List.of())));

		ScheduleSolver.Plan plan = this.solver.solve(problem);

		assertThat(plan.placed()).isEmpty();
		assertThat(plan.unplaced()).isEmpty();
	}

	@Test
	void givesSupervisionAndAssessmentOnlyToASupervisorAndTechnicianWorkToTheTechnician() {
		UUID technician = UUID.randomUUID();
		UUID supervisor = UUID.randomUUID();
		UUID childId = UUID.randomUUID();
		List<SchedulePreferences.Hours> week = weekdays(9, 19);
		SchedulePreferences preferences = new SchedulePreferences(childId, week,
				List.of(new SchedulePreferences.Prescription("97153", 6),
						new SchedulePreferences.Prescription("97155", 2),
						new SchedulePreferences.Prescription("97151", 2)),
				"clinic", 0);
		ProposalProblem problem = new ProposalProblem(WEEK, ZONE, Instant.EPOCH,
				List.of(new ProposalProblem.ChildWeek(preferences, List.of(supervisor, technician), List.of())),
				List.of(new ProposalProblem.TherapistWeek(technician, Credential.RBT, week, List.of()),
						new ProposalProblem.TherapistWeek(supervisor, Credential.BCBA, week, List.of())));

		ScheduleSolver.Plan plan = this.solver.solve(problem);

		assertThat(plan.unplaced()).isEmpty();
		assertThat(plan.placed()).filteredOn(p -> !p.serviceCode().equals("97153"))
			.hasSize(2)
			.allSatisfy(p -> assertThat(p.therapistId()).as(p.serviceCode()).isEqualTo(supervisor));
		assertThat(plan.placed()).filteredOn(p -> p.serviceCode().equals("97153"))
			.hasSize(3)
			.allSatisfy(p -> assertThat(p.therapistId()).as("97153 goes to the technician").isEqualTo(technician));
	}

	@Test
	void leavesSupervisionUnplacedWhenOnlyTechniciansCouldTakeIt() {
		UUID technician = UUID.randomUUID();
		UUID childId = UUID.randomUUID();
		List<SchedulePreferences.Hours> week = weekdays(9, 19);
		SchedulePreferences preferences = new SchedulePreferences(childId, week, List
			.of(new SchedulePreferences.Prescription("97155", 2), new SchedulePreferences.Prescription("97151", 1)),
				"clinic", 0);
		ProposalProblem problem = new ProposalProblem(WEEK, ZONE, Instant.EPOCH,
				List.of(new ProposalProblem.ChildWeek(preferences, List.of(technician), List.of())),
				List.of(new ProposalProblem.TherapistWeek(technician, Credential.RBT, week, List.of())));

		ScheduleSolver.Plan plan = this.solver.solve(problem);

		assertThat(plan.placed()).as("no 97155 or 97151 for an RBT").isEmpty();
		assertThat(plan.unplaced()).extracting(Proposal.Unplaced::serviceCode, Proposal.Unplaced::reason)
			.containsExactlyInAnyOrder(tuple("97155",
					"no care-team therapist with weekly availability may deliver 97155 (needs BCBA " + "or BCaBA)"),
					tuple("97151", ScheduleSolver.noQualifiedTherapist("97151")));
	}

	@Test
	void scoresACredentialBreachAsABrokenRuleInWords() {
		UUID technician = UUID.randomUUID();
		Proposal.Placed supervision = new Proposal.Placed(UUID.randomUUID(), UUID.randomUUID(), technician, "97155",
				"clinic", at(0, 15), at(0, 17), null);

		ScheduleSolver.Assessment assessment = this.solver.assess(List.of(supervision),
				java.util.Map.of(technician, Credential.RBT), 0, ZONE);

		assertThat(assessment.score()).startsWith("-1hard/");
		assertThat(assessment.words())
			.startsWith("1 rule broken (1 service given to a credential that may not " + "deliver it)");
	}

	@Test
	void saysTheScoreInWords() {
		UUID technician = UUID.randomUUID();
		UUID supervisor = UUID.randomUUID();
		UUID child = UUID.randomUUID();
		// Monday: clinic, then the child's home, by one technician; Tuesday: the
		// supervisor takes a 97153 session
		List<Proposal.Placed> placed = List.of(
				new Proposal.Placed(UUID.randomUUID(), child, technician, "97153", "clinic", at(0, 9), at(0, 11), null),
				new Proposal.Placed(UUID.randomUUID(), UUID.randomUUID(), technician, "97153", "home", at(0, 12),
						at(0, 14), null),
				new Proposal.Placed(UUID.randomUUID(), child, supervisor, "97153", "clinic", at(1, 9), at(1, 11),
						null));

		ScheduleSolver.Assessment assessment = this.solver.assess(placed,
				java.util.Map.of(technician, Credential.RBT, supervisor, Credential.BCBA), 90, ZONE);

		assertThat(assessment.words()).isEqualTo("All rules met; 1.5 hours not placed; 3 preferences not met "
				+ "(1 place change, 1 therapist change, 1 technician session for a supervisor)");
		assertThat(assessment.score()).isEqualTo("0hard/-90medium/-35soft");
		assertThat(this.solver.assess(List.of(placed.getFirst()), java.util.Map.of(technician, Credential.RBT), 0, ZONE)
			.words()).isEqualTo("All rules met; every prescribed hour placed; every preference met");
	}

	/**
	 * 40 children (most after school, some in the morning) and 15 therapists, two without
	 * weekly hours yet.
	 */
	static final class RealisticClinic {

		final List<ProposalProblem.TherapistWeek> therapists = new ArrayList<>();

		final List<ProposalProblem.ChildWeek> children = new ArrayList<>();

		final UUID unavailableTherapist;

		RealisticClinic() {
			List<UUID> ids = new ArrayList<>();
			for (int t = 0; t < 15; t++) {
				UUID id = UUID.randomUUID();
				ids.add(id);
				List<SchedulePreferences.Hours> hours = new ArrayList<>();
				for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
						DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
					if (t < 10) {
						hours.add(hours(day, 9, 19)); // technicians (RBT)
					}
					else if (t < 13) {
						hours.add(hours(day, 9, 17)); // supervisors (BCBA)
					}
				}
				this.therapists.add(new ProposalProblem.TherapistWeek(id,
						(t < 10 || t == 14) ? Credential.RBT : Credential.BCBA, hours, List.of()));
			}
			this.unavailableTherapist = ids.get(13);
			for (int c = 0; c < 40; c++) {
				boolean afterSchool = c < 24;
				List<SchedulePreferences.Hours> hours = new ArrayList<>();
				for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
						DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
					hours.add(afterSchool ? hours(day, 15, 19) : hours(day, 9, 13));
				}
				List<SchedulePreferences.Prescription> prescribed = new ArrayList<>();
				prescribed.add(new SchedulePreferences.Prescription("97153", 4 + (c % 3) * 2));
				if (c % 4 == 0) {
					prescribed.add(new SchedulePreferences.Prescription("97155", 1));
				}
				List<UUID> team = new ArrayList<>(List.of(ids.get(c % 10), ids.get((c + 3) % 10), ids.get(10 + c % 3)));
				if (c < 2) {
					team.add(this.unavailableTherapist);
				}
				String place = List.of("home", "clinic", "school").get(c % 3);
				this.children.add(new ProposalProblem.ChildWeek(
						new SchedulePreferences(UUID.randomUUID(), hours, prescribed, place, 0), team, List.of()));
			}
		}

		ProposalProblem problem() {
			return new ProposalProblem(WEEK, ZONE, Instant.EPOCH, this.children, this.therapists);
		}

		int prescribedHours() {
			return this.children.stream()
				.flatMap(c -> c.preferences().prescribedWeeklyHours().stream())
				.mapToInt(SchedulePreferences.Prescription::hours)
				.sum();
		}

		ProposalProblem.ChildWeek child(UUID id) {
			return this.children.stream().filter(c -> c.preferences().childId().equals(id)).findFirst().orElseThrow();
		}

		ProposalProblem.TherapistWeek therapist(UUID id) {
			return this.therapists.stream().filter(t -> t.therapistId().equals(id)).findFirst().orElseThrow();
		}

	}

	private static void assertNoDoubleBooking(List<Proposal.Placed> placed) {
		for (int i = 0; i < placed.size(); i++) {
			for (int j = i + 1; j < placed.size(); j++) {
				Proposal.Placed a = placed.get(i);
				Proposal.Placed b = placed.get(j);
				boolean overlap = a.start().isBefore(b.end()) && b.start().isBefore(a.end());
				if (overlap) {
					assertThat(a.therapistId()).as("therapist double-booked").isNotEqualTo(b.therapistId());
					assertThat(a.childId()).as("child double-booked").isNotEqualTo(b.childId());
				}
			}
		}
	}

	private static void assertWithin(List<SchedulePreferences.Hours> blocks, Proposal.Placed session) {
		ZonedDateTime start = session.start().atZone(ZONE);
		ZonedDateTime end = session.end().atZone(ZONE);
		assertThat(blocks).as("inside weekly hours")
			.anyMatch(b -> b.weekday() == start.getDayOfWeek() && !start.toLocalTime().isBefore(b.start())
					&& !end.toLocalTime().isAfter(b.end()) && start.toLocalDate().equals(end.toLocalDate()));
	}

	private static SchedulePreferences preferences(UUID childId, List<SchedulePreferences.Hours> hours, int weeklyHours,
			String place) {
		return new SchedulePreferences(childId, hours,
				List.of(new SchedulePreferences.Prescription("97153", weeklyHours)), place, 0);
	}

	private static List<SchedulePreferences.Hours> weekdays(int from, int to) {
		return List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
			.stream()
			.map(day -> hours(day, from, to))
			.toList();
	}

	private static SchedulePreferences.Hours hours(DayOfWeek day, int from, int to) {
		return new SchedulePreferences.Hours(day, LocalTime.of(from, 0), LocalTime.of(to, 0));
	}

	/** Clinic time on the given day of the test week. */
	private static Instant at(int day, int hour) {
		return WEEK.plusDays(day).atTime(hour, 0).atZone(ZONE).toInstant();
	}

}
