package org.sparktherapy.sessions;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
import static org.sparktherapy.support.Api.body;
import static org.sparktherapy.support.TeachingWorld.openSession;
import static org.sparktherapy.support.TeachingWorld.outcomes;
import static org.sparktherapy.support.TeachingWorld.session;

/**
 * The work queues behind the home pages: notes waiting for a signature, a supervisor's
 * review queue, and the caseload's targets near mastery or stalled — each only over the
 * caller's own children.
 */
@IntegrationTest
class QueuesIntegrationTests {

	private static final List<String> NINE_OF_TEN = List.of("correct", "correct", "correct", "correct", "correct",
			"correct", "correct", "correct", "correct", "incorrect");

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

	String dog;

	String cat;

	@BeforeEach
	void setUp() {
		this.world = new TeachingWorld(this.port, this.jdbc);
		this.clinic = this.world.clinic();
		this.admin = this.world.admin();
		this.supervisor = this.world.supervisor();
		this.technician = this.world.technician();
		this.guardian = this.world.guardian();
		this.childId = this.world.childId();
		Api.Response program = this.clinic.aProgram(this.supervisor, this.childId);
		this.dog = program.at("/targets/0/id");
		this.cat = program.at("/targets/1/id");
		TeachingWorld.moveTo(this.supervisor, program.at("/id"), this.dog, "intervention");
	}

	@Test
	void aTargetOneSessionShortOfMasteryIsNearMasteryForItsCareTeamOnly() {
		this.world.backdatePhaseChanges(this.dog, Duration.ofDays(5));
		Instant start = Instant.now().minus(Duration.ofDays(3));
		session(this.technician, this.childId, this.dog, NINE_OF_TEN, start);
		session(this.technician, this.childId, this.dog, NINE_OF_TEN, start.plus(Duration.ofDays(1)));
		// another supervisor's child with a target just as near
		Person otherSupervisor = this.clinic.aTherapist("BCBA");
		String otherChild = this.clinic.aChild(this.admin, this.clinic.aParent(), otherSupervisor, this.technician);
		Api.Response otherProgram = this.clinic.aProgram(otherSupervisor, otherChild);
		String otherDog = otherProgram.at("/targets/0/id");
		TeachingWorld.moveTo(otherSupervisor, otherProgram.at("/id"), otherDog, "intervention");
		this.world.backdatePhaseChanges(otherDog, Duration.ofDays(5));
		session(this.technician, otherChild, otherDog, NINE_OF_TEN, start);
		session(this.technician, otherChild, otherDog, NINE_OF_TEN, start.plus(Duration.ofDays(1)));

		JsonNode targets = targets(this.supervisor);

		assertThat(ids(targets.get("nearMastery"))).contains(this.dog).doesNotContain(this.cat, otherDog);
		JsonNode dog = find(targets.get("nearMastery"), this.dog);
		assertThat(dog.get("childId").asString()).isEqualTo(this.childId);
		assertThat(dog.get("sessionsMeetingInARow").asInt()).isEqualTo(2);
		assertThat(ids(targets.get("stalled"))).doesNotContain(this.dog);
		assertThat(ids(targets(otherSupervisor).get("nearMastery"))).contains(otherDog).doesNotContain(this.dog);
	}

	@Test
	void oneQualifyingSessionOfThreeIsNotNearMastery() {
		this.world.backdatePhaseChanges(this.dog, Duration.ofDays(5));
		session(this.technician, this.childId, this.dog, NINE_OF_TEN, Instant.now().minus(Duration.ofDays(1)));

		assertThat(ids(targets(this.supervisor).get("nearMastery"))).doesNotContain(this.dog);
	}

	@Test
	void aFlatTargetInInterventionForFiveWeeksIsStalled() {
		this.world.backdatePhaseChanges(this.dog, Duration.ofDays(35));
		flatSessions(this.dog, Duration.ofDays(30));

		JsonNode targets = targets(this.supervisor);

		assertThat(ids(targets.get("stalled"))).contains(this.dog);
		assertThat(find(targets.get("stalled"), this.dog).get("sessionsSincePhaseChange").asInt()).isEqualTo(6);
		assertThat(ids(targets.get("nearMastery"))).doesNotContain(this.dog);
	}

	@Test
	void aFlatTargetWithARecentPhaseChangeIsNotStalled() {
		this.world.backdatePhaseChanges(this.dog, Duration.ofDays(20));
		flatSessions(this.dog, Duration.ofDays(18));

		assertThat(ids(targets(this.supervisor).get("stalled"))).doesNotContain(this.dog);
	}

	@Test
	void aRisingTargetIsNotStalled() {
		this.world.backdatePhaseChanges(this.dog, Duration.ofDays(35));
		Instant start = Instant.now().minus(Duration.ofDays(30));
		for (int i = 0; i < 6; i++) {
			session(this.technician, this.childId, this.dog, outcomes(2 + i, 10), start.plus(Duration.ofDays(4L * i)));
		}

		assertThat(ids(targets(this.supervisor).get("stalled"))).doesNotContain(this.dog);
	}

	@Test
	void caseloadTargetsAreTherapistsOwn() {
		assertThat(this.admin.api().get("/api/caseload/targets").status()).isEqualTo(403);
		assertThat(this.guardian.api().get("/api/caseload/targets").status()).isEqualTo(403);
	}

