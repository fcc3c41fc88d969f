package org.sparktherapy.reporting.internal.caseload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.programs.ProgramStatus;
import org.sparktherapy.programs.Programs;
import org.sparktherapy.programs.TargetPhase;
import org.sparktherapy.reporting.internal.ReportPeriod;
import org.sparktherapy.reporting.internal.caseload.CaseloadReport.CaseloadChild;
import org.sparktherapy.reporting.internal.caseload.CaseloadReport.CaseloadProbe;
import org.sparktherapy.reporting.internal.caseload.CaseloadReport.CaseloadProgramGap;
import org.sparktherapy.reporting.internal.caseload.CaseloadReport.CaseloadTarget;
import org.sparktherapy.sessions.Sessions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervisor's caseload report (ADR 0036). Who sees which children: an admin every
 * active child of the clinic; a supervising therapist (BCBA or BCaBA) the active children
 * whose care team they supervise; technicians and parents nothing (403). For each child:
 * <ul>
 * <li><b>mastered</b>: targets whose move to mastered falls in the period;</li>
 * <li><b>stalled</b>: targets in intervention that the sessions module's stalled rule
 * names, comparing the latest {@code stalledSessions} sessions with the same number
 * before them (the home page's queue uses 3);</li>
 * <li><b>due for a probe</b>: targets of active programs in maintenance with no data in a
 * submitted session for {@code probeDays} days, counted from their latest session with
 * data or, when none since, from their move into maintenance;</li>
 * <li><b>sessions without data for a program</b>: the child's submitted sessions in the
 * period in which no target of an active program got data.</li>
 * </ul>
 * Every child listed is written to the PHI access log, one entry each in ADR 0033's form
 * (action {@code report}, resource {@code report:caseload:<from>/<to>}, the child).
 */
@Service
class CaseloadService {

	private static final Set<TargetPhase> TAUGHT = EnumSet.of(TargetPhase.BASELINE, TargetPhase.INTERVENTION,
			TargetPhase.MAINTENANCE);

	private final CaseloadAccess caseloads;

	private final Sessions sessions;

	private final Programs programs;

	private final AuditTrail audit;

	private final Clock clock;

	CaseloadService(CaseloadAccess caseloads, Sessions sessions, Programs programs, AuditTrail audit, Clock clock) {
		this.caseloads = caseloads;
		this.sessions = sessions;
		this.programs = programs;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	CaseloadReport report(CurrentUser user, ReportPeriod period, int stalledSessions, int probeDays) {
		List<CaseloadRepository.ChildName> children = childrenOf(user, period);
		Instant now = this.clock.instant();
		List<UUID> ids = children.stream().map(CaseloadRepository.ChildName::childId).toList();
		// a few set-based reads for the whole caseload, however many children
		Map<UUID, List<Programs.TargetFacts>> targets = this.programs.targetsOf(ids);
		Map<UUID, List<Programs.PhaseChangeFacts>> changes = this.programs.phaseChangesOf(ids);
		Map<UUID, Set<UUID>> stalled = this.sessions.stalledTargetsOf(ids, stalledSessions);
		Map<UUID, List<Sessions.RecordedSession>> recorded = this.sessions.recordedSessionsOf(ids, period.start(),
				period.end());
		Map<UUID, Instant> latestData = latestData(targets, changes, now);
		List<CaseloadChild> rows = new ArrayList<>();
		for (CaseloadRepository.ChildName child : children) {
			UUID id = child.childId();
			rows.add(figures(child, period, targets.get(id), changes.get(id), stalled.get(id), recorded.get(id),
					latestData, probeDays, now));
		}
		// one access entry per child shown, in the read's transaction (appends take no
		// lock: ADR 0005)
		String resource = "report:caseload:" + period.from() + "/" + period.to();
		this.audit.successAll(
				children.stream().map(child -> new PhiAccess("report", resource, null, child.childId())).toList());
		return new CaseloadReport(period.from(), period.to(), stalledSessions, probeDays, rows);
	}

	private List<CaseloadRepository.ChildName> childrenOf(CurrentUser user, ReportPeriod period) {
		return this.caseloads.childrenOf(user, "report:caseload:" + period.from() + "/" + period.to(),
				"The caseload report is for supervising therapists (BCBA, BCaBA) and admins.");
	}

	private CaseloadChild figures(CaseloadRepository.ChildName child, ReportPeriod period,
			List<Programs.TargetFacts> targets, List<Programs.PhaseChangeFacts> changes, Set<UUID> stalledIds,
			List<Sessions.RecordedSession> recorded, Map<UUID, Instant> latestData, int probeDays, Instant now) {
		Map<UUID, Programs.TargetFacts> byId = targets.stream()
			.collect(Collectors.toMap(Programs.TargetFacts::targetId, Function.identity()));

		List<CaseloadTarget> mastered = changes.stream()
			.filter(c -> c.phase() == TargetPhase.MASTERED && !c.at().isBefore(period.start())
					&& c.at().isBefore(period.end()) && byId.containsKey(c.targetId()))
			.map(c -> item(byId.get(c.targetId()), c.at()))
			.toList();

		List<CaseloadTarget> stalled = targets.stream()
			.filter(t -> stalledIds.contains(t.targetId()))
			.map(t -> item(t, lastChange(changes, t.targetId())))
			.toList();

		List<CaseloadProbe> probes = probesDue(targets, changes, latestData, probeDays, now);
		List<CaseloadProgramGap> gaps = gaps(targets, recorded);
		return new CaseloadChild(child.childId(), child.name(), recorded.size(), mastered, stalled, probes, gaps);
	}

	/**
	 * The targets of active programs in maintenance, each with its latest session with
	 * data since it entered maintenance (or since ever, when no phase change is known).
	 */
	private Map<UUID, Instant> latestData(Map<UUID, List<Programs.TargetFacts>> targets,
			Map<UUID, List<Programs.PhaseChangeFacts>> changes, Instant now) {
		List<Sessions.TargetSince> maintained = new ArrayList<>();
		targets.forEach((child, list) -> maintained(list).forEach(t -> maintained
			.add(new Sessions.TargetSince(child, t.targetId(), since(changes.get(child), t.targetId())))));
		return this.sessions.latestDataOf(maintained, now.plus(Duration.ofDays(1)));
	}

	private List<CaseloadProbe> probesDue(List<Programs.TargetFacts> targets, List<Programs.PhaseChangeFacts> changes,
			Map<UUID, Instant> latestData, int probeDays, Instant now) {
		Instant dueBefore = now.minus(Duration.ofDays(probeDays));
		List<CaseloadProbe> due = new ArrayList<>();
		for (Programs.TargetFacts target : maintained(targets)) {
			Instant from = since(changes, target.targetId());
			Instant last = latestData.get(target.targetId());
			Instant reference = (last != null) ? last : from;
			if (reference.isBefore(dueBefore)) {
				due.add(new CaseloadProbe(target.targetId(), target.programId(), target.programName(), target.name(),
						from.equals(Instant.EPOCH) ? null : from, last));
			}
		}
		return due;
	}

	private static List<Programs.TargetFacts> maintained(List<Programs.TargetFacts> targets) {
		return targets.stream()
			.filter(t -> t.programStatus() == ProgramStatus.ACTIVE && t.phase() == TargetPhase.MAINTENANCE)
			.toList();
	}

	/** When the target's current phase began, or the epoch when no change is known. */
	private static Instant since(List<Programs.PhaseChangeFacts> changes, UUID targetId) {
		return Objects.requireNonNullElse(lastChange(changes, targetId), Instant.EPOCH);
	}

	private static List<CaseloadProgramGap> gaps(List<Programs.TargetFacts> targets,
			List<Sessions.RecordedSession> recorded) {
		Map<UUID, List<Programs.TargetFacts>> programs = targets.stream()
			.filter(t -> t.programStatus() == ProgramStatus.ACTIVE && TAUGHT.contains(t.phase()))
			.collect(Collectors.groupingBy(Programs.TargetFacts::programId, java.util.LinkedHashMap::new,
					Collectors.toList()));
		List<CaseloadProgramGap> gaps = new ArrayList<>();
		programs.forEach((programId, programTargets) -> {
			Set<UUID> ids = programTargets.stream().map(Programs.TargetFacts::targetId).collect(Collectors.toSet());
			long without = recorded.stream().filter(s -> s.targetIds().stream().noneMatch(ids::contains)).count();
			if (without > 0) {
				gaps.add(new CaseloadProgramGap(programId, programTargets.get(0).programName(), recorded.size(),
						(int) without));
			}
		});
		return gaps;
	}

	private static Instant lastChange(List<Programs.PhaseChangeFacts> changes, UUID targetId) {
		return changes.stream()
			.filter(c -> c.targetId().equals(targetId))
			.map(Programs.PhaseChangeFacts::at)
			.max(Comparator.naturalOrder())
			.orElse(null);
	}

	private static CaseloadTarget item(Programs.TargetFacts target, Instant at) {
		return new CaseloadTarget(target.targetId(), target.programId(), target.programName(), target.name(), at);
	}

}
