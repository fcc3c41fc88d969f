package org.sparktherapy.reporting.internal.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
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
 * The demo clinic's progress reports ({@code demo} profile), after its sessions, schedule
 * and authorizations: the supervising BCBA signed one for her first active child
 * yesterday (six months to yesterday), and has a draft for her second child with the
 * summary started. Through the same service as the app, so the figures and the access log
 * are real. Seeded once.
 */
@Component
@Profile("demo")
@Order(70)
class DemoProgressReports implements DemoData {

	private final ProgressReportService service;

	private final Children children;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ZoneId zone;

	DemoProgressReports(ProgressReportService service, Children children, Accounts accounts, JdbcClient jdbc,
			Clock clock, SparkProperties properties) {
		this.service = service;
		this.children = children;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = properties.clinicTimeZone();
	}

	@Override
	public void seed() {
		DemoClock.seedOnce(this.clock,
				() -> this.jdbc.sql("select count(*) from progress_reports").query(Long.class).single() > 0,
				this::seed);
	}

	private void seed(DemoClock demoClock) {
		AccountSummary account = this.accounts.findByEmail("maya.okafor@demo.sparktherapy.org").orElse(null);
		if (account == null) {
			return;
		}
		CurrentUser bcba = new CurrentUser(account.id(), account.role(), account.name(), null);
		List<UUID> caseload = this.children.caseload(account.id())
			.stream()
			.filter(c -> c.status() == ChildStatus.ACTIVE)
			.map(Children.ChildFacts::id)
			.toList();
		if (caseload.isEmpty()) {
			return;
		}
		LocalDate yesterday = LocalDate.now(this.clock.withZone(this.zone)).minusDays(1);
		demoClock.set(yesterday.atTime(LocalTime.of(16, 30)).atZone(this.zone).toInstant());
		bcba.runAs(() -> {
			UUID signed = this.service.create(bcba, caseload.get(0), null, yesterday).report().id();
			this.service.update(bcba, signed, null, null, null, new ProgressReport.Narrative(
					"Steady progress this period. Attendance was good; most cancellations were planned family absences. "
							+ "Receptive identification targets moved from baseline through intervention, and several "
							+ "were mastered and are in maintenance.",
					"Extend receptive identification to a new set of everyday objects. Begin two-step instructions. "
							+ "Keep mastered targets in weekly maintenance probes.",
					"Continue 1:1 ABA at the current authorized hours, with caregiver training monthly. "
							+ "Re-authorization is recommended for the next six months."));
			this.service.sign(bcba, signed, null);
			if (caseload.size() > 1) {
				demoClock.set(this.clock.instant().plusSeconds(1800));
				UUID draft = this.service.create(bcba, caseload.get(1), null, yesterday).report().id();
				this.service.update(bcba, draft, null, null, null, new ProgressReport.Narrative(
						"Good engagement in sessions; summary to be finished.", null, null));
			}
		});
	}

}
