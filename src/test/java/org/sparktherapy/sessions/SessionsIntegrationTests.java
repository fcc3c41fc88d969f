package org.sparktherapy.sessions;

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
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

@IntegrationTest
class SessionsIntegrationTests {

	private static final List<String> EIGHT_OF_TEN = List.of("correct", "correct", "correct", "incorrect", "correct",
			"correct", "correct", "correct", "incorrect", "correct");

	@LocalServerPort
	int port;

	Clinic clinic;

	Person admin;

	Person supervisor;

	Person technician;

	Person guardian;

	String childId;

	String programId;

	String dog;

	String cat;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.supervisor = this.clinic.aTherapist("BCBA");
		this.technician = this.clinic.aTherapist("RBT");
		this.guardian = this.clinic.aParent();
		this.childId = this.clinic.aChild(this.admin, this.guardian, this.supervisor, this.technician);
		Api.Response program = this.clinic.aProgram(this.supervisor, this.childId);
		this.programId = program.at("/id");
		this.dog = program.at("/targets/0/id");
		this.cat = program.at("/targets/1/id");
		this.supervisor.api()
			.put("/api/programs/" + this.programId + "/targets/" + this.dog, body("phase", "intervention"));
	}

	@Test
	void aTherapistRecordsTrialsIdempotentlyAndSubmits() {
		String id = UUID.randomUUID().toString();
		Instant start = Instant.now().minusSeconds(600);
		Api.Response created = this.technician.api()
			.put("/api/sessions/" + id, body("childId", this.childId, "serviceCode", "97153", "place", "home",
					"startedAt", start.toString()));
		List<Object> events = List.of(trial("correct", "independent", start), trial("incorrect", "verbal", start),
				trial("correct", "gestural", start));

		Api.Response first = this.technician.api().post("/api/sessions/" + id + "/events", body("events", events));
		Api.Response replay = this.technician.api().post("/api/sessions/" + id + "/events", body("events", events));

		assertThat(created.status()).isEqualTo(201);
		assertThat(first.json().get("accepted")).hasSize(3);
		assertThat(replay.json().get("accepted")).isEmpty();
		assertThat(replay.json().get("duplicates")).hasSize(3);
		Api.Response session = this.technician.api().get("/api/sessions/" + id);
		assertThat(session.json().get("events")).hasSize(3);
		assertThat(session.at("/tallies/0/trials")).isEqualTo("3");
		assertThat(session.at("/tallies/0/correct")).isEqualTo("2");
		assertThat(session.at("/tallies/0/percentCorrect")).isEqualTo("66.7");
		assertThat(session.at("/tallies/0/percentIndependent")).isEqualTo("33.3");
		assertThat(session.at("/tallies/0/name")).isEqualTo("dog");

		Api.Response submitted = this.technician.api().post("/api/sessions/" + id + "/submit", body("note", "Good"));

		assertThat(submitted.status()).isEqualTo(200);
		assertThat(submitted.at("/status")).isEqualTo("submitted");
		assertThat(submitted.at("/endedAt")).isNotNull();
		assertThat(submitted.at("/note")).isEqualTo("Good");
		assertThat(this.technician.api()
			.post("/api/sessions/" + id + "/events", body("events", List.of(trial("correct", "independent", start))))
			.status()).isEqualTo(409);
		assertThat(this.technician.api()
			.put("/api/sessions/" + id,
					body("childId", this.childId, "serviceCode", "97153", "place", "home", "startedAt",
							start.toString()))
			.status()).isEqualTo(409);
		assertThat(this.technician.api().post("/api/sessions/" + id + "/submit", "{}").status()).isEqualTo(409);
	}

	@Test
	void anUpdateOfAnOpenSessionAnswers200() {
		String id = this.clinic.aSession(this.technician, this.childId, this.dog, List.of(), false);

		Api.Response updated = this.technician.api()
			.put("/api/sessions/" + id, body("childId", this.childId, "serviceCode", "97155", "place", "school",
					"startedAt", Instant.now().minusSeconds(60).toString()));

		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.at("/serviceCode")).isEqualTo("97155");
		assertThat(this.supervisor.api()
			.put("/api/sessions/" + id,
					body("childId", this.childId, "serviceCode", "97153", "place", "home", "startedAt",
							Instant.now().toString()))
			.status()).as("another therapist's").isEqualTo(403);
	}

	@Test
	void sessionUpdatesAreGuardedByTheirVersion() {
		String id = this.clinic.aSession(this.technician, this.childId, this.dog, List.of(), false);
		String etag = this.technician.api().get("/api/sessions/" + id).header("ETag");
		Object draft = body("childId", this.childId, "serviceCode", "97153", "place", "home", "startedAt",
				Instant.now().toString());
		Api.Response first = this.technician.api().put("/api/sessions/" + id, draft, "If-Match", etag);

		Api.Response stale = this.technician.api().put("/api/sessions/" + id, draft, "If-Match", etag);

		assertThat(etag).isEqualTo("\"0\"");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("ETag")).isEqualTo("\"1\"");
		assertThat(stale.status()).isEqualTo(412);
	}

	@Test
	void oneBadEventRefusesTheWholeBatchNamingIt() {
		String id = this.clinic.aSession(this.technician, this.childId, this.dog, List.of(), false);
		Instant now = Instant.now();
		Person otherSupervisor = this.clinic.aTherapist("BCBA");
		String otherChild = this.clinic.aChild(this.admin, null, otherSupervisor, null);
		String foreignTarget = this.clinic.aProgram(otherSupervisor, otherChild).at("/targets/0/id");
		List<Object> events = new ArrayList<>();
		events.add(trial("correct", "independent", now));
		events.add(trial("correct", "shouting", now));
		events.add(body("id", UUID.randomUUID().toString(), "type", "trial", "targetId", foreignTarget, "outcome",
				"correct", "promptLevel", "verbal", "at", now.toString()));
		events.add(trial("correct", "independent", now.plusSeconds(3600)));

		Api.Response response = this.technician.api().post("/api/sessions/" + id + "/events", body("events", events));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.at("/type")).isEqualTo("https://sparktherapy.org/problems/invalid-events");
		assertThat(response.json().get("errors").findValuesAsString("pointer")).containsExactly("/events/1/promptLevel",
				"/events/2/targetId", "/events/3/at");
		assertThat(this.technician.api().get("/api/sessions/" + id).json().get("events")).isEmpty();
	}

	@Test
	void countsAndDurationsMustBePositiveAndFitTheProgram() {
		String behaviorProgram = this.supervisor.api()
			.post("/api/programs",
					body("childId", this.childId, "name", "Elopement", "domain", "behavior_reduction", "kind",
							"behavior", "measurement", "frequency", "targets", List.of(body("name", "Elopement"))))
			.at("/targets/0/id");
		String id = this.clinic.aSession(this.technician, this.childId, this.dog, List.of(), false);
		String now = Instant.now().toString();

		Api.Response negative = record(id, body("id", UUID.randomUUID().toString(), "type", "frequency", "targetId",
				behaviorProgram, "count", -2, "at", now));
		Api.Response wrongKind = record(id, body("id", UUID.randomUUID().toString(), "type", "frequency", "targetId",
				this.dog, "count", 1, "at", now));
		Api.Response zeroSeconds = record(id, body("id", UUID.randomUUID().toString(), "type", "duration", "targetId",
				behaviorProgram, "seconds", 0, "at", now));
		Api.Response counted = record(id,
				body("id", UUID.randomUUID().toString(), "type", "frequency", "targetId", behaviorProgram, "count", 2,
						"at", now),
				body("id", UUID.randomUUID().toString(), "type", "abc", "antecedent", "Asked to clean up", "behavior",
						"Ran to the door", "consequence", "Blocked", "targetId", behaviorProgram, "at", now));

		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.at("/errors/0/pointer")).isEqualTo("/events/0/count");
		assertThat(wrongKind.at("/errors/0/pointer")).isEqualTo("/events/0/targetId");
		assertThat(zeroSeconds.status()).isEqualTo(400);
		assertThat(counted.status()).isEqualTo(200);
		assertThat(this.technician.api().get("/api/sessions/" + id).at("/tallies/0/count")).isEqualTo("2");
	}

	@Test
	void batchesAreBoundedAndUnknownTypesRefused() {
		String id = this.clinic.aSession(this.technician, this.childId, this.dog, List.of(), false);
		List<Object> tooMany = new ArrayList<>();
		for (int i = 0; i < 501; i++) {
			tooMany.add(trial("correct", "independent", Instant.now()));
		}

		assertThat(this.technician.api().post("/api/sessions/" + id + "/events", body("events", tooMany)).status())
			.isEqualTo(400);
		assertThat(
				record(id, body("id", UUID.randomUUID().toString(), "type", "sneeze", "at", Instant.now().toString()))
					.at("/errors/0/pointer"))
			.isEqualTo("/events/0/type");
	}

	@Test
	void anEventIdOfAnotherSessionIsRefusedNotSwallowed() {
		String first = this.clinic.aSession(this.technician, this.childId, this.dog, List.of(), false);
		String second = this.clinic.aSession(this.technician, this.childId, this.dog, List.of(), false);
		Object event = trial("correct", "independent", Instant.now());
		record(first, event);

		Api.Response response = record(second, event);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.at("/errors/0/pointer")).isEqualTo("/events/0/id");
	}

	@Test
	void aSessionIsSubmittedOnceEvenWhenTappedTwiceAtOnce() throws Exception {
		String id = this.clinic.aSession(this.technician, this.childId, this.dog, List.of("correct"), false);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var a = pool.submit(() -> this.technician.api().post("/api/sessions/" + id + "/submit", "{}").status());
			var b = pool.submit(() -> this.technician.api().post("/api/sessions/" + id + "/submit", "{}").status());

			assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void undoTakesAnEventOutOfTheTally() {
		String id = this.clinic.aSession(this.technician, this.childId, this.dog, List.of(), false);
		Instant now = Instant.now();
		Object mistaken = trial("incorrect", "independent", now);
		record(id, trial("correct", "independent", now), mistaken);

		record(id, body("id", UUID.randomUUID().toString(), "type", "undo", "undoes",
				((java.util.Map<?, ?>) mistaken).get("id"), "at", now.toString()));

		Api.Response session = this.technician.api().get("/api/sessions/" + id);
		assertThat(session.at("/tallies/0/trials")).isEqualTo("1");
		assertThat(session.at("/tallies/0/percentCorrect")).isEqualTo("100.0");
		assertThat(session.json().get("events")).hasSize(3);
	}

	@Test
	void guardiansSeeSubmittedSessionsAndCoSignOnce() {
		String open = this.clinic.aSession(this.technician, this.childId, this.dog, List.of("correct"), false);
		String submitted = this.clinic.aSession(this.technician, this.childId, this.dog, List.of("correct"), true);
		String signature = "data:image/png;base64,iVBORw0KGgo=";

		Api.Response list = this.guardian.api().get("/api/children/" + this.childId + "/sessions");
		Api.Response cosigned = this.guardian.api()
			.post("/api/sessions/" + submitted + "/guardian-signature",
					body("name", "Pat Guardian", "signature", signature));
		Api.Response again = this.guardian.api()
			.post("/api/sessions/" + submitted + "/guardian-signature",
					body("name", "Pat Guardian", "signature", signature));

		assertThat(list.json().get("content")).hasSize(1);
		assertThat(list.at("/content/0/id")).isEqualTo(submitted);
		assertThat(this.guardian.api().get("/api/sessions/" + open).status()).isEqualTo(404);
		assertThat(cosigned.status()).isEqualTo(200);
		assertThat(cosigned.at("/guardianSignature/name")).isEqualTo("Pat Guardian");
		assertThat(again.status()).isEqualTo(409);
		assertThat(this.technician.api()
			.post("/api/sessions/" + submitted + "/guardian-signature", body("name", "T", "signature", signature))
			.status()).isEqualTo(403);
		assertThat(this.guardian.api()
			.post("/api/sessions/" + submitted + "/guardian-signature",
					body("name", "T", "signature", "javascript:alert(1)"))
			.status()).isEqualTo(400);
		assertThat(this.technician.api().get("/api/children/" + this.childId + "/sessions").json().get("content"))
			.hasSize(2);
	}

	@Test
	void addendaCorrectSubmittedSessionsOnly() {
		String open = this.clinic.aSession(this.technician, this.childId, this.dog, List.of("correct"), false);
		String submitted = this.clinic.aSession(this.technician, this.childId, this.dog, List.of("correct"), true);

		Api.Response addendum = this.supervisor.api()
			.post("/api/sessions/" + submitted + "/addenda",
					body("reason", "Late entry", "text", "Two more trials were run after the note was signed."));

		assertThat(addendum.status()).isEqualTo(201);
		assertThat(addendum.at("/by/id")).isEqualTo(this.supervisor.id());
		assertThat(this.technician.api().get("/api/sessions/" + submitted).at("/addenda/0/reason"))
			.isEqualTo("Late entry");
		assertThat(this.technician.api().get("/api/sessions/" + submitted).at("/tallies/0/trials")).isEqualTo("1");
		assertThat(this.supervisor.api()
			.post("/api/sessions/" + open + "/addenda", body("reason", "x", "text", "y"))
			.status()).isEqualTo(409);
		assertThat(this.guardian.api()
			.post("/api/sessions/" + submitted + "/addenda", body("reason", "x", "text", "y"))
			.status()).isEqualTo(403);
	}

	@Test
	void threeQualifyingSessionsMasterTheTargetAndAdvanceTheNext() {
		for (int i = 0; i < 2; i++) {
			this.clinic.aSession(this.technician, this.childId, this.dog, EIGHT_OF_TEN, true);
		}
		assertThat(phaseOf(this.dog)).isEqualTo("intervention");

		this.clinic.aSession(this.technician, this.childId, this.dog, EIGHT_OF_TEN, true);

		assertThat(phaseOf(this.dog)).isEqualTo("mastered");
		assertThat(phaseOf(this.cat)).isEqualTo("intervention");
		JsonNode progress = this.guardian.api().get("/api/children/" + this.childId + "/progress").json();
		JsonNode dogProgress = target(progress, this.dog);
		assertThat(dogProgress.get("points")).hasSize(3);
		assertThat(dogProgress.get("points").get(2).get("percentCorrect").asDouble()).isEqualTo(80.0);
		assertThat(dogProgress.get("points").get(2).get("meetsCriterion").asBoolean()).isTrue();
		assertThat(dogProgress.get("criterion").get("percent").asInt()).isEqualTo(80);
		assertThat(dogProgress.get("masteredAt").isNull()).isFalse();
		JsonNode last = dogProgress.get("phaseChanges").get(dogProgress.get("phaseChanges").size() - 1);
		assertThat(last.get("phase").asString()).isEqualTo("mastered");
		assertThat(last.get("automatic").asBoolean()).isTrue();
		assertThat(last.get("by").isNull()).isTrue();
	}

	@Test
	void aWeakSessionAmongTheLastThreePreventsMastery() {
		this.clinic.aSession(this.technician, this.childId, this.dog, EIGHT_OF_TEN, true);
		this.clinic.aSession(this.technician, this.childId, this.dog,
				List.of("correct", "incorrect", "incorrect", "correct", "incorrect"), true);
		this.clinic.aSession(this.technician, this.childId, this.dog, EIGHT_OF_TEN, true);
		this.clinic.aSession(this.technician, this.childId, this.dog, List.of("correct", "correct", "correct"), true);

		assertThat(phaseOf(this.dog)).as("the last session had fewer than the minimum 5 trials")
			.isEqualTo("intervention");
	}

	@Test
	void aSupervisorUndoesAnAutomaticMastery() {
		for (int i = 0; i < 3; i++) {
			this.clinic.aSession(this.technician, this.childId, this.dog, EIGHT_OF_TEN, true);
		}

		Api.Response undone = this.supervisor.api()
			.post("/api/programs/" + this.programId + "/targets/" + this.dog + "/undo-mastery", "{}");

		assertThat(undone.status()).isEqualTo(200);
		assertThat(phaseOf(this.dog)).isEqualTo("intervention");
		assertThat(phaseOf(this.cat)).isEqualTo("baseline");
		assertThat(this.supervisor.api()
			.post("/api/programs/" + this.programId + "/targets/" + this.dog + "/undo-mastery", "{}")
			.status()).isEqualTo(409);
	}

	@Test
	void sessionsAreForActiveChildrenWithSaneTimes() {
		String intakeChild = this.guardian.api()
			.post("/api/children", body("firstName", "New", "lastName", "Kid", "dateOfBirth", "2020-01-01"))
			.at("/id");
		this.admin.api()
			.post("/api/children/" + intakeChild + "/care-team",
					body("userId", this.technician.id(), "role", "technician"));
		Instant now = Instant.now();

		Api.Response intake = this.technician.api()
			.put("/api/sessions/" + UUID.randomUUID(), body("childId", intakeChild, "serviceCode", "97153", "place",
					"clinic", "startedAt", now.toString()));
		Api.Response backwards = this.technician.api()
			.put("/api/sessions/" + UUID.randomUUID(), body("childId", this.childId, "serviceCode", "97153", "place",
					"clinic", "startedAt", now.toString(), "endedAt", now.minusSeconds(60).toString()));
		Api.Response badCode = this.technician.api()
			.put("/api/sessions/" + UUID.randomUUID(), body("childId", this.childId, "serviceCode", "99213", "place",
					"clinic", "startedAt", now.toString()));
		Api.Response badPlace = this.technician.api()
			.put("/api/sessions/" + UUID.randomUUID(), body("childId", this.childId, "serviceCode", "97153", "place",
					"moon", "startedAt", now.toString()));

		assertThat(intake.status()).isEqualTo(409);
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.at("/errors/0/pointer")).isEqualTo("/endedAt");
		assertThat(badCode.at("/errors/0/pointer")).isEqualTo("/serviceCode");
		assertThat(badPlace.at("/errors/0/pointer")).isEqualTo("/place");
	}

	@Test
	void outsidersFindNeitherSessionsNorProgress() {
		String submitted = this.clinic.aSession(this.technician, this.childId, this.dog, List.of("correct"), true);
		Person stranger = this.clinic.aParent();

		assertThat(stranger.api().get("/api/sessions/" + submitted).status()).isEqualTo(404);
		assertThat(stranger.api().get("/api/children/" + this.childId + "/progress").status()).isEqualTo(404);
		assertThat(stranger.api().get("/api/children/" + this.childId + "/sessions").status()).isEqualTo(404);
		assertThat(this.admin.api()
			.put("/api/sessions/" + UUID.randomUUID(),
					body("childId", this.childId, "serviceCode", "97153", "place", "clinic", "startedAt",
							Instant.now().toString()))
			.status()).as("admins read sessions but do not record them").isEqualTo(403);
	}

	private Api.Response record(String sessionId, Object... events) {
		return this.technician.api().post("/api/sessions/" + sessionId + "/events", body("events", List.of(events)));
	}

	private String phaseOf(String targetId) {
		for (JsonNode target : this.supervisor.api().get("/api/programs/" + this.programId).json().get("targets")) {
			if (target.get("id").asString().equals(targetId)) {
				return target.get("phase").asString();
			}
		}
		throw new AssertionError("no target " + targetId);
	}

	private static JsonNode target(JsonNode progress, String targetId) {
		for (JsonNode target : progress.get("targets")) {
			if (target.get("targetId").asString().equals(targetId)) {
				return target;
			}
		}
		throw new AssertionError("no progress for " + targetId);
	}

	private Object trial(String outcome, String prompt, Instant at) {
		return body("id", UUID.randomUUID().toString(), "type", "trial", "targetId", this.dog, "outcome", outcome,
				"promptLevel", prompt, "at", at.toString());
	}

}
