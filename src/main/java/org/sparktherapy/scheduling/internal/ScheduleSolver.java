package org.sparktherapy.scheduling.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.springframework.stereotype.Component;

/**
 * Proposes a week of sessions with Timefold Solver: each child's prescribed hours are cut into sessions
 * ({@link #sessionLengths}) and each session is given one of its {@link ProposalOption options} — a care-team
 * therapist and a start inside both the child's and the therapist's weekly hours, clear of existing appointments and
 * time off — or left unplaced, as {@link ScheduleConstraints} scores it. Stops at the configured time limit, or
 * earlier once the best schedule stops improving.
 *
 * @see <a href="https://docs.timefold.ai/timefold-solver/latest/">Timefold Solver</a>
 */
@Component
class ScheduleSolver {

	/** Sessions start on the half hour. */
	static final int STEP_MINUTES = 30;

	static final String NO_CARE_TEAM = "no therapist on the child's care team";

	static final String NO_CHILD_HOURS = "the child has no available hours";

	static final String NO_THERAPIST_HOURS = "no care-team therapist has weekly availability";

	static final String NO_OVERLAP = "no overlapping availability of the child and a care-team therapist";

	static final String ALL_TAKEN = "the overlapping hours are already booked, on time off or past";

	static final String CROWDED_OUT = "no free time left after the week's other sessions";

	/** What the solver proposes. */
	record Plan(String score, List<Proposal.Placed> placed, List<Proposal.Unplaced> unplaced) {
	}

	private final SolverConfig config;

	private final SolverFactory<ProposalSolution> factory;

	ScheduleSolver(ScheduleSolverProperties properties) {
		this.config = new SolverConfig().withSolutionClass(ProposalSolution.class)
			.withEntityClasses(ProposalSlot.class)
			.withConstraintProviderClass(ScheduleConstraints.class)
			.withTerminationConfig(new TerminationConfig().withSpentLimit(properties.solverTimeLimit())
				.withUnimprovedSpentLimit(properties.solverUnimprovedTimeLimit()));
		this.factory = SolverFactory.create(this.config);
	}

	/** How the solver is set up, termination included. */
	SolverConfig config() {
		return this.config;
	}

	/**
	 * Whole hours of one service as sessions: two-hour sessions, an odd hour joining one of them as a three-hour
	 * session (a single hour stays one hour). 7 → 2, 2, 3.
	 */
	static List<Integer> sessionLengths(int hours) {
		List<Integer> lengths = new ArrayList<>();
		for (int i = 0; i < hours / 2; i++) {
			lengths.add(2);
		}
		if (hours % 2 == 1) {
			if (lengths.isEmpty()) {
				lengths.add(1);
			}
			else {
				lengths.set(lengths.size() - 1, 3);
			}
		}
		return lengths;
	}

	Plan solve(ProposalProblem problem) {
		Map<UUID, ProposalProblem.TherapistWeek> therapists = problem.therapists()
			.stream()
			.collect(Collectors.toMap(ProposalProblem.TherapistWeek::therapistId, Function.identity()));
		List<ProposalSlot> slots = new ArrayList<>();
		Map<ProposalSlot, String> hopeless = new LinkedHashMap<>();
		for (ProposalProblem.ChildWeek child : problem.children()) {
			SchedulePreferences preferences = child.preferences();
			for (SchedulePreferences.Prescription prescription : preferences.prescribedWeeklyHours()) {
				List<Integer> lengths = sessionLengths(prescription.hours());
				for (int i = 0; i < lengths.size(); i++) {
					Options options = options(problem, child, therapists, lengths.get(i));
					ProposalSlot slot = new ProposalSlot(
							preferences.childId() + "/" + prescription.serviceCode() + "/" + i,
							preferences.childId(), prescription.serviceCode(), lengths.get(i), preferences.place(),
							options.offered());
					if (options.offered().isEmpty()) {
						hopeless.put(slot, options.reason());
					}
					else {
						slots.add(slot);
					}
				}
			}
		}
		ProposalSolution best = slots.isEmpty() ? new ProposalSolution(slots)
				: this.factory.buildSolver().solve(new ProposalSolution(slots));
		List<Proposal.Placed> placed = new ArrayList<>();
		Map<Unplacing, Integer> unplaced = new LinkedHashMap<>();
		for (ProposalSlot slot : best.slots()) {
			if (slot.isPlaced()) {
				placed.add(new Proposal.Placed(java.util.UUID.randomUUID(), slot.childId(), slot.therapistId(), slot.serviceCode(), slot.place(),
						slot.start(), slot.end(), null));
			}
			else {
				unplaced.merge(new Unplacing(slot.childId(), slot.serviceCode(), CROWDED_OUT), slot.hours(),
						Integer::sum);
			}
		}
		hopeless.forEach((slot, reason) -> unplaced
			.merge(new Unplacing(slot.childId(), slot.serviceCode(), reason), slot.hours(), Integer::sum));
		placed.sort(Comparator.comparing(Proposal.Placed::start).thenComparing(p -> p.childId().toString()));
		int hopelessHours = hopeless.keySet().stream().mapToInt(ProposalSlot::hours).sum();
		HardMediumSoftScore score = ((best.score() != null) ? best.score() : HardMediumSoftScore.ZERO)
			.add(HardMediumSoftScore.ofMedium(-hopelessHours));
		return new Plan(score.toString(), placed,
				unplaced.entrySet()
					.stream()
					.map(e -> new Proposal.Unplaced(e.getKey().childId(), e.getKey().serviceCode(), e.getValue() * 60,
							e.getKey().reason()))
					.toList());
	}