	@Test
	void notesWaitForTheirTherapistThenForAGuardian() {
		// the clinic-wide lists show the newest 20 of a database other test classes
		// share: count them instead
		JsonNode clinicBefore = this.admin.api().get("/api/sessions/unsigned").json();
		String open = openSession(this.technician, this.childId, Instant.now().minus(Duration.ofHours(2)));
		String submitted = session(this.technician, this.childId, this.dog, NINE_OF_TEN,
				Instant.now().minus(Duration.ofHours(5)));

		JsonNode clinicWide = this.admin.api().get("/api/sessions/unsigned").json();
		JsonNode team = this.supervisor.api().get("/api/sessions/unsigned").json();
		JsonNode family = this.guardian.api().get("/api/sessions/unsigned").json();
		JsonNode stranger = this.clinic.aParent().api().get("/api/sessions/unsigned").json();

		assertThat(clinicWide.at("/awaitingTherapist/total").asInt())
			.isEqualTo(clinicBefore.at("/awaitingTherapist/total").asInt() + 1);
		assertThat(clinicWide.at("/awaitingGuardian/total").asInt())
			.isEqualTo(clinicBefore.at("/awaitingGuardian/total").asInt() + 1);
		assertThat(ids(clinicWide.at("/awaitingTherapist/notes"))).doesNotContain(submitted);
		assertThat(ids(clinicWide.at("/awaitingGuardian/notes"))).doesNotContain(open);
		assertThat(ids(team.at("/awaitingTherapist/notes"))).containsExactly(open);
		assertThat(ids(team.at("/awaitingGuardian/notes"))).containsExactly(submitted);
		assertThat(team.at("/awaitingGuardian/total").asInt()).isEqualTo(1);
		assertThat(ids(family.at("/awaitingTherapist/notes"))).isEmpty();
		assertThat(ids(family.at("/awaitingGuardian/notes"))).containsExactly(submitted);
		assertThat(ids(stranger.at("/awaitingGuardian/notes"))).isEmpty();
		assertThat(ids(this.clinic.aTherapist("BCBA")
			.api()
			.get("/api/sessions/unsigned")
			.json()
			.at("/awaitingGuardian/notes"))).isEmpty();
	}

	@Test
	void aCoSignedNoteNoLongerWaits() {
		String submitted = session(this.technician, this.childId, this.dog, NINE_OF_TEN,
				Instant.now().minus(Duration.ofHours(5)));
		Api.Response signed = this.guardian.api()
			.post("/api/sessions/" + submitted + "/guardian-signature",
					body("name", "Pat Parent", "signature", "data:image/png;base64,iVBORw0KGgo="));
		assertThat(signed.status()).as(signed.text()).isEqualTo(200);

		assertThat(ids(this.guardian.api().get("/api/sessions/unsigned").json().at("/awaitingGuardian/notes")))
			.doesNotContain(submitted);
	}

	@Test
	void aSupervisorReviewsTheTechniciansRecentNotesOnly() {
		String technicians = session(this.technician, this.childId, this.dog, NINE_OF_TEN,
				Instant.now().minus(Duration.ofHours(5)));
		String own = session(this.supervisor, this.childId, this.dog, NINE_OF_TEN,
				Instant.now().minus(Duration.ofHours(8)));
		String unsubmitted = openSession(this.technician, this.childId, Instant.now().minus(Duration.ofHours(1)));
		String old = session(this.technician, this.childId, this.dog, NINE_OF_TEN,
				Instant.now().minus(Duration.ofDays(12)));
		this.jdbc.sql("update therapy_sessions set submitted_at = :at where id = :id")
			.param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(11))))
			.param("id", UUID.fromString(old))
			.update();

		JsonNode queue = this.supervisor.api().get("/api/sessions/review-queue").json();

		assertThat(ids(queue.get("notes"))).contains(technicians).doesNotContain(own, unsubmitted, old);
		assertThat(ids(this.technician.api().get("/api/sessions/review-queue").json().get("notes"))).isEmpty();
		assertThat(ids(this.clinic.aTherapist("BCBA").api().get("/api/sessions/review-queue").json().get("notes")))
			.isEmpty();
		assertThat(this.guardian.api().get("/api/sessions/review-queue").status()).isEqualTo(403);
	}

	private void flatSessions(String targetId, Duration ago) {
		Instant start = Instant.now().minus(ago);
		for (int i = 0; i < 6; i++) {
			session(this.technician, this.childId, targetId, outcomes(5, 10), start.plus(Duration.ofDays(3L * i)));
		}
	}

	private static JsonNode targets(Person therapist) {
		Api.Response response = therapist.api().get("/api/caseload/targets");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	private static List<String> ids(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.forEach(
				item -> ids.add(item.has("targetId") ? item.get("targetId").asString() : item.get("id").asString()));
		return ids;
	}

	private static JsonNode find(JsonNode list, String targetId) {
		for (JsonNode item : list) {
			if (item.get("targetId").asString().equals(targetId)) {
				return item;
			}
		}
		throw new AssertionError("no target " + targetId + " in " + list);
	}

}
