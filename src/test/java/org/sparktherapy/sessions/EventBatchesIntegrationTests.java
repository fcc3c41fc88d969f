package org.sparktherapy.sessions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * Batches of events as a tablet's sync sends them, stored with one insert each (ADR
 * 0050): exact reports of new and already stored events, all or nothing, and the same
 * batch sent several times at once stored once.
 */
@IntegrationTest
class EventBatchesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Clinic clinic;

	Person admin;

	Person technician;

	String childId;

	String dog;

	String session;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		Person supervisor = this.clinic.aTherapist("BCBA");
		this.technician = this.clinic.aTherapist("RBT");
		this.childId = this.clinic.aChild(this.admin, null, supervisor, this.technician);
		this.dog = this.clinic.aProgram(supervisor, this.childId).at("/targets/0/id");
		this.session = this.clinic.aSession(this.technician, this.childId, this.dog, List.of(), false);
	}

	@Test
	void aBatchOfAHundredReportsExactlyWhichEventsWereAlreadyStored() {
		List<Map<String, Object>> earlier = trials(30, "correct");
		assertThat(record(this.session, earlier).json().get("accepted")).hasSize(30);
		List<Map<String, Object>> batch = new ArrayList<>();
		List<String> expectedNew = new ArrayList<>();
		List<String> expectedDuplicates = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			// every third event is a replay; one replay with changed content is still the
			// stored event
			Map<String, Object> event = (i % 3 == 0 && i / 3 < 30) ? earlier.get(i / 3) : trials(1, "incorrect").get(0);
			if (i == 42) {
				event = trial((String) event.get("id"), "incorrect");
			}
			batch.add(event);
			((i % 3 == 0 && i / 3 < 30) ? expectedDuplicates : expectedNew).add((String) event.get("id"));
		}

		Api.Response response = record(this.session, batch);

		assertThat(response.status()).isEqualTo(200);
		assertThat(ids(response.json().get("accepted"))).containsExactlyElementsOf(expectedNew);
		assertThat(ids(response.json().get("duplicates"))).containsExactlyElementsOf(expectedDuplicates);
		assertThat(storedIds(this.session)).hasSize(100).containsExactlyInAnyOrderElementsOf(ids(batch));
		assertThat(this.jdbc.sql("select outcome from session_events where id = cast(:id as uuid)")
			.param("id", batch.get(42).get("id"))
			.query(String.class)
			.single()).isEqualTo("correct");
	}

	@Test
	void aBatchIsOneEntryOfTheAccessLogWithItsCounts() {
		record(this.session, trials(4, "correct"));
		List<Map<String, Object>> batch = trials(96, "correct");

		record(this.session, batch);

		assertThat(this.jdbc.sql("""
				select detail from audit_log where action = 'record' and resource_id = cast(:session as uuid)
				order by seq
				""").param("session", this.session).query(String.class).list())
			.containsExactly("4 events: 4 new, 0 already stored", "96 events: 96 new, 0 already stored");
	}

	@Test
	void aBatchMixingValidAndInvalidEventsStoresNothingAndNamesTheFirstBadOne() {
		List<Map<String, Object>> batch = trials(100, "correct");
		batch.set(37, trial(UUID.randomUUID().toString(), "maybe"));
		batch.set(80, body("id", UUID.randomUUID().toString(), "type", "sneeze", "at", Instant.now().toString()));

		Api.Response response = record(this.session, batch);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.at("/type")).isEqualTo("https://sparktherapy.org/problems/invalid-events");
		assertThat(response.json().get("errors").findValuesAsString("pointer")).containsExactly("/events/37/outcome",
				"/events/80/type");
		assertThat(storedIds(this.session)).isEmpty();
	}

	@Test
	void anIdOfAnotherSessionAmongNewEventsRefusesTheBatchAndStoresNothing() {
		String other = this.clinic.aSession(this.technician, this.childId, this.dog, List.of(), false);
		Map<String, Object> theirs = trials(1, "correct").get(0);
		record(other, List.of(theirs));
		List<Map<String, Object>> batch = trials(100, "correct");
		batch.set(50, theirs);

		Api.Response response = record(this.session, batch);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("pointer")).containsExactly("/events/50/id");
		assertThat(storedIds(this.session)).isEmpty();
		assertThat(storedIds(other)).containsExactly((String) theirs.get("id"));
	}

	@Test
	void theSameBatchSentFromSeveralTabletsAtOnceIsStoredOnce() throws Exception {
		List<Map<String, Object>> batch = trials(100, "correct");
		List<String> all = ids(batch);
		int senders = 6;
		CyclicBarrier start = new CyclicBarrier(senders);
		ExecutorService pool = Executors.newFixedThreadPool(senders);
		List<Future<Api.Response>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < senders; i++) {
				Callable<Api.Response> send = () -> {
					start.await();
					return record(this.session, batch);
				};
				answers.add(pool.submit(send));
			}
			List<String> acceptedByAll = new ArrayList<>();
			for (Future<Api.Response> answer : answers) {
				Api.Response response = answer.get();
				assertThat(response.status()).as(response.text()).isEqualTo(200);
				List<String> accepted = ids(response.json().get("accepted"));
				List<String> duplicates = ids(response.json().get("duplicates"));
				List<String> reported = new ArrayList<>(accepted);
				reported.addAll(duplicates);
				assertThat(reported).containsExactlyInAnyOrderElementsOf(all);
				acceptedByAll.addAll(accepted);
			}
			assertThat(acceptedByAll).containsExactlyInAnyOrderElementsOf(all);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(storedIds(this.session)).hasSize(100).containsExactlyInAnyOrderElementsOf(all);
	}

	private Api.Response record(String sessionId, List<Map<String, Object>> events) {
		return this.technician.api().post("/api/sessions/" + sessionId + "/events", body("events", events));
	}

	private List<Map<String, Object>> trials(int count, String outcome) {
		List<Map<String, Object>> trials = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			trials.add(trial(UUID.randomUUID().toString(), outcome));
		}
		return trials;
	}

	private Map<String, Object> trial(String id, String outcome) {
		return body("id", id, "type", "trial", "targetId", this.dog, "outcome", outcome, "promptLevel", "independent",
				"at", Instant.now().minusSeconds(60).toString());
	}

	private List<String> storedIds(String sessionId) {
		return this.jdbc.sql("select cast(id as text) from session_events where session_id = cast(:session as uuid)")
			.param("session", sessionId)
			.query(String.class)
			.list();
	}

	private static List<String> ids(JsonNode array) {
		List<String> ids = new ArrayList<>();
		array.forEach(id -> ids.add(id.asString()));
		return ids;
	}

	private static List<String> ids(List<Map<String, Object>> events) {
		return events.stream().map(e -> (String) e.get("id")).toList();
	}

}
