package org.sparktherapy.scheduling.internal.autoschedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.scheduling.PayerRules;
import org.sparktherapy.scheduling.internal.availability.TherapistAvailability;
import org.sparktherapy.vocabulary.ServiceCode;

import org.springframework.stereotype.Component;

/**
 * Proposes a week of sessions with Timefold Solver: what each child's prescribed hours
 * still need after the week's booked appointments ({@link #minutesToPlan}) is cut into
 * sessions ({@link #sessionLengths}) and each session is given one of its
 * {@link ProposalOption options} — a care-team therapist whose credential may deliver the
 * service and a start inside both the child's and the therapist's weekly hours, clear of
 * existing appointments and time off — or left unplaced, as {@link ScheduleConstraints}
 * scores it. Stops at the configured time limit, or earlier once the best schedule stops
 * improving.
 *
 * @see <a href="https://docs.timefold.ai/timefold-solver/latest/">Timefold Solver</a>
 */
@Component
class ScheduleSolver {

	/** Sessions start on the half hour. */
	static final int STEP_MINUTES = 30;

	/**
	 * Less prescribed time than this left in a week is not planned as a session of its
	 * own.
	 */
	static final int MIN_SESSION_MINUTES = 30;

	static final String NO_CARE_TEAM = "no therapist on the child's care team";

	static final String NO_CHILD_HOURS = "the child has no available hours";

	static final String NO_THERAPIST_HOURS = "no care-team therapist has weekly availability";

	static final String NO_OVERLAP = "no overlapping availability of the child and a care-team therapist";

	static final String ALL_TAKEN = "the overlapping hours are already booked, on time off or past";

	static final String CROWDED_OUT = "no free time left after the week's other sessions";

	static final String NO_AUTHORIZATION = "no authorization of the service covers this week";

	static final String UNITS_USED_UP = "the authorization has no units left for it";

	/** What the solver proposes. */
	record Plan(String score, List<Proposal.Placed> placed, List<Proposal.Unplaced> unplaced) {
	}

	/**
	 * Timefold set up on first use, not at start-up: it loads some 400 classes and reads
	 * the model's annotations, which a node starting in a rolling deploy need not wait
	 * for (issue 16). The first proposal after a start pays it, next to a solve of up to
	 * {@code solverTimeLimit}; the model and the constraints are checked by the tests.
	 */
	private final Supplier<SolverConfig> configuration;

	private final Lock starting = new ReentrantLock();

	private volatile Engine engine;

	/** Timefold's side, made once. */
	private record Engine(SolverConfig config, SolverFactory<ProposalSolution> factory,
			SolutionManager<ProposalSolution, HardMediumSoftScore> solutions) {

		static Engine of(SolverConfig config) {
			SolverFactory<ProposalSolution> factory = SolverFactory.create(config);
			return new Engine(config, factory, SolutionManager.create(factory));
		}

	}

	@org.springframework.beans.factory.annotation.Autowired
	ScheduleSolver(ScheduleSolverProperties properties) {
		this.configuration = () -> new SolverConfig().withSolutionClass(ProposalSolution.class)
			.withEntityClasses(ProposalSlot.class)
			.withConstraintProviderClass(ScheduleConstraints.class)
			.withTerminationConfig(new TerminationConfig().withSpentLimit(properties.solverTimeLimit())
				.withUnimprovedSpentLimit(properties.solverUnimprovedTimeLimit()));
	}

	/** A solver set up otherwise, e.g. asserting its scores as it goes (tests). */
	ScheduleSolver(SolverConfig config) {
		this.configuration = () -> config;
		this.engine = Engine.of(config);
	}

	/** Whether Timefold has been set up yet (it is on first use). */
	boolean started() {
		return this.engine != null;
	}

	private Engine engine() {
		Engine started = this.engine;
		if (started != null) {
			return started;
		}
		this.starting.lock();
		try {
			if (this.engine == null) {
				this.engine = Engine.of(this.configuration.get());
			}
			return this.engine;
		}
		finally {
			this.starting.unlock();
		}
	}

	/** How the solver is set up, termination included. */
	SolverConfig config() {
		return engine().config();
	}