	private record Unplacing(UUID childId, String serviceCode, String reason) {
	}

	/** The options of one session, or why there are none. */
	private record Options(List<ProposalOption> offered, String reason) {
	}

	private static Options options(ProposalProblem problem, ProposalProblem.ChildWeek child,
			Map<UUID, ProposalProblem.TherapistWeek> therapists, int hours) {
		SchedulePreferences preferences = child.preferences();
		if (child.careTeam().isEmpty()) {
			return new Options(List.of(), NO_CARE_TEAM);
		}
		if (preferences.availableHours().isEmpty()) {
			return new Options(List.of(), NO_CHILD_HOURS);
		}
		List<ProposalProblem.TherapistWeek> team = child.careTeam()
			.stream()
			.map(therapists::get)
			.filter(t -> t != null && !t.hours().isEmpty())
			.toList();
		if (team.isEmpty()) {
			return new Options(List.of(), NO_THERAPIST_HOURS);
		}
		String location = "home".equals(preferences.place()) ? "home:" + preferences.childId() : preferences.place();
		int minutes = hours * 60;
		boolean overlapping = false;
		List<ProposalOption> offered = new ArrayList<>();
		for (int d = 0; d < 7; d++) {
			LocalDate day = problem.weekStart().plusDays(d);
			DayOfWeek weekday = day.getDayOfWeek();
			for (SchedulePreferences.Hours block : preferences.availableHours()) {
				if (block.weekday() != weekday) {
					continue;
				}
				int from = minuteOfDay(block.start());
				int to = endMinute(block);
				for (int minute = from; minute + minutes <= to; minute += STEP_MINUTES) {
					int start = minute;
					int end = minute + minutes;
					List<ProposalProblem.TherapistWeek> fitting = team.stream()
						.filter(t -> t.hours().stream().anyMatch(h -> contains(h, weekday, start, end)))
						.toList();
					if (fitting.isEmpty()) {
						continue;
					}
					overlapping = true;
					Instant startsAt = at(day, start, problem);
					Instant endsAt = at(day, end, problem);
					if (startsAt.isBefore(problem.notBefore())
							|| child.busy().stream().anyMatch(b -> b.overlaps(startsAt, endsAt))) {
						continue;
					}
					for (ProposalProblem.TherapistWeek therapist : fitting) {
						if (therapist.busy().stream().noneMatch(b -> b.overlaps(startsAt, endsAt))) {
							offered.add(new ProposalOption(therapist.therapistId(), startsAt, endsAt, day, location));
						}
					}
				}
			}
		}
		if (!offered.isEmpty()) {
			return new Options(offered, null);
		}
		return new Options(List.of(), overlapping ? ALL_TAKEN : NO_OVERLAP);
	}

	private static boolean contains(SchedulePreferences.Hours block, DayOfWeek weekday, int start, int end) {
		return block.weekday() == weekday && minuteOfDay(block.start()) <= start && endMinute(block) >= end;
	}

	/** A block's end as minute of the day; a block ending at midnight ends at minute 1440. */
	private static int endMinute(SchedulePreferences.Hours block) {
		return block.end().equals(LocalTime.MIDNIGHT) ? 24 * 60 : minuteOfDay(block.end());
	}

	private static int minuteOfDay(LocalTime time) {
		return time.getHour() * 60 + time.getMinute();
	}

	private static Instant at(LocalDate day, int minuteOfDay, ProposalProblem problem) {
		LocalDate date = day.plusDays(minuteOfDay / (24 * 60));
		int minute = minuteOfDay % (24 * 60);
		return ZonedDateTime.of(date, LocalTime.of(minute / 60, minute % 60), problem.zone()).toInstant();
	}

}
