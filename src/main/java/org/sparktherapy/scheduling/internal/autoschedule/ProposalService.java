package org.sparktherapy.scheduling.internal.autoschedule;

import org.sparktherapy.scheduling.internal.appointments.AppointmentService;
import org.sparktherapy.scheduling.internal.availability.AvailabilityRepository;
import org.sparktherapy.scheduling.internal.availability.TherapistAvailability;
import org.sparktherapy.scheduling.internal.appointments.Conflict;
import org.sparktherapy.scheduling.internal.SchedulingProblems;
import org.sparktherapy.scheduling.internal.PayerRuleCheck;
import org.sparktherapy.scheduling.PayerRules;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.children.ChildStatus;
import org.sparktherapy.children.Children;
import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.Credential;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.platform.database.RetryOnConcurrencyFailure;
import org.sparktherapy.platform.problem.Problem.FieldError;
import org.sparktherapy.platform.problem.StaleVersion;
import org.sparktherapy.vocabulary.ServiceCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Automatic weekly schedules: reads the children's preferences and care teams, the
 * therapists' hours, time off and existing appointments, lets {@link ScheduleSolver}
 * propose a week, stores it as a draft, and books it when an admin accepts — all or
 * nothing, through {@link AppointmentService#book}, so accepted sessions obey every
 * booking rule. Admins only ({@link ProposalAccess}); each proposal touching a child
 * writes one PHI access-log entry per child.
 */
@Service
class ProposalService {

	private static final String RESOURCE = "scheduleProposal";

	/** Why hours taken out of a draft are unplaced. */
	static final String REMOVED = "removed from the draft by an admin";

	private final ProposalRepository proposals;

	private final SchedulePreferenceRepository preferences;

	private final AvailabilityRepository availability;

	private final AppointmentService appointments;

	private final ScheduleSolver solver;

	private final ProposalAccess access;

	private final Children children;

	private final Accounts accounts;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	private final PayerRuleCheck payerRules;

	private final Clock clock;

	private final ZoneId zone;

	ProposalService(ProposalRepository proposals, SchedulePreferenceRepository preferences,
			AvailabilityRepository availability, AppointmentService appointments, ScheduleSolver solver,
			ProposalAccess access, Children children, Accounts accounts, AuditTrail audit,
			PlatformTransactionManager transactions, Clock clock, SparkProperties properties,
			PayerRuleCheck payerRules) {
		this.payerRules = payerRules;
		this.proposals = proposals;
		this.preferences = preferences;
		this.availability = availability;
		this.appointments = appointments;
		this.solver = solver;
		this.access = access;
		this.children = children;
		this.accounts = accounts;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	/**
	 * Proposes the week starting on {@code weekStart} (a Monday, clinic time) for the
	 * given children, or for every active child with prescribed hours. Solving runs
	 * outside any transaction: it takes seconds.
	 */
	View propose(CurrentUser user, LocalDate weekStart, List<UUID> childIds) {
		if (!this.access.mayPropose(user)) {
			this.audit.refused(new PhiAccess("create", RESOURCE, null, null), false);
			throw new ProposalProblems.NotAllowedForProposal("Only admins ask for schedule proposals.");
		}
		Instant now = this.clock.instant();
		validate(weekStart, childIds, now);
		ProposalProblem problem = this.transaction.execute(status -> problem(weekStart, childIds, now));
		ScheduleSolver.Plan plan = this.solver.solve(problem);
		Proposal proposal = new Proposal(UUID.randomUUID(), weekStart, plan.score(), Proposal.Status.DRAFT,
				plan.placed(), plan.unplaced(), now, 0);
		return this.transaction.execute(status -> {
			this.proposals.insert(proposal, user.id());
			this.audit.successAll(proposal.children()
				.stream()
				.map(child -> new PhiAccess("create", RESOURCE, proposal.id(), child))
				.toList());
			return view(proposal);
		});
	}

	@Transactional
	View get(CurrentUser user, UUID id) {
		Proposal proposal = visible(user, id, "read", false);
		this.audit
			.successAll(proposal.children().stream().map(child -> new PhiAccess("read", RESOURCE, id, child)).toList());
		return view(proposal);
	}

	/**
	 * A proposal as admins see it: the sessions, the live appointments its children
	 * already have in its week (fixed: the draft was planned around them and does not
	 * change them), what accepting books, and the score — in words too — of the sessions
	 * as they stand.
	 */
	record View(Proposal proposal, List<ProposalRepository.Booked> existing, Proposal.Summary summary,
			ScheduleSolver.Assessment assessment, Map<UUID, String> therapistNames, List<PayerRules.Warning> warnings) {
	}

	private View view(Proposal proposal) {
		return view(proposal, List.of());
	}

	/** {@code warnings}: an acceptance's, about the child's payer rules. */
	private View view(Proposal proposal, List<PayerRules.Warning> warnings) {
		Set<UUID> ownAppointments = new java.util.HashSet<>();
		proposal.placed().forEach(p -> {
			if (p.appointmentId() != null) {
				ownAppointments.add(p.appointmentId());
			}
		});
		List<ProposalRepository.Booked> existing = this.proposals
			.liveAppointments(Set.of(), proposal.children(), start(proposal.weekStart()),
					start(proposal.weekStart().plusWeeks(1)))
			.stream()
			.filter(b -> proposal.children().contains(b.childId()) && !ownAppointments.contains(b.appointmentId()))
			.toList();
		Map<UUID, Integer> alreadyBooked = new LinkedHashMap<>();
		existing.forEach(b -> alreadyBooked.merge(b.childId(), b.minutes(), Integer::sum));
		Map<UUID, Credential> credentials = new HashMap<>();
		// the summary names its therapists: a clinic may have more than a picker's page
		// of them
		Map<UUID, String> therapistNames = new HashMap<>();
		proposal.placed().forEach(p -> {
			if (!therapistNames.containsKey(p.therapistId())) {
				AccountSummary therapist = this.accounts.findById(p.therapistId()).orElse(null);
				credentials.put(p.therapistId(), (therapist != null) ? therapist.credential() : null);
				therapistNames.put(p.therapistId(), (therapist != null) ? therapist.name() : "Therapist");
			}
		});
		int unplacedMinutes = proposal.unplaced().stream().mapToInt(Proposal.Unplaced::minutes).sum();
		return new View(proposal, existing, proposal.summary(alreadyBooked),
				this.solver.assess(proposal.placed(), credentials, unplacedMinutes, this.zone), therapistNames,
				warnings);
	}

	/**
	 * The therapist's credential, {@code null} when none is recorded (which delivers
	 * nothing).
	 */
	private Credential credential(UUID therapistId) {
		return this.accounts.findById(therapistId).map(AccountSummary::credential).orElse(null);
	}

	/**
	 * Books every placed session, all or nothing. If the schedule changed since the
	 * proposal was made, nothing is booked and every conflicting session is listed. The
	 * payer rules are checked once for the whole week after booking it: their warnings
	 * come back with the view, or a 409 where the clinic blocks rolls it all back.
	 */
	@Transactional
	@RetryOnConcurrencyFailure
	View accept(CurrentUser user, UUID id) {
		Proposal proposal = visible(user, id, "accept", true);
		if (proposal.status() == Proposal.Status.ACCEPTED) {
			throw new ProposalProblems.ProposalAlreadyAccepted();
		}
		// everyone booked, at once and in order, before checking and booking each session
		Set<UUID> people = new java.util.HashSet<>();
		proposal.placed().forEach(session -> {
			people.add(session.childId());
			people.add(session.therapistId());
		});
		this.appointments.lockSchedulesOf(people);
		List<FieldError> conflicts = conflicts(proposal);
		if (!conflicts.isEmpty()) {
			throw new ProposalProblems.ProposalConflicts(conflicts);
		}
		Map<UUID, UUID> booked = new LinkedHashMap<>();
		for (int i = 0; i < proposal.placed().size(); i++) {
			Proposal.Placed session = proposal.placed().get(i);
			try {
				booked.put(session.id(),
						this.appointments
							.book(user,
									new AppointmentService.BookingRequest(session.childId(), session.therapistId(),
											session.serviceCode(), session.place(),
											session.start().atZone(this.zone).toOffsetDateTime(),
											session.end().atZone(this.zone).toOffsetDateTime(), null, null),
									false)
							.occurrences()
							.getFirst()
							.id());
			}
			catch (SchedulingProblems.AppointmentConflicts ex) {
				// booked concurrently since we looked; the transaction rolls back
				// whatever this accept booked
				int position = i;
				throw new ProposalProblems.ProposalConflicts(
						ex.errors().stream().map(e -> new FieldError("/placed/" + position, e.detail())).toList());
			}
		}
		List<PayerRules.Warning> warnings = this.payerRules.check(proposal.placed()
			.stream()
			.map(p -> new PayerRules.ProposedAppointment(p.childId(), p.serviceCode(), p.start(), p.end()))
			.toList());
		this.proposals.accept(id, booked, user.id(), this.clock.instant());
		this.audit.successAll(
				proposal.children().stream().map(child -> new PhiAccess("accept", RESOURCE, id, child)).toList());
		return view(this.proposals.find(id, false).orElseThrow(), warnings);
	}

	/** A new time, and optionally another therapist, for a placed session of a draft. */
	record Adjustment(OffsetDateTime start, OffsetDateTime end, UUID therapistId) {
	}

	/**
	 * Moves one placed session of a draft to another time and/or therapist of the child's
	 * care team. The session is checked at once as it would be when accepting —
	 * appointments, time off, the therapist's weekly hours, the care team — and against
	 * the draft's other sessions; accepting checks everything again. The child's sessions
	 * of the draft, as moved, are checked against the payer rules as accepting would book
	 * them: their warnings come back with the draft, or, where the clinic blocks, a 409
	 * leaves the draft as it was.
	 */
	@Transactional
	View adjust(CurrentUser user, UUID id, UUID placementId, Adjustment adjustment, Integer expectedVersion) {
		Proposal proposal = draft(user, id, "update", expectedVersion);
		int index = indexOf(proposal, placementId);
		Proposal.Placed before = proposal.placed().get(index);
		Instant start = adjustment.start().toInstant();
		Instant end = (adjustment.end() != null) ? adjustment.end().toInstant()
				: start.plus(Duration.between(before.start(), before.end()));
		List<FieldError> invalid = new ArrayList<>();
		if (!end.isAfter(start)) {
			invalid.add(new FieldError("/end", "must be after start"));
		}
		else if (Duration.between(start, end).compareTo(Duration.ofHours(24)) >= 0) {
			invalid.add(new FieldError("/end", "a session lasts less than 24 hours"));
		}
		if (start.isBefore(start(proposal.weekStart())) || end.isAfter(start(proposal.weekStart().plusWeeks(1)))) {
			invalid.add(new FieldError("/start", "must lie within the proposal's week"));
		}
		UUID therapistId = (adjustment.therapistId() != null) ? adjustment.therapistId() : before.therapistId();
		if (!this.proposals.careTeams(Set.of(before.childId()))
			.getOrDefault(before.childId(), List.of())
			.contains(therapistId)) {
			invalid.add(new FieldError("/therapistId", "is not an active therapist on the child's care team"));
		}
		else if (!ServiceCode.mayDeliver(credential(therapistId), before.serviceCode())) {
			invalid.add(new FieldError("/therapistId", mayNotDeliver(before.serviceCode())));
		}
		if (!invalid.isEmpty()) {
			throw new ProposalProblems.InvalidPlacement(invalid);
		}
		Proposal.Placed after = new Proposal.Placed(before.id(), before.childId(), therapistId, before.serviceCode(),
				before.place(), start, end, null);
		List<Proposal.Placed> placed = new ArrayList<>(proposal.placed());
		placed.set(index, after);
		String pointer = "/placed/" + index;
		List<FieldError> conflicts = conflicts(new Proposal(proposal.id(), proposal.weekStart(), proposal.score(),
				proposal.status(), placed, proposal.unplaced(), proposal.createdAt(), proposal.version()))
			.stream()
			.filter(c -> c.pointer().equals(pointer))
			.map(c -> new FieldError("/start", c.detail()))
			.toList();
		if (!conflicts.isEmpty()) {
			throw new ProposalProblems.PlacementConflicts(conflicts);
		}
		// the child's sessions of the draft as accepting would book them, against the
		// payer
		// rules now: warnings come back with the draft; where the clinic blocks, 409
		PayerRules.Verdict verdict = this.appointments.payerVerdictIfBooked(user, before.childId(),
				placed.stream()
					.filter(p -> p.childId().equals(before.childId()))
					.map(p -> new AppointmentService.BookingRequest(p.childId(), p.therapistId(), p.serviceCode(),
							p.place(), p.start().atZone(this.zone).toOffsetDateTime(),
							p.end().atZone(this.zone).toOffsetDateTime(), null, null))
					.toList());
		if (verdict.block()) {
			throw new SchedulingProblems.PayerRulesRefused(verdict.warnings());
		}
		this.proposals.movePlacement(id, placementId, therapistId, start, end);
		this.audit.success(new PhiAccess("update", RESOURCE, id, before.childId()));
		return view(this.proposals.find(id, false).orElseThrow(), verdict.warnings());
	}

	/**
	 * Takes one placed session out of a draft; its hours are listed as unplaced, removed
	 * by an admin.
	 */
	@Transactional
	View remove(CurrentUser user, UUID id, UUID placementId, Integer expectedVersion) {
		Proposal proposal = draft(user, id, "update", expectedVersion);
		Proposal.Placed removed = proposal.placed().get(indexOf(proposal, placementId));
		this.proposals.removePlacement(id, removed, REMOVED);
		this.audit.success(new PhiAccess("update", RESOURCE, id, removed.childId()));
		return view(this.proposals.find(id, false).orElseThrow());
	}

	/** The proposal, locked, if it is a draft at the version the caller saw. */
	private Proposal draft(CurrentUser user, UUID id, String action, Integer expectedVersion) {
		Proposal proposal = visible(user, id, action, true);
		if (proposal.status() == Proposal.Status.ACCEPTED) {
			throw new ProposalProblems.ProposalAlreadyAccepted();
		}
		if (expectedVersion != null && expectedVersion != proposal.version()) {
			throw new StaleVersion();
		}
		return proposal;
	}

	private static int indexOf(Proposal proposal, UUID placementId) {
		for (int i = 0; i < proposal.placed().size(); i++) {
			if (proposal.placed().get(i).id().equals(placementId)) {
				return i;
			}
		}
		throw new ProposalProblems.ProposalNotFound("placed session");
	}

	private Proposal visible(CurrentUser user, UUID id, String action, boolean forUpdate) {
		if (!this.access.maySeeProposals(user)) {
			this.audit.refused(new PhiAccess(action, RESOURCE, id, null), true);
			throw new ProposalProblems.ProposalNotFound("schedule proposal");
		}
		return this.proposals.find(id, forUpdate)
			.orElseThrow(() -> new ProposalProblems.ProposalNotFound("schedule proposal"));
	}

	private void validate(LocalDate weekStart, List<UUID> childIds, Instant now) {
		List<FieldError> errors = new ArrayList<>();
		if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
			errors.add(new FieldError("/weekStart", "must be a Monday"));
		}
		else if (!start(weekStart.plusWeeks(1)).isAfter(now)) {
			errors.add(new FieldError("/weekStart", "the week is over"));
		}
		if (childIds != null) {
			for (int i = 0; i < childIds.size(); i++) {
				boolean active = this.children.find(childIds.get(i))
					.map(c -> c.status() == ChildStatus.ACTIVE)
					.orElse(false);
				if (!active) {
					errors.add(new FieldError("/childIds/" + i, "is not an active child"));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new ProposalProblems.InvalidProposalRequest(errors);
		}
	}

	/** Everything the solver needs, read in one transaction. */
	private ProposalProblem problem(LocalDate weekStart, List<UUID> childIds, Instant now) {
		Instant from = start(weekStart);
		Instant to = start(weekStart.plusWeeks(1));
		Set<UUID> ids = new LinkedHashSet<>(
				(childIds != null) ? childIds : this.preferences.activeChildrenWithPrescribedHours());
		List<SchedulePreferences> wanted = this.preferences.findAll(ids);
		Map<UUID, List<UUID>> teams = this.proposals.careTeams(ids);
		Set<UUID> therapistIds = new LinkedHashSet<>();
		teams.values().forEach(therapistIds::addAll);
		List<ProposalRepository.Booked> booked = this.proposals.liveAppointments(therapistIds, ids, from, to);
		Map<UUID, List<PayerRules.Allowance>> allowances = new HashMap<>();
		this.payerRules.allowances(ids, weekStart, weekStart.plusDays(6))
			.forEach(a -> allowances.put(a.childId(), a.allowances()));
		List<ProposalProblem.ChildWeek> childWeeks = wanted.stream()
			.map(p -> new ProposalProblem.ChildWeek(p, teams.getOrDefault(p.childId(), List.of()),
					booked.stream()
						.filter(b -> b.childId().equals(p.childId()))
						.map(b -> new ProposalProblem.Booked(b.serviceCode(), b.start(), b.end()))
						.toList(),
					allowances.get(p.childId())))
			.toList();
		List<ProposalProblem.TherapistWeek> therapistWeeks = therapistIds.stream().map(t -> {
			List<ProposalProblem.Busy> busy = new ArrayList<>();
			booked.stream()
				.filter(b -> b.therapistId().equals(t))
				.forEach(b -> busy.add(new ProposalProblem.Busy(b.start(), b.end())));
			return new ProposalProblem.TherapistWeek(t, credential(t),
					this.availability.blocks(t)
						.stream()
						.map(b -> new SchedulePreferences.Hours(b.weekday(), b.start(), b.end()))
						.toList(),
					busy, this.availability.timeOff(t, from, to));
		}).toList();
		return new ProposalProblem(weekStart, this.zone, now, childWeeks, therapistWeeks);
	}

	/** What stands in the way of the placed sessions now. */
	private List<FieldError> conflicts(Proposal proposal) {
		Instant from = start(proposal.weekStart());
		Instant to = start(proposal.weekStart().plusWeeks(1));
		Set<UUID> childIds = proposal.children();
		Set<UUID> therapistIds = new LinkedHashSet<>();
		proposal.placed().forEach(p -> therapistIds.add(p.therapistId()));
		List<ProposalRepository.Booked> booked = this.proposals.liveAppointments(therapistIds, childIds, from, to);
		Map<UUID, List<UUID>> teams = this.proposals.careTeams(childIds);
		Map<UUID, TherapistAvailability> availabilities = new HashMap<>();
		Instant now = this.clock.instant();
		Map<UUID, Credential> credentials = new HashMap<>();
		Map<String, Integer> bookedSince = new HashMap<>();
		booked.stream()
			.filter(b -> childIds.contains(b.childId()) && b.bookedAt().isAfter(proposal.createdAt()))
			.forEach(b -> bookedSince.merge(b.childId() + "/" + b.serviceCode(), b.minutes(), Integer::sum));
		List<FieldError> conflicts = new ArrayList<>();
		for (int i = 0; i < proposal.placed().size(); i++) {
			Proposal.Placed session = proposal.placed().get(i);
			String pointer = "/placed/" + i;
			if (session.start().isBefore(now)) {
				conflicts.add(new FieldError(pointer, "The session would start in the past"));
			}
			if (this.children.find(session.childId()).map(c -> c.status() != ChildStatus.ACTIVE).orElse(true)) {
				conflicts.add(new FieldError(pointer, "The child is no longer active"));
			}
			if (!teams.getOrDefault(session.childId(), List.of()).contains(session.therapistId())) {
				conflicts.add(new FieldError(pointer, "The therapist is no longer on the child's care team"));
			}
			if (!ServiceCode.mayDeliver(credentials.computeIfAbsent(session.therapistId(), this::credential),
					session.serviceCode())) {
				conflicts.add(new FieldError(pointer, "The therapist " + mayNotDeliver(session.serviceCode())));
			}
			Integer since = bookedSince.get(session.childId() + "/" + session.serviceCode());
			if (since != null) {
				conflicts.add(new FieldError(pointer,
						Proposal.hours(since).toPlainString() + " h of " + session.serviceCode()
								+ " were booked for the child this week since the draft was made; "
								+ "accepting would book more than prescribed. Propose the week again."));
			}
			for (ProposalRepository.Booked other : booked) {
				if (other.start().isBefore(session.end()) && session.start().isBefore(other.end())) {
					if (other.therapistId().equals(session.therapistId())) {
						conflicts.add(new FieldError(pointer,
								"The therapist already has a session with "
										+ this.children.shortName(other.childId()).orElse("another child") + " "
										+ Conflict.when(other.start(), other.end(), this.zone)));
					}
					else if (other.childId().equals(session.childId())) {
						conflicts.add(new FieldError(pointer, "The child already has another session "
								+ Conflict.when(other.start(), other.end(), this.zone)));
					}
				}
			}
			for (int j = 0; j < proposal.placed().size(); j++) {
				Proposal.Placed other = proposal.placed().get(j);
				if (j != i && other.start().isBefore(session.end()) && session.start().isBefore(other.end())) {
					if (other.therapistId().equals(session.therapistId())) {
						conflicts.add(new FieldError(pointer, "The therapist has another session of this proposal "
								+ Conflict.when(other.start(), other.end(), this.zone)));
					}
					else if (other.childId().equals(session.childId())) {
						conflicts.add(new FieldError(pointer, "The child has another session of this proposal "
								+ Conflict.when(other.start(), other.end(), this.zone)));
					}
				}
			}
			TherapistAvailability rule = availabilities.computeIfAbsent(session.therapistId(),
					t -> this.availability.availability(t, from, to, this.zone));
			if (rule.hoursFit(session.start(), session.end()) != TherapistAvailability.Fit.WITHIN_HOURS) {
				conflicts.add(new FieldError(pointer, "The therapist is not available "
						+ Conflict.when(session.start(), session.end(), this.zone) + " (outside their weekly hours)"));
			}
			for (AvailabilityRepository.TimeOff off : rule.timeOffDuring(session.start(), session.end())) {
				conflicts.add(new FieldError(pointer,
						"The therapist is on time off " + Conflict.when(off.startsAt(), off.endsAt(), this.zone)));
			}
		}
		return conflicts;
	}

	/** "may not deliver 97155 (needs BCBA or BCaBA)". */
	private static String mayNotDeliver(String serviceCode) {
		return "may not deliver " + serviceCode + " (needs "
				+ ServiceCode.deliveredBy(serviceCode)
					.stream()
					.sorted()
					.map(Credential::value)
					.collect(java.util.stream.Collectors.joining(" or "))
				+ ")";
	}

	private Instant start(LocalDate day) {
		return day.atStartOfDay(this.zone).toInstant();
	}

}