	/**
	 * Minutes of one service as sessions: two-hour sessions, what is left over joining
	 * the last of them (3 hours → one of 3, 7 → 2, 2, 3, 4.5 → 2, 2.5); less than two
	 * hours stays one session. Under half an hour is not worth a session and is not
	 * planned.
	 */
	static List<Integer> sessionLengths(int minutes) {
		List<Integer> lengths = new ArrayList<>();
		if (minutes < MIN_SESSION_MINUTES) {
			return lengths;
		}
		for (int i = 0; i < minutes / 120; i++) {
			lengths.add(120);
		}
		int rest = minutes % 120;
		if (rest > 0) {
			if (lengths.isEmpty()) {
				lengths.add(rest);
			}
			else {
				lengths.set(lengths.size() - 1, 120 + rest);
			}
		}
		return lengths;
	}

	/**
	 * The prescribed minutes of a service the week still needs: the prescription less
	 * what is booked already (never below zero).
	 */
	static int minutesToPlan(ProposalProblem.ChildWeek child, SchedulePreferences.Prescription prescription) {
		return Math.max(0, prescription.hours() * 60 - child.bookedMinutes(prescription.serviceCode()));
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
				List<Integer> lengths = sessionLengths(minutesToPlan(child, prescription));
				for (int i = 0; i < lengths.size(); i++) {
					Options options = options(problem, child, prescription.serviceCode(), therapists, lengths.get(i));
					ProposalSlot slot = new ProposalSlot(
							preferences.childId() + "/" + prescription.serviceCode() + "/" + i, preferences.childId(),
							prescription.serviceCode(), lengths.get(i), preferences.place(), options.offered(),
							child.allowances(prescription.serviceCode()));
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
				: engine().factory().buildSolver().solve(new ProposalSolution(slots));
		List<Proposal.Placed> placed = new ArrayList<>();
		Map<Unplacing, Integer> unplaced = new LinkedHashMap<>();
		for (ProposalSlot slot : best.slots()) {
			if (slot.isPlaced()) {
				placed.add(new Proposal.Placed(UUID.randomUUID(), slot.childId(), slot.therapistId(),
						slot.serviceCode(), slot.place(), slot.start(), slot.end(), null));
			}
			else {
				unplaced.merge(
						new Unplacing(slot.childId(), slot.serviceCode(),
								unitsLeftFor(slot, best.slots()) ? CROWDED_OUT : UNITS_USED_UP),
						slot.minutes(), Integer::sum);
			}
		}
		hopeless.forEach((slot, reason) -> unplaced.merge(new Unplacing(slot.childId(), slot.serviceCode(), reason),
				slot.minutes(), Integer::sum));
		placed.sort(Comparator.comparing(Proposal.Placed::start).thenComparing(p -> p.childId().toString()));
		int hopelessMinutes = hopeless.keySet().stream().mapToInt(ProposalSlot::minutes).sum();
		HardMediumSoftScore score = ((best.score() != null) ? best.score() : HardMediumSoftScore.ZERO)
			.add(HardMediumSoftScore.ofMedium(-hopelessMinutes));
		return new Plan(score.toString(), placed,
				unplaced.entrySet()
					.stream()
					.map(e -> new Proposal.Unplaced(e.getKey().childId(), e.getKey().serviceCode(), e.getValue(),
							e.getKey().reason()))
					.toList());
	}

	/**
	 * Whether some allowance the unplaced slot could count against still has units for it
	 * next to the placed sessions (always, when no payer limits the child): if not, the
	 * authorization, not the timetable, kept it out.
	 */
	private static boolean unitsLeftFor(ProposalSlot slot, List<ProposalSlot> all) {
		if (slot.allowances() == null) {
			return true;
		}
		for (PayerRules.Allowance allowance : slot.allowances()) {
			int placed = all.stream()
				.filter(other -> other.isPlaced() && allowance.equals(other.allowance()))
				.mapToInt(ProposalSlot::units)
				.sum();
			if (placed + slot.units() <= allowance.unitsRemaining()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A week's score, raw ({@code 0hard/-120medium/-5soft}) and in words
	 * ({@link ScoreWords}).
	 */
	record Assessment(String score, String words) {
	}

	/**
	 * Scores placed sessions as they stand (a draft after an admin's adjustments, too)
	 * with the solver's own constraints, and says in words what the score means.
	 * @param credentials each placed therapist's credential
	 * @param unplacedMinutes the prescribed minutes left unplaced
	 */
	Assessment assess(List<Proposal.Placed> placed, Map<UUID, Credential> credentials, int unplacedMinutes,
			ZoneId zone) {
		HardMediumSoftScore unplacedScore = HardMediumSoftScore.ofMedium(-unplacedMinutes);
		if (placed.isEmpty()) {
			return new Assessment(unplacedScore.toString(), ScoreWords.describe(Map.of(), 0, unplacedMinutes));
		}
		List<ProposalSlot> slots = new ArrayList<>();
		for (Proposal.Placed session : placed) {
			slots.add(ProposalSlot.placed(session.id().toString(), session.childId(), session.serviceCode(),
					session.place(),
					new ProposalOption(session.therapistId(), credentials.get(session.therapistId()), session.start(),
							session.end(), session.start().atZone(zone).toLocalDate(),
							location(session.place(), session.childId()))));
		}
		ScoreAnalysis<HardMediumSoftScore> analysis = engine().solutions()
			.analyze(new ProposalSolution(slots), ScoreAnalysisFetchPolicy.FETCH_MATCH_COUNT);
		Map<String, ConstraintAnalysis<HardMediumSoftScore>> byName = new LinkedHashMap<>();
		analysis.constraintAnalyses().forEach(c -> byName.put(c.constraintName(), c));
		return new Assessment(analysis.score().add(unplacedScore).toString(),
				ScoreWords.describe(byName, analysis.score().hardScore(), unplacedMinutes));
	}

	/**
	 * Where a therapist has to be: the place, and for a home session the child's own
	 * home.
	 */
	private static String location(String place, UUID childId) {
		return "home".equals(place) ? "home:" + childId : place;
	}

	private record Unplacing(UUID childId, String serviceCode, String reason) {
	}

	/** The options of one session, or why there are none. */
	private record Options(List<ProposalOption> offered, String reason) {
	}

	private static Options options(ProposalProblem problem, ProposalProblem.ChildWeek child, String serviceCode,
			Map<UUID, ProposalProblem.TherapistWeek> therapists, int minutes) {
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
			.filter(t -> t != null && t.availability(problem.zone()).hasWeeklyHours())
			.toList();
		Map<UUID, TherapistAvailability> availability = new java.util.HashMap<>();
		team.forEach(t -> availability.put(t.therapistId(), t.availability(problem.zone())));
		if (team.isEmpty()) {
			return new Options(List.of(), NO_THERAPIST_HOURS);
		}
		team = team.stream().filter(t -> ServiceCode.mayDeliver(t.credential(), serviceCode)).toList();
		if (team.isEmpty()) {
			return new Options(List.of(), noQualifiedTherapist(serviceCode));
		}
		List<PayerRules.Allowance> allowances = child.allowances(serviceCode);
		// the allowances are those overlapping the week
		if (allowances != null && allowances.isEmpty()) {
			return new Options(List.of(), NO_AUTHORIZATION);
		}
		String location = location(preferences.place(), preferences.childId());
		boolean overlapping = false;
		List<ProposalOption> offered = new ArrayList<>();
		for (int d = 0; d < 7; d++) {
			LocalDate day = problem.weekStart().plusDays(d);
			if (allowances != null && allowances.stream().noneMatch(a -> a.covers(day))) {
				continue;
			}
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
					Instant startsAt = at(day, start, problem);
					Instant endsAt = at(day, end, problem);
					List<ProposalProblem.TherapistWeek> fitting = team.stream()
						.filter(t -> availability.get(t.therapistId())
							.hoursFit(startsAt, endsAt) == TherapistAvailability.Fit.WITHIN_HOURS)
						.toList();
					if (fitting.isEmpty()) {
						continue;
					}
					overlapping = true;
					if (startsAt.isBefore(problem.notBefore())
							|| child.booked().stream().anyMatch(b -> b.overlaps(startsAt, endsAt))) {
						continue;
					}
					for (ProposalProblem.TherapistWeek therapist : fitting) {
						if (availability.get(therapist.therapistId()).plannable(startsAt, endsAt)
								&& therapist.busy().stream().noneMatch(b -> b.overlaps(startsAt, endsAt))) {
							offered.add(new ProposalOption(therapist.therapistId(), therapist.credential(), startsAt,
									endsAt, day, location));
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

	/**
	 * Why a service found no therapist: its credential rule, e.g. "… may deliver 97155
	 * (needs BCBA or BCaBA)".
	 */
	static String noQualifiedTherapist(String serviceCode) {
		return "no care-team therapist with weekly availability may deliver " + serviceCode + " (needs "
				+ ServiceCode.deliveredBy(serviceCode)
					.stream()
					.sorted()
					.map(Credential::value)
					.collect(Collectors.joining(" or "))
				+ ")";
	}

	/**
	 * A block's end as minute of the day; a block ending at midnight ends at minute 1440.
	 */
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
