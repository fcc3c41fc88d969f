package org.sparktherapy.reporting.internal.caseload;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sparktherapy.audit.AuditTrail;
import org.sparktherapy.audit.PhiAccess;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.SparkProperties;
import org.sparktherapy.programs.Programs;
import org.sparktherapy.programs.TargetPhase;
import org.sparktherapy.reporting.internal.ReportPeriod;
import org.sparktherapy.reporting.internal.caseload.MasteriesReport.Mastery;
import org.sparktherapy.reporting.internal.caseload.MasteriesReport.MonthCount;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Masteries per month (ADR 0036): every move of a target to mastered (automatic or by
 * hand, programs' phase changes) that falls in the period, counted per month of the
 * clinic's calendar and listed one row each. Whose children: the caseload's
 * ({@link CaseloadAccess}: admins every active child, supervising therapists their
 * supervised active children, others 403). A target mastered twice (moved back and
 * mastered again) counts twice. Every child with a row is written to the PHI access log,
 * one entry each in ADR 0033's form (action {@code report}, resource
 * {@code report:masteries:<from>/<to>}, the child).
 */
@Service
class MasteriesService {

	private final CaseloadAccess caseloads;

	private final Programs programs;

	private final AuditTrail audit;

	private final ZoneId zone;

	MasteriesService(CaseloadAccess caseloads, Programs programs, AuditTrail audit, SparkProperties properties) {
		this.caseloads = caseloads;
		this.programs = programs;
		this.audit = audit;
		this.zone = properties.clinicTimeZone();
	}

	@Transactional
	MasteriesReport report(CurrentUser user, ReportPeriod period) {
		String resource = "report:masteries:" + period.from() + "/" + period.to();
		List<CaseloadRepository.ChildName> children = this.caseloads.childrenOf(user, resource,
				"Masteries are reported to supervising therapists (BCBA, BCaBA) and admins.");
		Map<UUID, String> names = children.stream()
			.collect(Collectors.toMap(CaseloadRepository.ChildName::childId, CaseloadRepository.ChildName::name));
		List<UUID> ids = children.stream().map(CaseloadRepository.ChildName::childId).toList();
		Map<UUID, List<Programs.TargetFacts>> targets = this.programs.targetsOf(ids);
		Map<UUID, List<Programs.PhaseChangeFacts>> changes = this.programs.phaseChangesOf(ids);
		List<Mastery> rows = new ArrayList<>();
		changes.forEach((child, list) -> {
			Map<UUID, Programs.TargetFacts> byId = targets.get(child)
				.stream()
				.collect(Collectors.toMap(Programs.TargetFacts::targetId, Function.identity()));
			list.stream()
				.filter(c -> c.phase() == TargetPhase.MASTERED && !c.at().isBefore(period.start())
						&& c.at().isBefore(period.end()) && byId.containsKey(c.targetId()))
				.forEach(c -> {
					Programs.TargetFacts t = byId.get(c.targetId());
					rows.add(new Mastery(child, names.get(child), t.programId(), t.programName(), t.targetId(),
							t.name(), LocalDate.ofInstant(c.at(), this.zone), c.at()));
				});
		});
		rows.sort(Comparator.comparing(Mastery::masteredAt)
			.thenComparing(Mastery::childName)
			.thenComparing(Mastery::targetId));
		Map<YearMonth, Integer> perMonth = new LinkedHashMap<>();
		for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m
			.plusMonths(1)) {
			perMonth.put(m, 0);
		}
		rows.forEach(row -> perMonth.merge(YearMonth.from(row.masteredOn()), 1, Integer::sum));
		List<MonthCount> months = perMonth.entrySet()
			.stream()
			.map(e -> new MonthCount(e.getKey().toString(), e.getValue()))
			.toList();
		// one access entry per child shown, in the read's transaction (appends take no
		// lock: ADR 0005)
		Set<UUID> listed = new LinkedHashSet<>();
		rows.forEach(row -> listed.add(row.childId()));
		this.audit.successAll(listed.stream().map(child -> new PhiAccess("report", resource, null, child)).toList());
		return new MasteriesReport(period.from(), period.to(), rows.size(), months, rows);
	}

}
