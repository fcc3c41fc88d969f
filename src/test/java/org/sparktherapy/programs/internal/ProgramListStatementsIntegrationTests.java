package org.sparktherapy.programs.internal;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.sparktherapy.platform.web.PageQuery;
import org.sparktherapy.platform.web.PageResponse;
import org.sparktherapy.programs.TargetPhase;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.StatementCounting;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * A child's programs (the programs read of mixed clinic traffic) are read with all their
 * targets and phase changes in one statement after the page, not two statements per
 * program, and counted only when the page does not tell the total (ADR 0050, session 14).
 * Statements are counted on the way to the real database.
 */
@IntegrationTest
class ProgramListStatementsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Test
	void readsAPageOfProgramsWithTheirTargetsInTwoStatements() {
		Clinic clinic = new Clinic(this.port);
		Clinic.Person admin = clinic.rootAdmin();
		Clinic.Person supervisor = clinic.aTherapist("BCBA");
		String child = clinic.aChild(admin, clinic.aParent(), supervisor, clinic.aTherapist("RBT"));
		List<String> ids = List.of(clinic.aProgram(supervisor, child).at("/id"),
				clinic.aProgram(supervisor, child).at("/id"), clinic.aProgram(supervisor, child).at("/id"));
		Api.Response second = supervisor.api().get("/api/programs/" + ids.get(1));
		String cat = second.at("/targets/1/id");
		Api.Response moved = supervisor.api()
			.put("/api/programs/" + ids.get(1) + "/targets/" + cat, body("phase", "intervention"));
		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		AtomicInteger statements = new AtomicInteger();
		ProgramRepository programs = new ProgramRepository(
				JdbcClient.create(StatementCounting.counting(this.dataSource, statements)));

		PageResponse<Program> all = programs.forChild(UUID.fromString(child), false, page(0, 50));
		assertThat(statements.getAndSet(0)).as("statements for a page that is not full").isEqualTo(2);
		assertThat(all.page().totalElements()).isEqualTo(3);
		assertThat(all.content()).extracting(p -> p.id().toString()).containsExactlyElementsOf(ids);
		for (Program program : all.content()) {
			assertThat(program.targets()).extracting(Program.Target::name).containsExactly("dog", "cat");
			assertThat(program.targets()).extracting(Program.Target::position).containsExactly(0, 1);
			assertThat(program.targets().get(0).phaseChanges()).extracting(Program.PhaseChange::phase)
				.containsExactly(TargetPhase.BASELINE);
			assertThat(program.targets().get(0).phaseChanges().get(0).by().id().toString()).isEqualTo(supervisor.id());
		}
		assertThat(all.content().get(1).targets().get(1).phaseChanges()).extracting(Program.PhaseChange::phase)
			.containsExactly(TargetPhase.BASELINE, TargetPhase.INTERVENTION);
		assertThat(all.content().get(0).targets().get(1).phaseChanges()).hasSize(1);
		assertThat(programs.find(UUID.fromString(ids.get(1)), false)).contains(all.content().get(1));
		statements.set(0);

		PageResponse<Program> first = programs.forChild(UUID.fromString(child), false, page(0, 2));
		assertThat(first.content()).hasSize(2);
		assertThat(first.page().totalElements()).isEqualTo(3);
		assertThat(first.page().totalPages()).isEqualTo(2);
		assertThat(statements.getAndSet(0)).as("statements for a full page (the rest counted)").isEqualTo(3);

		PageResponse<Program> beyond = programs.forChild(UUID.fromString(child), false, page(5, 2));
		assertThat(beyond.content()).isEmpty();
		assertThat(beyond.page().totalElements()).as("counted past the end").isEqualTo(3);
		assertThat(statements.getAndSet(0)).isEqualTo(2);

		PageResponse<Program> none = programs.forChild(UUID.randomUUID(), false, page(0, 50));
		assertThat(none.content()).isEmpty();
		assertThat(none.page().totalElements()).isZero();
		assertThat(statements.getAndSet(0)).as("an empty first page is the whole list").isEqualTo(1);
	}

	private static PageQuery page(int page, int size) {
		return PageQuery.of(page, size, null, ProgramRepository.SORTABLE, "createdAt,asc");
	}

}
