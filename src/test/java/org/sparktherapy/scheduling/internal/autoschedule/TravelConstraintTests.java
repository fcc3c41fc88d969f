package org.sparktherapy.scheduling.internal.autoschedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import org.junit.jupiter.api.Test;
import org.sparktherapy.identity.Credential;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Fewer travel changes in a day": the Travel constraint counts each change of place
 * between a therapist's consecutive sessions, scored by the real solver configuration on
 * hand-placed weeks.
 */
class TravelConstraintTests {

	static final LocalDate DAY = LocalDate.of(2027, 3, 9);

	static final Instant NINE = Instant.parse("2027-03-09T14:00:00Z");

	private final ScheduleSolver solver = new ScheduleSolver(
			new ScheduleSolverProperties(Duration.ofSeconds(5), Duration.ofSeconds(1)));

	private final SolutionManager<ProposalSolution, HardMediumSoftScore> scoring = SolutionManager
		.create(SolverFactory.create(this.solver.config()));

	private final UUID therapist = UUID.randomUUID();

	@Test
	void goingAndComingBackIsTwoJourneysWhileStayingAndThenGoingIsOne() {
		long thereAndBack = soft("clinic", "home", "clinic");
		long stayThenGo = soft("clinic", "clinic", "home");
		long stay = soft("clinic", "clinic", "clinic");

		assertThat(stay - stayThenGo).isEqualTo(ScheduleConstraints.TRAVEL_WEIGHT);
		assertThat(stay - thereAndBack).isEqualTo(2L * ScheduleConstraints.TRAVEL_WEIGHT);
	}

	@Test
	void theOrderOfTheDayCountsNotTheOrderOfTheList() {
		// the same day as above, listed out of order: home at 13:00 between clinic at
		// 9:00 and clinic at 17:00
		List<ProposalSlot> slots = new ArrayList<>();
		slots.add(placed("home", NINE.plus(Duration.ofHours(4))));
		slots.add(placed("clinic", NINE));
		slots.add(placed("clinic", NINE.plus(Duration.ofHours(8))));

		assertThat(ScheduleConstraints.placeChanges(slots.stream().map(ScheduleConstraints.Visit::of).toList()))
			.isEqualTo(2);
	}

	@Test
	void twoSessionsStartingAtOnceCountTheSameInAnyOrder() {
		ScheduleConstraints.Visit schoolAtEight = new ScheduleConstraints.Visit(NINE.minus(Duration.ofHours(1)),
				"school");
		ScheduleConstraints.Visit schoolAtTen = new ScheduleConstraints.Visit(NINE.plus(Duration.ofHours(1)), "school");
		ScheduleConstraints.Visit clinicAtTen = new ScheduleConstraints.Visit(NINE.plus(Duration.ofHours(1)), "clinic");

		assertThat(ScheduleConstraints.placeChanges(List.of(schoolAtEight, schoolAtTen, clinicAtTen)))
			.isEqualTo(ScheduleConstraints.placeChanges(List.of(clinicAtTen, schoolAtTen, schoolAtEight)))
			.isEqualTo(ScheduleConstraints.placeChanges(List.of(schoolAtTen, clinicAtTen, schoolAtEight)));
	}

	/**
	 * The soft score of one therapist's day with sessions at 9:00, 13:00 and 17:00 in
	 * these places.
	 */
	private long soft(String... places) {
		List<ProposalSlot> slots = new ArrayList<>();
		for (int i = 0; i < places.length; i++) {
			slots.add(placed(places[i], NINE.plus(Duration.ofHours(4L * i))));
		}
		return this.scoring.update(new ProposalSolution(slots)).softScore();
	}

	/**
	 * A one-hour session of a child of its own (no continuity or same-day rule in play),
	 * placed by hand.
	 */
	private ProposalSlot placed(String place, Instant start) {
		ProposalOption option = new ProposalOption(this.therapist, Credential.RBT, start,
				start.plus(Duration.ofHours(1)), DAY, place);
		return ProposalSlot.placed(UUID.randomUUID().toString(), UUID.randomUUID(), "97153", place, option);
	}

}
