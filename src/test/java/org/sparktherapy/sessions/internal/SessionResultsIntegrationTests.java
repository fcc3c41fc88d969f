package org.sparktherapy.sessions.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sparktherapy.programs.Programs;
import org.sparktherapy.support.Api;
import org.sparktherapy.support.Clinic;
import org.sparktherapy.support.Clinic.Person;
import org.sparktherapy.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparktherapy.support.Api.body;

/**
 * Per-target results of submitted sessions (ADR 0049): written when a session is
 * submitted and when an addendum is written, backfilled by the migration, and the same
 * points as replaying the child's events ({@link ProgressCalculator#points}, the
 * definition they replace); progress answers with a strong ETag.
 */
@IntegrationTest
class SessionResultsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SessionRepository sessions;

	@Autowired
	ProgressService progress;

	@Autowired
	SessionResults results;

	@Autowired
	Programs programs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	Clinic clinic;

	Person admin;

	Person supervisor;

	Person technician;

	Person guardian;

	String childId;

	/** measurement → target id */
	Map<String, String> targets;

	@BeforeEach
	void setUp() {
		this.clinic = new Clinic(this.port);
		this.admin = this.clinic.rootAdmin();
		this.supervisor = this.clinic.aTherapist("BCBA");
		this.technician = this.clinic.aTherapist("RBT");
		this.guardian = this.clinic.aParent();
		this.childId = this.clinic.aChild(this.admin, this.guardian, this.supervisor, this.technician);
		this.targets = Map.of("percent_correct", aProgram("skill", "percent_correct"), "task_analysis",
				aProgram("skill", "task_analysis"), "frequency", aProgram("behavior", "frequency"), "rate",
				aProgram("behavior", "rate"), "duration", aProgram("behavior", "duration"));
	}

	@Test
	void submittingASessionWritesItsResultPerTarget() {
		String open = aSessionWith(Instant.now().minus(2, ChronoUnit.DAYS), events(0), false);
		assertThat(rowsOf(open)).isZero();

		this.technician.api().post("/api/sessions/" + open + "/submit", body("note", "Done."));

		assertThat(rowsOf(open)).isEqualTo(5);
		Map<String, Object> trials = this.jdbc
			.sql("select trials, percent_correct from session_target_results where session_id = :s and target_id = :t")
			.param("s", UUID.fromString(open))
			.param("t", UUID.fromString(this.targets.get("percent_correct")))
			.query()
			.singleRow();
		// four trials, one of them undone: two of three correct
		assertThat(trials).containsEntry("trials", 3).containsEntry("percent_correct", 66.7);
	}

	@Test
	void anAddendumRewritesTheSessionsResults() {
		String id = aSessionWith(Instant.now().minus(2, ChronoUnit.DAYS), events(1), true);
		this.jdbc.sql("delete from session_target_results where session_id = :s")
			.param("s", UUID.fromString(id))
			.update();

		Api.Response addendum = this.supervisor.api()
			.post("/api/sessions/" + id + "/addenda", body("reason", "Late entry", "text", "Noted after signing."));

		assertThat(addendum.status()).isEqualTo(201);
		assertThat(rowsOf(id)).isEqualTo(5);
	}

	@Test
	void progressIsTheSameAsReplayingTheEventsAndSoIsTheBackfill() throws IOException {
		Instant start = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		for (int day = 0; day < 12; day++) {
			aSessionWith(start.plus(day, ChronoUnit.DAYS), events(day), true);
		}
		aSessionWith(start.plus(13, ChronoUnit.DAYS), events(13), false);
		UUID child = UUID.fromString(this.childId);
		Instant from = Instant.EPOCH;
		Instant to = Instant.now().plus(2, ChronoUnit.DAYS);

		Map<UUID, List<ProgressCalculator.Point>> replayed = replayed(child, from, to);
		assertThat(replayed.values().stream().mapToInt(List::size).sum()).isEqualTo(60);
		assertThat(stored(child, from, to)).isEqualTo(replayed);

		String migration = new ClassPathResource("db/migration/sessions/V64__sessions_target_results.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		String backfill = migration.substring(migration.indexOf("insert into session_target_results"),
				migration.indexOf(";", migration.indexOf("insert into session_target_results")));
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		transaction.executeWithoutResult(status -> {
			this.jdbc.sql("delete from session_target_results").update();
			this.jdbc.sql(backfill).update();
			assertThat(stored(child, from, to)).isEqualTo(replayed);
			status.setRollbackOnly();
		});
	}

	@Test
	void progressAnswers304ToItsETagUntilASessionIsSubmitted() {
		aSessionWith(Instant.now().minus(3, ChronoUnit.DAYS), events(2), true);
		String path = "/api/children/" + this.childId + "/progress";
		Api.Response first = this.guardian.api().get(path);
		String etag = first.header("ETag");
		assertThat(first.status()).isEqualTo(200);
		assertThat(etag).matches("\"[0-9a-f]{32}\"");

		Api.Response again = this.guardian.api().get(path, "If-None-Match", etag);
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.text()).isEmpty();

		aSessionWith(Instant.now().minus(1, ChronoUnit.DAYS), events(3), true);

		Api.Response changed = this.guardian.api().get(path, "If-None-Match", etag);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("ETag")).isNotEqualTo(etag);
		assertThat(changed.json().get("targets")).hasSize(5);
	}

	@Test
	void progressPointsCarryOnlyTheFigureTheirMeasurementPlots() {
		aSessionWith(Instant.now().minus(3, ChronoUnit.DAYS), events(2), true);

		Api.Response answer = this.guardian.api().get("/api/children/" + this.childId + "/progress");

		Map<String, String> fields = new java.util.HashMap<>();
		answer.json().get("targets").forEach(target -> {
			List<String> names = new ArrayList<>(target.get("points").get(0).propertyNames());
			names.sort(null);
			fields.put(target.get("measurement").asString(), String.join(",", names));
		});
		assertThat(fields).containsEntry("percent_correct", "date,meetsCriterion,percentCorrect,sessionId,trials")
			.containsEntry("task_analysis", "date,meetsCriterion,percentIndependent,sessionId,trials")
			.containsEntry("frequency", "count,date,meetsCriterion,sessionId,trials")
			.containsEntry("rate", "date,meetsCriterion,ratePerHour,sessionId,trials")
			.containsEntry("duration", "date,durationSeconds,meetsCriterion,sessionId,trials");
	}

	@Test
	void masteryAndTheCaseloadReadTheSameResultsAsReplayingTheEvents() {
		Instant start = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		// the task analysis's first entry is undone: the caseload's "since" still counts
		// it
		String undoneOnly = aSessionWith(start.minus(2, ChronoUnit.DAYS),
				List.of(body("type", "task_step", "targetId", this.targets.get("task_analysis"), "step", 1,
						"promptLevel", "independent"), body("type", "undo", "undoes", "@last")),
				true);
		List<String> ids = new ArrayList<>();
		for (int day = 0; day < 10; day++) {
			ids.add(aSessionWith(start.plus(day, ChronoUnit.DAYS), events(day), true));
		}
		// two sessions at the same hour, and addenda on two sessions
		ids.add(aSessionWith(start.plus(3, ChronoUnit.DAYS), events(7), true));
		for (String amended : List.of(ids.get(2), ids.get(5))) {
			Api.Response addendum = this.supervisor.api()
				.post("/api/sessions/" + amended + "/addenda", body("reason", "Late entry", "text", "Noted."));
			assertThat(addendum.status()).as(addendum.text()).isEqualTo(201);
		}
		aSessionWith(start.plus(20, ChronoUnit.DAYS), events(4), false);
		UUID child = UUID.fromString(this.childId);
		Instant to = Instant.now().plus(1, ChronoUnit.DAYS);
		List<UUID> targetIds = this.targets.values().stream().map(UUID::fromString).toList();

		List<Instant> froms = new ArrayList<>(List.of(Instant.EPOCH, start.minus(2, ChronoUnit.DAYS)));
		for (int day = 0; day < 12; day++) {
			froms.add(start.plus(day, ChronoUnit.DAYS));
		}
		int compared = 0;
		for (Instant from : froms) {
			List<SessionRepository.SubmittedEvent> events = this.sessions.submittedEvents(child, from, to);
			List<SessionResults.Result> all = this.results.ofTargets(child, targetIds, from, to);
			assertThat(this.results.ofTargets(Map.of(child, targetIds), from, to))
				.as("read for many children, since %s", from)
				.containsExactly(Map.entry(child, all));
			for (UUID target : targetIds) {
				List<MasteryRule.SessionResult> replayed = ProgressCalculator.results(events, target);
				assertThat(ProgressCalculator.stored(all, target)).as("%s since %s", target, from)
					.isEqualTo(replayed)
					.isEqualTo(ProgressCalculator.stored(this.results.ofTargets(child, List.of(target), from, to),
							target));
				compared += replayed.size();
			}
		}
		assertThat(compared).isGreaterThan(100);

		List<SessionRepository.SubmittedEvent> events = this.sessions.submittedEvents(child, Instant.EPOCH, to);
		Map<UUID, Instant> firstSubmitted = this.sessions.firstSubmittedWith(Map.of(child, targetIds), to);
		for (UUID target : targetIds) {
			Instant firstRun = events.stream()
				.filter(e -> e.event().isAbout(target))
				.map(SessionRepository.SubmittedEvent::sessionStartedAt)
				.min(Instant::compareTo)
				.orElse(null);
			assertThat(firstSubmitted.get(target)).isEqualTo(firstRun);
		}
		assertThat(firstSubmitted.get(UUID.fromString(this.targets.get("task_analysis"))))
			.isEqualTo(start.minus(2, ChronoUnit.DAYS));
		assertThat(rowsOf(undoneOnly)).isZero();
	}

	@Test
	void theFunctionComputesWhatV64sStatementDid() throws IOException {
		Instant start = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		List<String> ids = new ArrayList<>();
		for (int day = 0; day < 8; day++) {
			ids.add(aSessionWith(start.plus(day, ChronoUnit.DAYS), events(day), true));
		}
		Api.Response addendum = this.supervisor.api()
			.post("/api/sessions/" + ids.get(1) + "/addenda", body("reason", "Late entry", "text", "Noted."));
		assertThat(addendum.status()).isEqualTo(201);
		aSessionWith(start.plus(9, ChronoUnit.DAYS), events(9), false);

		String migration = new ClassPathResource("db/migration/sessions/V64__sessions_target_results.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		int insert = migration.indexOf("insert into session_target_results");
		String v64 = migration.substring(migration.indexOf("select", insert), migration.indexOf(";", insert));
		String function = "select * from session_target_results_of(null)";
		assertThat(count("(" + v64 + ") except all (" + function + ")")).isZero();
		assertThat(count("(" + function + ") except all (" + v64 + ")")).isZero();
		assertThat(count(function)).isEqualTo(count(v64)).isGreaterThanOrEqualTo(40);
		// and what is stored for the child, one session at a time, is the same
		String child = " where child_id = '" + UUID.fromString(this.childId) + "'";
		String stored = "select session_id, target_id, child_id, started_at, ended_at, trials, percent_correct,"
				+ " percent_independent, count, duration_seconds from session_target_results" + child;
		assertThat(count("(" + stored + ") except all (" + function + child + ")")).isZero();
		assertThat(count("(" + function + child + ") except all (" + stored + ")")).isZero();
		assertThat(count(stored)).isEqualTo(40);
		for (String id : ids) {
			assertThat(this.jdbc.sql("select count(*) from session_target_results_of(:s)")
				.param("s", UUID.fromString(id))
				.query(Integer.class)
				.single()).isEqualTo(5);
		}
	}

	private long count(String query) {
		return this.jdbc.sql("select count(*) from (" + query + ") q").query(Long.class).single();
	}

	private Map<UUID, List<ProgressCalculator.Point>> replayed(UUID child, Instant from, Instant to) {
		List<SessionRepository.SubmittedEvent> events = this.sessions.submittedEvents(child, from, to);
		Map<UUID, Session> byId = this.sessions.submittedSessions(child, from, to)
			.stream()
			.collect(Collectors.toMap(Session::id, Function.identity()));
		Instant now = Instant.now();
		return this.programs.targetsOf(child)
			.stream()
			.collect(Collectors.toMap(Programs.TargetFacts::targetId,
					t -> ProgressCalculator.points(events, byId, t, now)));
	}

	private Map<UUID, List<ProgressCalculator.Point>> stored(UUID child, Instant from, Instant to) {
		return this.progress.compute(child, from, to, null)
			.stream()
			.collect(
					Collectors.toMap(ProgressService.TargetProgress::targetId, ProgressService.TargetProgress::points));
	}

	private int rowsOf(String sessionId) {
		return this.jdbc.sql("select count(*) from session_target_results where session_id = :s")
			.param("s", UUID.fromString(sessionId))
			.query(Integer.class)
			.single();
	}

	private String aProgram(String kind, String measurement) {
		Map<String, Object> program = body("childId", this.childId, "name", "P " + measurement, "domain",
				"communication", "kind", kind, "measurement", measurement, "targets", List.of(body("name", "t")));
		if (kind.equals("skill")) {
			program.put("masteryCriterion", body("percent", 60, "consecutiveSessions", 20, "minTrials", 2));
		}
		Api.Response created = this.supervisor.api().post("/api/programs", program);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.at("/targets/0/id");
	}

	/**
	 * A varied session's events: trials with prompts and an undone one, task steps, a
	 * frequency count, durations, ABC notes (about a target and not).
	 */
	private List<Map<String, Object>> events(int n) {
		List<Map<String, Object>> events = new ArrayList<>();
		String[] outcomes = { "correct", "incorrect", "no_response" };
		String[] prompts = { "independent", "verbal", "gestural", "model" };
		for (int i = 0; i < 3 + n % 4; i++) {
			events.add(body("type", "trial", "targetId", this.targets.get("percent_correct"), "outcome",
					outcomes[(i * (n + 1)) % 3 == 2 && n % 2 == 0 ? 0 : (i + n) % 3], "promptLevel",
					prompts[(i + n) % 4]));
		}
		Map<String, Object> undone = body("type", "trial", "targetId", this.targets.get("percent_correct"), "outcome",
				"incorrect", "promptLevel", "independent");
		events.add(undone);
		events.add(body("type", "undo", "undoes", "@last"));
		for (int i = 0; i < 2 + n % 5; i++) {
			events.add(body("type", "task_step", "targetId", this.targets.get("task_analysis"), "step", i + 1,
					"promptLevel", prompts[(i * 3 + n) % 4]));
		}
		events.add(body("type", "frequency", "targetId", this.targets.get("frequency"), "count", 1 + n % 6));
		events.add(body("type", "frequency", "targetId", this.targets.get("rate"), "count", 2 + n % 3));
		events.add(body("type", "frequency", "targetId", this.targets.get("rate"), "count", 1));
		events.add(body("type", "duration", "targetId", this.targets.get("duration"), "seconds", 30 + 7 * n));
		events.add(body("type", "duration", "targetId", this.targets.get("duration"), "seconds", 61));
		events.add(body("type", "abc", "targetId", this.targets.get("frequency"), "antecedent", "a", "behavior", "b",
				"consequence", "c"));
		events.add(body("type", "abc", "antecedent", "a", "behavior", "b", "consequence", "c"));
		return events;
	}

	/**
	 * A session of 45 minutes from {@code start} with these events; optionally submitted.
	 */
	private String aSessionWith(Instant start, List<Map<String, Object>> events, boolean submit) {
		String id = UUID.randomUUID().toString();
		Api.Response session = this.technician.api()
			.put("/api/sessions/" + id, body("childId", this.childId, "serviceCode", "97153", "place", "clinic",
					"startedAt", start.toString(), "endedAt", start.plus(45, ChronoUnit.MINUTES).toString()));
		assertThat(session.status()).as(session.text()).isEqualTo(201);
		List<Object> batch = new ArrayList<>();
		String last = null;
		for (int i = 0; i < events.size(); i++) {
			Map<String, Object> event = new java.util.HashMap<>(events.get(i));
			String eventId = UUID.randomUUID().toString();
			event.put("id", eventId);
			event.put("at", start.plusSeconds(10L * i + 1).toString());
			if ("@last".equals(event.get("undoes"))) {
				event.put("undoes", last);
			}
			last = eventId;
			batch.add(event);
		}
		Api.Response recorded = this.technician.api().post("/api/sessions/" + id + "/events", body("events", batch));
		assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
		if (submit) {
			Api.Response submitted = this.technician.api()
				.post("/api/sessions/" + id + "/submit", body("note", "Worked well."));
			assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
		}
		return id;
	}

}
