package org.sparktherapy.programs.internal;

import java.util.List;

import org.sparktherapy.children.ChildStatus;
import org.sparktherapy.children.Children;
import org.sparktherapy.identity.AccountSummary;
import org.sparktherapy.identity.Accounts;
import org.sparktherapy.identity.CurrentUser;
import org.sparktherapy.platform.DemoData;
import org.sparktherapy.programs.TargetPhase;
import org.sparktherapy.programs.internal.Program.MasteryCriterion;
import org.sparktherapy.programs.internal.Program.ProgramDesign;
import org.sparktherapy.vocabulary.Measurement;
import org.sparktherapy.vocabulary.ProgramKind;

import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo clinic's treatment programs ({@code demo} profile): the supervising BCBA
 * designs skill and behavior programs for every child in care on her caseload and moves
 * targets through several phases, through the same service as the API.
 */
@Component
@Profile("demo")
@Order(30)
class DemoPrograms implements DemoData {

	record DemoProgram(String name, Program.Domain domain, String objective, ProgramKind kind, Measurement measurement,
			MasteryCriterion criterion, List<String> targets, List<List<TargetPhase>> phasePaths) {
	}

	private static final MasteryCriterion EIGHTY_THREE = new MasteryCriterion(80, 3, 5);

	static final List<DemoProgram> PROGRAMS = List.of(
			new DemoProgram("Receptive ID: animals", Program.Domain.COMMUNICATION,
					"Touches the named animal picture from a field of three.", ProgramKind.SKILL,
					Measurement.PERCENT_CORRECT, EIGHTY_THREE, List.of("dog", "cat", "horse", "cow"),
					List.of(List.of(TargetPhase.INTERVENTION), List.of(), List.of(), List.of())),
			new DemoProgram("Manding for preferred items", Program.Domain.COMMUNICATION,
					"Requests preferred items with a two-word phrase.", ProgramKind.SKILL, Measurement.PERCENT_CORRECT,
					new MasteryCriterion(90, 3, 10), List.of("bubbles", "ball", "snack"),
					List.of(List.of(TargetPhase.INTERVENTION), List.of(TargetPhase.INTERVENTION), List.of())),
			new DemoProgram("Handwashing", Program.Domain.DAILY_LIVING,
					"Washes hands independently following the 8-step task analysis.", ProgramKind.SKILL,
					Measurement.TASK_ANALYSIS, EIGHTY_THREE, List.of("Handwashing chain"),
					List.of(List.of(TargetPhase.INTERVENTION))),
			new DemoProgram("Reduce elopement", Program.Domain.BEHAVIOR_REDUCTION,
					"Reduces elopement to zero per session for two weeks.", ProgramKind.BEHAVIOR, Measurement.FREQUENCY,
					null, List.of("Elopement"), List.of(List.of(TargetPhase.INTERVENTION))));

	/**
	 * Behaviors measured by rate and by duration, for the first active child: every
	 * measurement is in the demo.
	 */
	static final List<DemoProgram> MORE_BEHAVIORS = List.of(
			new DemoProgram("Reduce hand flapping", Program.Domain.BEHAVIOR_REDUCTION,
					"Reduces hand flapping during table work to under two per hour.", ProgramKind.BEHAVIOR,
					Measurement.RATE, null, List.of("Hand flapping"), List.of(List.of(TargetPhase.INTERVENTION))),
			new DemoProgram("Shorter tantrums", Program.Domain.BEHAVIOR_REDUCTION, "Tantrums last under one minute.",
					ProgramKind.BEHAVIOR, Measurement.DURATION, null, List.of("Tantrum"),
					List.of(List.of(TargetPhase.INTERVENTION))));

	private final ProgramService service;

	private final Children children;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	DemoPrograms(ProgramService service, Children children, Accounts accounts, JdbcClient jdbc, java.time.Clock clock) {
		this.service = service;
		this.children = children;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * When the demo programs were designed: the demo sessions run from then until today.
	 */
	static final java.time.Duration HISTORY = java.time.Duration.ofDays(7 * 7);

	@Override
	public void seed() {
		if (this.jdbc.sql("select count(*) from programs").query(Long.class).single() > 0) {
			return;
		}
		AccountSummary maya = this.accounts.findByEmail("maya.okafor@demo.sparktherapy.org").orElseThrow();
		CurrentUser supervisor = new CurrentUser(maya.id(), maya.role(), maya.name(), null);
		if (this.clock instanceof org.sparktherapy.platform.DemoClock demoClock) {
			demoClock.set(java.time.Instant.now().minus(HISTORY));
		}
		supervisor.runAs(() -> {
			int n = 0;
			boolean behaviorsSeeded = false;
			for (Children.ChildFacts child : this.children.caseload(maya.id())) {
				if (child.status() != ChildStatus.ACTIVE && child.status() != ChildStatus.ON_HOLD) {
					continue;
				}
				for (int i = 0; i < 2; i++) {
					seed(supervisor, child, PROGRAMS.get((n + i) % PROGRAMS.size()));
				}
				if (!behaviorsSeeded && child.status() == ChildStatus.ACTIVE) {
					MORE_BEHAVIORS.forEach(demo -> seed(supervisor, child, demo));
					behaviorsSeeded = true;
				}
				n++;
			}
		});
	}

	private void seed(CurrentUser supervisor, Children.ChildFacts child, DemoProgram demo) {
		Program program = this.service.create(supervisor, child.id(),
				new ProgramDesign(demo.name(), demo.domain(), demo.objective(), demo.criterion(), true), demo.kind(),
				demo.measurement(),
				demo.targets().stream().map(name -> new ProgramService.NewTarget(name, null, null)).toList());
		for (int t = 0; t < program.targets().size(); t++) {
			for (TargetPhase phase : demo.phasePaths().get(t)) {
				this.service.changeTarget(supervisor, program.id(), program.targets().get(t).id(),
						new ProgramService.TargetChange(null, null, null, phase));
			}
		}
	}

}
