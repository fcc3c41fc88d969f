package org.sparktherapy.programs;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

@IntegrationTest
class ProgramsIntegrationTests {

	@LocalServerPort
	int port;

	Clinic clinic;

	Person admin;

	Person supervisor;

	Person technician;

	Person guardian;

	String childId;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.supervisor = this.clinic.aTherapist("BCBA");
		this.technician = this.clinic.aTherapist("RBT");
		this.guardian = this.clinic.aParent();
		this.childId = this.clinic.aChild(this.admin, this.guardian, this.supervisor, this.technician);
	}

	@Test
	void theSupervisorCreatesAProgramWithTargetsInBaseline() {
		Api.Response program = this.clinic.aProgram(this.supervisor, this.childId);

		assertThat(program.header("Location")).endsWith("/api/programs/" + program.at("/id"));
		assertThat(program.at("/childId")).isEqualTo(this.childId);
		assertThat(program.at("/status")).isEqualTo("active");
		assertThat(program.at("/masteryCriterion/percent")).isEqualTo("80");
		assertThat(names(program)).containsExactly("dog", "cat");
		assertThat(program.json().get("targets").findValuesAsString("phase")).containsOnly("baseline");
		assertThat(program.at("/targets/0/id")).isNotNull();
		assertThat(program.at("/targets/0/phaseChanges/0/by/id")).isEqualTo(this.supervisor.id());
	}

	@Test
	void techniciansAndGuardiansReadButDoNotDesign() {
		String programId = this.clinic.aProgram(this.supervisor, this.childId).at("/id");
		String targetId = this.supervisor.api().get("/api/programs/" + programId).at("/targets/0/id");

		for (Person reader : List.of(this.technician, this.guardian)) {
			Api api = reader.api();
			assertThat(api.get("/api/programs/" + programId).status()).isEqualTo(200);
			assertThat(api.get("/api/programs/child/" + this.childId).at("/content/0/id")).isEqualTo(programId);
			assertThat(api.put("/api/programs/" + programId, body("name", "x")).status()).isEqualTo(403);
			assertThat(api.post("/api/programs/" + programId + "/targets", body("name", "cow")).status())
				.isEqualTo(403);
			assertThat(api.put("/api/programs/" + programId + "/targets/" + targetId, body("phase", "intervention"))
				.status()).isEqualTo(403);
			assertThat(api.delete("/api/programs/" + programId).status()).isEqualTo(403);
			assertThat(api
				.post("/api/programs",
						body("childId", this.childId, "name", "x", "domain", "play", "kind", "behavior", "measurement",
								"frequency"))
				.status()).isEqualTo(403);
		}
	}

	@Test
	void outsidersDoNotFindPrograms() {
		String programId = this.clinic.aProgram(this.supervisor, this.childId).at("/id");
		Person otherSupervisor = this.clinic.aTherapist("BCBA");

		assertThat(otherSupervisor.api().get("/api/programs/" + programId).status()).isEqualTo(404);
		assertThat(otherSupervisor.api().put("/api/programs/" + programId, body("name", "x")).status()).isEqualTo(404);
		assertThat(otherSupervisor.api()
			.post("/api/programs",
					body("childId", this.childId, "name", "x", "domain", "play", "kind", "behavior", "measurement",
							"frequency"))
			.status()).isEqualTo(404);
		assertThat(this.admin.api().get("/api/programs/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void phaseChangesAreDatedSignedAndMustMakeSense() {
		String programId = this.clinic.aProgram(this.supervisor, this.childId).at("/id");
		String targetId = this.supervisor.api().get("/api/programs/" + programId).at("/targets/0/id");
		String path = "/api/programs/" + programId + "/targets/" + targetId;

		Api.Response intervention = this.supervisor.api().put(path, body("phase", "intervention"));
		Api.Response jump = this.supervisor.api().put(path, body("phase", "maintenance"));
		Api.Response same = this.supervisor.api().put(path, body("phase", "intervention"));
		Api.Response unknown = this.supervisor.api().put(path, body("phase", "finished"));

		assertThat(intervention.status()).isEqualTo(200);
		assertThat(intervention.at("/phase")).isEqualTo("intervention");
		assertThat(intervention.at("/phaseChanges/1/phase")).isEqualTo("intervention");
		assertThat(intervention.at("/phaseChanges/1/by/name")).isEqualTo("Test therapist");
		assertThat(intervention.at("/phaseChanges/1/at")).isNotNull();
		assertThat(jump.status()).isEqualTo(409);
		assertThat(jump.at("/type")).isEqualTo("https://sparktherapy.org/problems/phase-change-not-allowed");
		assertThat(same.status()).isEqualTo(409);
		assertThat(unknown.status()).isEqualTo(400);
	}

	@Test
	void measurementMustFitTheKindAndSkillsNeedACriterion() {
		Api.Response mismatch = this.supervisor.api()
			.post("/api/programs", body("childId", this.childId, "name", "Hitting", "domain", "behavior_reduction",
					"kind", "behavior", "measurement", "percent_correct"));
		Api.Response noCriterion = this.supervisor.api()
			.post("/api/programs", body("childId", this.childId, "name", "Manding", "domain", "communication", "kind",
					"skill", "measurement", "percent_correct"));
		Api.Response behavior = this.supervisor.api()
			.post("/api/programs",
					body("childId", this.childId, "name", "Elopement", "domain", "behavior_reduction", "kind",
							"behavior", "measurement", "frequency", "targets",
							List.of(body("name", "Elopement", "definition", "Leaving the area without permission"))));

		assertThat(mismatch.status()).isEqualTo(400);
		assertThat(mismatch.at("/errors/0/pointer")).isEqualTo("/measurement");
		assertThat(noCriterion.status()).isEqualTo(400);
		assertThat(noCriterion.at("/errors/0/pointer")).isEqualTo("/masteryCriterion");
		assertThat(behavior.status()).isEqualTo(201);
		assertThat(behavior.at("/targets/0/definition")).isEqualTo("Leaving the area without permission");
	}

	@Test
	void noProgramsForAnArchivedChild() {
		this.admin.api().delete("/api/children/" + this.childId);

		Api.Response response = this.supervisor.api()
			.post("/api/programs", body("childId", this.childId, "name", "x", "domain", "play", "kind", "behavior",
					"measurement", "frequency"));

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.at("/type")).isEqualTo("https://sparktherapy.org/problems/child-not-in-care");
	}

	@Test
	void archivedProgramsAreKeptButListedOnlyOnRequest() {
		String programId = this.clinic.aProgram(this.supervisor, this.childId).at("/id");

		assertThat(this.supervisor.api().delete("/api/programs/" + programId).status()).isEqualTo(204);

		assertThat(this.supervisor.api().get("/api/programs/" + programId).at("/status")).isEqualTo("archived");
		assertThat(this.supervisor.api().get("/api/programs/child/" + this.childId).json().get("content")).isEmpty();
		assertThat(this.supervisor.api()
			.get("/api/programs/child/" + this.childId + "?includeArchived=true")
			.at("/content/0/id")).isEqualTo(programId);
		assertThat(this.supervisor.api().post("/api/programs/" + programId + "/targets", body("name", "cow")).status())
			.isEqualTo(409);
	}

	@Test
	void targetsAreAddedRenamedAndReordered() {
		Api.Response program = this.clinic.aProgram(this.supervisor, this.childId);
		String programId = program.at("/id");
		Api.Response cow = this.supervisor.api().post("/api/programs/" + programId + "/targets", body("name", "cow"));
		String dog = program.at("/targets/0/id");
		String cat = program.at("/targets/1/id");

		Api.Response reordered = this.supervisor.api()
			.put("/api/programs/" + programId + "/target-order", body("targetIds", List.of(cow.at("/id"), cat, dog)));
		Api.Response incomplete = this.supervisor.api()
			.put("/api/programs/" + programId + "/target-order", body("targetIds", List.of(cat, dog)));
		Api.Response renamed = this.supervisor.api()
			.put("/api/programs/" + programId + "/targets/" + cat, body("name", "kitten", "notes", "use photos"));

		assertThat(cow.status()).isEqualTo(201);
		assertThat(cow.at("/phase")).isEqualTo("baseline");
		assertThat(names(reordered)).containsExactly("cow", "cat", "dog");
		assertThat(incomplete.status()).isEqualTo(400);
		assertThat(renamed.at("/name")).isEqualTo("kitten");
		assertThat(renamed.at("/notes")).isEqualTo("use photos");
	}

	@Test
	void aTargetOfAnotherProgramIsNotFound() {
		String first = this.clinic.aProgram(this.supervisor, this.childId).at("/id");
		String otherTarget = this.clinic.aProgram(this.supervisor, this.childId).at("/targets/0/id");

		assertThat(this.supervisor.api()
			.put("/api/programs/" + first + "/targets/" + otherTarget, body("name", "x"))
			.status()).isEqualTo(404);
	}

	@Test
	void programChangesAreGuardedByVersionAndRecordedInTheHistory() {
		Api.Response program = this.clinic.aProgram(this.supervisor, this.childId);
		String path = "/api/programs/" + program.at("/id");

		Api.Response changed = this.supervisor.api()
			.put(path, body("masteryCriterion", body("percent", 90, "consecutiveSessions", 2, "minTrials", 10)),
					"If-Match", program.header("ETag"));
		Api.Response stale = this.supervisor.api().put(path, body("name", "x"), "If-Match", program.header("ETag"));

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.at("/masteryCriterion/percent")).isEqualTo("90");
		assertThat(stale.status()).isEqualTo(412);
		Api.Response history = this.guardian.api().get("/api/children/" + this.childId + "/history");
		assertThat(history.at("/content/0/entity")).isEqualTo("program");
		assertThat(history.at("/content/0/changes/0/field")).isEqualTo("masteryCriterion");
	}

	private static List<String> names(Api.Response program) {
		List<String> names = new java.util.ArrayList<>();
		program.json().get("targets").forEach(target -> names.add(target.get("name").asString()));
		return names;
	}

}
