package org.sparktherapy.reporting.internal.caseload;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import org.sparktherapy.support.TeachingWorld;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Masteries per month over real programs: the child's "cat" was mastered 40 days ago, its
 * "dog" today, and a second program's "dog" reached intervention only. The period is the
 * last 60 days (the test clinic runs in UTC), so it touches three months: the cat counts
 * in the month of 40 days ago, the dog in this month, every other month 0.
 */
@IntegrationTest
class MasteriesReportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TeachingWorld world;

	String childId;

	String dog;

	String cat;

	LocalDate today;

	String query;

	@BeforeEach
	void setUp() {
		this.world = new TeachingWorld(this.port, this.jdbc);
		this.childId = this.world.childId();
		Person supervisor = this.world.supervisor();
		Api.Response program = this.world.clinic().aProgram(supervisor, this.childId);
		this.dog = program.at("/targets/0/id");
		this.cat = program.at("/targets/1/id");
		TeachingWorld.moveTo(supervisor, program.at("/id"), this.cat, "intervention");
		TeachingWorld.moveTo(supervisor, program.at("/id"), this.cat, "mastered");
		this.world.backdatePhaseChanges(this.cat, Duration.ofDays(40));
		TeachingWorld.moveTo(supervisor, program.at("/id"), this.dog, "intervention");
		TeachingWorld.moveTo(supervisor, program.at("/id"), this.dog, "mastered");
		Api.Response other = this.world.clinic().aProgram(supervisor, this.childId);
		TeachingWorld.moveTo(supervisor, other.at("/id"), other.at("/targets/0/id"), "intervention");
		this.today = LocalDate.now(ZoneOffset.UTC);
		this.query = "?from=" + this.today.minusDays(60) + "&to=" + this.today;
	}

	@Test
	void aSupervisorSeesTheMonthsCountsAndARowPerMastery() {
		JsonNode report = report(this.world.supervisor(), this.query);

		List<String> months = new ArrayList<>();
		for (YearMonth m = YearMonth.from(this.today.minusDays(60)); !m.isAfter(YearMonth.from(this.today)); m = m
			.plusMonths(1)) {
			months.add(m.toString());
		}
		YearMonth catMonth = YearMonth.from(this.today.minusDays(40));
		YearMonth dogMonth = YearMonth.from(this.today);
		List<String> expected = months.stream().map(m -> {
			int count = (m.equals(catMonth.toString()) ? 1 : 0) + (m.equals(dogMonth.toString()) ? 1 : 0);
			return m + "=" + count;
		}).toList();
		List<String> actual = new ArrayList<>();
		report.get("months").forEach(m -> actual.add(m.get("month").asString() + "=" + m.get("mastered").asInt()));
		assertThat(actual).containsExactlyElementsOf(expected);
		assertThat(report.get("total").asInt()).isEqualTo(2);
		List<String> rows = new ArrayList<>();
		report.get("rows")
			.forEach(r -> rows.add(r.get("targetId").asString() + "@" + r.get("masteredOn").asString() + "/"
					+ r.get("childId").asString() + "/" + r.get("targetName").asString()));
		assertThat(rows).containsExactly(this.cat + "@" + this.today.minusDays(40) + "/" + this.childId + "/cat",
				this.dog + "@" + this.today + "/" + this.childId + "/dog");
	}

	@Test
	void aMasteryBeforeThePeriodIsNotCounted() {
		JsonNode report = report(this.world.supervisor(), "?from=" + this.today.minusDays(10) + "&to=" + this.today);

		assertThat(report.get("total").asInt()).isEqualTo(1);
		assertThat(report.at("/rows/0/targetId").asString()).isEqualTo(this.dog);
	}

	@Test
	void adminsSeeEveryChildOtherSupervisorsNotThisOneTechniciansAndParentsNothing() {
		assertThat(childIds(report(this.world.admin(), this.query))).contains(this.childId);
		JsonNode stranger = report(this.world.clinic().aTherapist("BCBA"), this.query);
		assertThat(stranger.get("rows")).isEmpty();
		assertThat(stranger.get("total").asInt()).isZero();
		Api.Response technician = this.world.technician().api().get("/api/reports/masteries" + this.query);
		assertThat(technician.status()).isEqualTo(403);
		assertThat(technician.contentType()).startsWith("application/problem+json");
		assertThat(this.world.guardian().api().get("/api/reports/masteries" + this.query).status()).isEqualTo(403);
		assertThat(this.world.guardian().api().get("/api/reports/masteries.csv" + this.query).status()).isEqualTo(403);
	}

	@Test
	void everyChildWithARowIsLoggedOnce() {
		report(this.world.supervisor(), this.query);

		assertThat(this.jdbc.sql("""
				select count(*) from audit_log where account_id = :supervisor and child_id = :child
				    and action = 'report' and resource_type like 'report:masteries:%' and outcome = 'success'
				""")
			.param("supervisor", UUID.fromString(this.world.supervisor().id()))
			.param("child", UUID.fromString(this.childId))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theCsvHasARowPerMastery() {
		Api.Response csv = this.world.supervisor().api().get("/api/reports/masteries.csv" + this.query);

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		List<String> lines = csv.text().lines().toList();
		assertThat(lines.get(0))
			.isEqualTo("child,child_id,program,program_id,target,target_id,mastered_on,mastered_at");
		assertThat(lines.stream().skip(1).map(l -> l.split(",")[4] + "," + l.split(",")[6]))
			.containsExactly("cat," + this.today.minusDays(40), "dog," + this.today);
	}

	@Test
	void refusesABadPeriodWithAProblem() {
		for (String bad : List.of("?from=2026-05-02&to=2026-05-01", "?from=yesterday")) {
			Api.Response response = this.world.supervisor().api().get("/api/reports/masteries" + bad);
			assertThat(response.status()).as(bad).isEqualTo(400);
			assertThat(response.contentType()).as(bad).startsWith("application/problem+json");
		}
	}

	private static JsonNode report(Person person, String query) {
		Api.Response response = person.api().get("/api/reports/masteries" + query);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	private static List<String> childIds(JsonNode report) {
		List<String> ids = new ArrayList<>();
		report.get("rows").forEach(row -> ids.add(row.get("childId").asString()));
		return ids;
	}

}
