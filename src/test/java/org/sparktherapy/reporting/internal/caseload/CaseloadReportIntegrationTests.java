package org.sparktherapy.reporting.internal.caseload;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.TeachingWorld;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caseload report over real sessions and programs: one child whose first program's
 * "dog" has been flat in intervention for five weeks (stalled), whose second program's
 * "cat" was mastered today and whose "dog" has been in maintenance for twenty days with
 * no data (due for a probe); the second program got no data in any session.
 */
@IntegrationTest
class CaseloadReportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TeachingWorld world;

	Clinic clinic;

	Person admin;

	Person supervisor;

	Person technician;

	Person guardian;

	String childId;

	String firstProgram;

	String flatDog;

	String secondProgram;

	String masteredCat;

	String maintainedDog;

	String query;

	@BeforeEach
	void setUp() {
		this.world = new TeachingWorld(this.port, this.jdbc);
		this.clinic = this.world.clinic();
		this.admin = this.world.admin();
		this.supervisor = this.world.supervisor();
		this.technician = this.world.technician();
		this.guardian = this.world.guardian();
		this.childId = this.world.childId();
		Api.Response first = this.clinic.aProgram(this.supervisor, this.childId);
		this.firstProgram = first.at("/id");
		this.flatDog = first.at("/targets/0/id");
		TeachingWorld.moveTo(this.supervisor, this.firstProgram, this.flatDog, "intervention");
		this.world.backdatePhaseChanges(this.flatDog, Duration.ofDays(35));
		Instant start = Instant.now().minus(Duration.ofDays(30));
		for (int i = 0; i < 6; i++) {
			session(this.flatDog, start.plus(Duration.ofDays(3L * i)), 5, 10);
		}
		Api.Response second = this.clinic.aProgram(this.supervisor, this.childId);
		this.secondProgram = second.at("/id");
		this.maintainedDog = second.at("/targets/0/id");
		this.masteredCat = second.at("/targets/1/id");
		TeachingWorld.moveTo(this.supervisor, this.secondProgram, this.maintainedDog, "intervention");
		TeachingWorld.moveTo(this.supervisor, this.secondProgram, this.maintainedDog, "mastered");
		TeachingWorld.moveTo(this.supervisor, this.secondProgram, this.maintainedDog, "maintenance");
		this.world.backdatePhaseChanges(this.maintainedDog, Duration.ofDays(60));
		TeachingWorld.moveTo(this.supervisor, this.secondProgram, this.masteredCat, "intervention");
		TeachingWorld.moveTo(this.supervisor, this.secondProgram, this.masteredCat, "mastered");
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		this.query = "?from=" + today.minusDays(40) + "&to=" + today;
	}

	@Test
	void aSupervisorSeesMasteredStalledProbeDueAndProgramsWithoutData() {
		JsonNode child = child(report(this.supervisor, this.query));

		assertThat(child.get("sessions").asInt()).isEqualTo(6);
		assertThat(targetIds(child.get("mastered"))).containsExactly(this.masteredCat);
		assertThat(child.get("mastered").get(0).get("at").asString())
			.startsWith(LocalDate.now(ZoneOffset.UTC).toString());
		assertThat(targetIds(child.get("stalled"))).containsExactly(this.flatDog);
		assertThat(targetIds(child.get("probesDue"))).containsExactly(this.maintainedDog);
		assertThat(child.get("probesDue").get(0).get("lastDataAt").isNull()).isTrue();
		assertThat(child.get("programsWithoutData")).singleElement().satisfies(gap -> {
			assertThat(gap.get("programId").asString()).isEqualTo(this.secondProgram);
			assertThat(gap.get("sessions").asInt()).isEqualTo(6);
			assertThat(gap.get("sessionsWithoutData").asInt()).isEqualTo(6);
		});
	}

	@Test
	void theStalledWindowAndTheProbeDaysAreTheCallersChoice() {
		JsonNode child = child(report(this.supervisor, this.query + "&stalledSessions=4&probeDays=90"));

		assertThat(child.get("stalled")).as("eight sessions needed, six run").isEmpty();
		assertThat(child.get("probesDue")).as("in maintenance for 60 of 90 days").isEmpty();
	}

	@Test
	void aProbeInMaintenanceClearsItAndCountsAsDataForItsProgram() {
		session(this.maintainedDog, Instant.now().minus(Duration.ofDays(2)), 9, 10);

		JsonNode child = child(report(this.supervisor, this.query));

		assertThat(child.get("probesDue")).isEmpty();
		assertThat(child.get("programsWithoutData")).hasSize(2).allSatisfy(gap -> {
			boolean second = gap.get("programId").asString().equals(this.secondProgram);
			assertThat(gap.get("sessions").asInt()).isEqualTo(7);
			assertThat(gap.get("sessionsWithoutData").asInt()).as("the probe's program or the first")
				.isEqualTo(second ? 6 : 1);
		});
		assertThat(child(report(this.supervisor, this.query + "&probeDays=1")).get("probesDue")).singleElement()
			.satisfies(due -> assertThat(due.get("lastDataAt").isNull()).isFalse());
	}

	@Test
	void aMasteryOutsideThePeriodIsNotCounted() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		JsonNode child = child(report(this.supervisor, "?from=" + today.minusDays(40) + "&to=" + today.minusDays(1)));

		assertThat(child.get("mastered")).isEmpty();
	}

	@Test
	void adminsSeeEveryChildOtherSupervisorsNotThisOneTechniciansAndParentsNothing() {
		assertThat(ids(report(this.admin, this.query).get("children"))).contains(this.childId);
		assertThat(ids(report(this.clinic.aTherapist("BCBA"), this.query).get("children"))).isEmpty();
		Api.Response technician = this.technician.api().get("/api/reports/caseload" + this.query);
		assertThat(technician.status()).isEqualTo(403);
		assertThat(technician.contentType()).startsWith("application/problem+json");
		assertThat(this.guardian.api().get("/api/reports/caseload" + this.query).status()).isEqualTo(403);
		assertThat(this.guardian.api().get("/api/reports/caseload/items.csv" + this.query).status()).isEqualTo(403);
	}

	@Test
	void everyChildReadIsLogged() {
		report(this.supervisor, this.query);

		assertThat(this.jdbc.sql("""
				select count(*) from audit_log where account_id = :supervisor and child_id = :child
				    and action = 'report' and resource_type like 'report:caseload:%' and outcome = 'success'
				""")
			.param("supervisor", UUID.fromString(this.supervisor.id()))
			.param("child", UUID.fromString(this.childId))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theCsvHasARowPerItem() {
		Api.Response csv = this.supervisor.api().get("/api/reports/caseload/items.csv" + this.query);

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		List<String> lines = csv.text().lines().toList();
		assertThat(lines.get(0)).isEqualTo("child,child_id,item,program,program_id,target,target_id,date,detail");
		assertThat(lines.stream().filter(l -> l.contains(this.childId)).map(l -> l.split(",")[2]))
			.containsExactly("mastered", "stalled", "probe_due", "sessions_without_data");
	}

	@Test
	void refusesABadWindowOrPeriodWithAProblem() {
		for (String bad : List.of("?stalledSessions=0", "?probeDays=400", "?from=2026-05-02&to=2026-05-01",
				"?from=yesterday")) {
			Api.Response response = this.supervisor.api().get("/api/reports/caseload" + bad);
			assertThat(response.status()).as(bad).isEqualTo(400);
			assertThat(response.contentType()).as(bad).startsWith("application/problem+json");
		}
	}

	private JsonNode child(JsonNode report) {
		for (JsonNode child : report.get("children")) {
			if (child.get("childId").asString().equals(this.childId)) {
				return child;
			}
		}
		throw new AssertionError("child not in " + report);
	}

	private static JsonNode report(Person person, String query) {
		Api.Response response = person.api().get("/api/reports/caseload" + query);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	/** A submitted half-hour session of the technician with trials on one target. */
	private void session(String targetId, Instant start, int correct, int trials) {
		TeachingWorld.session(this.technician, this.childId, targetId, TeachingWorld.outcomes(correct, trials), start);
	}

	private static List<String> targetIds(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.forEach(item -> ids.add(item.get("targetId").asString()));
		return ids;
	}

	private static List<String> ids(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.forEach(item -> ids.add(item.get("childId").asString()));
		return ids;
	}

}
